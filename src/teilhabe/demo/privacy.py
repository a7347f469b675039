"""The demo centres' privacy texts for online registration and volunteers, in seven languages.

A centre publishes its own texts (``/datenschutzhinweise/``); without one, its public forms
say that online registration is not possible. The demo publishes a plain-language version.
"""

from __future__ import annotations

from teilhabe.centres.models import PrivacyNotice, User
from teilhabe.centres.services import publish_privacy_notice

SELF_REGISTRATION = {
    "de": (
        "Wer verarbeitet Ihre Daten? Das Kommunale Integrationszentrum {centre}.\n"
        "Wozu? Damit wir Ihr Kind beraten und ihm einen Schulplatz vermitteln können. Dafür "
        "geben wir nötige Angaben an das Schulamt und an die Schule weiter.\n"
        "Welche Daten? Namen, Geburtsdaten, Adresse, Kontakt, Sprachen und bisherige Schulzeit.\n"
        "Wie lange? Bis zwei Jahre nach dem Ende der Beratung; dann löschen wir sie.\n"
        "Ihre Rechte: Sie können Auskunft, Berichtigung und Löschung verlangen und Ihre "
        "Einwilligung jederzeit widerrufen. Sie können sich bei der Landesbeauftragten für "
        "Datenschutz und Informationsfreiheit NRW beschweren."
    ),
    "en": (
        "Who processes your data? The municipal integration centre {centre}.\n"
        "What for? So that we can advise your child and find a school place. For this we pass "
        "the necessary details to the school authority and to the school.\n"
        "Which data? Names, dates of birth, address, contact, languages and previous schooling.\n"
        "How long? Until two years after the counselling ends; then we delete it.\n"
        "Your rights: you can ask for access, correction and deletion and withdraw your consent "
        "at any time. You can complain to the data protection commissioner of NRW (LDI NRW)."
    ),
    "uk": (
        "Хто обробляє ваші дані? Комунальний інтеграційний центр {centre}.\n"
        "Для чого? Щоб ми могли проконсультувати вашу дитину і знайти їй місце в школі. Для "
        "цього ми передаємо потрібні дані шкільному управлінню та школі.\n"
        "Які дані? Імена, дати народження, адреса, контакти, мови та попереднє навчання.\n"
        "Як довго? До двох років після завершення консультації; потім ми їх видаляємо.\n"
        "Ваші права: ви можете вимагати інформацію, виправлення та видалення даних і будь-коли "
        "відкликати згоду. Ви можете подати скаргу уповноваженій із захисту даних NRW (LDI NRW)."
    ),
    "ar": (
        "من يعالج بياناتك؟ مركز الاندماج البلدي {centre}.\n"
        "لماذا؟ لكي نقدم الاستشارة لطفلك ونجد له مقعدًا في المدرسة. لذلك نرسل البيانات "
        "اللازمة إلى إدارة المدارس وإلى المدرسة.\n"
        "أي بيانات؟ الأسماء وتواريخ الميلاد والعنوان ووسائل الاتصال واللغات والدراسة السابقة.\n"
        "إلى متى؟ حتى سنتين بعد انتهاء الاستشارة، ثم نحذفها.\n"
        "حقوقك: يمكنك طلب الاطلاع والتصحيح والحذف وسحب موافقتك في أي وقت. ويمكنك تقديم شكوى "
        "إلى مفوضة حماية البيانات في ولاية شمال الراين-وستفاليا (LDI NRW)."
    ),
    "tr": (
        "Verilerinizi kim işliyor? Belediye Entegrasyon Merkezi {centre}.\n"
        "Ne için? Çocuğunuza danışmanlık yapabilmek ve bir okul yeri bulabilmek için. Bunun "
        "için gerekli bilgileri okul dairesine ve okula iletiyoruz.\n"
        "Hangi veriler? İsimler, doğum tarihleri, adres, iletişim, diller ve önceki eğitim.\n"
        "Ne kadar süre? Danışmanlık bittikten iki yıl sonrasına kadar; sonra siliyoruz.\n"
        "Haklarınız: Bilgi, düzeltme ve silme talep edebilir, onayınızı her zaman geri "
        "alabilirsiniz. NRW veri koruma görevlisine (LDI NRW) şikâyette bulunabilirsiniz."
    ),
    "fa": (
        "چه کسی داده‌های شما را پردازش می‌کند؟ مرکز ادغام شهری {centre}.\n"
        "برای چه؟ تا بتوانیم به فرزند شما مشاوره بدهیم و برای او جای مدرسه پیدا کنیم. برای "
        "این کار اطلاعات لازم را به اداره مدارس و به مدرسه می‌دهیم.\n"
        "کدام داده‌ها؟ نام‌ها، تاریخ تولد، نشانی، راه تماس، زبان‌ها و سابقه تحصیل.\n"
        "تا چه مدت؟ تا دو سال پس از پایان مشاوره؛ سپس آن‌ها را پاک می‌کنیم.\n"
        "حقوق شما: می‌توانید درخواست اطلاع، اصلاح و حذف کنید و رضایت خود را هر زمان پس بگیرید. "
        "می‌توانید به مسئول حفاظت از داده‌های ایالت NRW (LDI NRW) شکایت کنید."
    ),
    "ru": (
        "Кто обрабатывает ваши данные? Коммунальный интеграционный центр {centre}.\n"
        "Для чего? Чтобы мы могли проконсультировать вашего ребёнка и найти ему место в школе. "
        "Для этого мы передаём нужные данные школьному управлению и школе.\n"
        "Какие данные? Имена, даты рождения, адрес, контакты, языки и прежнее обучение.\n"
        "Как долго? До двух лет после окончания консультации; затем мы их удаляем.\n"
        "Ваши права: вы можете запросить информацию, исправление и удаление данных и в любой "
        "момент отозвать согласие. Вы можете пожаловаться уполномоченной по защите данных NRW "
        "(LDI NRW)."
    ),
}

VOLUNTEERS = {
    "de": (
        "Das Kommunale Integrationszentrum {centre} speichert Ihre Angaben (Name, Kontakt, "
        "Sprachen, Zeiten, Orte, das Datum Ihres Führungszeugnisses und Ihre Stunden), um Sie "
        "für ehrenamtliche Einsätze anzufragen. Wir geben sie nicht weiter. Familien sehen nur "
        "Ihren Vornamen. Sie können Ihr Profil jederzeit selbst löschen; Ihre Stunden bleiben "
        "dann ohne Namen für die Statistik. Sie können Auskunft verlangen und sich bei der "
        "Landesbeauftragten für Datenschutz NRW beschweren."
    ),
    "en": (
        "The municipal integration centre {centre} stores your details (name, contact, "
        "languages, times, places, the date of your certificate of conduct and your hours) to "
        "ask you for volunteer work. We do not pass them on. Families see only your first name. "
        "You can delete your profile yourself at any time; your hours then stay without your "
        "name for statistics. You can ask for access and complain to the LDI NRW."
    ),
    "uk": (
        "Комунальний інтеграційний центр {centre} зберігає ваші дані (ім'я, контакти, мови, "
        "час, місця, дату довідки про несудимість і ваші години), щоб запрошувати вас до "
        "волонтерської роботи. Ми нікому їх не передаємо. Сім'ї бачать лише ваше ім'я. Ви "
        "можете будь-коли самі видалити профіль; години залишаться без імені для статистики. "
        "Ви можете запросити інформацію і подати скаргу до LDI NRW."
    ),
    "ar": (
        "يحفظ مركز الاندماج البلدي {centre} بياناتك (الاسم ووسائل الاتصال واللغات والأوقات "
        "والأماكن وتاريخ شهادة حسن السيرة وساعات عملك) لكي نطلب منك أعمالًا تطوعية. لا نعطيها "
        "لأحد. ترى العائلات اسمك الأول فقط. يمكنك حذف ملفك بنفسك في أي وقت، وتبقى ساعاتك "
        "للإحصاء دون اسمك. يمكنك طلب الاطلاع وتقديم شكوى إلى LDI NRW."
    ),
    "tr": (
        "Belediye Entegrasyon Merkezi {centre}, size gönüllü görevler sorabilmek için "
        "bilgilerinizi (ad, iletişim, diller, zamanlar, yerler, iyi hal belgenizin tarihi ve "
        "saatleriniz) saklar. Bunları kimseyle paylaşmayız. Aileler yalnızca adınızı görür. "
        "Profilinizi her zaman kendiniz silebilirsiniz; saatleriniz isimsiz olarak istatistikte "
        "kalır. Bilgi talep edebilir ve LDI NRW'ye şikâyette bulunabilirsiniz."
    ),
    "fa": (
        "مرکز ادغام شهری {centre} اطلاعات شما (نام، راه تماس، زبان‌ها، زمان‌ها، مکان‌ها، تاریخ "
        "گواهی عدم سوء پیشینه و ساعات کار شما) را نگه می‌دارد تا برای کار داوطلبانه از شما "
        "درخواست کند. آن‌ها را به کسی نمی‌دهیم. خانواده‌ها فقط نام کوچک شما را می‌بینند. "
        "می‌توانید هر زمان پروفایل خود را پاک کنید؛ ساعات شما بدون نام برای آمار می‌ماند. "
        "می‌توانید درخواست اطلاع کنید و به LDI NRW شکایت کنید."
    ),
    "ru": (
        "Коммунальный интеграционный центр {centre} хранит ваши данные (имя, контакты, языки, "
        "время, места, дату справки о несудимости и ваши часы), чтобы приглашать вас на "
        "волонтёрскую работу. Мы их никому не передаём. Семьи видят только ваше имя. Вы можете "
        "в любой момент сами удалить профиль; часы останутся без имени для статистики. Вы "
        "можете запросить информацию и пожаловаться в LDI NRW."
    ),
}

NOTICES = {"self_registration": SELF_REGISTRATION, "volunteers": VOLUNTEERS}


def load(actor: User) -> bool:
    """Publish the demo texts for the actor's centre once; True when something was added."""
    changed = False
    for purpose, texts in NOTICES.items():
        if PrivacyNotice.objects.filter(centre_id=actor.centre_id, purpose=purpose).exists():
            continue
        name = actor.centre.name
        publish_privacy_notice(
            actor=actor,
            purpose=purpose,
            texts={code: text.format(centre=name) for code, text in texts.items()},
        )
        changed = True
    return changed
