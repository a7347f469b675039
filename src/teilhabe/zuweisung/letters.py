"""The family's letter when a school has accepted a child: school, address, first school
day, whom to ask, what to bring — in German (the binding text) and the family's language.

The texts are reviewed translations kept in code like the invitation's
(``seiteneinstieg/letters.py``); layout, right to left and number order are
``teilhabe.letters``'. Where the family's language has no translation here (Kurmanji,
Tigrinya …) the letter is German only, and the case page says so before it goes out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from teilhabe.letters.languages import bilingual, direction
from teilhabe.letters.rendering import Letterhead, render_pdf
from teilhabe.notify.selectors import topic_of
from teilhabe.notify.services import Attachment, queue_mail

TEMPLATE = "zuweisung/placement_letter.html"


@dataclass(frozen=True)
class PlacementText:
    language_name: str
    title: str
    salutation: str
    intro: str  # {child}, {school}, {date}
    school: str
    address: str
    first_day: str
    class_label: str
    contact: str
    bring_heading: str
    bring: tuple[str, str, str, str]  # this letter, ID, reports, measles vaccination
    questions: str  # {phone}, {email}
    closing: str
    mail: str  # short e-mail text: {child}, {school}, {date}


TEXTS: dict[str, PlacementText] = {
    "de": PlacementText(
        language_name="Deutsch",
        title="Ihr Kind hat einen Schulplatz",
        salutation="Sehr geehrte Eltern und Sorgeberechtigte,",
        intro="wir freuen uns: {child} besucht ab dem {date} die Schule {school}.",
        school="Schule",
        address="Adresse",
        first_day="Erster Schultag",
        class_label="Klasse",
        contact="Telefon der Schule",
        bring_heading="Bitte bringen Sie am ersten Schultag mit:",
        bring=(
            "diesen Brief",
            "den Ausweis oder Pass Ihres Kindes",
            "frühere Zeugnisse, wenn vorhanden",
            "den Nachweis über die Masern-Impfung (Impfpass)",
        ),
        questions="Bei Fragen hilft Ihnen das Kommunale Integrationszentrum: "
        "Telefon {phone}, E-Mail {email}.",
        closing="Mit freundlichen Grüßen",
        mail="{child} hat einen Schulplatz an der Schule {school}. Erster Schultag: {date}. "
        "Den Brief mit allen Angaben finden Sie im Anhang.",
    ),
    "en": PlacementText(
        language_name="English",
        title="Your child has a school place",
        salutation="Dear parents and guardians,",
        intro="We are pleased to tell you: {child} will attend {school} from {date}.",
        school="School",
        address="Address",
        first_day="First school day",
        class_label="Class",
        contact="School telephone",
        bring_heading="Please bring on the first school day:",
        bring=(
            "this letter",
            "your child's ID card or passport",
            "previous school reports, if you have them",
            "proof of measles vaccination (vaccination record)",
        ),
        questions="If you have questions, the Municipal Integration Centre will help you: "
        "telephone {phone}, e-mail {email}.",
        closing="Kind regards",
        mail="{child} has a place at {school}. First school day: {date}. "
        "The letter with all details is attached.",
    ),
    "uk": PlacementText(
        language_name="Українська",
        title="Ваша дитина має місце в школі",
        salutation="Шановні батьки та опікуни!",
        intro="Раді повідомити: {child} навчатиметься у школі {school} з {date}.",
        school="Школа",
        address="Адреса",
        first_day="Перший шкільний день",
        class_label="Клас",
        contact="Телефон школи",
        bring_heading="Будь ласка, візьміть із собою в перший шкільний день:",
        bring=(
            "цей лист",
            "посвідчення особи або паспорт дитини",
            "попередні шкільні табелі, якщо вони є",
            "підтвердження щеплення від кору (картка щеплень)",
        ),
        questions="Якщо у вас є запитання, вам допоможе Муніципальний інтеграційний центр: "
        "телефон {phone}, e-mail {email}.",
        closing="З повагою",
        mail="{child} має місце у школі {school}. Перший шкільний день: {date}. "
        "Лист з усіма даними додано.",
    ),
    "ar": PlacementText(
        language_name="العربية",
        title="طفلكم حصل على مقعد في المدرسة",
        salutation="أولياء الأمور الكرام،",
        intro="يسعدنا إبلاغكم بأن {child} سيلتحق بمدرسة {school} ابتداءً من {date}.",
        school="المدرسة",
        address="العنوان",
        first_day="أول يوم دراسي",
        class_label="الصف",
        contact="هاتف المدرسة",
        bring_heading="يرجى إحضار ما يلي في أول يوم دراسي:",
        bring=(
            "هذه الرسالة",
            "بطاقة هوية الطفل أو جواز سفره",
            "الشهادات المدرسية السابقة إن وجدت",
            "إثبات التطعيم ضد الحصبة (دفتر التطعيم)",
        ),
        questions="إذا كانت لديكم أسئلة، يساعدكم مركز الاندماج البلدي: "
        "الهاتف {phone}، البريد الإلكتروني {email}.",
        closing="مع أطيب التحيات",
        mail="حصل {child} على مقعد في مدرسة {school}. أول يوم دراسي: {date}. "
        "الرسالة مع كل التفاصيل مرفقة.",
    ),
    "tr": PlacementText(
        language_name="Türkçe",
        title="Çocuğunuzun okulda yeri var",
        salutation="Sayın veliler,",
        intro="Size bildirmekten mutluluk duyuyoruz: {child}, {date} tarihinden itibaren "
        "{school} okuluna gidecek.",
        school="Okul",
        address="Adres",
        first_day="İlk okul günü",
        class_label="Sınıf",
        contact="Okulun telefonu",
        bring_heading="Lütfen ilk okul günü yanınızda getirin:",
        bring=(
            "bu mektup",
            "çocuğunuzun kimlik kartı veya pasaportu",
            "varsa önceki karneler",
            "kızamık aşısı belgesi (aşı kartı)",
        ),
        questions="Sorularınız için Belediye Uyum Merkezi size yardımcı olur: "
        "telefon {phone}, e-posta {email}.",
        closing="Saygılarımızla",
        mail="{child}, {school} okulunda yer aldı. İlk okul günü: {date}. "
        "Tüm bilgileri içeren mektup ektedir.",
    ),
    "fa": PlacementText(
        language_name="فارسی",
        title="فرزند شما در مدرسه جا دارد",
        salutation="والدین و سرپرستان گرامی،",
        intro="با خوشحالی به اطلاع می‌رسانیم که {child} از تاریخ {date} به مدرسه {school} می‌رود.",
        school="مدرسه",
        address="نشانی",
        first_day="نخستین روز مدرسه",
        class_label="کلاس",
        contact="تلفن مدرسه",
        bring_heading="لطفاً در نخستین روز مدرسه همراه داشته باشید:",
        bring=(
            "همین نامه",
            "کارت شناسایی یا گذرنامه فرزندتان",
            "کارنامه‌های قبلی، اگر دارید",
            "گواهی واکسن سرخک (کارت واکسن)",
        ),
        questions="اگر پرسشی دارید، مرکز ادغام شهرداری به شما کمک می‌کند: "
        "تلفن {phone}، ایمیل {email}.",
        closing="با احترام",
        mail="{child} در مدرسه {school} جا گرفته است. نخستین روز مدرسه: {date}. "
        "نامه با همه جزئیات پیوست است.",
    ),
    "ru": PlacementText(
        language_name="Русский",
        title="У вашего ребёнка есть место в школе",
        salutation="Уважаемые родители и опекуны!",
        intro="Рады сообщить: {child} будет учиться в школе {school} с {date}.",
        school="Школа",
        address="Адрес",
        first_day="Первый школьный день",
        class_label="Класс",
        contact="Телефон школы",
        bring_heading="Пожалуйста, возьмите с собой в первый школьный день:",
        bring=(
            "это письмо",
            "удостоверение личности или паспорт ребёнка",
            "прежние школьные табели, если они есть",
            "подтверждение прививки от кори (прививочный паспорт)",
        ),
        questions="Если у вас есть вопросы, вам поможет Муниципальный интеграционный центр: "
        "телефон {phone}, e-mail {email}.",
        closing="С уважением",
        mail="{child} получил(а) место в школе {school}. Первый школьный день: {date}. "
        "Письмо со всеми данными во вложении.",
    ),
}


@dataclass(frozen=True)
class LetterOutcome:
    languages: list[str]
    mailed_to_family: bool
    missing: list[str]


def family_languages(child: Any) -> list[str]:
    """The languages the family reads: guardians' first, then the child's first language."""
    guardians = [g.language for g in child.family.guardians.all() if g.language]
    return [*guardians, child.first_language]


def missing_translations(child: Any) -> list[str]:
    """The family's languages without a translation of this letter (the page warns)."""
    seen = dict.fromkeys(c for c in family_languages(child) if c and c != "de")
    return [code for code in seen if code not in TEXTS]


def letter_languages(child: Any) -> list[str]:
    return bilingual(family_languages(child), translated=TEXTS.__contains__)


def _parts(placement: Any, child: Any) -> dict[str, dict[str, Any]]:
    school = placement.offer.school
    centre = child.family.centre
    day = f"{placement.start_date:%d.%m.%Y}"
    parts = {}
    for code in letter_languages(child):
        text = TEXTS[code]
        parts[code] = {
            "text": text,
            "dir": direction(code),
            "intro": text.intro.format(child=child.first_name, school=school.name, date=day),
            "questions": text.questions.format(
                phone=centre.phone or "–", email=centre.email or "–"
            ),
            "date": day,
            "grades": f"{placement.offer.grade_from}–{placement.offer.grade_to}",
            # one isolated run, so that right-to-left text keeps street, postcode, town in order
            "address": ", ".join(
                x for x in (school.street, f"{school.postcode} {school.city}".strip()) if x
            ),
        }
    return parts


def render_placement_letter(*, placement: Any, child: Any) -> bytes:
    school = placement.offer.school
    centre = child.family.centre
    parts = _parts(placement, child)
    guardians = ", ".join(str(g) for g in child.family.guardians.all())
    return render_pdf(
        TEMPLATE,
        {"school": school, "offer": placement.offer, "centre": centre, "child": child},
        languages=list(parts),
        section_context=lambda code: {"part": parts[code]},
        letterhead=Letterhead(
            sender=centre.name,
            subtitle="Kommunales Integrationszentrum",
            contact=[
                c
                for c in (
                    centre.street,
                    f"{centre.postcode} {centre.city}".strip(),
                    centre.phone,
                    centre.email,
                )
                if c
            ],
            return_address=" · ".join(
                c for c in (centre.name, centre.street, f"{centre.postcode} {centre.city}") if c
            ),
            recipient=[
                guardians,
                child.family.street,
                f"{child.family.postcode} {child.family.city}".strip(),
            ],
            info=[
                ("Datum", f"{timezone.localdate():%d.%m.%Y}"),
                ("Aktenzeichen", child.family.reference),
            ],
        ),
        title=f"{TEXTS['de'].title} – {child.family.reference}",
        footer=child.family.reference,
    )


def queue_placement_letter(*, placement: Any, child: Any) -> LetterOutcome:
    """Queue the letter to the family (where an address exists) and to the school.

    Runs inside the acceptance's transaction, so letter and decision commit together.
    """
    pdf = render_placement_letter(placement=placement, child=child)
    languages = letter_languages(child)
    school = placement.offer.school
    centre = child.family.centre
    day = f"{placement.start_date:%d.%m.%Y}"
    name = f"Schulplatz-{child.family.reference}-{child.pk}.pdf"
    attachment = Attachment(name, "application/pdf", pdf)
    body = "\n\n".join(
        TEXTS[c].mail.format(child=child.first_name, school=school.name, date=day)
        for c in languages
    )
    family_mail = queue_mail(
        to=[g.email for g in child.family.guardians.all()],
        centre=centre,
        reply_to=centre.email,
        subject=f"{TEXTS['de'].title} – {child.family.reference}",
        body=body,
        attachments=[attachment],
        language=languages[-1],
        topic=topic_of(child.family),
    )
    queue_mail(
        to=[school.email],
        centre=centre,
        reply_to=centre.email,
        subject=f"Aufnahme bestätigt: {child.first_name} {child.last_name}, ab {day}",
        body=(
            f"Guten Tag,\n\nSie haben {child.first_name} {child.last_name} ab dem {day} "
            f"aufgenommen. Der Brief an die Familie liegt bei.\n\n{centre.name}"
        ),
        attachments=[attachment],
        topic=topic_of(child.family),
    )
    return LetterOutcome(
        languages=languages,
        mailed_to_family=family_mail is not None,
        missing=missing_translations(child),
    )
