"""Texts of the invitation letter and the reminder e-mail, in German and the families' languages.

The letter goes to families who often read little or no German, so it is printed twice: in
German (the binding text) and, where a translation exists here, in the family's language.
These texts are reviewed translations kept in code (not yet in gettext catalogues); rendering,
page layout and right-to-left handling are ``teilhabe.letters``'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from teilhabe.letters.languages import AUTONYMS, bilingual, is_rtl

__all__ = [
    "AUTONYMS",
    "LETTERS",
    "RTL_LANGUAGES",
    "LetterText",
    "letter_languages",
    "missing_translations",
    "weekday",
]


@dataclass(frozen=True)
class LetterText:
    """One language's wording of the invitation letter and of the reminder e-mail."""

    language_name: str  # heading of this part of the letter, in the language itself
    title: str
    salutation: str
    intro: str
    reference: str
    children: str
    date: str
    time: str
    place: str
    interpreter_label: str
    interpreter: str  # {language}
    bring_heading: str
    bring: tuple[str, str, str]  # proof of address, ID papers, school reports
    cancel: str  # {phone}, {email}
    closing: str
    reminder: str
    invitation_mail: str
    weekdays: tuple[str, str, str, str, str, str, str]  # Monday first


LETTERS: dict[str, LetterText] = {
    "de": LetterText(
        language_name="Deutsch",
        title="Einladung zum Beratungsgespräch",
        salutation="Sehr geehrte Eltern und Sorgeberechtigte,",
        intro=(
            "Ihre Familie ist bei uns für einen Schulplatz angemeldet. Wir laden Sie zu einem "
            "Beratungsgespräch ein. Bitte kommen Sie zusammen mit Ihren Kindern, die einen "
            "Schulplatz brauchen. Im Gespräch lernen wir Ihre Kinder kennen und besprechen "
            "gemeinsam, welche Schule passt."
        ),
        reference="Aktenzeichen",
        children="Kinder",
        date="Datum",
        time="Uhrzeit",
        place="Ort",
        interpreter_label="Dolmetschung",
        interpreter="Beim Gespräch ist eine Dolmetscherin oder ein Dolmetscher für {language} "
        "dabei.",
        bring_heading="Bitte bringen Sie mit:",
        bring=(
            "einen Nachweis Ihrer Adresse in Köln (zum Beispiel die Meldebescheinigung)",
            "Ausweise oder Pässe (Ihre und die Ihrer Kinder) oder andere Ausweispapiere",
            "frühere Zeugnisse und Schulnachweise Ihrer Kinder, wenn vorhanden",
        ),
        cancel="Wenn Sie nicht kommen können, sagen Sie bitte rechtzeitig ab: "
        "Telefon {phone}, E-Mail {email}.",
        closing="Mit freundlichen Grüßen",
        reminder="Wir erinnern Sie an Ihren Beratungstermin:",
        invitation_mail="Wir laden Sie zu einem Beratungsgespräch ein:",
        weekdays=("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    ),
    "en": LetterText(
        language_name="English",
        title="Invitation to a counselling appointment",
        salutation="Dear parents and guardians,",
        intro=(
            "Your family has registered with us for a school place. We invite you to a "
            "counselling appointment. Please come together with your children who need a "
            "school place. In the appointment we get to know your children and discuss "
            "together which school is right for them."
        ),
        reference="Reference number",
        children="Children",
        date="Date",
        time="Time",
        place="Place",
        interpreter_label="Interpreter",
        interpreter="An interpreter for {language} will be present at the appointment.",
        bring_heading="Please bring:",
        bring=(
            "proof of your address in Cologne (for example the registration certificate, "
            "“Meldebescheinigung”)",
            "identity cards or passports (yours and your children's) or other identity papers",
            "your children's previous school reports and certificates, if you have them",
        ),
        cancel="If you cannot come, please let us know in good time: "
        "phone {phone}, e-mail {email}.",
        closing="Kind regards",
        reminder="This is a reminder of your counselling appointment:",
        invitation_mail="We invite you to a counselling appointment:",
        weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    ),
    "uk": LetterText(
        language_name="Українська",
        title="Запрошення на консультацію",
        salutation="Шановні батьки та опікуни!",
        intro=(
            "Вашу родину зареєстровано в нас для отримання місця в школі. Запрошуємо вас на "
            "консультацію. Будь ласка, приходьте разом із дітьми, яким потрібне місце в школі. "
            "Під час зустрічі ми познайомимося з вашими дітьми та разом обговоримо, яка школа "
            "їм підходить."
        ),
        reference="Номер справи",
        children="Діти",
        date="Дата",
        time="Час",
        place="Місце",
        interpreter_label="Перекладач",
        interpreter="На зустрічі буде присутній перекладач (мова: {language}).",
        bring_heading="Будь ласка, візьміть із собою:",
        bring=(
            "підтвердження вашої адреси в Кельні (наприклад, довідку про реєстрацію місця "
            "проживання — «Meldebescheinigung»)",
            "посвідчення особи або паспорти (ваші та ваших дітей) чи інші документи, що "
            "посвідчують особу",
            "попередні шкільні табелі та документи про навчання ваших дітей, якщо вони є",
        ),
        cancel="Якщо ви не можете прийти, будь ласка, завчасно повідомте нас: "
        "телефон {phone}, e-mail {email}.",
        closing="З повагою",
        reminder="Нагадуємо вам про вашу консультацію:",
        invitation_mail="Запрошуємо вас на консультацію:",
        weekdays=("Понеділок", "Вівторок", "Середа", "Четвер", "П’ятниця", "Субота", "Неділя"),
    ),
    "ru": LetterText(
        language_name="Русский",
        title="Приглашение на консультацию",
        salutation="Уважаемые родители и опекуны!",
        intro=(
            "Ваша семья зарегистрирована у нас для получения места в школе. Приглашаем вас на "
            "консультацию. Пожалуйста, приходите вместе с детьми, которым нужно место в школе. "
            "На встрече мы познакомимся с вашими детьми и вместе обсудим, какая школа им "
            "подходит."
        ),
        reference="Номер дела",
        children="Дети",
        date="Дата",
        time="Время",
        place="Место",
        interpreter_label="Переводчик",
        interpreter="На встрече будет присутствовать переводчик (язык: {language}).",
        bring_heading="Пожалуйста, возьмите с собой:",
        bring=(
            "подтверждение вашего адреса в Кёльне (например, справку о регистрации по месту "
            "жительства — «Meldebescheinigung»)",
            "удостоверения личности или паспорта (ваши и ваших детей) или другие документы, "
            "удостоверяющие личность",
            "прежние школьные табели и документы об учёбе ваших детей, если они есть",
        ),
        cancel="Если вы не можете прийти, пожалуйста, заранее сообщите нам: "
        "телефон {phone}, e-mail {email}.",
        closing="С уважением",
        reminder="Напоминаем вам о вашей консультации:",
        invitation_mail="Приглашаем вас на консультацию:",
        weekdays=(
            "Понедельник",
            "Вторник",
            "Среда",
            "Четверг",
            "Пятница",
            "Суббота",
            "Воскресенье",
        ),
    ),
    "tr": LetterText(
        language_name="Türkçe",
        title="Danışmanlık görüşmesine davet",
        salutation="Sayın veliler,",
        intro=(
            "Aileniz okul yeri için bize kayıt yaptırmıştır. Sizi bir danışmanlık görüşmesine "
            "davet ediyoruz. Lütfen okul yerine ihtiyacı olan çocuklarınızla birlikte gelin. "
            "Görüşmede çocuklarınızı tanıyacak ve onlara hangi okulun uygun olduğunu birlikte "
            "konuşacağız."
        ),
        reference="Dosya numarası",
        children="Çocuklar",
        date="Tarih",
        time="Saat",
        place="Yer",
        interpreter_label="Tercüman",
        interpreter="Görüşmede bir tercüman bulunacaktır (dil: {language}).",
        bring_heading="Lütfen yanınızda getirin:",
        bring=(
            "Köln'deki adresinizi gösteren bir belge (örneğin ikamet belgesi „Meldebescheinigung“)",
            "kimlik kartları veya pasaportlar (sizin ve çocuklarınızın) ya da diğer kimlik "
            "belgeleri",
            "varsa çocuklarınızın önceki karneleri ve okul belgeleri",
        ),
        cancel="Gelemeyecekseniz lütfen zamanında haber verin: telefon {phone}, e-posta {email}.",
        closing="Saygılarımızla",
        reminder="Danışmanlık randevunuzu hatırlatmak isteriz:",
        invitation_mail="Sizi bir danışmanlık görüşmesine davet ediyoruz:",
        weekdays=("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"),
    ),
    "ar": LetterText(
        language_name="العربية",
        title="دعوة إلى موعد استشارة",
        salutation="حضرات الآباء والأمهات وأولياء الأمور المحترمين،",
        intro=(
            "لقد سجّلت عائلتكم لدينا للحصول على مقعد مدرسي. ندعوكم إلى موعد استشارة. "
            "يُرجى الحضور مع أطفالكم الذين يحتاجون إلى مقعد مدرسي. خلال الموعد نتعرّف على "
            "أطفالكم ونناقش معًا المدرسة المناسبة لهم."
        ),
        reference="رقم الملف",
        children="الأطفال",
        date="التاريخ",
        time="الوقت",
        place="المكان",
        interpreter_label="الترجمة",
        interpreter="سيحضر الموعد مترجم (اللغة: {language}).",
        bring_heading="يُرجى إحضار ما يلي:",
        bring=(
            "إثبات عنوانكم في كولونيا (مثلًا شهادة تسجيل السكن «Meldebescheinigung»)",
            "بطاقات الهوية أو جوازات السفر (لكم ولأطفالكم) أو وثائق هوية أخرى",
            "الشهادات المدرسية السابقة لأطفالكم إن وُجدت",
        ),
        cancel="إذا لم تتمكنوا من الحضور، يُرجى إبلاغنا في وقت مبكر: "
        "الهاتف {phone}، البريد الإلكتروني {email}.",
        closing="مع أطيب التحيات",
        reminder="نذكّركم بموعد الاستشارة الخاص بكم:",
        invitation_mail="ندعوكم إلى موعد استشارة:",
        weekdays=("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    ),
    "fa": LetterText(
        language_name="فارسی",
        title="دعوت به جلسه مشاوره",
        salutation="والدین و سرپرستان گرامی،",
        intro=(
            "خانواده شما برای دریافت جای مدرسه نزد ما ثبت‌نام کرده است. شما را به یک جلسه "
            "مشاوره دعوت می‌کنیم. لطفاً همراه با فرزندانتان که به جای مدرسه نیاز دارند بیایید. "
            "در این جلسه با فرزندانتان آشنا می‌شویم و با هم درباره مدرسه مناسب گفت‌وگو می‌کنیم."
        ),
        reference="شماره پرونده",
        children="فرزندان",
        date="تاریخ",
        time="ساعت",
        place="مکان",
        interpreter_label="مترجم",
        interpreter="یک مترجم در جلسه حضور خواهد داشت (زبان: {language}).",
        bring_heading="لطفاً این مدارک را همراه داشته باشید:",
        bring=(
            "مدرکی از نشانی شما در کلن (مثلاً گواهی ثبت محل سکونت «Meldebescheinigung»)",
            "کارت شناسایی یا گذرنامه (برای خودتان و فرزندانتان) یا مدارک شناسایی دیگر",
            "کارنامه‌ها و مدارک تحصیلی قبلی فرزندانتان، در صورت وجود",
        ),
        cancel="اگر نمی‌توانید بیایید، لطفاً به‌موقع به ما خبر دهید: تلفن {phone}، ایمیل {email}.",
        closing="با احترام",
        reminder="وقت مشاوره شما را یادآوری می‌کنیم:",
        invitation_mail="شما را به یک جلسه مشاوره دعوت می‌کنیم:",
        weekdays=("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنج‌شنبه", "جمعه", "شنبه", "یکشنبه"),
    ),
}


def letter_languages(*, guardian_languages: list[str], interpreter_language: str) -> list[str]:
    """German first, then the family's language if we have a translation for it.

    The guardians' own language wins over the interpreter's: it is the language the family
    reads. Only one translation is printed so that the letter stays short.
    """
    return bilingual([*guardian_languages, interpreter_language], translated=LETTERS.__contains__)


def missing_translations(languages: list[str]) -> list[str]:
    """The family's languages (other than German) that have no translation of the letter.

    The booking page warns about them: the letter then comes out in German only (or in the
    interpreter's language), and the counsellor should arrange for it to be explained.
    """
    seen = dict.fromkeys(code for code in languages if code and code != "de")
    return [code for code in seen if code not in LETTERS]


def weekday(code: str, moment: dt.datetime) -> str:
    """The weekday of ``moment`` (local time) in the letter's language."""
    return LETTERS[code].weekdays[timezone.localtime(moment).weekday()]


# The letter's languages written right to left (their part gets dir="rtl").
RTL_LANGUAGES: frozenset[str] = frozenset(code for code in LETTERS if is_rtl(code))
