"""Translations of the public funding pages (teilhabe.foerderung). The call's own content
(title, description, form fields) is German; these are the frame's strings."""

TRANSLATIONS = {
    "Förderung": {
        "en": "Funding", "uk": "Фінансування", "ar": "التمويل", "tr": "Destek", "fa": "حمایت مالی", "ru": "Финансирование",
    },
    "Förderung für Vereine und Initiativen": {
        "en": "Funding for clubs and initiatives", "uk": "Фінансування для об'єднань та ініціатив",
        "ar": "تمويل للجمعيات والمبادرات", "tr": "Dernekler ve girişimler için destek",
        "fa": "حمایت مالی برای انجمن‌ها و ابتکارها", "ru": "Финансирование для объединений и инициатив",
    },
    "Zurzeit gibt es keinen offenen Aufruf.": {
        "en": "There is no open call at the moment.", "uk": "Зараз немає відкритого конкурсу.",
        "ar": "لا توجد دعوة مفتوحة حاليًا.", "tr": "Şu anda açık bir çağrı yok.",
        "fa": "در حال حاضر فراخوان بازی وجود ندارد.", "ru": "Сейчас нет открытого конкурса.",
    },
    "Baustein": {"en": "Module", "uk": "Модуль", "ar": "الوحدة", "tr": "Modül", "fa": "بخش", "ru": "Модуль"},
    "Antrag bis": {
        "en": "Apply by", "uk": "Заявка до", "ar": "تقديم الطلب حتى", "tr": "Son başvuru", "fa": "مهلت درخواست", "ru": "Заявка до",
    },
    "Antrag beginnen": {
        "en": "Start an application", "uk": "Почати заявку", "ar": "ابدأ الطلب", "tr": "Başvuruya başla", "fa": "شروع درخواست", "ru": "Начать заявку",
    },
    "Sie brauchen kein Konto. Wir schicken Ihnen einen persönlichen Link. Damit können Sie den Antrag speichern und später weitermachen.": {
        "en": "You do not need an account. We will send you a personal link. With it you can save the application and continue later.",
        "uk": "Обліковий запис не потрібен. Ми надішлемо вам особисте посилання. З ним ви можете зберегти заявку й продовжити пізніше.",
        "ar": "لا تحتاج إلى حساب. سنرسل لك رابطًا شخصيًا. يمكنك به حفظ الطلب والمتابعة لاحقًا.",
        "tr": "Hesaba ihtiyacınız yok. Size kişisel bir bağlantı göndereceğiz. Bununla başvuruyu kaydedip daha sonra devam edebilirsiniz.",
        "fa": "به حساب کاربری نیاز ندارید. یک پیوند شخصی برایتان می‌فرستیم. با آن می‌توانید درخواست را ذخیره کنید و بعداً ادامه دهید.",
        "ru": "Учётная запись не нужна. Мы пришлём вам личную ссылку. С ней можно сохранить заявку и продолжить позже.",
    },
    "Link zusenden": {
        "en": "Send me the link", "uk": "Надіслати посилання", "ar": "أرسل الرابط", "tr": "Bağlantıyı gönder", "fa": "ارسال پیوند", "ru": "Отправить ссылку",
    },
    "Link verschickt": {
        "en": "Link sent", "uk": "Посилання надіслано", "ar": "تم إرسال الرابط", "tr": "Bağlantı gönderildi", "fa": "پیوند ارسال شد", "ru": "Ссылка отправлена",
    },
    "Bitte schauen Sie in Ihr E-Mail-Postfach": {
        "en": "Please check your e-mail", "uk": "Будь ласка, перевірте свою пошту", "ar": "يرجى التحقق من بريدك الإلكتروني",
        "tr": "Lütfen e-posta kutunuza bakın", "fa": "لطفاً صندوق ایمیل خود را بررسی کنید", "ru": "Пожалуйста, проверьте электронную почту",
    },
    "Ihr Förderantrag": {
        "en": "Your funding application", "uk": "Ваша заявка на фінансування", "ar": "طلب التمويل الخاص بك",
        "tr": "Destek başvurunuz", "fa": "درخواست حمایت مالی شما", "ru": "Ваша заявка на финансирование",
    },
    "Bitte ändern Sie Ihren Antrag": {
        "en": "Please change your application", "uk": "Будь ласка, змініть заявку", "ar": "يرجى تعديل طلبك",
        "tr": "Lütfen başvurunuzu değiştirin", "fa": "لطفاً درخواست خود را تغییر دهید", "ru": "Пожалуйста, измените заявку",
    },
    "Angaben zum Vorhaben": {
        "en": "About the project", "uk": "Про проєкт", "ar": "معلومات عن المشروع", "tr": "Proje bilgileri", "fa": "اطلاعات طرح", "ru": "О проекте",
    },
    "Kostenplan": {"en": "Cost plan", "uk": "План витрат", "ar": "خطة التكاليف", "tr": "Maliyet planı", "fa": "برنامه هزینه", "ru": "План расходов"},
    "Finanzierungsplan": {
        "en": "Financing plan", "uk": "План фінансування", "ar": "خطة التمويل", "tr": "Finansman planı", "fa": "برنامه تأمین مالی", "ru": "План финансирования",
    },
    "De-minimis-Beihilfen der letzten drei Jahre": {
        "en": "De minimis aid in the last three years", "uk": "Допомога de minimis за останні три роки",
        "ar": "مساعدات الحد الأدنى في السنوات الثلاث الأخيرة", "tr": "Son üç yıldaki de minimis yardımlar",
        "fa": "کمک‌های د مینیمیس در سه سال گذشته", "ru": "Помощь de minimis за последние три года",
    },
    "Speichern": {"en": "Save", "uk": "Зберегти", "ar": "حفظ", "tr": "Kaydet", "fa": "ذخیره", "ru": "Сохранить"},
    "Einreichen": {"en": "Submit", "uk": "Подати", "ar": "تقديم", "tr": "Gönder", "fa": "ارسال", "ru": "Подать"},
    "Anlagen": {"en": "Attachments", "uk": "Додатки", "ar": "المرفقات", "tr": "Ekler", "fa": "پیوست‌ها", "ru": "Приложения"},
    "Noch keine Anlagen.": {
        "en": "No attachments yet.", "uk": "Додатків ще немає.", "ar": "لا توجد مرفقات بعد.", "tr": "Henüz ek yok.", "fa": "هنوز پیوستی نیست.", "ru": "Приложений пока нет.",
    },
    "Hochladen": {"en": "Upload", "uk": "Завантажити", "ar": "رفع", "tr": "Yükle", "fa": "بارگذاری", "ru": "Загрузить"},
    "Beantragt": {"en": "Requested", "uk": "Заявлено", "ar": "المطلوب", "tr": "Talep edilen", "fa": "درخواست‌شده", "ru": "Запрошено"},
    "Bewilligt": {"en": "Approved", "uk": "Затверджено", "ar": "الموافق عليه", "tr": "Onaylanan", "fa": "تأییدشده", "ru": "Одобрено"},
    "Bescheid (PDF)": {
        "en": "Decision (PDF)", "uk": "Рішення (PDF)", "ar": "القرار (PDF)", "tr": "Karar (PDF)", "fa": "تصمیم (PDF)", "ru": "Решение (PDF)",
    },
    "Geld abrufen": {
        "en": "Request money", "uk": "Запросити кошти", "ar": "طلب صرف المبلغ", "tr": "Ödeme iste", "fa": "درخواست پرداخت", "ru": "Запросить средства",
    },
    "Verwendungsnachweis": {
        "en": "Proof of use", "uk": "Звіт про використання", "ar": "إثبات الاستخدام", "tr": "Kullanım kanıtı", "fa": "گزارش مصرف", "ru": "Отчёт об использовании",
    },
    "Datum": {"en": "Date", "uk": "Дата", "ar": "التاريخ", "tr": "Tarih", "fa": "تاریخ", "ru": "Дата"},
    "Empfänger": {"en": "Payee", "uk": "Отримувач", "ar": "المستفيد", "tr": "Alıcı", "fa": "گیرنده", "ru": "Получатель"},
    "Zweck": {"en": "Purpose", "uk": "Мета", "ar": "الغرض", "tr": "Amaç", "fa": "هدف", "ru": "Назначение"},
    "Betrag": {"en": "Amount", "uk": "Сума", "ar": "المبلغ", "tr": "Tutar", "fa": "مبلغ", "ru": "Сумма"},
    "Noch keine Belege.": {
        "en": "No receipts yet.", "uk": "Квитанцій ще немає.", "ar": "لا توجد إيصالات بعد.", "tr": "Henüz belge yok.", "fa": "هنوز رسیدی نیست.", "ru": "Чеков пока нет.",
    },
    "Beleg hinzufügen": {
        "en": "Add a receipt", "uk": "Додати квитанцію", "ar": "إضافة إيصال", "tr": "Belge ekle", "fa": "افزودن رسید", "ru": "Добавить чек",
    },
    "Beleg speichern": {
        "en": "Save receipt", "uk": "Зберегти квитанцію", "ar": "حفظ الإيصال", "tr": "Belgeyi kaydet", "fa": "ذخیره رسید", "ru": "Сохранить чек",
    },
    "Sachbericht und Einreichen": {
        "en": "Report and submission", "uk": "Звіт і подання", "ar": "التقرير والتقديم", "tr": "Rapor ve gönderim", "fa": "گزارش و ارسال", "ru": "Отчёт и подача",
    },
    "Verwendungsnachweis einreichen": {
        "en": "Submit proof of use", "uk": "Подати звіт", "ar": "تقديم إثبات الاستخدام", "tr": "Kullanım kanıtını gönder", "fa": "ارسال گزارش مصرف", "ru": "Подать отчёт",
    },
    "Ihr Antrag ist eingereicht.": {
        "en": "Your application has been submitted.", "uk": "Вашу заявку подано.", "ar": "تم تقديم طلبك.",
        "tr": "Başvurunuz gönderildi.", "fa": "درخواست شما ارسال شد.", "ru": "Ваша заявка подана.",
    },
    "Gespeichert. Sie können später über Ihren Link weitermachen.": {
        "en": "Saved. You can continue later with your link.", "uk": "Збережено. Ви можете продовжити пізніше за своїм посиланням.",
        "ar": "تم الحفظ. يمكنك المتابعة لاحقًا عبر رابطك.", "tr": "Kaydedildi. Bağlantınızla daha sonra devam edebilirsiniz.",
        "fa": "ذخیره شد. می‌توانید بعداً با پیوند خود ادامه دهید.", "ru": "Сохранено. Вы можете продолжить позже по своей ссылке.",
    },
    "Anlage hochgeladen.": {
        "en": "Attachment uploaded.", "uk": "Додаток завантажено.", "ar": "تم رفع المرفق.", "tr": "Ek yüklendi.", "fa": "پیوست بارگذاری شد.", "ru": "Приложение загружено.",
    },
    "Ihr Mittelabruf ist eingegangen.": {
        "en": "We have received your payment request.", "uk": "Ваш запит на кошти отримано.", "ar": "تم استلام طلب الصرف.",
        "tr": "Ödeme talebiniz alındı.", "fa": "درخواست پرداخت شما دریافت شد.", "ru": "Ваш запрос средств получен.",
    },
    "Beleg erfasst.": {
        "en": "Receipt saved.", "uk": "Квитанцію збережено.", "ar": "تم حفظ الإيصال.", "tr": "Belge kaydedildi.", "fa": "رسید ثبت شد.", "ru": "Чек сохранён.",
    },
    "Ihr Verwendungsnachweis ist eingereicht.": {
        "en": "Your proof of use has been submitted.", "uk": "Ваш звіт подано.", "ar": "تم تقديم إثبات الاستخدام.",
        "tr": "Kullanım kanıtınız gönderildi.", "fa": "گزارش مصرف شما ارسال شد.", "ru": "Ваш отчёт подан.",
    },
}
