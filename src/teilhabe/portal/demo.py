"""Demo content of Köln's public site, written for this demo in plain language in all seven
languages (some offers only in a few, so the German fallback can be seen), built through
the services. Offers, providers and addresses are invented but plausible for Köln.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from teilhabe.centres.models import Centre, User
from teilhabe.portal.models import Page
from teilhabe.portal.services import content as services

L = ("de", "en", "uk", "ar", "tr", "fa", "ru")

ABOUT = {
    "de": (
        "Über uns",
        "Das Kommunale Integrationszentrum Köln hilft Menschen, die neu in Köln sind.\n\n"
        "Wir beraten Familien mit Kindern und Jugendlichen, die hier zur Schule gehen "
        "möchten. Wir helfen, eine passende Schule zu finden.\n\n"
        "Wir arbeiten mit Schulen, Vereinen und Ämtern der Stadt zusammen. "
        "Die Beratung ist kostenlos.",
    ),
    "en": (
        "About us",
        "The Municipal Integration Centre of Cologne helps people who are new in Cologne.\n\n"
        "We advise families with children and young people who want to go to school here. "
        "We help to find the right school.\n\n"
        "We work together with schools, associations and city offices. "
        "Our advice is free of charge.",
    ),
    "uk": (
        "Про нас",
        "Комунальний інтеграційний центр Кельна допомагає людям, які нещодавно приїхали "
        "до Кельна.\n\n"
        "Ми консультуємо сім'ї з дітьми та молоддю, які хочуть тут навчатися в школі. "
        "Ми допомагаємо знайти відповідну школу.\n\n"
        "Ми співпрацюємо зі школами, громадськими організаціями та міськими установами. "
        "Консультація безкоштовна.",
    ),
    "ar": (
        "من نحن",
        "يساعد مركز الاندماج البلدي في كولونيا الأشخاص الجدد في كولونيا.\n\n"
        "نقدم المشورة للعائلات التي لديها أطفال وشباب يريدون الذهاب إلى المدرسة هنا. "
        "نساعد في العثور على مدرسة مناسبة.\n\n"
        "نعمل مع المدارس والجمعيات ومكاتب المدينة. الاستشارة مجانية.",
    ),
    "tr": (
        "Hakkımızda",
        "Köln Belediyesi Uyum Merkezi, Köln'e yeni gelen insanlara yardım eder.\n\n"
        "Burada okula gitmek isteyen çocuklu ve gençli ailelere danışmanlık yaparız. "
        "Uygun bir okul bulmanıza yardım ederiz.\n\n"
        "Okullar, dernekler ve belediye daireleriyle birlikte çalışırız. "
        "Danışmanlık ücretsizdir.",
    ),
    "fa": (
        "درباره ما",
        "مرکز ادغام شهری کلن به کسانی که تازه به کلن آمده‌اند کمک می‌کند.\n\n"
        "ما به خانواده‌هایی که فرزند یا نوجوانی دارند که می‌خواهد اینجا به مدرسه برود "
        "مشاوره می‌دهیم. ما کمک می‌کنیم یک مدرسه مناسب پیدا کنید.\n\n"
        "ما با مدرسه‌ها، انجمن‌ها و اداره‌های شهر همکاری می‌کنیم. مشاوره رایگان است.",
    ),
    "ru": (
        "О нас",
        "Коммунальный интеграционный центр Кёльна помогает людям, которые недавно "
        "приехали в Кёльн.\n\n"
        "Мы консультируем семьи с детьми и подростками, которые хотят учиться здесь в "
        "школе. Мы помогаем найти подходящую школу.\n\n"
        "Мы работаем вместе со школами, объединениями и городскими учреждениями. "
        "Консультация бесплатная.",
    ),
}

HOURS = {
    "de": (
        "Öffnungszeiten",
        "Montag bis Donnerstag: 9 bis 12 Uhr und 13 bis 15 Uhr\nFreitag: 9 bis 12 Uhr\n\n"
        "Offene Sprechstunde ohne Termin: Dienstag 9 bis 12 Uhr",
    ),
    "en": (
        "Opening hours",
        "Monday to Thursday: 9 am to 12 noon and 1 pm to 3 pm\nFriday: 9 am to 12 noon\n\n"
        "Open office hours without an appointment: Tuesday 9 am to 12 noon",
    ),
    "uk": (
        "Години роботи",
        "З понеділка по четвер: з 9 до 12 і з 13 до 15 години\nП'ятниця: з 9 до 12 години\n\n"
        "Відкриті консультаційні години без запису: вівторок з 9 до 12 години",
    ),
    "ar": (
        "مواعيد العمل",
        "من الاثنين إلى الخميس: من 9 إلى 12 ومن 13 إلى 15\nالجمعة: من 9 إلى 12\n\n"
        "ساعات الاستشارة المفتوحة بدون موعد: الثلاثاء من 9 إلى 12",
    ),
    "tr": (
        "Çalışma saatleri",
        "Pazartesi – Perşembe: 9.00 – 12.00 ve 13.00 – 15.00\nCuma: 9.00 – 12.00\n\n"
        "Randevusuz açık danışma saati: Salı 9.00 – 12.00",
    ),
    "fa": (
        "ساعات کاری",
        "دوشنبه تا پنجشنبه: ساعت ۹ تا ۱۲ و ۱۳ تا ۱۵\nجمعه: ساعت ۹ تا ۱۲\n\n"
        "مشاوره بدون وقت قبلی: سه‌شنبه ساعت ۹ تا ۱۲",
    ),
    "ru": (
        "Часы работы",
        "С понедельника по четверг: с 9 до 12 и с 13 до 15 часов\nПятница: с 9 до 12 часов\n\n"
        "Открытые часы приёма без записи: вторник с 9 до 12 часов",
    ),
}

CONTACT = {
    "de": (
        "So erreichen Sie uns",
        "Sie können ohne Termin in die offene Sprechstunde kommen. Für eine Beratung zur "
        "Schule machen Sie bitte einen Termin.\n\n"
        "Wir sprechen Deutsch, Englisch, Arabisch, Türkisch, Russisch und Ukrainisch. "
        "Für andere Sprachen holen wir eine Dolmetscherin oder einen Dolmetscher dazu.\n\n"
        "Haltestelle: Rathaus (U-Bahn-Linien 3, 4, 5, 16, 18).",
    ),
    "en": (
        "How to reach us",
        "You can come to the open office hours without an appointment. For advice about "
        "school, please make an appointment.\n\n"
        "We speak German, English, Arabic, Turkish, Russian and Ukrainian. For other "
        "languages we ask an interpreter to join.\n\n"
        "Stop: Rathaus (underground lines 3, 4, 5, 16, 18).",
    ),
    "uk": (
        "Як з нами зв'язатися",
        "Ви можете прийти на відкриті консультаційні години без запису. Для консультації "
        "щодо школи, будь ласка, запишіться на прийом.\n\n"
        "Ми говоримо німецькою, англійською, арабською, турецькою, російською та "
        "українською. Для інших мов ми запрошуємо перекладача.\n\n"
        "Зупинка: Rathaus (лінії метро 3, 4, 5, 16, 18).",
    ),
    "ar": (
        "كيف تصل إلينا",
        "يمكنك أن تأتي إلى ساعات الاستشارة المفتوحة بدون موعد. للاستشارة حول المدرسة، "
        "يرجى حجز موعد.\n\n"
        "نتحدث الألمانية والإنجليزية والعربية والتركية والروسية والأوكرانية. للغات "
        "الأخرى نطلب مترجمًا أو مترجمة.\n\n"
        "المحطة: Rathaus (خطوط المترو 3 و4 و5 و16 و18).",
    ),
    "tr": (
        "Bize nasıl ulaşırsınız",
        "Açık danışma saatine randevusuz gelebilirsiniz. Okul hakkında danışmanlık için "
        "lütfen randevu alın.\n\n"
        "Almanca, İngilizce, Arapça, Türkçe, Rusça ve Ukraynaca konuşuyoruz. Başka diller "
        "için bir tercüman çağırırız.\n\n"
        "Durak: Rathaus (metro hatları 3, 4, 5, 16, 18).",
    ),
    "fa": (
        "راه‌های تماس با ما",
        "می‌توانید بدون وقت قبلی در ساعات مشاوره آزاد بیایید. برای مشاوره درباره مدرسه "
        "لطفاً وقت بگیرید.\n\n"
        "ما آلمانی، انگلیسی، عربی، ترکی، روسی و اوکراینی صحبت می‌کنیم. برای زبان‌های "
        "دیگر یک مترجم دعوت می‌کنیم.\n\n"
        "ایستگاه: Rathaus (خطوط مترو ۳، ۴، ۵، ۱۶، ۱۸).",
    ),
    "ru": (
        "Как с нами связаться",
        "Вы можете прийти в открытые часы приёма без записи. Для консультации по "
        "вопросам школы, пожалуйста, запишитесь на приём.\n\n"
        "Мы говорим на немецком, английском, арабском, турецком, русском и украинском. "
        "Для других языков мы приглашаем переводчика.\n\n"
        "Остановка: Rathaus (линии метро 3, 4, 5, 16, 18).",
    ),
}

# Kinds of offer: (category, languages spoken, {lang: (title, description, schedule)}).
KINDS: dict[str, tuple[str, list[str], dict[str, tuple[str, str, str]]]] = {
    "integration": (
        "german",
        ["de"],
        {
            "de": (
                "Integrationskurs Deutsch (A1 bis B1)",
                "Sie lernen Deutsch für den Alltag. Zum Kurs gehört ein Orientierungskurs über das Leben in Deutschland. Am Ende machen Sie eine Prüfung. Mit einer Berechtigung vom BAMF oder vom Jobcenter kostet der Kurs wenig oder nichts.",
                "Montag bis Freitag, 8:30 bis 12:45 Uhr",
            ),
            "en": (
                "Integration course German (A1 to B1)",
                "You learn German for everyday life. The course includes an orientation course about life in Germany. At the end you take an exam. With an entitlement from the BAMF or the Jobcenter the course costs little or nothing.",
                "Monday to Friday, 8:30 am to 12:45 pm",
            ),
            "uk": (
                "Інтеграційний курс німецької мови (A1–B1)",
                "Ви вивчаєте німецьку мову для повсякденного життя. До курсу входить орієнтаційний курс про життя в Німеччині. Наприкінці ви складаєте іспит. З направленням від BAMF або Jobcenter курс коштує мало або нічого.",
                "З понеділка по п'ятницю, 8:30–12:45",
            ),
            "ar": (
                "دورة الاندماج للغة الألمانية (A1 إلى B1)",
                "تتعلم الألمانية للحياة اليومية. تشمل الدورة دورة توجيهية عن الحياة في ألمانيا. في النهاية تقدم امتحانًا. مع إذن من BAMF أو من مركز العمل (Jobcenter) تكون الدورة رخيصة أو مجانية.",
                "من الاثنين إلى الجمعة، 8:30 حتى 12:45",
            ),
            "tr": (
                "Almanca uyum kursu (A1 – B1)",
                "Günlük hayat için Almanca öğrenirsiniz. Kursa Almanya'da yaşam hakkında bir oryantasyon kursu da dahildir. Sonunda bir sınava girersiniz. BAMF veya Jobcenter'dan bir hak belgesiyle kurs çok ucuz ya da ücretsizdir.",
                "Pazartesi – Cuma, 8.30 – 12.45",
            ),
            "fa": (
                "دوره ادغام زبان آلمانی (A1 تا B1)",
                "شما آلمانی را برای زندگی روزمره یاد می‌گیرید. یک دوره آشنایی با زندگی در آلمان هم جزو این دوره است. در پایان امتحان می‌دهید. با مجوز از BAMF یا Jobcenter دوره ارزان یا رایگان است.",
                "دوشنبه تا جمعه، ۸:۳۰ تا ۱۲:۴۵",
            ),
            "ru": (
                "Интеграционный курс немецкого языка (A1–B1)",
                "Вы изучаете немецкий язык для повседневной жизни. В курс входит ориентационный курс о жизни в Германии. В конце вы сдаёте экзамен. С направлением от BAMF или Jobcenter курс стоит мало или бесплатен.",
                "С понедельника по пятницу, 8:30–12:45",
            ),
        },
    ),
    "women": (
        "german",
        ["de", "ar", "fa", "tr"],
        {
            "de": (
                "Deutschkurs für Frauen mit Kinderbetreuung",
                "Ein Kurs nur für Frauen. Während Sie lernen, spielen Ihre kleinen Kinder im Raum nebenan. Sie üben Deutsch für Arzt, Kita und Einkauf.",
                "Dienstag und Donnerstag, 9 bis 11:30 Uhr",
            ),
            "en": (
                "German course for women with childcare",
                "A course for women only. While you learn, your small children play in the room next door. You practise German for the doctor, nursery and shopping.",
                "Tuesday and Thursday, 9 to 11:30 am",
            ),
            "uk": (
                "Курс німецької для жінок з доглядом за дітьми",
                "Курс тільки для жінок. Поки ви навчаєтеся, ваші маленькі діти граються в сусідній кімнаті. Ви тренуєте німецьку для лікаря, дитсадка та покупок.",
                "Вівторок і четвер, 9:00–11:30",
            ),
            "ar": (
                "دورة ألمانية للنساء مع رعاية الأطفال",
                "دورة للنساء فقط. أثناء التعلم يلعب أطفالك الصغار في الغرفة المجاورة. تتدربين على الألمانية للطبيب والحضانة والتسوق.",
                "الثلاثاء والخميس، 9 حتى 11:30",
            ),
            "tr": (
                "Çocuk bakımlı kadınlar için Almanca kursu",
                "Sadece kadınlara yönelik bir kurs. Siz öğrenirken küçük çocuklarınız yan odada oynar. Doktor, kreş ve alışveriş için Almanca pratik yaparsınız.",
                "Salı ve Perşembe, 9.00 – 11.30",
            ),
            "fa": (
                "کلاس آلمانی برای زنان با نگهداری از کودکان",
                "یک کلاس فقط برای زنان. وقتی شما درس می‌خوانید، بچه‌های کوچکتان در اتاق کناری بازی می‌کنند. شما آلمانی را برای دکتر، مهدکودک و خرید تمرین می‌کنید.",
                "سه‌شنبه و پنجشنبه، ۹ تا ۱۱:۳۰",
            ),
            "ru": (
                "Курс немецкого для женщин с присмотром за детьми",
                "Курс только для женщин. Пока вы учитесь, ваши маленькие дети играют в соседней комнате. Вы тренируете немецкий для врача, детского сада и покупок.",
                "Вторник и четверг, 9:00–11:30",
            ),
        },
    ),
    "cafe": (
        "german",
        ["de", "en"],
        {
            "de": (
                "Sprachcafé: Deutsch sprechen üben",
                "Hier sprechen Sie Deutsch mit Menschen aus Köln. Es gibt Kaffee und Tee. Sie brauchen keine Anmeldung. Jedes Sprachniveau ist willkommen.",
                "Mittwoch, 16 bis 18 Uhr",
            ),
            "en": (
                "Language café: practise speaking German",
                "Here you speak German with people from Cologne. There is coffee and tea. You do not need to register. Every level is welcome.",
                "Wednesday, 4 to 6 pm",
            ),
            "uk": (
                "Мовне кафе: практика розмовної німецької",
                "Тут ви розмовляєте німецькою з людьми з Кельна. Є кава і чай. Реєстрація не потрібна. Ласкаво просимо з будь-яким рівнем мови.",
                "Середа, 16:00–18:00",
            ),
            "ar": (
                "مقهى اللغة: تدرّب على التحدث بالألمانية",
                "هنا تتحدث الألمانية مع أشخاص من كولونيا. يوجد قهوة وشاي. لا تحتاج إلى تسجيل. كل المستويات مرحب بها.",
                "الأربعاء، 16 حتى 18",
            ),
        },
    ),
    "school_advice": (
        "school",
        ["de", "en", "ar", "tr", "ru", "uk"],
        {
            "de": (
                "Beratung zur Schule für neu zugewanderte Kinder",
                "Ihr Kind ist neu in Köln und soll zur Schule gehen? Wir sprechen mit Ihnen über die Schulzeit im Heimatland und über Deutschkenntnisse. Danach suchen wir gemeinsam mit dem Schulamt einen Platz in einer passenden Schule.",
                "Nach Termin",
            ),
            "en": (
                "Advice about school for newly arrived children",
                "Your child is new in Cologne and should go to school? We talk with you about school in your home country and about German skills. Then we look for a place at a suitable school together with the school office.",
                "By appointment",
            ),
            "uk": (
                "Консультація щодо школи для новоприбулих дітей",
                "Ваша дитина нещодавно в Кельні і має ходити до школи? Ми поговоримо з вами про навчання на батьківщині та про знання німецької. Потім разом зі шкільним управлінням шукаємо місце у відповідній школі.",
                "За записом",
            ),
            "ar": (
                "استشارة حول المدرسة للأطفال القادمين حديثًا",
                "طفلك جديد في كولونيا ويجب أن يذهب إلى المدرسة؟ نتحدث معك عن المدرسة في بلدك وعن معرفة اللغة الألمانية. بعد ذلك نبحث مع مكتب المدارس عن مكان في مدرسة مناسبة.",
                "بموعد مسبق",
            ),
            "tr": (
                "Yeni gelen çocuklar için okul danışmanlığı",
                "Çocuğunuz Köln'e yeni mi geldi ve okula gitmesi mi gerekiyor? Sizinle memleketinizdeki okul ve Almanca bilgisi hakkında konuşuruz. Sonra okul dairesiyle birlikte uygun bir okulda yer ararız.",
                "Randevu ile",
            ),
            "fa": (
                "مشاوره مدرسه برای کودکان تازه‌وارد",
                "فرزند شما تازه به کلن آمده و باید به مدرسه برود؟ ما با شما درباره مدرسه در کشورتان و سطح زبان آلمانی صحبت می‌کنیم. سپس با اداره مدارس یک جای مناسب در مدرسه پیدا می‌کنیم.",
                "با وقت قبلی",
            ),
            "ru": (
                "Консультация по школе для недавно приехавших детей",
                "Ваш ребёнок недавно в Кёльне и должен пойти в школу? Мы поговорим с вами об учёбе на родине и о знании немецкого. Затем вместе со школьным управлением ищем место в подходящей школе.",
                "По записи",
            ),
        },
    ),
    "homework": (
        "school",
        ["de", "ar", "uk"],
        {
            "de": (
                "Hausaufgabenhilfe für Schulkinder",
                "Ehrenamtliche helfen Kindern und Jugendlichen bei den Hausaufgaben. Bitte bringen Sie Hefte und Bücher mit. Die Hilfe ist kostenlos.",
                "Montag bis Donnerstag, 14 bis 16 Uhr",
            ),
            "en": (
                "Homework help for schoolchildren",
                "Volunteers help children and teenagers with their homework. Please bring exercise books and school books. The help is free.",
                "Monday to Thursday, 2 to 4 pm",
            ),
            "uk": (
                "Допомога з домашніми завданнями для школярів",
                "Волонтери допомагають дітям і підліткам з домашніми завданнями. Будь ласка, візьміть із собою зошити та книги. Допомога безкоштовна.",
                "З понеділка по четвер, 14:00–16:00",
            ),
            "ar": (
                "مساعدة في الواجبات المدرسية لأطفال المدارس",
                "يساعد متطوعون الأطفال والشباب في الواجبات المدرسية. يرجى إحضار الدفاتر والكتب. المساعدة مجانية.",
                "من الاثنين إلى الخميس، 14 حتى 16",
            ),
            "tr": (
                "Okul çocukları için ödev yardımı",
                "Gönüllüler çocuklara ve gençlere ödevlerinde yardım eder. Lütfen defter ve kitaplarınızı getirin. Yardım ücretsizdir.",
                "Pazartesi – Perşembe, 14.00 – 16.00",
            ),
            "ru": (
                "Помощь с домашними заданиями для школьников",
                "Волонтёры помогают детям и подросткам с домашними заданиями. Пожалуйста, возьмите с собой тетради и учебники. Помощь бесплатная.",
                "С понедельника по четверг, 14:00–16:00",
            ),
        },
    ),
    "vocational": (
        "vocational",
        ["de", "en", "ar"],
        {
            "de": (
                "Berufsorientierung für junge Zugewanderte (16 bis 25 Jahre)",
                "Welche Ausbildung passt zu mir? In kleinen Gruppen lernen Sie Berufe kennen, machen ein Praktikum und schreiben eine Bewerbung. Sie bekommen auch Deutschunterricht für den Beruf.",
                "Montag bis Donnerstag, 9 bis 14 Uhr",
            ),
            "en": (
                "Career orientation for young newcomers (16 to 25 years)",
                "Which vocational training suits me? In small groups you get to know jobs, do an internship and write an application. You also get German lessons for work.",
                "Monday to Thursday, 9 am to 2 pm",
            ),
            "uk": (
                "Профорієнтація для молодих мігрантів (16–25 років)",
                "Яке професійне навчання мені підходить? У малих групах ви знайомитеся з професіями, проходите практику й пишете заяву на роботу. Також ви вивчаєте німецьку для професії.",
                "З понеділка по четвер, 9:00–14:00",
            ),
            "ar": (
                "توجيه مهني للشباب القادمين حديثًا (16 إلى 25 سنة)",
                "أي تدريب مهني يناسبني؟ في مجموعات صغيرة تتعرف على المهن، وتقوم بتدريب عملي وتكتب طلب عمل. تحصل أيضًا على دروس ألمانية للعمل.",
                "من الاثنين إلى الخميس، 9 حتى 14",
            ),
            "tr": (
                "Genç göçmenler için meslek yönlendirmesi (16 – 25 yaş)",
                "Bana hangi meslek eğitimi uygun? Küçük gruplarda meslekleri tanır, staj yapar ve başvuru yazarsınız. Meslek için Almanca dersi de alırsınız.",
                "Pazartesi – Perşembe, 9.00 – 14.00",
            ),
            "fa": (
                "راهنمایی شغلی برای جوانان مهاجر (۱۶ تا ۲۵ سال)",
                "کدام آموزش حرفه‌ای برای من مناسب است؟ در گروه‌های کوچک با شغل‌ها آشنا می‌شوید، کارآموزی می‌کنید و درخواست کار می‌نویسید. همچنین آلمانی برای کار یاد می‌گیرید.",
                "دوشنبه تا پنجشنبه، ۹ تا ۱۴",
            ),
            "ru": (
                "Профориентация для молодых мигрантов (16–25 лет)",
                "Какое профессиональное обучение мне подходит? В небольших группах вы знакомитесь с профессиями, проходите практику и пишете резюме. Также вы изучаете немецкий для работы.",
                "С понедельника по четверг, 9:00–14:00",
            ),
        },
    ),
    "recognition": (
        "work",
        ["de", "en", "ru", "uk", "ar"],
        {
            "de": (
                "Beratung zur Anerkennung von Berufsabschlüssen",
                "Sie haben im Ausland einen Beruf gelernt oder studiert? Wir erklären, wie Ihr Abschluss in Deutschland anerkannt wird, und helfen beim Antrag.",
                "Nach Termin",
            ),
            "en": (
                "Advice on the recognition of foreign qualifications",
                "You learned a job or studied abroad? We explain how your qualification is recognised in Germany and help with the application.",
                "By appointment",
            ),
            "uk": (
                "Консультація щодо визнання професійної освіти",
                "Ви здобули професію або навчалися за кордоном? Ми пояснимо, як визнають ваш диплом у Німеччині, і допоможемо із заявою.",
                "За записом",
            ),
            "ar": (
                "استشارة حول الاعتراف بالشهادات المهنية",
                "تعلمت مهنة أو درست في الخارج؟ نشرح لك كيف يتم الاعتراف بشهادتك في ألمانيا ونساعدك في تقديم الطلب.",
                "بموعد مسبق",
            ),
            "tr": (
                "Meslek diplomalarının tanınması hakkında danışmanlık",
                "Yurt dışında bir meslek mi öğrendiniz ya da üniversite mi okudunuz? Diplomanızın Almanya'da nasıl tanındığını açıklar, başvuruda yardım ederiz.",
                "Randevu ile",
            ),
            "fa": (
                "مشاوره برای به رسمیت شناختن مدارک شغلی",
                "در خارج از کشور حرفه‌ای یاد گرفته‌اید یا درس خوانده‌اید؟ ما توضیح می‌دهیم مدرک شما چگونه در آلمان به رسمیت شناخته می‌شود و در درخواست کمک می‌کنیم.",
                "با وقت قبلی",
            ),
            "ru": (
                "Консультация по признанию профессионального образования",
                "Вы получили профессию или учились за границей? Мы объясним, как признают ваш диплом в Германии, и поможем с заявлением.",
                "По записи",
            ),
        },
    ),
    "jobs": (
        "work",
        ["de", "tr"],
        {
            "de": (
                "Bewerbungstraining und Hilfe bei der Jobsuche",
                "Wir schreiben mit Ihnen einen Lebenslauf und eine Bewerbung. Wir üben ein Vorstellungsgespräch. Bitte bringen Sie Zeugnisse mit, wenn Sie welche haben.",
                "Donnerstag, 10 bis 13 Uhr",
            ),
            "en": (
                "Application training and help finding a job",
                "We write a CV and an application with you. We practise a job interview. Please bring your certificates if you have any.",
                "Thursday, 10 am to 1 pm",
            ),
            "tr": (
                "Başvuru eğitimi ve iş aramada yardım",
                "Sizinle birlikte özgeçmiş ve başvuru yazarız. İş görüşmesi pratiği yaparız. Varsa lütfen belgelerinizi getirin.",
                "Perşembe, 10.00 – 13.00",
            ),
        },
    ),
    "mbe": (
        "advice",
        ["de", "ar", "fa", "tr", "ru"],
        {
            "de": (
                "Migrationsberatung für Erwachsene",
                "Sie haben Fragen zu Aufenthalt, Wohnung, Geld, Gesundheit oder Deutschkursen? Wir beraten Sie kostenlos und vertraulich. Wir helfen auch bei Briefen von Ämtern.",
                "Montag und Mittwoch, 9 bis 12 Uhr, sonst nach Termin",
            ),
            "en": (
                "Migration advice for adults",
                "Do you have questions about residence, housing, money, health or German courses? We advise you free of charge and confidentially. We also help with letters from authorities.",
                "Monday and Wednesday, 9 am to 12 noon, otherwise by appointment",
            ),
            "uk": (
                "Міграційна консультація для дорослих",
                "У вас є питання щодо перебування, житла, грошей, здоров'я чи курсів німецької? Ми консультуємо безкоштовно й конфіденційно. Ми також допомагаємо з листами від установ.",
                "Понеділок і середа, 9:00–12:00, в інші дні за записом",
            ),
            "ar": (
                "استشارة الهجرة للبالغين",
                "هل لديك أسئلة حول الإقامة أو السكن أو المال أو الصحة أو دورات اللغة الألمانية؟ نقدم لك استشارة مجانية وسرية. نساعد أيضًا في رسائل الدوائر الرسمية.",
                "الاثنين والأربعاء، 9 حتى 12، وفي غير ذلك بموعد",
            ),
            "tr": (
                "Yetişkinler için göç danışmanlığı",
                "Oturum, konut, para, sağlık veya Almanca kursları hakkında sorularınız mı var? Size ücretsiz ve gizli danışmanlık yaparız. Resmi dairelerden gelen mektuplarda da yardım ederiz.",
                "Pazartesi ve Çarşamba, 9.00 – 12.00, diğer günler randevu ile",
            ),
            "fa": (
                "مشاوره مهاجرت برای بزرگسالان",
                "درباره اقامت، مسکن، پول، سلامت یا کلاس آلمانی سؤال دارید؟ ما رایگان و محرمانه مشاوره می‌دهیم. در نامه‌های اداری هم کمک می‌کنیم.",
                "دوشنبه و چهارشنبه، ۹ تا ۱۲، در سایر روزها با وقت قبلی",
            ),
            "ru": (
                "Миграционная консультация для взрослых",
                "У вас есть вопросы о виде на жительство, жилье, деньгах, здоровье или курсах немецкого? Мы консультируем бесплатно и конфиденциально. Мы также помогаем с письмами от ведомств.",
                "Понедельник и среда, 9:00–12:00, в другие дни по записи",
            ),
        },
    ),
    "jmd": (
        "advice",
        ["de", "en", "ar", "uk"],
        {
            "de": (
                "Jugendmigrationsdienst: Beratung für junge Menschen (12 bis 27 Jahre)",
                "Wir helfen jungen Menschen bei Schule, Ausbildung, Sprache und Alltag. Sie können allein kommen oder mit Ihren Eltern.",
                "Dienstag und Donnerstag, 13 bis 17 Uhr",
            ),
            "en": (
                "Youth migration service: advice for young people (12 to 27 years)",
                "We help young people with school, training, language and everyday life. You can come alone or with your parents.",
                "Tuesday and Thursday, 1 to 5 pm",
            ),
            "uk": (
                "Молодіжна міграційна служба: консультації для молоді (12–27 років)",
                "Ми допомагаємо молоді зі школою, навчанням, мовою та повсякденним життям. Ви можете прийти самі або з батьками.",
                "Вівторок і четвер, 13:00–17:00",
            ),
            "ar": (
                "خدمة هجرة الشباب: استشارة للشباب (12 إلى 27 سنة)",
                "نساعد الشباب في المدرسة والتدريب المهني واللغة والحياة اليومية. يمكنك أن تأتي وحدك أو مع والديك.",
                "الثلاثاء والخميس، 13 حتى 17",
            ),
        },
    ),
    "women_meeting": (
        "leisure",
        ["de", "ar", "fa", "tr", "uk", "ru"],
        {
            "de": (
                "Internationaler Frauentreff",
                "Frauen aus vielen Ländern treffen sich zum Reden, Kochen und für Ausflüge in Köln. Kinder dürfen mitkommen.",
                "Freitag, 10 bis 12 Uhr",
            ),
            "en": (
                "International women's meeting",
                "Women from many countries meet to talk, cook and go on trips in Cologne. Children are welcome.",
                "Friday, 10 am to 12 noon",
            ),
            "uk": (
                "Міжнародна зустріч для жінок",
                "Жінки з багатьох країн зустрічаються, щоб поспілкуватися, готувати та їздити на екскурсії Кельном. Діти можуть прийти разом.",
                "П'ятниця, 10:00–12:00",
            ),
            "ar": (
                "لقاء النساء الدولي",
                "تلتقي نساء من بلدان كثيرة للحديث والطبخ والرحلات في كولونيا. يمكن إحضار الأطفال.",
                "الجمعة، 10 حتى 12",
            ),
            "tr": (
                "Uluslararası kadın buluşması",
                "Birçok ülkeden kadınlar sohbet etmek, yemek yapmak ve Köln'de gezilere çıkmak için buluşur. Çocuklar da gelebilir.",
                "Cuma, 10.00 – 12.00",
            ),
            "fa": (
                "دیدار بین‌المللی زنان",
                "زنانی از کشورهای مختلف برای گفتگو، آشپزی و گردش در کلن دور هم جمع می‌شوند. بچه‌ها هم می‌توانند بیایند.",
                "جمعه، ۱۰ تا ۱۲",
            ),
            "ru": (
                "Международная встреча для женщин",
                "Женщины из многих стран встречаются, чтобы поговорить, готовить и ездить на экскурсии по Кёльну. Дети могут прийти вместе.",
                "Пятница, 10:00–12:00",
            ),
        },
    ),
    "football": (
        "leisure",
        ["de", "en"],
        {
            "de": (
                "Fußball für alle",
                "Offenes Fußballtraining für Jugendliche ab 12 Jahren. Bitte Sportschuhe mitbringen. Kostenlos, ohne Anmeldung.",
                "Samstag, 11 bis 13 Uhr",
            ),
            "en": (
                "Football for everyone",
                "Open football training for young people aged 12 and over. Please bring sports shoes. Free of charge, no registration.",
                "Saturday, 11 am to 1 pm",
            ),
        },
    ),
}

# (kind, provider, street, postcode, district hint only for reading, start in days or None)
OFFERS: list[tuple[str, str, str, str, int | None]] = [
    ("integration", "Volkshochschule Köln – Forum", "Cäcilienstraße 35", "50667", 14),
    (
        "integration",
        "Volkshochschule Köln – Studienhaus Kalk",
        "Kalker Hauptstraße 247",
        "51103",
        28,
    ),
    ("integration", "Volkshochschule Köln – Porz", "Friedrich-Ebert-Ufer 64", "51143", 42),
    ("integration", "Volkshochschule Köln – Chorweiler", "Pariser Platz 1", "50765", 21),
    ("integration", "Sprachschule Rheinblick", "Neusser Straße 410", "50733", 7),
    ("integration", "Bildungswerk Mülheim", "Wiener Platz 2", "51065", 35),
    ("women", "Volkshochschule Köln – Studienhaus Kalk", "Kalker Hauptstraße 247", "51103", 10),
    ("women", "Familienzentrum Ehrenfeld", "Venloer Straße 419", "50825", 17),
    ("women", "Bürgerzentrum Chorweiler", "Pariser Platz 1", "50765", 24),
    ("women", "Nachbarschaftshaus Porz", "Hauptstraße 350", "51143", 31),
    ("cafe", "Stadtbibliothek Köln – Zentralbibliothek", "Josef-Haubrich-Hof 1", "50676", None),
    ("cafe", "Stadtteilbibliothek Kalk", "Kalk-Mülheimer Straße 58", "51103", None),
    ("cafe", "Bürgerhaus Stollwerck", "Dreikönigenstraße 23", "50678", None),
    ("cafe", "Café Nachbarschaft Nippes", "Neusser Straße 250", "50733", None),
    ("school_advice", "Kommunales Integrationszentrum Köln", "Willy-Brandt-Platz 2", "50679", None),
    (
        "school_advice",
        "Kommunales Integrationszentrum Köln – Außenstelle Chorweiler",
        "Pariser Platz 1",
        "50765",
        None,
    ),
    ("homework", "Lernhaus Kalk e. V.", "Rolshover Straße 12", "51105", None),
    ("homework", "Jugendzentrum Vingst", "Burgstraße 70", "51103", None),
    ("homework", "Stadtteilbibliothek Ehrenfeld", "Venloer Straße 421", "50825", None),
    ("homework", "Bürgerzentrum Mülheim", "Berliner Straße 77", "51063", None),
    ("vocational", "Jugendberufsagentur Köln", "Luxemburger Straße 121", "50939", 30),
    (
        "vocational",
        "Berufskolleg Ehrenfeld – Internationale Förderklasse",
        "Weinsbergstraße 72",
        "50823",
        60,
    ),
    ("vocational", "Handwerkskammer zu Köln – Bildungszentrum", "Heumarkt 12", "50667", 45),
    ("vocational", "Ausbildungsverbund Porz", "Bahnhofstraße 44", "51143", 20),
    ("recognition", "Beratungsstelle Anerkennung Köln", "Hohenstaufenring 30", "50674", None),
    ("recognition", "Migrationsdienst Mülheim", "Frankfurter Straße 21", "51065", None),
    ("jobs", "Jobcenter Köln – Standort Kalk", "Gummersbacher Straße 25", "51103", None),
    ("jobs", "Arbeit und Bildung Nippes e. V.", "Florastraße 30", "50733", None),
    (
        "jobs",
        "Frauen in Arbeit – Beratungsstelle Ehrenfeld",
        "Subbelrather Straße 150",
        "50823",
        None,
    ),
    (
        "mbe",
        "Caritasverband – Migrationsberatung Innenstadt",
        "Bartholomäus-Schink-Straße 6",
        "50825",
        None,
    ),
    ("mbe", "Diakonie – Migrationsberatung Mülheim", "Wallstraße 52", "51063", None),
    ("mbe", "Arbeiterwohlfahrt – Migrationsberatung Porz", "Josefstraße 10", "51143", None),
    (
        "mbe",
        "Deutsches Rotes Kreuz – Migrationsberatung Chorweiler",
        "Liverpooler Platz 2",
        "50765",
        None,
    ),
    ("jmd", "Jugendmigrationsdienst Köln-Süd", "Bonner Straße 180", "50968", None),
    ("jmd", "Jugendmigrationsdienst Köln-Ost", "Kalker Hauptstraße 170", "51103", None),
    ("women_meeting", "Interkulturelles Zentrum Ehrenfeld", "Vogelsanger Straße 25", "50823", None),
    ("women_meeting", "Begegnungszentrum Meschenich", "Brühler Landstraße 420", "50997", None),
    ("women_meeting", "Nachbarschaftstreff Sülz", "Zülpicher Straße 270", "50937", None),
    ("football", "SC Rheinufer Köln e. V.", "Alfred-Schütte-Allee 50", "50679", None),
    ("football", "Sportverein Nippes 1912", "Merheimer Straße 200", "50733", None),
    ("football", "Jugendsport Kalk", "Kapellenstraße 15", "51103", None),
]

EVENTS: list[tuple[int, int, str, str, str, dict[str, tuple[str, str]]]] = [
    (
        5,
        18,
        "Kommunales Integrationszentrum Köln",
        "Willy-Brandt-Platz 2",
        "50679",
        {
            "de": (
                "Infoabend: Schule in Deutschland",
                "Wie funktioniert die Schule in Köln? Welche Schulformen gibt es? Wir erklären es einfach. Dolmetscherinnen für Arabisch, Ukrainisch und Farsi sind da.",
            ),
            "en": (
                "Information evening: school in Germany",
                "How does school work in Cologne? Which types of school are there? We explain it simply. Interpreters for Arabic, Ukrainian and Farsi are there.",
            ),
            "uk": (
                "Інформаційний вечір: школа в Німеччині",
                "Як працює школа в Кельні? Які бувають типи шкіл? Ми пояснюємо просто. Будуть перекладачі арабської, української та фарсі.",
            ),
            "ar": (
                "أمسية معلومات: المدرسة في ألمانيا",
                "كيف تعمل المدرسة في كولونيا؟ ما أنواع المدارس؟ نشرح ذلك ببساطة. يوجد مترجمون للعربية والأوكرانية والفارسية.",
            ),
            "tr": (
                "Bilgi akşamı: Almanya'da okul",
                "Köln'de okul nasıl işler? Hangi okul türleri var? Basitçe anlatıyoruz. Arapça, Ukraynaca ve Farsça tercümanlar olacak.",
            ),
            "fa": (
                "شب اطلاع‌رسانی: مدرسه در آلمان",
                "مدرسه در کلن چگونه است؟ چه نوع مدرسه‌هایی وجود دارد؟ ما ساده توضیح می‌دهیم. مترجم عربی، اوکراینی و فارسی حضور دارد.",
            ),
            "ru": (
                "Информационный вечер: школа в Германии",
                "Как устроена школа в Кёльне? Какие бывают типы школ? Мы объясняем просто. Будут переводчики арабского, украинского и фарси.",
            ),
        },
    ),
    (
        12,
        15,
        "Bürgerzentrum Ehrenfeld",
        "Venloer Straße 429",
        "50825",
        {
            "de": (
                "Fest der Nachbarschaft",
                "Essen, Musik und Spiele für Kinder. Vereine und Beratungsstellen stellen sich vor. Der Eintritt ist frei.",
            ),
            "en": (
                "Neighbourhood festival",
                "Food, music and games for children. Associations and advice centres introduce themselves. Entry is free.",
            ),
            "uk": (
                "Свято сусідів",
                "Їжа, музика та ігри для дітей. Громадські організації та консультаційні центри розповідають про себе. Вхід вільний.",
            ),
            "ar": (
                "مهرجان الجيران",
                "طعام وموسيقى وألعاب للأطفال. تقدم الجمعيات ومراكز الاستشارة نفسها. الدخول مجاني.",
            ),
            "tr": (
                "Komşuluk şenliği",
                "Yemek, müzik ve çocuklar için oyunlar. Dernekler ve danışma merkezleri kendilerini tanıtır. Giriş ücretsizdir.",
            ),
            "fa": (
                "جشن همسایگی",
                "غذا، موسیقی و بازی برای بچه‌ها. انجمن‌ها و مراکز مشاوره خود را معرفی می‌کنند. ورود رایگان است.",
            ),
            "ru": (
                "Праздник соседей",
                "Еда, музыка и игры для детей. Объединения и консультационные центры рассказывают о себе. Вход свободный.",
            ),
        },
    ),
    (
        19,
        10,
        "Beratungsstelle Anerkennung Köln",
        "Hohenstaufenring 30",
        "50674",
        {
            "de": (
                "Sprechstunde: Ist mein Abschluss in Deutschland gültig?",
                "Bringen Sie Ihre Zeugnisse mit. Wir schauen sie gemeinsam an und sagen Ihnen die nächsten Schritte.",
            ),
            "en": (
                "Consultation: Is my qualification valid in Germany?",
                "Bring your certificates. We look at them together and tell you the next steps.",
            ),
            "ru": (
                "Консультация: действителен ли мой диплом в Германии?",
                "Возьмите с собой свои документы об образовании. Мы вместе их посмотрим и расскажем о следующих шагах.",
            ),
            "uk": (
                "Консультація: чи дійсний мій диплом у Німеччині?",
                "Візьміть із собою свої документи про освіту. Ми разом їх переглянемо й розповімо про наступні кроки.",
            ),
        },
    ),
    (
        26,
        16,
        "Familienzentrum Kalk",
        "Kalker Hauptstraße 200",
        "51103",
        {
            "de": (
                "Elterncafé: Kita und Schule",
                "Eltern treffen sich und stellen Fragen zu Kita und Schule. Eine Beraterin des Integrationszentrums ist da.",
            ),
            "en": (
                "Parents' café: nursery and school",
                "Parents meet and ask questions about nursery and school. An adviser from the integration centre is there.",
            ),
            "ar": (
                "مقهى الأهل: الحضانة والمدرسة",
                "يلتقي الأهل ويطرحون أسئلة حول الحضانة والمدرسة. توجد مستشارة من مركز الاندماج.",
            ),
            "tr": (
                "Veli kafesi: kreş ve okul",
                "Veliler buluşur ve kreş ile okul hakkında sorular sorar. Uyum merkezinden bir danışman orada olacak.",
            ),
        },
    ),
    (
        40,
        14,
        "Volkshochschule Köln – Forum",
        "Cäcilienstraße 35",
        "50667",
        {
            "de": (
                "Workshop: Die erste Bewerbung",
                "Wir schreiben zusammen einen Lebenslauf. Bitte bringen Sie, wenn möglich, einen Laptop oder ein Handy mit.",
            ),
            "en": (
                "Workshop: your first application",
                "We write a CV together. If possible, please bring a laptop or a mobile phone.",
            ),
        },
    ),
]

DOCUMENTS: list[tuple[str, dict[str, str]]] = [
    (
        "https://www.stadt-koeln.de/leben-in-koeln/soziales/integration/",
        {
            "de": "Flyer des Kommunalen Integrationszentrums Köln",
            "en": "Flyer of the Municipal Integration Centre of Cologne",
            "uk": "Буклет Комунального інтеграційного центру Кельна",
            "ar": "نشرة مركز الاندماج البلدي في كولونيا",
            "tr": "Köln Belediyesi Uyum Merkezi broşürü",
            "fa": "بروشور مرکز ادغام شهری کلن",
            "ru": "Буклет Коммунального интеграционного центра Кёльна",
        },
    ),
    (
        "https://www.stadt-koeln.de/leben-in-koeln/soziales/diversity/",
        {
            "de": "Flyer der Dienststelle Diversity",
            "en": "Flyer of the Diversity office",
            "uk": "Буклет відділу Diversity",
            "ar": "نشرة مكتب التنوع (Diversity)",
            "tr": "Diversity birimi broşürü",
            "fa": "بروشور اداره تنوع (Diversity)",
            "ru": "Буклет отдела Diversity",
        },
    ),
    (
        "https://www.stadt-koeln.de/politik-und-verwaltung/integration/",
        {
            "de": "Integrationskonzept der Stadt Köln",
            "en": "Integration concept of the City of Cologne",
            "uk": "Концепція інтеграції міста Кельн",
            "ar": "مفهوم الاندماج لمدينة كولونيا",
            "tr": "Köln şehrinin uyum konsepti",
            "fa": "طرح ادغام شهر کلن",
            "ru": "Концепция интеграции города Кёльна",
        },
    ),
    (
        "https://recht.nrw.de/",
        {
            "de": "Teilhabe- und Integrationsgesetz NRW",
            "en": "Participation and Integration Act of North Rhine-Westphalia",
            "uk": "Закон про участь та інтеграцію землі Північний Рейн-Вестфалія",
            "ar": "قانون المشاركة والاندماج في ولاية شمال الراين-وستفاليا",
            "tr": "Kuzey Ren-Vestfalya Katılım ve Uyum Yasası",
            "fa": "قانون مشارکت و ادغام ایالت نوردراین-وستفالن",
            "ru": "Закон об участии и интеграции земли Северный Рейн-Вестфалия",
        },
    ),
    (
        "https://www.kommunale-integrationszentren-nrw.de/",
        {
            "de": "Erlass und Förderrichtlinie für die Kommunalen Integrationszentren",
            "en": "Decree and funding guideline for the Municipal Integration Centres",
            "uk": "Розпорядження та правила фінансування комунальних інтеграційних центрів",
            "ar": "المرسوم وإرشادات التمويل لمراكز الاندماج البلدية",
            "tr": "Belediye Uyum Merkezleri için genelge ve destek yönergesi",
            "fa": "بخشنامه و دستورالعمل حمایت مالی از مراکز ادغام شهری",
            "ru": "Распоряжение и правила финансирования коммунальных интеграционных центров",
        },
    ),
    (
        "https://ratsinformation.stadt-koeln.de/",
        {
            "de": "Ratsbeschluss der Stadt Köln zur Einrichtung des Kommunalen Integrationszentrums",
            "en": "Cologne City Council decision to set up the Municipal Integration Centre",
            "uk": "Рішення міської ради Кельна про створення Комунального інтеграційного центру",
            "ar": "قرار مجلس مدينة كولونيا بإنشاء مركز الاندماج البلدي",
            "tr": "Köln Belediye Meclisinin Uyum Merkezi'ni kurma kararı",
            "fa": "مصوبه شورای شهر کلن برای تأسیس مرکز ادغام شهری",
            "ru": "Решение городского совета Кёльна о создании Коммунального интеграционного центра",
        },
    ),
]

DOCUMENT_NOTE = {
    "de": "Dieses Dokument ist auf Deutsch.",
    "en": "This document is in German.",
    "uk": "Цей документ німецькою мовою.",
    "ar": "هذه الوثيقة باللغة الألمانية.",
    "tr": "Bu belge Almancadır.",
    "fa": "این سند به زبان آلمانی است.",
    "ru": "Этот документ на немецком языке.",
}


def load(centre: Centre, *, actor: User) -> bool:
    """Fill Köln's public site once; False when it already has content."""
    if Page.objects.filter(centre=centre).exists():
        return False
    for kind, texts in (("about", ABOUT), ("hours", HOURS), ("contact", CONTACT)):
        for lang, (title, body) in texts.items():
            services.save_page(actor=actor, kind=kind, language=lang, title=title, body=body)
    today = timezone.localdate()
    for kind, provider, street, postcode, start in OFFERS:
        category, languages, texts = KINDS[kind]
        title, description, schedule = texts["de"]
        starts_on = today + dt.timedelta(days=start) if start is not None else None
        ends_on = starts_on + dt.timedelta(days=180) if starts_on else None
        offer = services.save_offer(
            actor=actor,
            category=category,
            provider=provider,
            street=street,
            postcode=postcode,
            place="Köln",
            languages=languages,
            starts_on=starts_on,
            ends_on=ends_on,
            title=title,
            description=description,
            schedule=schedule,
        )
        _translate(actor, offer, {k: v for k, v in texts.items() if k != "de"})
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    for days, hour, venue, street, postcode, texts in EVENTS:
        starts_at = (now + dt.timedelta(days=days)).replace(hour=hour)
        title, description = texts["de"]
        event = services.save_event(
            actor=actor,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=2),
            venue=venue,
            street=street,
            postcode=postcode,
            place="Köln",
            title=title,
            description=description,
        )
        _translate(actor, event, {k: (t, d, "") for k, (t, d) in texts.items() if k != "de"})
    for order, (url, titles) in enumerate(DOCUMENTS, start=1):
        document = services.save_document(
            actor=actor,
            url=url,
            order=order * 10,
            title=titles["de"],
            description=DOCUMENT_NOTE["de"],
        )
        _translate(
            actor,
            document,
            {k: (t, DOCUMENT_NOTE[k], "") for k, t in titles.items() if k != "de"},
        )
    return True


def _translate(actor: User, obj: Any, texts: dict[str, tuple[str, str, str]]) -> None:
    for lang, (title, body, schedule) in texts.items():
        services.save_translation(
            actor=actor, obj=obj, language=lang, title=title, body=body, schedule=schedule
        )
