"""Translations of the public funding pages (teilhabe.foerderung). The call's own content
(title, description, form fields) is German; these are the frame's strings."""

TRANSLATIONS = {
    "Förderung": {
        "en": "Funding",
        "uk": "Фінансування",
        "ar": "التمويل",
        "tr": "Destek",
        "fa": "حمایت مالی",
        "ru": "Финансирование",
    },
    "Förderung für Vereine und Initiativen": {
        "en": "Funding for clubs and initiatives",
        "uk": "Фінансування для об'єднань та ініціатив",
        "ar": "تمويل للجمعيات والمبادرات",
        "tr": "Dernekler ve girişimler için destek",
        "fa": "حمایت مالی برای انجمن‌ها و ابتکارها",
        "ru": "Финансирование для объединений и инициатив",
    },
    "Zurzeit gibt es keinen offenen Aufruf.": {
        "en": "There is no open call at the moment.",
        "uk": "Зараз немає відкритого конкурсу.",
        "ar": "لا توجد دعوة مفتوحة حاليًا.",
        "tr": "Şu anda açık bir çağrı yok.",
        "fa": "در حال حاضر فراخوان بازی وجود ندارد.",
        "ru": "Сейчас нет открытого конкурса.",
    },
    "Baustein": {
        "en": "Module",
        "uk": "Модуль",
        "ar": "الوحدة",
        "tr": "Modül",
        "fa": "بخش",
        "ru": "Модуль",
    },
    "Antrag bis": {
        "en": "Apply by",
        "uk": "Заявка до",
        "ar": "تقديم الطلب حتى",
        "tr": "Son başvuru",
        "fa": "مهلت درخواست",
        "ru": "Заявка до",
    },
    "Antrag beginnen": {
        "en": "Start an application",
        "uk": "Почати заявку",
        "ar": "ابدأ الطلب",
        "tr": "Başvuruya başla",
        "fa": "شروع درخواست",
        "ru": "Начать заявку",
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
        "en": "Send me the link",
        "uk": "Надіслати посилання",
        "ar": "أرسل الرابط",
        "tr": "Bağlantıyı gönder",
        "fa": "ارسال پیوند",
        "ru": "Отправить ссылку",
    },
    "Link verschickt": {
        "en": "Link sent",
        "uk": "Посилання надіслано",
        "ar": "تم إرسال الرابط",
        "tr": "Bağlantı gönderildi",
        "fa": "پیوند ارسال شد",
        "ru": "Ссылка отправлена",
    },
    "Bitte schauen Sie in Ihr E-Mail-Postfach": {
        "en": "Please check your e-mail",
        "uk": "Будь ласка, перевірте свою пошту",
        "ar": "يرجى التحقق من بريدك الإلكتروني",
        "tr": "Lütfen e-posta kutunuza bakın",
        "fa": "لطفاً صندوق ایمیل خود را بررسی کنید",
        "ru": "Пожалуйста, проверьте электронную почту",
    },
    "Ihr Förderantrag": {
        "en": "Your funding application",
        "uk": "Ваша заявка на фінансування",
        "ar": "طلب التمويل الخاص بك",
        "tr": "Destek başvurunuz",
        "fa": "درخواست حمایت مالی شما",
        "ru": "Ваша заявка на финансирование",
    },
    "Bitte ändern Sie Ihren Antrag": {
        "en": "Please change your application",
        "uk": "Будь ласка, змініть заявку",
        "ar": "يرجى تعديل طلبك",
        "tr": "Lütfen başvurunuzu değiştirin",
        "fa": "لطفاً درخواست خود را تغییر دهید",
        "ru": "Пожалуйста, измените заявку",
    },
    "Angaben zum Vorhaben": {
        "en": "About the project",
        "uk": "Про проєкт",
        "ar": "معلومات عن المشروع",
        "tr": "Proje bilgileri",
        "fa": "اطلاعات طرح",
        "ru": "О проекте",
    },
    "Kostenplan": {
        "en": "Cost plan",
        "uk": "План витрат",
        "ar": "خطة التكاليف",
        "tr": "Maliyet planı",
        "fa": "برنامه هزینه",
        "ru": "План расходов",
    },
    "Finanzierungsplan": {
        "en": "Financing plan",
        "uk": "План фінансування",
        "ar": "خطة التمويل",
        "tr": "Finansman planı",
        "fa": "برنامه تأمین مالی",
        "ru": "План финансирования",
    },
    "De-minimis-Beihilfen der letzten drei Jahre": {
        "en": "De minimis aid in the last three years",
        "uk": "Допомога de minimis за останні три роки",
        "ar": "مساعدات الحد الأدنى في السنوات الثلاث الأخيرة",
        "tr": "Son üç yıldaki de minimis yardımlar",
        "fa": "کمک‌های د مینیمیس در سه سال گذشته",
        "ru": "Помощь de minimis за последние три года",
    },
    "Speichern": {
        "en": "Save",
        "uk": "Зберегти",
        "ar": "حفظ",
        "tr": "Kaydet",
        "fa": "ذخیره",
        "ru": "Сохранить",
    },
    "Einreichen": {
        "en": "Submit",
        "uk": "Подати",
        "ar": "تقديم",
        "tr": "Gönder",
        "fa": "ارسال",
        "ru": "Подать",
    },
    "Anlagen": {
        "en": "Attachments",
        "uk": "Додатки",
        "ar": "المرفقات",
        "tr": "Ekler",
        "fa": "پیوست‌ها",
        "ru": "Приложения",
    },
    "Noch keine Anlagen.": {
        "en": "No attachments yet.",
        "uk": "Додатків ще немає.",
        "ar": "لا توجد مرفقات بعد.",
        "tr": "Henüz ek yok.",
        "fa": "هنوز پیوستی نیست.",
        "ru": "Приложений пока нет.",
    },
    "Hochladen": {
        "en": "Upload",
        "uk": "Завантажити",
        "ar": "رفع",
        "tr": "Yükle",
        "fa": "بارگذاری",
        "ru": "Загрузить",
    },
    "Beantragt": {
        "en": "Requested",
        "uk": "Заявлено",
        "ar": "المطلوب",
        "tr": "Talep edilen",
        "fa": "درخواست‌شده",
        "ru": "Запрошено",
    },
    "Bewilligt": {
        "en": "Approved",
        "uk": "Затверджено",
        "ar": "الموافق عليه",
        "tr": "Onaylanan",
        "fa": "تأییدشده",
        "ru": "Одобрено",
    },
    "Bescheid (PDF)": {
        "en": "Decision (PDF)",
        "uk": "Рішення (PDF)",
        "ar": "القرار (PDF)",
        "tr": "Karar (PDF)",
        "fa": "تصمیم (PDF)",
        "ru": "Решение (PDF)",
    },
    "Geld abrufen": {
        "en": "Request money",
        "uk": "Запросити кошти",
        "ar": "طلب صرف المبلغ",
        "tr": "Ödeme iste",
        "fa": "درخواست پرداخت",
        "ru": "Запросить средства",
    },
    "Verwendungsnachweis": {
        "en": "Proof of use",
        "uk": "Звіт про використання",
        "ar": "إثبات الاستخدام",
        "tr": "Kullanım kanıtı",
        "fa": "گزارش مصرف",
        "ru": "Отчёт об использовании",
    },
    "Datum": {
        "en": "Date",
        "uk": "Дата",
        "ar": "التاريخ",
        "tr": "Tarih",
        "fa": "تاریخ",
        "ru": "Дата",
    },
    "Empfänger": {
        "en": "Payee",
        "uk": "Отримувач",
        "ar": "المستفيد",
        "tr": "Alıcı",
        "fa": "گیرنده",
        "ru": "Получатель",
    },
    "Zweck": {
        "en": "Purpose",
        "uk": "Мета",
        "ar": "الغرض",
        "tr": "Amaç",
        "fa": "هدف",
        "ru": "Назначение",
    },
    "Betrag": {
        "en": "Amount",
        "uk": "Сума",
        "ar": "المبلغ",
        "tr": "Tutar",
        "fa": "مبلغ",
        "ru": "Сумма",
    },
    "Noch keine Belege.": {
        "en": "No receipts yet.",
        "uk": "Квитанцій ще немає.",
        "ar": "لا توجد إيصالات بعد.",
        "tr": "Henüz belge yok.",
        "fa": "هنوز رسیدی نیست.",
        "ru": "Чеков пока нет.",
    },
    "Beleg hinzufügen": {
        "en": "Add a receipt",
        "uk": "Додати квитанцію",
        "ar": "إضافة إيصال",
        "tr": "Belge ekle",
        "fa": "افزودن رسید",
        "ru": "Добавить чек",
    },
    "Beleg speichern": {
        "en": "Save receipt",
        "uk": "Зберегти квитанцію",
        "ar": "حفظ الإيصال",
        "tr": "Belgeyi kaydet",
        "fa": "ذخیره رسید",
        "ru": "Сохранить чек",
    },
    "Sachbericht und Einreichen": {
        "en": "Report and submission",
        "uk": "Звіт і подання",
        "ar": "التقرير والتقديم",
        "tr": "Rapor ve gönderim",
        "fa": "گزارش و ارسال",
        "ru": "Отчёт и подача",
    },
    "Verwendungsnachweis einreichen": {
        "en": "Submit proof of use",
        "uk": "Подати звіт",
        "ar": "تقديم إثبات الاستخدام",
        "tr": "Kullanım kanıtını gönder",
        "fa": "ارسال گزارش مصرف",
        "ru": "Подать отчёт",
    },
    "Ihr Antrag ist eingereicht.": {
        "en": "Your application has been submitted.",
        "uk": "Вашу заявку подано.",
        "ar": "تم تقديم طلبك.",
        "tr": "Başvurunuz gönderildi.",
        "fa": "درخواست شما ارسال شد.",
        "ru": "Ваша заявка подана.",
    },
    "Gespeichert. Sie können später über Ihren Link weitermachen.": {
        "en": "Saved. You can continue later with your link.",
        "uk": "Збережено. Ви можете продовжити пізніше за своїм посиланням.",
        "ar": "تم الحفظ. يمكنك المتابعة لاحقًا عبر رابطك.",
        "tr": "Kaydedildi. Bağlantınızla daha sonra devam edebilirsiniz.",
        "fa": "ذخیره شد. می‌توانید بعداً با پیوند خود ادامه دهید.",
        "ru": "Сохранено. Вы можете продолжить позже по своей ссылке.",
    },
    "Anlage hochgeladen.": {
        "en": "Attachment uploaded.",
        "uk": "Додаток завантажено.",
        "ar": "تم رفع المرفق.",
        "tr": "Ek yüklendi.",
        "fa": "پیوست بارگذاری شد.",
        "ru": "Приложение загружено.",
    },
    "Ihr Mittelabruf ist eingegangen.": {
        "en": "We have received your payment request.",
        "uk": "Ваш запит на кошти отримано.",
        "ar": "تم استلام طلب الصرف.",
        "tr": "Ödeme talebiniz alındı.",
        "fa": "درخواست پرداخت شما دریافت شد.",
        "ru": "Ваш запрос средств получен.",
    },
    "Beleg erfasst.": {
        "en": "Receipt saved.",
        "uk": "Квитанцію збережено.",
        "ar": "تم حفظ الإيصال.",
        "tr": "Belge kaydedildi.",
        "fa": "رسید ثبت شد.",
        "ru": "Чек сохранён.",
    },
    "Ihr Verwendungsnachweis ist eingereicht.": {
        "en": "Your proof of use has been submitted.",
        "uk": "Ваш звіт подано.",
        "ar": "تم تقديم إثبات الاستخدام.",
        "tr": "Kullanım kanıtınız gönderildi.",
        "fa": "گزارش مصرف شما ارسال شد.",
        "ru": "Ваш отчёт подан.",
    },
}


def t(msgid, en, uk, ar, tr, fa, ru):
    TRANSLATIONS[msgid] = {"en": en, "uk": uk, "ar": ar, "tr": tr, "fa": fa, "ru": ru}


# --- the applicant's status (get_status_display on the public page) --------------------------
t("Entwurf", "Draft", "Чернетка", "مسودة", "Taslak", "پیش‌نویس", "Черновик")
t("Eingereicht", "Submitted", "Подано", "تم التقديم", "Gönderildi", "ارسال شده", "Подано")
t(
    "Formal geprüft",
    "Checked for completeness",
    "Перевірено на повноту",
    "تم التحقق من اكتماله",
    "Eksiksizlik kontrol edildi",
    "از نظر کامل بودن بررسی شد",
    "Проверено на полноту",
)
t(
    "Nachbesserung angefordert",
    "Changes requested",
    "Потрібні зміни",
    "مطلوب تعديلات",
    "Değişiklik istendi",
    "اصلاحات درخواست شد",
    "Нужны изменения",
)
t(
    "Inhaltlich geprüft",
    "Content reviewed",
    "Зміст перевірено",
    "تمت مراجعة المحتوى",
    "İçerik incelendi",
    "محتوا بررسی شد",
    "Содержание проверено",
)
t("Abgelehnt", "Rejected", "Відхилено", "مرفوض", "Reddedildi", "رد شد", "Отклонено")
t("Abgeschlossen", "Closed", "Завершено", "مغلق", "Tamamlandı", "بسته شد", "Завершено")
t("Offen", "Open", "Відкрито", "مفتوح", "Açık", "باز", "Открыто")
t(
    "Geprüft, ohne Rückforderung",
    "Checked, nothing to pay back",
    "Перевірено, повернення не потрібне",
    "تم التحقق، لا يلزم الإرجاع",
    "Kontrol edildi, geri ödeme yok",
    "بررسی شد، بازپرداخت لازم نیست",
    "Проверено, возврат не нужен",
)
t(
    "Geprüft, Rückforderung",
    "Checked, money to pay back",
    "Перевірено, потрібне повернення коштів",
    "تم التحقق، يجب إرجاع مبلغ",
    "Kontrol edildi, geri ödeme gerekli",
    "بررسی شد، بازپرداخت لازم است",
    "Проверено, нужен возврат средств",
)

# --- the rule of a call (templates/foerderung/public/_rule.html) -----------------------------
t(
    "Pauschale: %(amount)s je %(unit)s.",
    "Flat rate: %(amount)s per %(unit)s.",
    "Фіксована сума: %(amount)s за %(unit)s.",
    "مبلغ ثابت: %(amount)s لكل %(unit)s.",
    "Sabit tutar: %(unit)s başına %(amount)s.",
    "مبلغ ثابت: %(amount)s برای هر %(unit)s.",
    "Фиксированная сумма: %(amount)s за %(unit)s.",
)
t(
    "Höchstens %(max)s × %(unit)s.",
    "At most %(max)s × %(unit)s.",
    "Не більше %(max)s × %(unit)s.",
    "بحد أقصى %(max)s × %(unit)s.",
    "En fazla %(max)s × %(unit)s.",
    "حداکثر %(max)s × %(unit)s.",
    "Не более %(max)s × %(unit)s.",
)
t(
    "Fester Betrag: %(amount)s.",
    "Fixed amount: %(amount)s.",
    "Фіксована сума: %(amount)s.",
    "مبلغ ثابت: %(amount)s.",
    "Sabit tutar: %(amount)s.",
    "مبلغ ثابت: %(amount)s.",
    "Фиксированная сумма: %(amount)s.",
)
t(
    "Gefördert werden %(share)s %% der Kosten.",
    "%(share)s %% of the costs are funded.",
    "Фінансується %(share)s %% витрат.",
    "يتم تمويل %(share)s %% من التكاليف.",
    "Maliyetlerin %%%(share)s kadarı desteklenir.",
    "%(share)s %% از هزینه‌ها تأمین می‌شود.",
    "Финансируется %(share)s %% расходов.",
)
t(
    "Gefördert wird, was nach Eigenmitteln und Mitteln Dritter fehlt.",
    "We fund what is missing after your own money and money from others.",
    "Фінансується те, чого бракує після власних коштів і коштів інших.",
    "نموّل ما ينقص بعد أموالكم الخاصة وأموال الآخرين.",
    "Kendi paranız ve başkalarından gelen paradan sonra eksik kalan kısım desteklenir.",
    "آنچه پس از پول خودتان و پول دیگران کم می‌آید، تأمین می‌شود.",
    "Финансируется то, чего не хватает после собственных средств и средств других.",
)
t(
    "Höchstens %(amount)s.",
    "At most %(amount)s.",
    "Не більше %(amount)s.",
    "بحد أقصى %(amount)s.",
    "En fazla %(amount)s.",
    "حداکثر %(amount)s.",
    "Не более %(amount)s.",
)

# --- public pages ----------------------------------------------------------------------------
t(
    "Die Stadt gibt Geld des Landes (KOMM-AN NRW) an Vereine, Migrantenorganisationen, "
    "Religionsgemeinschaften und Initiativen weiter. Hier sehen Sie, wofür Sie jetzt einen Antrag "
    "stellen können.",
    "The city passes on money from the state (KOMM-AN NRW) to clubs, migrant organisations, "
    "religious communities and initiatives. Here you can see what you can apply for now.",
    "Місто передає кошти землі (KOMM-AN NRW) об'єднанням, організаціям мігрантів, релігійним "
    "громадам та ініціативам. Тут ви бачите, на що зараз можна подати заявку.",
    "تمنح المدينة أموال الولاية (KOMM-AN NRW) للجمعيات ومنظمات المهاجرين والمجتمعات الدينية "
    "والمبادرات. هنا ترى ما يمكنك التقدم بطلب له الآن.",
    "Şehir, eyaletin parasını (KOMM-AN NRW) derneklere, göçmen örgütlerine, dini topluluklara ve "
    "girişimlere aktarır. Burada şu anda neye başvurabileceğinizi görürsünüz.",
    "شهر پول ایالت (KOMM-AN NRW) را به انجمن‌ها، سازمان‌های مهاجران، جوامع دینی و ابتکارها "
    "می‌دهد. اینجا می‌بینید که اکنون برای چه چیزی می‌توانید درخواست بدهید.",
    "Город передаёт средства земли (KOMM-AN NRW) объединениям, организациям мигрантов, "
    "религиозным общинам и инициативам. Здесь вы видите, на что сейчас можно подать заявку.",
)
t(
    "Wir haben einen persönlichen Link an %(email)s geschickt. Mit diesem Link füllen Sie den "
    "Antrag aus.",
    "We have sent a personal link to %(email)s. Use this link to fill in the application.",
    "Ми надіслали особисте посилання на %(email)s. За цим посиланням ви заповните заявку.",
    "أرسلنا رابطًا شخصيًا إلى %(email)s. بهذا الرابط تملأ الطلب.",
    "%(email)s adresine kişisel bir bağlantı gönderdik. Başvuruyu bu bağlantıyla doldurursunuz.",
    "یک پیوند شخصی به %(email)s فرستادیم. با این پیوند درخواست را پر می‌کنید.",
    "Мы отправили личную ссылку на %(email)s. По этой ссылке вы заполните заявку.",
)
t(
    "Öffentliche Förderungen als De-minimis-Beihilfe in den letzten drei Jahren "
    "(Höchstgrenze 300.000 €).",
    "Public funding received as de minimis aid in the last three years (limit 300,000 €).",
    "Державна підтримка як допомога de minimis за останні три роки (межа 300 000 €).",
    "التمويل العام كمساعدة de minimis في السنوات الثلاث الأخيرة (الحد الأقصى 300.000 €).",
    "Son üç yılda de minimis yardımı olarak alınan kamu destekleri (üst sınır 300.000 €).",
    "حمایت‌های دولتی به‌عنوان کمک de minimis در سه سال گذشته (سقف ۳۰۰٬۰۰۰ یورو).",
    "Государственная поддержка как помощь de minimis за последние три года (предел 300 000 €).",
)
t(
    "Beihilfe %(n)s",
    "Aid %(n)s",
    "Допомога %(n)s",
    "المساعدة %(n)s",
    "Yardım %(n)s",
    "کمک %(n)s",
    "Помощь %(n)s",
)
t(
    "Sie können noch %(amount)s abrufen. Rufen Sie nur ab, was Sie bald brauchen.",
    "You can still request %(amount)s. Only request what you will need soon.",
    "Ви ще можете запросити %(amount)s. Запитуйте лише те, що скоро знадобиться.",
    "لا يزال بإمكانك طلب %(amount)s. اطلب فقط ما ستحتاجه قريبًا.",
    "Hâlâ %(amount)s talep edebilirsiniz. Yalnızca yakında ihtiyacınız olanı talep edin.",
    "هنوز می‌توانید %(amount)s درخواست کنید. فقط آنچه را به‌زودی لازم دارید درخواست کنید.",
    "Вы ещё можете запросить %(amount)s. Запрашивайте только то, что скоро понадобится.",
)
t(
    "Fällig am %(due)s.",
    "Due on %(due)s.",
    "Термін: %(due)s.",
    "موعد التسليم %(due)s.",
    "Son tarih: %(due)s.",
    "مهلت: %(due)s.",
    "Срок: %(due)s.",
)

# --- forms on the public pages ---------------------------------------------------------------
t(
    "Name der Organisation",
    "Name of the organisation",
    "Назва організації",
    "اسم المنظمة",
    "Kuruluşun adı",
    "نام سازمان",
    "Название организации",
)
t(
    "Art der Organisation",
    "Type of organisation",
    "Тип організації",
    "نوع المنظمة",
    "Kuruluşun türü",
    "نوع سازمان",
    "Тип организации",
)
t(
    "E-Mail-Adresse der Organisation",
    "E-mail address of the organisation",
    "Електронна адреса організації",
    "البريد الإلكتروني للمنظمة",
    "Kuruluşun e-posta adresi",
    "ایمیل سازمان",
    "Электронный адрес организации",
)
t(
    "E-Mail-Adresse der Ansprechperson",
    "E-mail address of the contact person",
    "Електронна адреса контактної особи",
    "البريد الإلكتروني لجهة الاتصال",
    "İletişim kişisinin e-posta adresi",
    "ایمیل فرد رابط",
    "Электронный адрес контактного лица",
)
t(
    "An diese Adresse schicken wir Ihren persönlichen Link.",
    "We will send your personal link to this address.",
    "На цю адресу ми надішлемо ваше особисте посилання.",
    "سنرسل رابطك الشخصي إلى هذا العنوان.",
    "Kişisel bağlantınızı bu adrese göndereceğiz.",
    "پیوند شخصی شما را به این نشانی می‌فرستیم.",
    "На этот адрес мы отправим вашу личную ссылку.",
)
t(
    "Anzahl (%(unit)s)",
    "Number (%(unit)s)",
    "Кількість (%(unit)s)",
    "العدد (%(unit)s)",
    "Adet (%(unit)s)",
    "تعداد (%(unit)s)",
    "Количество (%(unit)s)",
)
t(
    "Eigenmittel (€)",
    "Own money (€)",
    "Власні кошти (€)",
    "الأموال الخاصة (€)",
    "Öz kaynak (€)",
    "پول خود سازمان (€)",
    "Собственные средства (€)",
)
t(
    "Mittel Dritter (€)",
    "Money from others (€)",
    "Кошти інших (€)",
    "أموال من جهات أخرى (€)",
    "Üçüncü taraf kaynakları (€)",
    "پول از دیگران (€)",
    "Средства третьих лиц (€)",
)
t(
    "Beantragte Zuwendung (€)",
    "Grant applied for (€)",
    "Запитана сума (€)",
    "المنحة المطلوبة (€)",
    "Talep edilen destek (€)",
    "کمک درخواستی (€)",
    "Запрошенная сумма (€)",
)
t("Geber", "Given by", "Хто надав", "الجهة المانحة", "Veren kurum", "اهداکننده", "Кто предоставил")
t("Betrag (€)", "Amount (€)", "Сума (€)", "المبلغ (€)", "Tutar (€)", "مبلغ (€)", "Сумма (€)")
t(
    "Ich erkläre, dass die Organisation in den letzten drei Jahren keine weiteren "
    "De-minimis-Beihilfen erhalten hat als oben angegeben.",
    "I declare that in the last three years the organisation has received no de minimis aid "
    "other than that listed above.",
    "Я заявляю, що за останні три роки організація не отримувала іншої допомоги de minimis, "
    "крім зазначеної вище.",
    "أقرّ بأن المنظمة لم تتلقَّ في السنوات الثلاث الأخيرة مساعدات de minimis غير المذكورة أعلاه.",
    "Kuruluşun son üç yılda yukarıda belirtilenler dışında de minimis yardımı almadığını beyan "
    "ederim.",
    "اعلام می‌کنم که سازمان در سه سال گذشته کمک de minimis دیگری جز موارد بالا دریافت نکرده است.",
    "Я заявляю, что за последние три года организация не получала иной помощи de minimis, "
    "кроме указанной выше.",
)
t("Anlage", "Attachment", "Додаток", "المرفق", "Ek", "پیوست", "Приложение")
t(
    "Datei (PDF, JPEG oder PNG)",
    "File (PDF, JPEG or PNG)",
    "Файл (PDF, JPEG або PNG)",
    "ملف (PDF أو JPEG أو PNG)",
    "Dosya (PDF, JPEG veya PNG)",
    "فایل (PDF، JPEG یا PNG)",
    "Файл (PDF, JPEG или PNG)",
)
t(
    "Sonstige Anlage",
    "Other attachment",
    "Інший додаток",
    "مرفق آخر",
    "Diğer ek",
    "پیوست دیگر",
    "Другое приложение",
)
t(
    "Wofür wird das Geld jetzt gebraucht?",
    "What is the money needed for now?",
    "На що зараз потрібні гроші?",
    "لماذا تحتاجون المال الآن؟",
    "Para şimdi ne için gerekli?",
    "اکنون پول برای چه لازم است؟",
    "На что сейчас нужны деньги?",
)
t(
    "Sachbericht",
    "Report",
    "Звіт про виконання",
    "التقرير",
    "Faaliyet raporu",
    "گزارش کار",
    "Отчёт о работе",
)
t(
    "Sachbericht als Datei (optional)",
    "Report as a file (optional)",
    "Звіт як файл (необов'язково)",
    "التقرير كملف (اختياري)",
    "Dosya olarak rapor (isteğe bağlı)",
    "گزارش به‌صورت فایل (اختیاری)",
    "Отчёт в виде файла (необязательно)",
)
t(
    "Betrag zu lang.",
    "Amount too long.",
    "Сума задовга.",
    "المبلغ طويل جدًا.",
    "Tutar çok uzun.",
    "مبلغ خیلی طولانی است.",
    "Сумма слишком длинная.",
)

# --- checks of the typed amounts and answers -------------------------------------------------
t(
    "Betrag bitte als Zahl in Euro angeben.",
    "Please enter the amount as a number in euros.",
    "Будь ласка, вкажіть суму числом у євро.",
    "يرجى إدخال المبلغ كرقم باليورو.",
    "Lütfen tutarı euro olarak sayı ile girin.",
    "لطفاً مبلغ را به‌صورت عدد به یورو وارد کنید.",
    "Пожалуйста, укажите сумму числом в евро.",
)
t(
    "„%(value)s“ ist kein Betrag in Euro (z. B. 1.250,00).",
    "“%(value)s” is not an amount in euros (e.g. 1.250,00).",
    "«%(value)s» — це не сума в євро (наприклад, 1.250,00).",
    "«%(value)s» ليس مبلغًا باليورو (مثلًا 1.250,00).",
    "“%(value)s” euro cinsinden bir tutar değil (ör. 1.250,00).",
    "«%(value)s» مبلغی به یورو نیست (مثلاً 1.250,00).",
    "«%(value)s» — это не сумма в евро (например, 1.250,00).",
)
t(
    "Beträge haben höchstens zwei Nachkommastellen.",
    "Amounts have at most two decimal places.",
    "Суми мають не більше двох знаків після коми.",
    "المبالغ لها خانتان عشريتان كحد أقصى.",
    "Tutarlarda virgülden sonra en fazla iki basamak olur.",
    "مبلغ‌ها حداکثر دو رقم اعشار دارند.",
    "У сумм не больше двух знаков после запятой.",
)
t(
    "Bitte bestätigen.",
    "Please confirm.",
    "Будь ласка, підтвердьте.",
    "يرجى التأكيد.",
    "Lütfen onaylayın.",
    "لطفاً تأیید کنید.",
    "Пожалуйста, подтвердите.",
)
t(
    "Dieses Feld ist erforderlich.",
    "This field is required.",
    "Це поле обов'язкове.",
    "هذا الحقل مطلوب.",
    "Bu alan zorunludur.",
    "این فیلد الزامی است.",
    "Это поле обязательно.",
)
t(
    "Höchstens %s Zeichen.",
    "At most %s characters.",
    "Не більше %s символів.",
    "بحد أقصى %s حرفًا.",
    "En fazla %s karakter.",
    "حداکثر %s نویسه.",
    "Не более %s символов.",
)
t(
    "Bitte eine Zahl eingeben.",
    "Please enter a number.",
    "Будь ласка, введіть число.",
    "يرجى إدخال رقم.",
    "Lütfen bir sayı girin.",
    "لطفاً یک عدد وارد کنید.",
    "Пожалуйста, введите число.",
)
t(
    "Bitte ein Datum eingeben.",
    "Please enter a date.",
    "Будь ласка, введіть дату.",
    "يرجى إدخال تاريخ.",
    "Lütfen bir tarih girin.",
    "لطفاً یک تاریخ وارد کنید.",
    "Пожалуйста, введите дату.",
)
t(
    "Bitte eine gültige E-Mail-Adresse eingeben.",
    "Please enter a valid e-mail address.",
    "Будь ласка, введіть дійсну електронну адресу.",
    "يرجى إدخال بريد إلكتروني صحيح.",
    "Lütfen geçerli bir e-posta adresi girin.",
    "لطفاً یک ایمیل معتبر وارد کنید.",
    "Пожалуйста, введите действительный электронный адрес.",
)
t(
    "Beträge und Anzahlen dürfen nicht negativ sein.",
    "Amounts and numbers cannot be negative.",
    "Суми й кількості не можуть бути від'ємними.",
    "لا يمكن أن تكون المبالغ والأعداد سالبة.",
    "Tutarlar ve adetler negatif olamaz.",
    "مبلغ‌ها و تعدادها نمی‌توانند منفی باشند.",
    "Суммы и количества не могут быть отрицательными.",
)
t(
    "Bitte die Anzahl (%(unit)s) angeben.",
    "Please enter the number (%(unit)s).",
    "Будь ласка, вкажіть кількість (%(unit)s).",
    "يرجى إدخال العدد (%(unit)s).",
    "Lütfen adedi (%(unit)s) girin.",
    "لطفاً تعداد (%(unit)s) را وارد کنید.",
    "Пожалуйста, укажите количество (%(unit)s).",
)
t(
    "Höchstens %(max)s × %(unit)s förderfähig (beantragt: %(units)s).",
    "At most %(max)s × %(unit)s can be funded (applied for: %(units)s).",
    "Фінансується не більше %(max)s × %(unit)s (запитано: %(units)s).",
    "يمكن تمويل %(max)s × %(unit)s كحد أقصى (المطلوب: %(units)s).",
    "En fazla %(max)s × %(unit)s desteklenebilir (talep edilen: %(units)s).",
    "حداکثر %(max)s × %(unit)s قابل حمایت است (درخواستی: %(units)s).",
    "Финансируется не более %(max)s × %(unit)s (запрошено: %(units)s).",
)
t(
    "Der Kostenplan enthält keine Kosten.",
    "The cost plan contains no costs.",
    "План витрат не містить витрат.",
    "خطة التكاليف لا تحتوي على أي تكاليف.",
    "Maliyet planında hiç maliyet yok.",
    "برنامه هزینه هیچ هزینه‌ای ندارد.",
    "В плане расходов нет расходов.",
)
t(
    "Der Finanzierungsplan geht nicht auf: Kosten %(total)s ≠ Eigenmittel %(own)s + Drittmittel "
    "%(third)s + Zuwendung %(requested)s.",
    "The financing plan does not add up: costs %(total)s ≠ own money %(own)s + money from others "
    "%(third)s + grant %(requested)s.",
    "План фінансування не сходиться: витрати %(total)s ≠ власні кошти %(own)s + кошти інших "
    "%(third)s + запитана сума %(requested)s.",
    "خطة التمويل غير متوازنة: التكاليف %(total)s ≠ الأموال الخاصة %(own)s + أموال الآخرين "
    "%(third)s + المنحة %(requested)s.",
    "Finansman planı tutmuyor: maliyet %(total)s ≠ öz kaynak %(own)s + üçüncü taraf %(third)s + "
    "destek %(requested)s.",
    "برنامه تأمین مالی جور درنمی‌آید: هزینه‌ها %(total)s ≠ پول خود %(own)s + پول دیگران "
    "%(third)s + کمک %(requested)s.",
    "План финансирования не сходится: расходы %(total)s ≠ собственные средства %(own)s + средства "
    "других %(third)s + запрошенная сумма %(requested)s.",
)
t(
    "Beantragt sind %(requested)s, nach den Regeln des Aufrufs höchstens %(allowed)s möglich.",
    "You applied for %(requested)s; under the rules of the call at most %(allowed)s is possible.",
    "Запитано %(requested)s, за правилами конкурсу можливо не більше %(allowed)s.",
    "المطلوب %(requested)s، وحسب قواعد الدعوة الحد الأقصى الممكن %(allowed)s.",
    "Talep edilen %(requested)s; çağrının kurallarına göre en fazla %(allowed)s mümkün.",
    "درخواستی %(requested)s است؛ طبق قواعد فراخوان حداکثر %(allowed)s ممکن است.",
    "Запрошено %(requested)s, по правилам конкурса возможно не более %(allowed)s.",
)
t(
    "Bitte die beantragte Zuwendung angeben.",
    "Please enter the grant you apply for.",
    "Будь ласка, вкажіть запитану суму.",
    "يرجى إدخال المنحة المطلوبة.",
    "Lütfen talep edilen desteği girin.",
    "لطفاً کمک درخواستی را وارد کنید.",
    "Пожалуйста, укажите запрашиваемую сумму.",
)

# --- what the services answer an applicant ---------------------------------------------------
t(
    "Im Status „%(status)s“ ist das nicht möglich.",
    "This is not possible in status “%(status)s”.",
    "У статусі «%(status)s» це неможливо.",
    "هذا غير ممكن في الحالة «%(status)s».",
    "“%(status)s” durumunda bu mümkün değil.",
    "در وضعیت «%(status)s» این کار ممکن نیست.",
    "В статусе «%(status)s» это невозможно.",
)
t(
    "Für diesen Aufruf können keine Anträge gestellt werden.",
    "Applications cannot be made for this call.",
    "На цей конкурс заявки подавати не можна.",
    "لا يمكن تقديم طلبات لهذه الدعوة.",
    "Bu çağrıya başvuru yapılamaz.",
    "برای این فراخوان نمی‌توان درخواست داد.",
    "На этот конкурс заявки подавать нельзя.",
)
t(
    "Bitte den Namen der Organisation angeben.",
    "Please enter the name of the organisation.",
    "Будь ласка, вкажіть назву організації.",
    "يرجى إدخال اسم المنظمة.",
    "Lütfen kuruluşun adını girin.",
    "لطفاً نام سازمان را وارد کنید.",
    "Пожалуйста, укажите название организации.",
)
t(
    "Bitte die Art der Organisation wählen.",
    "Please choose the type of organisation.",
    "Будь ласка, виберіть тип організації.",
    "يرجى اختيار نوع المنظمة.",
    "Lütfen kuruluşun türünü seçin.",
    "لطفاً نوع سازمان را انتخاب کنید.",
    "Пожалуйста, выберите тип организации.",
)
t(
    "De-minimis: mit den angegebenen Beihilfen der letzten drei Jahre (%(earlier)s) und dieser "
    "Zuwendung (%(requested)s) würde die Höchstgrenze von %(ceiling)s überschritten "
    "(Verordnung (EU) 2023/2831).",
    "De minimis: with the aid of the last three years (%(earlier)s) and this grant "
    "(%(requested)s) the limit of %(ceiling)s would be exceeded (Regulation (EU) 2023/2831).",
    "De minimis: разом із допомогою за останні три роки (%(earlier)s) і цією сумою "
    "(%(requested)s) буде перевищено межу %(ceiling)s (Регламент (ЄС) 2023/2831).",
    "De minimis: مع المساعدات المذكورة في السنوات الثلاث الأخيرة (%(earlier)s) وهذه المنحة "
    "(%(requested)s) سيتم تجاوز الحد الأقصى البالغ %(ceiling)s (اللائحة (EU) 2023/2831).",
    "De minimis: son üç yıldaki yardımlar (%(earlier)s) ve bu destek (%(requested)s) ile "
    "%(ceiling)s üst sınırı aşılır (Tüzük (AB) 2023/2831).",
    "De minimis: با کمک‌های سه سال گذشته (%(earlier)s) و این کمک (%(requested)s) سقف "
    "%(ceiling)s رد می‌شود (مقررات (EU) 2023/2831).",
    "De minimis: вместе с помощью за последние три года (%(earlier)s) и этой суммой "
    "(%(requested)s) будет превышен предел %(ceiling)s (Регламент (ЕС) 2023/2831).",
)
t(
    "Bitte bei jeder De-minimis-Beihilfe Datum, Geber und Betrag angeben.",
    "For each de minimis aid, please enter the date, who gave it and the amount.",
    "Для кожної допомоги de minimis вкажіть дату, хто її надав, і суму.",
    "يرجى إدخال التاريخ والجهة المانحة والمبلغ لكل مساعدة de minimis.",
    "Her de minimis yardımı için lütfen tarih, veren kurum ve tutarı girin.",
    "لطفاً برای هر کمک de minimis تاریخ، اهداکننده و مبلغ را وارد کنید.",
    "Для каждой помощи de minimis укажите дату, кто её предоставил, и сумму.",
)
t(
    "Eine Beihilfe kann nicht in der Zukunft liegen.",
    "Aid cannot be dated in the future.",
    "Дата допомоги не може бути в майбутньому.",
    "لا يمكن أن يكون تاريخ المساعدة في المستقبل.",
    "Yardımın tarihi gelecekte olamaz.",
    "تاریخ کمک نمی‌تواند در آینده باشد.",
    "Дата помощи не может быть в будущем.",
)
t(
    "Beträge müssen größer als 0 sein.",
    "Amounts must be greater than 0.",
    "Суми мають бути більшими за 0.",
    "يجب أن تكون المبالغ أكبر من 0.",
    "Tutarlar 0'dan büyük olmalı.",
    "مبلغ‌ها باید بیشتر از ۰ باشند.",
    "Суммы должны быть больше 0.",
)
t(
    "Beträge dürfen nicht negativ sein.",
    "Amounts cannot be negative.",
    "Суми не можуть бути від'ємними.",
    "لا يمكن أن تكون المبالغ سالبة.",
    "Tutarlar negatif olamaz.",
    "مبلغ‌ها نمی‌توانند منفی باشند.",
    "Суммы не могут быть отрицательными.",
)
t(
    "Der Antrag ist eingereicht und kann nicht mehr geändert werden.",
    "The application has been submitted and can no longer be changed.",
    "Заявку подано, її більше не можна змінити.",
    "تم تقديم الطلب ولا يمكن تغييره بعد الآن.",
    "Başvuru gönderildi, artık değiştirilemez.",
    "درخواست ارسال شده و دیگر قابل تغییر نیست.",
    "Заявка подана, её больше нельзя изменить.",
)
t(
    "Die Antragsfrist ist abgelaufen.",
    "The deadline for applications has passed.",
    "Термін подання заявок минув.",
    "انتهى موعد تقديم الطلبات.",
    "Başvuru süresi doldu.",
    "مهلت درخواست تمام شده است.",
    "Срок подачи заявок истёк.",
)
t(
    "Bitte die De-minimis-Erklärung abgeben.",
    "Please make the de minimis declaration.",
    "Будь ласка, підтвердьте заяву de minimis.",
    "يرجى تقديم إقرار de minimis.",
    "Lütfen de minimis beyanını verin.",
    "لطفاً اظهارنامه de minimis را تأیید کنید.",
    "Пожалуйста, подтвердите заявление de minimis.",
)
t(
    "Es fehlen Anlagen: %(names)s.",
    "Attachments are missing: %(names)s.",
    "Бракує додатків: %(names)s.",
    "مرفقات ناقصة: %(names)s.",
    "Eksik ekler: %(names)s.",
    "پیوست‌های ناقص: %(names)s.",
    "Не хватает приложений: %(names)s.",
)
t(
    "Unbekannte Anlage.",
    "Unknown attachment.",
    "Невідомий додаток.",
    "مرفق غير معروف.",
    "Bilinmeyen ek.",
    "پیوست ناشناخته.",
    "Неизвестное приложение.",
)
t(
    "Mittel können erst nach der Bewilligung abgerufen werden.",
    "Money can only be requested after the grant has been approved.",
    "Кошти можна запросити лише після схвалення.",
    "لا يمكن طلب الأموال إلا بعد الموافقة.",
    "Para ancak onaydan sonra talep edilebilir.",
    "پول را فقط پس از تصویب می‌توان درخواست کرد.",
    "Средства можно запросить только после одобрения.",
)
t(
    "Der Betrag muss größer als 0 sein.",
    "The amount must be greater than 0.",
    "Сума має бути більшою за 0.",
    "يجب أن يكون المبلغ أكبر من 0.",
    "Tutar 0'dan büyük olmalı.",
    "مبلغ باید بیشتر از ۰ باشد.",
    "Сумма должна быть больше 0.",
)
t(
    "Abrufbar sind noch %(open)s; angefordert wurden %(amount)s.",
    "You can still request %(open)s; you asked for %(amount)s.",
    "Ще можна запросити %(open)s; запитано %(amount)s.",
    "يمكن طلب %(open)s فقط؛ وقد طُلب %(amount)s.",
    "Hâlâ talep edilebilecek tutar %(open)s; talep edilen %(amount)s.",
    "هنوز %(open)s قابل درخواست است؛ درخواست شده: %(amount)s.",
    "Ещё можно запросить %(open)s; запрошено %(amount)s.",
)
t(
    "Für diesen Antrag ist kein Verwendungsnachweis vorgesehen.",
    "No proof of use is planned for this application.",
    "Для цієї заявки звіт про використання не передбачено.",
    "لا يوجد إثبات استخدام مقرر لهذا الطلب.",
    "Bu başvuru için kullanım kanıtı öngörülmemiş.",
    "برای این درخواست گزارش مصرف پیش‌بینی نشده است.",
    "Для этой заявки отчёт об использовании не предусмотрен.",
)
t(
    "Der Verwendungsnachweis ist schon eingereicht.",
    "The proof of use has already been submitted.",
    "Звіт про використання вже подано.",
    "تم تقديم إثبات الاستخدام بالفعل.",
    "Kullanım kanıtı zaten gönderildi.",
    "گزارش مصرف قبلاً ارسال شده است.",
    "Отчёт об использовании уже подан.",
)
t(
    "Der Beleg vom %(date)s liegt außerhalb des Förderzeitraums (%(start)s–%(end)s).",
    "The receipt of %(date)s is outside the funding period (%(start)s–%(end)s).",
    "Чек від %(date)s поза періодом фінансування (%(start)s–%(end)s).",
    "الإيصال بتاريخ %(date)s خارج فترة التمويل (%(start)s–%(end)s).",
    "%(date)s tarihli belge destek döneminin dışında (%(start)s–%(end)s).",
    "رسید تاریخ %(date)s خارج از دوره حمایت است (%(start)s–%(end)s).",
    "Чек от %(date)s вне периода финансирования (%(start)s–%(end)s).",
)
t(
    "Bitte Empfänger und Zweck angeben.",
    "Please enter the payee and the purpose.",
    "Будь ласка, вкажіть отримувача і мету.",
    "يرجى إدخال المستفيد والغرض.",
    "Lütfen alıcıyı ve amacı girin.",
    "لطفاً گیرنده و هدف را وارد کنید.",
    "Пожалуйста, укажите получателя и цель.",
)
t(
    "Bitte den Sachbericht schreiben oder hochladen.",
    "Please write or upload the report.",
    "Будь ласка, напишіть або завантажте звіт.",
    "يرجى كتابة التقرير أو رفعه.",
    "Lütfen raporu yazın veya yükleyin.",
    "لطفاً گزارش را بنویسید یا بارگذاری کنید.",
    "Пожалуйста, напишите или загрузите отчёт.",
)
t(
    "Bitte mindestens einen Beleg erfassen.",
    "Please enter at least one receipt.",
    "Будь ласка, додайте хоча б один чек.",
    "يرجى إدخال إيصال واحد على الأقل.",
    "Lütfen en az bir belge girin.",
    "لطفاً دست‌کم یک رسید وارد کنید.",
    "Пожалуйста, добавьте хотя бы один чек.",
)

# --- mails to the applicant (written in the language the application was started in) --------
t(
    "Ihr Förderantrag %(ref)s",
    "Your funding application %(ref)s",
    "Ваша заявка на фінансування %(ref)s",
    "طلب التمويل الخاص بك %(ref)s",
    "Destek başvurunuz %(ref)s",
    "درخواست حمایت مالی شما %(ref)s",
    "Ваша заявка на финансирование %(ref)s",
)
t(
    "Guten Tag %(name)s,\n\nSie haben einen Förderantrag im Aufruf „%(call)s“ begonnen. Über "
    "diesen persönlichen Link können Sie ihn speichern, später weiter bearbeiten und "
    "einreichen:\n\n%(link)s\n\nBitte geben Sie den Link nicht weiter.\n\n%(centre)s",
    "Hello %(name)s,\n\nyou have started a funding application in the call “%(call)s”. With this "
    "personal link you can save it, continue later and submit it:\n\n%(link)s\n\nPlease do not "
    "share the link.\n\n%(centre)s",
    "Добрий день, %(name)s!\n\nВи почали заявку на фінансування в конкурсі «%(call)s». За цим "
    "особистим посиланням ви можете її зберегти, продовжити пізніше й подати:\n\n%(link)s\n\n"
    "Будь ласка, не передавайте посилання іншим.\n\n%(centre)s",
    "مرحبًا %(name)s،\n\nلقد بدأت طلب تمويل في الدعوة «%(call)s». بهذا الرابط الشخصي يمكنك "
    "حفظه ومتابعته لاحقًا وتقديمه:\n\n%(link)s\n\nيرجى عدم مشاركة الرابط.\n\n%(centre)s",
    "Merhaba %(name)s,\n\n“%(call)s” çağrısında bir destek başvurusu başlattınız. Bu kişisel "
    "bağlantıyla başvuruyu kaydedebilir, sonra devam edebilir ve gönderebilirsiniz:\n\n%(link)s"
    "\n\nLütfen bağlantıyı kimseyle paylaşmayın.\n\n%(centre)s",
    "سلام %(name)s،\n\nشما درخواست حمایت مالی در فراخوان «%(call)s» را شروع کرده‌اید. با این "
    "پیوند شخصی می‌توانید آن را ذخیره کنید، بعداً ادامه دهید و ارسال کنید:\n\n%(link)s\n\n"
    "لطفاً پیوند را به کسی ندهید.\n\n%(centre)s",
    "Здравствуйте, %(name)s!\n\nВы начали заявку на финансирование в конкурсе «%(call)s». По "
    "этой личной ссылке вы можете её сохранить, продолжить позже и подать:\n\n%(link)s\n\n"
    "Пожалуйста, не передавайте ссылку другим.\n\n%(centre)s",
)
t(
    "Ihr Förderantrag %(ref)s: bitte nachbessern",
    "Your funding application %(ref)s: please make changes",
    "Ваша заявка %(ref)s: потрібні зміни",
    "طلب التمويل %(ref)s: يرجى التعديل",
    "Destek başvurunuz %(ref)s: lütfen düzeltin",
    "درخواست شما %(ref)s: لطفاً اصلاح کنید",
    "Ваша заявка %(ref)s: нужны изменения",
)
t(
    "Guten Tag %(name)s,\n\nbitte ändern Sie Ihren Antrag über Ihren persönlichen Link und "
    "reichen Sie ihn erneut ein:\n\n%(note)s\n\n%(centre)s",
    "Hello %(name)s,\n\nplease change your application using your personal link and submit it "
    "again:\n\n%(note)s\n\n%(centre)s",
    "Добрий день, %(name)s!\n\nБудь ласка, змініть заявку за своїм особистим посиланням і подайте "
    "її ще раз:\n\n%(note)s\n\n%(centre)s",
    "مرحبًا %(name)s،\n\nيرجى تعديل طلبك عبر رابطك الشخصي وتقديمه مرة أخرى:\n\n%(note)s\n\n"
    "%(centre)s",
    "Merhaba %(name)s,\n\nlütfen başvurunuzu kişisel bağlantınız üzerinden değiştirin ve yeniden "
    "gönderin:\n\n%(note)s\n\n%(centre)s",
    "سلام %(name)s،\n\nلطفاً درخواست خود را از طریق پیوند شخصی‌تان تغییر دهید و دوباره ارسال "
    "کنید:\n\n%(note)s\n\n%(centre)s",
    "Здравствуйте, %(name)s!\n\nПожалуйста, измените заявку по своей личной ссылке и подайте её "
    "снова:\n\n%(note)s\n\n%(centre)s",
)
t(
    "Guten Tag %(name)s,\n\nanbei erhalten Sie unseren Bescheid zu Ihrem Antrag %(ref)s."
    "\n\n%(centre)s",
    "Hello %(name)s,\n\nattached is our decision on your application %(ref)s (in German, as it is "
    "the legal document).\n\n%(centre)s",
    "Добрий день, %(name)s!\n\nУ додатку — наше рішення щодо вашої заявки %(ref)s (німецькою, бо "
    "це юридичний документ).\n\n%(centre)s",
    "مرحبًا %(name)s،\n\nتجد مرفقًا قرارنا بشأن طلبك %(ref)s (بالألمانية، لأنه الوثيقة "
    "القانونية).\n\n%(centre)s",
    "Merhaba %(name)s,\n\n%(ref)s numaralı başvurunuzla ilgili kararımız ektedir (resmî belge "
    "olduğu için Almanca).\n\n%(centre)s",
    "سلام %(name)s،\n\nتصمیم ما درباره درخواست شما %(ref)s پیوست است (به آلمانی، چون سند رسمی "
    "است).\n\n%(centre)s",
    "Здравствуйте, %(name)s!\n\nВ приложении — наше решение по вашей заявке %(ref)s (на немецком, "
    "так как это юридический документ).\n\n%(centre)s",
)
t(
    "Rückforderung zu Ihrem Förderantrag %(ref)s",
    "Money to pay back: funding application %(ref)s",
    "Повернення коштів за заявкою %(ref)s",
    "استرداد أموال بخصوص طلب التمويل %(ref)s",
    "%(ref)s numaralı destek başvurusu için geri ödeme",
    "بازپرداخت درباره درخواست %(ref)s",
    "Возврат средств по заявке %(ref)s",
)
t(
    "Guten Tag %(name)s,\n\nwir haben Ihren Verwendungsnachweis geprüft. Nachgewiesen sind "
    "%(spent)s, ausgezahlt wurden %(paid)s. Bitte überweisen Sie %(repay)s innerhalb eines "
    "Monats unter Angabe des Aktenzeichens %(ref)s zurück.\n\n%(centre)s",
    "Hello %(name)s,\n\nwe have checked your proof of use. You have shown %(spent)s; %(paid)s was "
    "paid out. Please transfer %(repay)s back within one month, quoting the reference %(ref)s."
    "\n\n%(centre)s",
    "Добрий день, %(name)s!\n\nМи перевірили ваш звіт про використання. Підтверджено %(spent)s, "
    "виплачено %(paid)s. Будь ласка, поверніть %(repay)s протягом місяця, вказавши номер справи "
    "%(ref)s.\n\n%(centre)s",
    "مرحبًا %(name)s،\n\nراجعنا إثبات الاستخدام الخاص بك. المثبت %(spent)s، والمدفوع %(paid)s. "
    "يرجى تحويل %(repay)s خلال شهر مع ذكر رقم الملف %(ref)s.\n\n%(centre)s",
    "Merhaba %(name)s,\n\nkullanım kanıtınızı inceledik. Belgelenen %(spent)s, ödenen %(paid)s. "
    "Lütfen %(repay)s tutarını bir ay içinde %(ref)s dosya numarasını belirterek geri ödeyin."
    "\n\n%(centre)s",
    "سلام %(name)s،\n\nگزارش مصرف شما را بررسی کردیم. اثبات‌شده: %(spent)s، پرداخت‌شده: "
    "%(paid)s. لطفاً %(repay)s را ظرف یک ماه با ذکر شماره پرونده %(ref)s برگردانید.\n\n%(centre)s",
    "Здравствуйте, %(name)s!\n\nМы проверили ваш отчёт об использовании. Подтверждено %(spent)s, "
    "выплачено %(paid)s. Пожалуйста, верните %(repay)s в течение месяца, указав номер дела "
    "%(ref)s.\n\n%(centre)s",
)
t(
    "Erinnerung: Verwendungsnachweis %(ref)s fällig am %(due)s",
    "Reminder: proof of use %(ref)s due on %(due)s",
    "Нагадування: звіт %(ref)s потрібно подати до %(due)s",
    "تذكير: إثبات الاستخدام %(ref)s مستحق في %(due)s",
    "Hatırlatma: %(ref)s kullanım kanıtının son tarihi %(due)s",
    "یادآوری: گزارش مصرف %(ref)s تا %(due)s",
    "Напоминание: отчёт %(ref)s нужно подать до %(due)s",
)
t(
    "Mahnung: Verwendungsnachweis %(ref)s war fällig am %(due)s",
    "Overdue: proof of use %(ref)s was due on %(due)s",
    "Прострочено: звіт %(ref)s треба було подати до %(due)s",
    "متأخر: إثبات الاستخدام %(ref)s كان مستحقًا في %(due)s",
    "Gecikme: %(ref)s kullanım kanıtının son tarihi %(due)s idi",
    "دیرکرد: مهلت گزارش مصرف %(ref)s تا %(due)s بود",
    "Просрочено: отчёт %(ref)s нужно было подать до %(due)s",
)
t(
    "Guten Tag %(name)s,\n\nbitte reichen Sie den Verwendungsnachweis (Sachbericht und "
    "Belegliste) über Ihren persönlichen Link ein. Fällig: %(due)s.\n\n%(centre)s",
    "Hello %(name)s,\n\nplease submit the proof of use (report and list of receipts) using your "
    "personal link. Due: %(due)s.\n\n%(centre)s",
    "Добрий день, %(name)s!\n\nБудь ласка, подайте звіт про використання (звіт і список чеків) "
    "за своїм особистим посиланням. Термін: %(due)s.\n\n%(centre)s",
    "مرحبًا %(name)s،\n\nيرجى تقديم إثبات الاستخدام (التقرير وقائمة الإيصالات) عبر رابطك "
    "الشخصي. الموعد: %(due)s.\n\n%(centre)s",
    "Merhaba %(name)s,\n\nlütfen kullanım kanıtını (rapor ve belge listesi) kişisel bağlantınız "
    "üzerinden gönderin. Son tarih: %(due)s.\n\n%(centre)s",
    "سلام %(name)s،\n\nلطفاً گزارش مصرف (گزارش کار و فهرست رسیدها) را از طریق پیوند شخصی‌تان "
    "ارسال کنید. مهلت: %(due)s.\n\n%(centre)s",
    "Здравствуйте, %(name)s!\n\nПожалуйста, подайте отчёт об использовании (отчёт и список "
    "чеков) по своей личной ссылке. Срок: %(due)s.\n\n%(centre)s",
)

# --- the shared upload checks (teilhabe.documents), seen on the attachment and report forms --
t(
    "Die Datei ist leer.",
    "The file is empty.",
    "Файл порожній.",
    "الملف فارغ.",
    "Dosya boş.",
    "فایل خالی است.",
    "Файл пустой.",
)
t(
    "Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s.",
    "The file is too large (%(size)s). At most %(limit)s is allowed.",
    "Файл завеликий (%(size)s). Дозволено не більше %(limit)s.",
    "الملف كبير جدًا (%(size)s). الحد المسموح %(limit)s.",
    "Dosya çok büyük (%(size)s). En fazla %(limit)s izin verilir.",
    "فایل خیلی بزرگ است (%(size)s). حداکثر %(limit)s مجاز است.",
    "Файл слишком большой (%(size)s). Разрешено не более %(limit)s.",
)
t("und", "and", "і", "و", "ve", "و", "и")
t("oder", "or", "або", "أو", "veya", "یا", "или")
t(
    "Nur %(kinds)s-Dateien können hochgeladen werden.",
    "Only %(kinds)s files can be uploaded.",
    "Можна завантажувати лише файли %(kinds)s.",
    "يمكن رفع ملفات %(kinds)s فقط.",
    "Yalnızca %(kinds)s dosyaları yüklenebilir.",
    "فقط فایل‌های %(kinds)s را می‌توان بارگذاری کرد.",
    "Можно загружать только файлы %(kinds)s.",
)
t(
    "Der Inhalt der Datei ist kein %(kinds)s (die Dateiendung allein genügt nicht).",
    "The content of the file is not %(kinds)s (the file name ending alone is not enough).",
    "Вміст файлу не є %(kinds)s (самого розширення недостатньо).",
    "محتوى الملف ليس %(kinds)s (امتداد الملف وحده لا يكفي).",
    "Dosyanın içeriği %(kinds)s değil (yalnızca dosya uzantısı yetmez).",
    "محتوای فایل %(kinds)s نیست (پسوند فایل به‌تنهایی کافی نیست).",
    "Содержимое файла не является %(kinds)s (одного расширения недостаточно).",
)
t(
    "Die Dateiendung passt nicht zum Inhalt der Datei. Bitte prüfen.",
    "The file name ending does not match the content of the file. Please check.",
    "Розширення файлу не відповідає його вмісту. Будь ласка, перевірте.",
    "امتداد الملف لا يطابق محتواه. يرجى التحقق.",
    "Dosya uzantısı dosyanın içeriğiyle uyuşmuyor. Lütfen kontrol edin.",
    "پسوند فایل با محتوای آن جور نیست. لطفاً بررسی کنید.",
    "Расширение файла не соответствует его содержимому. Пожалуйста, проверьте.",
)
