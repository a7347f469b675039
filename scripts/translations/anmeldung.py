"""Translations of the families' registration and booking pages (helper "anmeldung").

German msgid → the six family languages. Plain language: short sentences, "Sie"-form
where the language has one. Messages of the shared case services that a family can see
on the registration form (dates, address) are translated here too.
"""

T = {}


def t(msgid, en, uk, ar, tr, fa, ru):
    T[msgid] = {"en": en, "uk": uk, "ar": ar, "tr": tr, "fa": fa, "ru": ru}


# --- frame and navigation ------------------------------------------------------------------
t(
    "Anmeldung für die Schule",
    "School registration",
    "Реєстрація до школи",
    "التسجيل في المدرسة",
    "Okul kaydı",
    "ثبت‌نام در مدرسه",
    "Запись в школу",
)
t(
    "Zum Inhalt springen",
    "Skip to content",
    "Перейти до змісту",
    "انتقل إلى المحتوى",
    "İçeriğe geç",
    "رفتن به محتوا",
    "Перейти к содержанию",
)
t(
    "Hauptnavigation",
    "Main navigation",
    "Головна навігація",
    "التنقل الرئيسي",
    "Ana menü",
    "منوی اصلی",
    "Главное меню",
)
t("Service", "Service", "Сервіс", "خدمات", "Hizmet", "خدمات", "Сервис")
t("Sprache", "Language", "Мова", "اللغة", "Dil", "زبان", "Язык")

# --- registration form ---------------------------------------------------------------------
t(
    "Ihr Kind ist neu in Deutschland und braucht einen Platz in einer Schule? Melden Sie hier "
    "alle Kinder Ihrer Familie an. Danach wählen Sie einen Termin für ein Beratungsgespräch.",
    "Is your child new in Germany and needs a place at a school? Register all the children of "
    "your family here. Then choose an appointment for a counselling meeting.",
    "Ваша дитина нещодавно в Німеччині й потребує місця в школі? Зареєструйте тут усіх дітей "
    "вашої родини. Потім виберіть час для консультації.",
    "هل طفلك جديد في ألمانيا ويحتاج إلى مكان في مدرسة؟ سجّل هنا جميع أطفال عائلتك. بعد ذلك اختر "
    "موعدًا لجلسة استشارة.",
    "Çocuğunuz Almanya'da yeni mi ve bir okulda yere mi ihtiyacı var? Ailenizin bütün çocuklarını "
    "buradan kaydedin. Sonra bir danışma görüşmesi için randevu seçin.",
    "فرزند شما تازه به آلمان آمده و به جایی در مدرسه نیاز دارد؟ همهٔ فرزندان خانواده‌تان را اینجا "
    "ثبت‌نام کنید. سپس یک وقت برای جلسهٔ مشاوره انتخاب کنید.",
    "Ваш ребёнок недавно в Германии и ему нужно место в школе? Запишите здесь всех детей вашей "
    "семьи. Потом выберите время для консультации.",
)
t(
    "Felder mit * müssen ausgefüllt werden.",
    "Fields marked * must be filled in.",
    "Поля з * обов'язкові.",
    "يجب ملء الحقول المعلّمة بـ *.",
    "* ile işaretli alanlar zorunludur.",
    "پر کردن فیلدهای دارای * الزامی است.",
    "Поля со * обязательны.",
)
t(
    "Die Online-Anmeldung ist zurzeit nicht möglich. Bitte rufen Sie uns an oder kommen Sie vorbei.",
    "Online registration is not possible at the moment. Please call us or visit us.",
    "Онлайн-реєстрація зараз неможлива. Будь ласка, зателефонуйте нам або приходьте до нас.",
    "التسجيل عبر الإنترنت غير ممكن حاليًا. يرجى الاتصال بنا أو زيارتنا.",
    "Çevrimiçi kayıt şu anda mümkün değil. Lütfen bizi arayın veya bize gelin.",
    "ثبت‌نام آنلاین در حال حاضر ممکن نیست. لطفاً با ما تماس بگیرید یا نزد ما بیایید.",
    "Онлайн-запись сейчас невозможна. Пожалуйста, позвоните нам или приходите к нам.",
)
t(
    "Die Online-Anmeldung ist zurzeit nicht möglich.",
    "Online registration is not possible at the moment.",
    "Онлайн-реєстрація зараз неможлива.",
    "التسجيل عبر الإنترنت غير ممكن حاليًا.",
    "Çevrimiçi kayıt şu anda mümkün değil.",
    "ثبت‌نام آنلاین در حال حاضر ممکن نیست.",
    "Онлайн-запись сейчас невозможна.",
)
t("Telefon", "Phone", "Телефон", "الهاتف", "Telefon", "تلفن", "Телефон")
t(
    "Bitte prüfen Sie Ihre Angaben",
    "Please check your details",
    "Будь ласка, перевірте ваші дані",
    "يرجى التحقق من بياناتك",
    "Lütfen bilgilerinizi kontrol edin",
    "لطفاً اطلاعات خود را بررسی کنید",
    "Пожалуйста, проверьте ваши данные",
)
t("Kinder", "Children", "Діти", "الأطفال", "Çocuklar", "فرزندان", "Дети")
t(
    "Kind %(n)s",
    "Child %(n)s",
    "Дитина %(n)s",
    "الطفل %(n)s",
    "Çocuk %(n)s",
    "فرزند %(n)s",
    "Ребёнок %(n)s",
)
t(
    "Kind %(n)d",
    "Child %(n)d",
    "Дитина %(n)d",
    "الطفل %(n)d",
    "Çocuk %(n)d",
    "فرزند %(n)d",
    "Ребёнок %(n)d",
)
t(
    "Person %(n)s",
    "Person %(n)s",
    "Особа %(n)s",
    "الشخص %(n)s",
    "Kişi %(n)s",
    "شخص %(n)s",
    "Лицо %(n)s",
)
t(
    "Person %(n)d",
    "Person %(n)d",
    "Особа %(n)d",
    "الشخص %(n)d",
    "Kişi %(n)d",
    "شخص %(n)d",
    "Лицо %(n)d",
)
t(
    "Weiteres Kind hinzufügen",
    "Add another child",
    "Додати ще одну дитину",
    "إضافة طفل آخر",
    "Başka bir çocuk ekle",
    "افزودن فرزند دیگر",
    "Добавить ещё одного ребёнка",
)
t(
    "Eltern oder Sorgeberechtigte",
    "Parents or guardians",
    "Батьки або опікуни",
    "الوالدان أو الأوصياء",
    "Ebeveynler veya vasiler",
    "والدین یا سرپرستان",
    "Родители или опекуны",
)
t(
    "Weitere Person hinzufügen",
    "Add another person",
    "Додати ще одну особу",
    "إضافة شخص آخر",
    "Başka bir kişi ekle",
    "افزودن شخص دیگر",
    "Добавить ещё одно лицо",
)
t(
    "Adresse und Kontakt",
    "Address and contact",
    "Адреса і контакти",
    "العنوان ووسائل الاتصال",
    "Adres ve iletişim",
    "نشانی و راه تماس",
    "Адрес и контакты",
)
t(
    "Datenschutz",
    "Data protection",
    "Захист даних",
    "حماية البيانات",
    "Veri koruma",
    "حفاظت از داده‌ها",
    "Защита данных",
)
t(
    "Datenschutzhinweis",
    "Privacy notice",
    "Повідомлення про захист даних",
    "إشعار الخصوصية",
    "Gizlilik bildirimi",
    "اطلاعیهٔ حریم خصوصی",
    "Уведомление о защите данных",
)
t(
    "Diesen Text gibt es noch nicht in Ihrer Sprache. Hier ist er auf Deutsch.",
    "This text is not yet available in your language. Here it is in German.",
    "Цього тексту ще немає вашою мовою. Ось він німецькою.",
    "هذا النص غير متوفر بلغتك بعد. إليك النص باللغة الألمانية.",
    "Bu metin henüz sizin dilinizde yok. İşte Almancası.",
    "این متن هنوز به زبان شما موجود نیست. متن آلمانی آن اینجاست.",
    "Этого текста ещё нет на вашем языке. Вот он на немецком.",
)
t(
    "Version %(v)s",
    "Version %(v)s",
    "Версія %(v)s",
    "الإصدار %(v)s",
    "Sürüm %(v)s",
    "نسخهٔ %(v)s",
    "Версия %(v)s",
)
t(
    "Anmeldung absenden",
    "Send registration",
    "Надіслати реєстрацію",
    "إرسال التسجيل",
    "Kaydı gönder",
    "ارسال ثبت‌نام",
    "Отправить заявку",
)
t("Vorname", "First name", "Ім'я", "الاسم الأول", "Ad", "نام", "Имя")
t("Nachname", "Last name", "Прізвище", "اسم العائلة", "Soyadı", "نام خانوادگی", "Фамилия")
t(
    "Geburtsdatum",
    "Date of birth",
    "Дата народження",
    "تاريخ الميلاد",
    "Doğum tarihi",
    "تاریخ تولد",
    "Дата рождения",
)
t(
    "Erstsprache",
    "First language",
    "Рідна мова",
    "اللغة الأم",
    "Ana dil",
    "زبان مادری",
    "Родной язык",
)
t(
    "Andere Sprache",
    "Other language",
    "Інша мова",
    "لغة أخرى",
    "Başka bir dil",
    "زبان دیگر",
    "Другой язык",
)
t(
    "In Deutschland seit",
    "In Germany since",
    "У Німеччині з",
    "في ألمانيا منذ",
    "Almanya'da şu tarihten beri",
    "در آلمان از تاریخ",
    "В Германии с",
)
t(
    "An der jetzigen Adresse seit",
    "At the current address since",
    "За теперішньою адресою з",
    "في العنوان الحالي منذ",
    "Şimdiki adreste şu tarihten beri",
    "در نشانی فعلی از تاریخ",
    "По нынешнему адресу с",
)
t(
    "Wie viele Jahre ist das Kind schon zur Schule gegangen?",
    "How many years has the child already gone to school?",
    "Скільки років дитина вже ходила до школи?",
    "كم سنة ذهب الطفل إلى المدرسة حتى الآن؟",
    "Çocuk kaç yıl okula gitti?",
    "فرزند چند سال به مدرسه رفته است؟",
    "Сколько лет ребёнок уже ходил в школу?",
)
t(
    "Beziehung zum Kind (z. B. Mutter)",
    "Relation to the child (e.g. mother)",
    "Ким ви є для дитини (напр. мати)",
    "صلة القرابة بالطفل (مثلًا الأم)",
    "Çocukla yakınlık (ör. anne)",
    "نسبت با فرزند (مثلاً مادر)",
    "Кем вы приходитесь ребёнку (напр. мать)",
)
t(
    "Straße und Hausnummer",
    "Street and house number",
    "Вулиця і номер будинку",
    "الشارع ورقم المنزل",
    "Sokak ve bina numarası",
    "خیابان و پلاک",
    "Улица и номер дома",
)
t(
    "Postleitzahl",
    "Postcode",
    "Поштовий індекс",
    "الرمز البريدي",
    "Posta kodu",
    "کد پستی",
    "Почтовый индекс",
)
t("Ort", "Town", "Населений пункт", "المدينة", "Şehir", "شهر", "Населённый пункт")
t(
    "E-Mail-Adresse",
    "E-mail address",
    "Адреса електронної пошти",
    "عنوان البريد الإلكتروني",
    "E-posta adresi",
    "نشانی ایمیل",
    "Адрес электронной почты",
)
t(
    "Hierhin schicken wir die Bestätigung und den Link für Ihren Termin.",
    "We send the confirmation and the link for your appointment here.",
    "Сюди ми надішлемо підтвердження і посилання для вашого запису.",
    "سنرسل التأكيد ورابط موعدك إلى هنا.",
    "Onayı ve randevunuzun bağlantısını buraya göndeririz.",
    "تأیید و پیوند وقت ملاقات شما را به این نشانی می‌فرستیم.",
    "Сюда мы отправим подтверждение и ссылку для вашей записи.",
)
t(
    "Telefon (freiwillig)",
    "Phone (optional)",
    "Телефон (за бажанням)",
    "الهاتف (اختياري)",
    "Telefon (isteğe bağlı)",
    "تلفن (اختیاری)",
    "Телефон (по желанию)",
)
t(
    "Ich habe den Datenschutzhinweis gelesen und stimme der Verarbeitung zu.",
    "I have read the privacy notice and agree to the processing.",
    "Я прочитав(-ла) повідомлення про захист даних і погоджуюся на обробку.",
    "لقد قرأت إشعار الخصوصية وأوافق على معالجة البيانات.",
    "Gizlilik bildirimini okudum ve işlenmesini kabul ediyorum.",
    "اطلاعیهٔ حریم خصوصی را خواندم و با پردازش اطلاعات موافقم.",
    "Я прочитал(а) уведомление о защите данных и согласен(на) на обработку.",
)
t(
    "Bitte dieses Feld leer lassen",
    "Please leave this field empty",
    "Будь ласка, залиште це поле порожнім",
    "يرجى ترك هذا الحقل فارغًا",
    "Lütfen bu alanı boş bırakın",
    "لطفاً این فیلد را خالی بگذارید",
    "Пожалуйста, оставьте это поле пустым",
)

# --- form messages ---------------------------------------------------------------------------
t(
    "Bitte ausfüllen.",
    "Please fill in.",
    "Будь ласка, заповніть.",
    "يرجى ملء هذا الحقل.",
    "Lütfen doldurun.",
    "لطفاً پر کنید.",
    "Пожалуйста, заполните.",
)
t(
    "Dieses Datum gibt es nicht. Bitte prüfen Sie Tag, Monat und Jahr.",
    "This date does not exist. Please check day, month and year.",
    "Такої дати не існує. Перевірте день, місяць і рік.",
    "هذا التاريخ غير موجود. يرجى التحقق من اليوم والشهر والسنة.",
    "Böyle bir tarih yok. Lütfen gün, ay ve yılı kontrol edin.",
    "چنین تاریخی وجود ندارد. لطفاً روز، ماه و سال را بررسی کنید.",
    "Такой даты не существует. Проверьте день, месяц и год.",
)
t(
    "Die Anmeldung konnte nicht gesendet werden. Bitte versuchen Sie es noch einmal.",
    "The registration could not be sent. Please try again.",
    "Реєстрацію не вдалося надіслати. Будь ласка, спробуйте ще раз.",
    "تعذّر إرسال التسجيل. يرجى المحاولة مرة أخرى.",
    "Kayıt gönderilemedi. Lütfen tekrar deneyin.",
    "ثبت‌نام ارسال نشد. لطفاً دوباره تلاش کنید.",
    "Заявку не удалось отправить. Пожалуйста, попробуйте ещё раз.",
)
t(
    "Das Formular ist abgelaufen. Bitte prüfen Sie Ihre Angaben und senden Sie erneut.",
    "The form has expired. Please check your details and send again.",
    "Термін дії форми минув. Перевірте дані й надішліть ще раз.",
    "انتهت صلاحية النموذج. يرجى التحقق من بياناتك وإرسالها مرة أخرى.",
    "Formun süresi doldu. Lütfen bilgilerinizi kontrol edip tekrar gönderin.",
    "مهلت فرم تمام شده است. لطفاً اطلاعات را بررسی کنید و دوباره بفرستید.",
    "Срок действия формы истёк. Проверьте данные и отправьте ещё раз.",
)
t(
    "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.",
    "The form has expired. Please reload the page.",
    "Термін дії форми минув. Будь ласка, оновіть сторінку.",
    "انتهت صلاحية النموذج. يرجى إعادة تحميل الصفحة.",
    "Formun süresi doldu. Lütfen sayfayı yeniden yükleyin.",
    "مهلت فرم تمام شده است. لطفاً صفحه را دوباره بارگذاری کنید.",
    "Срок действия формы истёк. Пожалуйста, обновите страницу.",
)
t(
    "Bitte geben Sie eine gültige E-Mail-Adresse an.",
    "Please enter a valid e-mail address.",
    "Будь ласка, вкажіть дійсну адресу електронної пошти.",
    "يرجى إدخال عنوان بريد إلكتروني صالح.",
    "Lütfen geçerli bir e-posta adresi girin.",
    "لطفاً یک نشانی ایمیل معتبر وارد کنید.",
    "Пожалуйста, укажите действительный адрес электронной почты.",
)
t(
    "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.",
    "Please agree to the processing of your details.",
    "Будь ласка, погодьтеся на обробку ваших даних.",
    "يرجى الموافقة على معالجة بياناتك.",
    "Lütfen bilgilerinizin işlenmesini kabul edin.",
    "لطفاً با پردازش اطلاعات خود موافقت کنید.",
    "Пожалуйста, дайте согласие на обработку ваших данных.",
)
t(
    "Bitte eine Zahl von 0 bis 14 angeben.",
    "Please enter a number from 0 to 14.",
    "Вкажіть число від 0 до 14.",
    "يرجى إدخال رقم من 0 إلى 14.",
    "Lütfen 0 ile 14 arasında bir sayı girin.",
    "لطفاً عددی از ۰ تا ۱۴ وارد کنید.",
    "Укажите число от 0 до 14.",
)
t(
    "Von diesem Anschluss kamen in der letzten Stunde zu viele Anmeldungen. Bitte versuchen Sie es "
    "später noch einmal oder rufen Sie uns an.",
    "Too many registrations came from this connection in the last hour. Please try again later "
    "or call us.",
    "З цього підключення за останню годину надійшло забагато реєстрацій. Спробуйте пізніше або "
    "зателефонуйте нам.",
    "وصلت من هذا الاتصال تسجيلات كثيرة جدًا خلال الساعة الأخيرة. يرجى المحاولة لاحقًا أو الاتصال بنا.",
    "Son bir saatte bu bağlantıdan çok fazla kayıt geldi. Lütfen daha sonra tekrar deneyin veya "
    "bizi arayın.",
    "در یک ساعت گذشته از این اتصال ثبت‌نام‌های زیادی رسیده است. لطفاً بعداً دوباره تلاش کنید یا "
    "با ما تماس بگیرید.",
    "С этого подключения за последний час пришло слишком много заявок. Попробуйте позже или "
    "позвоните нам.",
)
t(
    "Mit dieser E-Mail-Adresse wurden heute schon mehrere Anmeldungen gesendet. Bitte rufen Sie uns "
    "an, wenn noch ein Kind fehlt.",
    "Several registrations have already been sent with this e-mail address today. Please call us "
    "if a child is still missing.",
    "З цією адресою електронної пошти сьогодні вже надіслано кілька реєстрацій. Зателефонуйте нам, "
    "якщо ще якоїсь дитини бракує.",
    "أُرسلت اليوم عدة تسجيلات بعنوان البريد الإلكتروني هذا. يرجى الاتصال بنا إذا كان هناك طفل لم يُسجَّل بعد.",
    "Bu e-posta adresiyle bugün zaten birkaç kayıt gönderildi. Bir çocuk hâlâ eksikse lütfen bizi arayın.",
    "امروز چند ثبت‌نام با این نشانی ایمیل فرستاده شده است. اگر فرزندی هنوز ثبت نشده، لطفاً با ما تماس بگیرید.",
    "С этим адресом электронной почты сегодня уже отправлено несколько заявок. Позвоните нам, "
    "если какой-то ребёнок ещё не записан.",
)
t(
    "Vielen Dank! Ihre Anmeldung ist angekommen.",
    "Thank you! Your registration has arrived.",
    "Дякуємо! Вашу реєстрацію отримано.",
    "شكرًا لك! وصل تسجيلك.",
    "Teşekkürler! Kaydınız bize ulaştı.",
    "سپاس! ثبت‌نام شما به دست ما رسید.",
    "Спасибо! Ваша заявка получена.",
)

# --- messages of the case services a family can see -----------------------------------------
t(
    "Das Geburtsdatum liegt in der Zukunft.",
    "The date of birth is in the future.",
    "Дата народження в майбутньому.",
    "تاريخ الميلاد في المستقبل.",
    "Doğum tarihi gelecekte.",
    "تاریخ تولد در آینده است.",
    "Дата рождения в будущем.",
)
t(
    "Das Kind ist jünger als fünf Jahre und noch nicht schulpflichtig.",
    "The child is younger than five and does not have to go to school yet.",
    "Дитині менше п'яти років, і вона ще не мусить ходити до школи.",
    "عمر الطفل أقل من خمس سنوات وليس ملزمًا بالمدرسة بعد.",
    "Çocuk beş yaşından küçük ve henüz okula gitmek zorunda değil.",
    "فرزند کمتر از پنج سال دارد و هنوز موظف به رفتن به مدرسه نیست.",
    "Ребёнку меньше пяти лет, он ещё не обязан ходить в школу.",
)
t(
    "Das Geburtsdatum ergibt ein Alter über 27 Jahren; bitte prüfen.",
    "This date of birth means an age over 27; please check.",
    "За цією датою народження вік понад 27 років; будь ласка, перевірте.",
    "تاريخ الميلاد هذا يعني عمرًا يزيد على 27 سنة؛ يرجى التحقق.",
    "Bu doğum tarihine göre yaş 27'nin üzerinde; lütfen kontrol edin.",
    "طبق این تاریخ تولد سن بیش از ۲۷ سال است؛ لطفاً بررسی کنید.",
    "По этой дате рождения возраст больше 27 лет; пожалуйста, проверьте.",
)
t(
    "Die Ankunft in Deutschland liegt vor der Geburt.",
    "The arrival in Germany is before the birth.",
    "Дата приїзду до Німеччини раніша за дату народження.",
    "تاريخ الوصول إلى ألمانيا قبل تاريخ الميلاد.",
    "Almanya'ya geliş tarihi doğumdan önce.",
    "تاریخ ورود به آلمان پیش از تاریخ تولد است.",
    "Дата приезда в Германию раньше даты рождения.",
)
t(
    "Die Ankunft in Deutschland liegt in der Zukunft.",
    "The arrival in Germany is in the future.",
    "Дата приїзду до Німеччини в майбутньому.",
    "تاريخ الوصول إلى ألمانيا في المستقبل.",
    "Almanya'ya geliş tarihi gelecekte.",
    "تاریخ ورود به آلمان در آینده است.",
    "Дата приезда в Германию в будущем.",
)
t(
    "Der Zuzug nach Köln liegt vor der Ankunft in Deutschland.",
    "The date of moving to the current address is before the arrival in Germany.",
    "Дата переїзду за теперішньою адресою раніша за приїзд до Німеччини.",
    "تاريخ الانتقال إلى العنوان الحالي قبل الوصول إلى ألمانيا.",
    "Şimdiki adrese taşınma tarihi Almanya'ya gelişten önce.",
    "تاریخ نقل مکان به نشانی فعلی پیش از ورود به آلمان است.",
    "Дата переезда по нынешнему адресу раньше приезда в Германию.",
)
t(
    "Der Zuzug nach Köln liegt in der Zukunft.",
    "The date of moving to the current address is in the future.",
    "Дата переїзду за теперішньою адресою в майбутньому.",
    "تاريخ الانتقال إلى العنوان الحالي في المستقبل.",
    "Şimdiki adrese taşınma tarihi gelecekte.",
    "تاریخ نقل مکان به نشانی فعلی در آینده است.",
    "Дата переезда по нынешнему адресу в будущем.",
)
t(
    "Bitte eine fünfstellige Postleitzahl angeben.",
    "Please enter a five-digit postcode.",
    "Вкажіть п'ятизначний поштовий індекс.",
    "يرجى إدخال رمز بريدي من خمسة أرقام.",
    "Lütfen beş haneli bir posta kodu girin.",
    "لطفاً یک کد پستی پنج‌رقمی وارد کنید.",
    "Укажите пятизначный почтовый индекс.",
)
t(
    "Die Postleitzahl %(plz)s liegt nicht in Nordrhein-Westfalen oder ist unbekannt.",
    "The postcode %(plz)s is not in North Rhine-Westphalia or is unknown.",
    "Поштовий індекс %(plz)s не в Північному Рейні-Вестфалії або невідомий.",
    "الرمز البريدي %(plz)s ليس في ولاية شمال الراين-وستفاليا أو غير معروف.",
    "%(plz)s posta kodu Kuzey Ren-Vestfalya'da değil veya bilinmiyor.",
    "کد پستی %(plz)s در نوردراین-وستفالن نیست یا ناشناخته است.",
    "Почтовый индекс %(plz)s не в Северном Рейне-Вестфалии или неизвестен.",
)
t(
    "Die Adresse liegt nicht im Gebiet des Zentrums (%(area)s).",
    "The address is not in the area of this centre (%(area)s). Please contact the integration centre of your town.",
    "Адреса не входить до території цього центру (%(area)s). Зверніться до центру інтеграції вашого міста.",
    "العنوان ليس ضمن منطقة هذا المركز (%(area)s). يرجى التواصل مع مركز الاندماج في مدينتك.",
    "Adres bu merkezin bölgesinde değil (%(area)s). Lütfen kendi şehrinizin entegrasyon merkezine başvurun.",
    "این نشانی در حوزهٔ این مرکز نیست (%(area)s). لطفاً با مرکز ادغام شهر خود تماس بگیرید.",
    "Адрес не относится к территории этого центра (%(area)s). Обратитесь в центр интеграции вашего города.",
)
t(
    "Die Postleitzahl %(plz)s gilt für mehrere Orte (%(places)s); bitte den Ort angeben.",
    "The postcode %(plz)s belongs to several towns (%(places)s); please enter the town.",
    "Поштовий індекс %(plz)s належить кільком населеним пунктам (%(places)s); вкажіть населений пункт.",
    "الرمز البريدي %(plz)s يخص عدة مدن (%(places)s)؛ يرجى إدخال اسم المدينة.",
    "%(plz)s posta kodu birkaç yere ait (%(places)s); lütfen şehri girin.",
    "کد پستی %(plz)s مربوط به چند شهر است (%(places)s)؛ لطفاً نام شهر را وارد کنید.",
    "Почтовый индекс %(plz)s относится к нескольким населённым пунктам (%(places)s); укажите населённый пункт.",
)
t(
    "Die Adresse liegt außerhalb des Stadtgebiets von %(town)s.",
    "The address is outside the town of %(town)s.",
    "Адреса за межами міста %(town)s.",
    "العنوان خارج حدود مدينة %(town)s.",
    "Adres %(town)s şehir sınırlarının dışında.",
    "این نشانی بیرون از محدودهٔ شهر %(town)s است.",
    "Адрес за пределами города %(town)s.",
)
t(
    "Bitte mindestens ein Kind angeben.",
    "Please enter at least one child.",
    "Вкажіть щонайменше одну дитину.",
    "يرجى إدخال طفل واحد على الأقل.",
    "Lütfen en az bir çocuk girin.",
    "لطفاً دست‌کم یک فرزند وارد کنید.",
    "Укажите хотя бы одного ребёнка.",
)
t(
    "Bitte mindestens eine sorgeberechtigte Person angeben.",
    "Please enter at least one parent or guardian.",
    "Вкажіть щонайменше одного з батьків або опікуна.",
    "يرجى إدخال أحد الوالدين أو وصي واحد على الأقل.",
    "Lütfen en az bir ebeveyn veya vasi girin.",
    "لطفاً دست‌کم یکی از والدین یا سرپرست را وارد کنید.",
    "Укажите хотя бы одного из родителей или опекуна.",
)

# --- booking ------------------------------------------------------------------------------------
t("Termin", "Appointment", "Запис", "الموعد", "Randevu", "وقت ملاقات", "Запись")
t(
    "Nein, wir sprechen Deutsch",
    "No, we speak German",
    "Ні, ми говоримо німецькою",
    "لا، نحن نتحدث الألمانية",
    "Hayır, Almanca konuşuyoruz",
    "نه، ما آلمانی صحبت می‌کنیم",
    "Нет, мы говорим по-немецки",
)
t(
    "Brauchen Sie eine Dolmetscherin oder einen Dolmetscher?",
    "Do you need an interpreter?",
    "Вам потрібен перекладач?",
    "هل تحتاج إلى مترجم؟",
    "Tercümana ihtiyacınız var mı?",
    "آیا به مترجم نیاز دارید؟",
    "Вам нужен переводчик?",
)
t(
    "Bitte wählen Sie einen Termin.",
    "Please choose an appointment.",
    "Будь ласка, виберіть час.",
    "يرجى اختيار موعد.",
    "Lütfen bir randevu seçin.",
    "لطفاً یک وقت انتخاب کنید.",
    "Пожалуйста, выберите время.",
)
t(
    "Dieser Termin ist nicht mehr frei. Bitte wählen Sie einen anderen.",
    "This appointment is no longer free. Please choose another one.",
    "Цей час уже зайнятий. Будь ласка, виберіть інший.",
    "هذا الموعد لم يعد متاحًا. يرجى اختيار موعد آخر.",
    "Bu randevu artık boş değil. Lütfen başka birini seçin.",
    "این وقت دیگر آزاد نیست. لطفاً وقت دیگری انتخاب کنید.",
    "Это время уже занято. Пожалуйста, выберите другое.",
)
t(
    "Das ist schon Ihr Termin.",
    "This is already your appointment.",
    "Це вже ваш запис.",
    "هذا موعدك بالفعل.",
    "Bu zaten sizin randevunuz.",
    "این همین حالا وقت شماست.",
    "Это уже ваша запись.",
)
t(
    "Ihr Termin ist gebucht. Wir haben Ihnen eine E-Mail geschickt.",
    "Your appointment is booked. We have sent you an e-mail.",
    "Ваш запис підтверджено. Ми надіслали вам електронний лист.",
    "تم حجز موعدك. أرسلنا إليك رسالة بالبريد الإلكتروني.",
    "Randevunuz alındı. Size bir e-posta gönderdik.",
    "وقت شما رزرو شد. برایتان ایمیل فرستادیم.",
    "Вы записаны. Мы отправили вам электронное письмо.",
)
t(
    "Ihr Termin wurde verschoben. Wir haben Ihnen eine E-Mail geschickt.",
    "Your appointment has been moved. We have sent you an e-mail.",
    "Ваш запис перенесено. Ми надіслали вам електронний лист.",
    "تم تغيير موعدك. أرسلنا إليك رسالة بالبريد الإلكتروني.",
    "Randevunuz değiştirildi. Size bir e-posta gönderdik.",
    "وقت شما جابه‌جا شد. برایتان ایمیل فرستادیم.",
    "Ваша запись перенесена. Мы отправили вам электронное письмо.",
)
t(
    "Ihr Termin ist abgesagt. Sie können einen neuen Termin wählen.",
    "Your appointment is cancelled. You can choose a new appointment.",
    "Ваш запис скасовано. Ви можете вибрати новий час.",
    "تم إلغاء موعدك. يمكنك اختيار موعد جديد.",
    "Randevunuz iptal edildi. Yeni bir randevu seçebilirsiniz.",
    "وقت شما لغو شد. می‌توانید وقت تازه‌ای انتخاب کنید.",
    "Ваша запись отменена. Вы можете выбрать новое время.",
)
t(
    "Sie haben schon einen Termin. Sie können ihn unten verschieben oder absagen.",
    "You already have an appointment. You can move or cancel it below.",
    "У вас уже є запис. Нижче ви можете його перенести або скасувати.",
    "لديك موعد بالفعل. يمكنك تغييره أو إلغاؤه أدناه.",
    "Zaten bir randevunuz var. Aşağıda değiştirebilir veya iptal edebilirsiniz.",
    "شما از قبل وقت دارید. می‌توانید آن را در پایین جابه‌جا یا لغو کنید.",
    "У вас уже есть запись. Ниже её можно перенести или отменить.",
)
t(
    "Für Ihre Anmeldung kann zurzeit kein Termin gebucht werden. Bitte rufen Sie uns an.",
    "No appointment can be booked for your registration at the moment. Please call us.",
    "Для вашої реєстрації зараз не можна записатися. Будь ласка, зателефонуйте нам.",
    "لا يمكن حجز موعد لتسجيلك حاليًا. يرجى الاتصال بنا.",
    "Kaydınız için şu anda randevu alınamıyor. Lütfen bizi arayın.",
    "در حال حاضر برای ثبت‌نام شما نمی‌توان وقت رزرو کرد. لطفاً با ما تماس بگیرید.",
    "Для вашей заявки сейчас нельзя записаться. Пожалуйста, позвоните нам.",
)
t(
    "Sie haben zurzeit keinen Termin.",
    "You have no appointment at the moment.",
    "Зараз у вас немає запису.",
    "ليس لديك موعد حاليًا.",
    "Şu anda randevunuz yok.",
    "در حال حاضر وقتی ندارید.",
    "Сейчас у вас нет записи.",
)
t(
    "Ihre Anmeldung",
    "Your registration",
    "Ваша реєстрація",
    "تسجيلك",
    "Kaydınız",
    "ثبت‌نام شما",
    "Ваша заявка",
)
t(
    "Vorgangsnummer",
    "Reference number",
    "Номер звернення",
    "الرقم المرجعي",
    "Başvuru numarası",
    "شمارهٔ پرونده",
    "Номер заявки",
)
t(
    "Angemeldet am",
    "Registered on",
    "Дата реєстрації",
    "تاريخ التسجيل",
    "Kayıt tarihi",
    "تاریخ ثبت‌نام",
    "Дата заявки",
)
t(
    "Bitte notieren Sie die Vorgangsnummer. Wir haben Ihnen auch eine E-Mail geschickt.",
    "Please note the reference number. We have also sent you an e-mail.",
    "Будь ласка, запишіть номер звернення. Ми також надіслали вам електронний лист.",
    "يرجى تدوين الرقم المرجعي. أرسلنا إليك أيضًا رسالة بالبريد الإلكتروني.",
    "Lütfen başvuru numarasını not edin. Size ayrıca bir e-posta gönderdik.",
    "لطفاً شمارهٔ پرونده را یادداشت کنید. برایتان ایمیل هم فرستادیم.",
    "Пожалуйста, запишите номер заявки. Мы также отправили вам электронное письмо.",
)
t("Ihr Termin", "Your appointment", "Ваш запис", "موعدك", "Randevunuz", "وقت شما", "Ваша запись")
t("Datum", "Date", "Дата", "التاريخ", "Tarih", "تاریخ", "Дата")
t("Uhrzeit", "Time", "Час", "الوقت", "Saat", "ساعت", "Время")
t(
    "Termin in den Kalender (.ics)",
    "Add to calendar (.ics)",
    "Додати в календар (.ics)",
    "إضافة إلى التقويم (.ics)",
    "Takvime ekle (.ics)",
    "افزودن به تقویم (.ics)",
    "Добавить в календарь (.ics)",
)
t(
    "Termin absagen",
    "Cancel appointment",
    "Скасувати запис",
    "إلغاء الموعد",
    "Randevuyu iptal et",
    "لغو وقت",
    "Отменить запись",
)
t(
    "Termin verschieben",
    "Move appointment",
    "Перенести запис",
    "تغيير الموعد",
    "Randevuyu değiştir",
    "جابه‌جا کردن وقت",
    "Перенести запись",
)
t(
    "Termin für das Beratungsgespräch wählen",
    "Choose an appointment for the counselling meeting",
    "Виберіть час для консультації",
    "اختر موعدًا لجلسة الاستشارة",
    "Danışma görüşmesi için randevu seçin",
    "یک وقت برای جلسهٔ مشاوره انتخاب کنید",
    "Выберите время для консультации",
)
t(
    "Freie Termine",
    "Free appointments",
    "Вільний час",
    "المواعيد المتاحة",
    "Boş randevular",
    "وقت‌های آزاد",
    "Свободное время",
)
t(
    "Termin buchen",
    "Book appointment",
    "Записатися",
    "حجز الموعد",
    "Randevu al",
    "رزرو وقت",
    "Записаться",
)
t(
    "Zurzeit sind keine Termine frei. Bitte schauen Sie in ein paar Tagen wieder hier nach oder "
    "rufen Sie uns an.",
    "There are no free appointments at the moment. Please look here again in a few days or call us.",
    "Зараз немає вільного часу. Зазирніть сюди за кілька днів або зателефонуйте нам.",
    "لا توجد مواعيد متاحة حاليًا. يرجى العودة إلى هذه الصفحة بعد بضعة أيام أو الاتصال بنا.",
    "Şu anda boş randevu yok. Lütfen birkaç gün sonra tekrar bakın veya bizi arayın.",
    "در حال حاضر وقت آزادی نیست. لطفاً چند روز دیگر دوباره سر بزنید یا با ما تماس بگیرید.",
    "Сейчас нет свободного времени. Загляните сюда через несколько дней или позвоните нам.",
)
t(
    "Möchten Sie Ihren Termin am %(date)s um %(time)s Uhr absagen?",
    "Do you want to cancel your appointment on %(date)s at %(time)s?",
    "Бажаєте скасувати запис на %(date)s о %(time)s?",
    "هل تريد إلغاء موعدك في %(date)s الساعة %(time)s؟",
    "%(date)s tarihinde saat %(time)s'deki randevunuzu iptal etmek istiyor musunuz?",
    "آیا می‌خواهید وقت خود در %(date)s ساعت %(time)s را لغو کنید؟",
    "Вы хотите отменить запись на %(date)s в %(time)s?",
)
t(
    "Ja, Termin absagen",
    "Yes, cancel the appointment",
    "Так, скасувати запис",
    "نعم، ألغِ الموعد",
    "Evet, randevuyu iptal et",
    "بله، وقت را لغو کن",
    "Да, отменить запись",
)
t(
    "Nein, zurück",
    "No, go back",
    "Ні, назад",
    "لا، رجوع",
    "Hayır, geri dön",
    "نه، بازگشت",
    "Нет, назад",
)
t(
    "Dieser Link gilt nicht mehr",
    "This link is no longer valid",
    "Це посилання більше не дійсне",
    "هذا الرابط لم يعد صالحًا",
    "Bu bağlantı artık geçerli değil",
    "این پیوند دیگر معتبر نیست",
    "Эта ссылка больше не действительна",
)
t(
    "Der Link ist falsch oder abgelaufen, zum Beispiel weil der Termin schon war. Bitte rufen Sie "
    "uns an, wenn Sie Hilfe brauchen.",
    "The link is wrong or has expired, for example because the appointment has already taken "
    "place. Please call us if you need help.",
    "Посилання неправильне або застаріле, наприклад, тому що зустріч уже відбулася. "
    "Зателефонуйте нам, якщо потрібна допомога.",
    "الرابط خاطئ أو منتهي الصلاحية، مثلًا لأن الموعد قد مضى. يرجى الاتصال بنا إذا احتجت إلى مساعدة.",
    "Bağlantı yanlış veya süresi dolmuş, örneğin randevu zaten geçtiği için. Yardıma ihtiyacınız "
    "varsa lütfen bizi arayın.",
    "پیوند نادرست است یا منقضی شده، مثلاً چون وقت ملاقات گذشته است. اگر به کمک نیاز دارید با ما "
    "تماس بگیرید.",
    "Ссылка неверна или устарела, например, потому что встреча уже прошла. Позвоните нам, если "
    "нужна помощь.",
)

# --- e-mails ------------------------------------------------------------------------------------
t("Guten Tag,", "Hello,", "Добрий день!", "مرحبًا،", "Merhaba,", "با سلام،", "Здравствуйте!")
t(
    "vielen Dank für Ihre Anmeldung beim %(centre)s.",
    "thank you for your registration with %(centre)s.",
    "дякуємо за вашу реєстрацію в %(centre)s.",
    "شكرًا لتسجيلك لدى %(centre)s.",
    "%(centre)s kaydınız için teşekkür ederiz.",
    "از ثبت‌نام شما در %(centre)s سپاسگزاریم.",
    "спасибо за вашу заявку в %(centre)s.",
)
t(
    "Ihre Vorgangsnummer: %(ref)s",
    "Your reference number: %(ref)s",
    "Ваш номер звернення: %(ref)s",
    "رقمك المرجعي: %(ref)s",
    "Başvuru numaranız: %(ref)s",
    "شمارهٔ پروندهٔ شما: %(ref)s",
    "Ваш номер заявки: %(ref)s",
)
t(
    "Bitte wählen Sie hier einen Termin für das Beratungsgespräch:",
    "Please choose an appointment for the counselling meeting here:",
    "Будь ласка, виберіть тут час для консультації:",
    "يرجى اختيار موعد لجلسة الاستشارة من هنا:",
    "Lütfen danışma görüşmesi için buradan bir randevu seçin:",
    "لطفاً از اینجا یک وقت برای جلسهٔ مشاوره انتخاب کنید:",
    "Пожалуйста, выберите здесь время для консультации:",
)
t(
    "Bewahren Sie diese E-Mail auf. Mit dem Link können Sie Ihren Termin auch absagen oder verschieben.",
    "Keep this e-mail. With the link you can also cancel or move your appointment.",
    "Збережіть цей лист. За посиланням ви також можете скасувати або перенести запис.",
    "احتفظ بهذه الرسالة. يمكنك من خلال الرابط أيضًا إلغاء موعدك أو تغييره.",
    "Bu e-postayı saklayın. Bağlantıyla randevunuzu iptal edebilir veya değiştirebilirsiniz.",
    "این ایمیل را نگه دارید. با این پیوند می‌توانید وقت خود را لغو یا جابه‌جا کنید.",
    "Сохраните это письмо. По ссылке вы также можете отменить или перенести запись.",
)
t(
    "Mit freundlichen Grüßen",
    "Kind regards",
    "З повагою",
    "مع أطيب التحيات",
    "Saygılarımızla",
    "با احترام",
    "С уважением",
)
t(
    "Ihre Anmeldung %(ref)s",
    "Your registration %(ref)s",
    "Ваша реєстрація %(ref)s",
    "تسجيلك %(ref)s",
    "Kaydınız %(ref)s",
    "ثبت‌نام شما %(ref)s",
    "Ваша заявка %(ref)s",
)
t(
    "Ihr Termin wurde verschoben. Der neue Termin:",
    "Your appointment has been moved. The new appointment:",
    "Ваш запис перенесено. Новий час:",
    "تم تغيير موعدك. الموعد الجديد:",
    "Randevunuz değiştirildi. Yeni randevu:",
    "وقت شما جابه‌جا شد. وقت تازه:",
    "Ваша запись перенесена. Новое время:",
)
t(
    "Ihr Termin für das Beratungsgespräch ist gebucht:",
    "Your appointment for the counselling meeting is booked:",
    "Ви записані на консультацію:",
    "تم حجز موعدك لجلسة الاستشارة:",
    "Danışma görüşmesi randevunuz alındı:",
    "وقت شما برای جلسهٔ مشاوره رزرو شد:",
    "Вы записаны на консультацию:",
)
t(
    "Datum: %(date)s",
    "Date: %(date)s",
    "Дата: %(date)s",
    "التاريخ: %(date)s",
    "Tarih: %(date)s",
    "تاریخ: %(date)s",
    "Дата: %(date)s",
)
t(
    "Uhrzeit: %(start)s bis %(end)s Uhr",
    "Time: %(start)s to %(end)s",
    "Час: з %(start)s до %(end)s",
    "الوقت: من %(start)s إلى %(end)s",
    "Saat: %(start)s – %(end)s",
    "ساعت: %(start)s تا %(end)s",
    "Время: с %(start)s до %(end)s",
)
t(
    "Ort: %(place)s",
    "Place: %(place)s",
    "Місце: %(place)s",
    "المكان: %(place)s",
    "Yer: %(place)s",
    "مکان: %(place)s",
    "Место: %(place)s",
)
t(
    "Den Termin für Ihren Kalender finden Sie im Anhang.",
    "You will find the appointment for your calendar attached.",
    "Запис для вашого календаря — у вкладенні.",
    "ستجد الموعد لتقويمك في المرفق.",
    "Takviminiz için randevuyu ekte bulabilirsiniz.",
    "وقت ملاقات برای تقویم شما پیوست شده است.",
    "Запись для вашего календаря — во вложении.",
)
t(
    "Absagen oder verschieben:",
    "Cancel or move:",
    "Скасувати або перенести:",
    "الإلغاء أو التغيير:",
    "İptal etmek veya değiştirmek için:",
    "لغو یا جابه‌جایی:",
    "Отменить или перенести:",
)
t(
    "Ihr Beratungstermin am %(date)s",
    "Your counselling appointment on %(date)s",
    "Ваша консультація %(date)s",
    "موعد استشارتك في %(date)s",
    "%(date)s tarihli danışma randevunuz",
    "وقت مشاورهٔ شما در %(date)s",
    "Ваша консультация %(date)s",
)
t(
    "Beratungsgespräch",
    "Counselling meeting",
    "Консультація",
    "جلسة استشارة",
    "Danışma görüşmesi",
    "جلسهٔ مشاوره",
    "Консультация",
)

TRANSLATIONS = T
