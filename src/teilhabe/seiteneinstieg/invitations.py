"""The invitation letter (PDF) and the plain-text e-mails about a counselling appointment.

Both are built from the same texts (``letters.py``) so that letter, invitation mail and
reminder always say the same thing in the same languages. Rendering, page layout and
right-to-left handling come from ``teilhabe.letters``; mail goes through the outbox
(``teilhabe.notify``), written in the booking's transaction.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone, translation
from django.utils.html import escape, format_html

from teilhabe.letters.languages import direction, isolate, ltr
from teilhabe.letters.rendering import Letterhead, render_pdf
from teilhabe.notify.models import OutboxMail
from teilhabe.notify.selectors import topic_of
from teilhabe.notify.services import Attachment, queue_mail
from teilhabe.seiteneinstieg.choices import CLOSED_STATUSES
from teilhabe.seiteneinstieg.letters import AUTONYMS, LETTERS, letter_languages
from teilhabe.seiteneinstieg.models import Appointment

LETTER_TEMPLATE = "seiteneinstieg/invitation_letter.html"


def _languages(appointment: Appointment) -> list[str]:
    family = appointment.family
    guardians = list(family.guardians.all())
    # the language the family chose when it registered itself comes first
    chosen = [family.registered_language] if family.registered_language else []
    return letter_languages(
        guardian_languages=[*chosen, *(g.language for g in guardians)],
        interpreter_language=appointment.interpreter_language,
    )


def _interpreter_name(appointment: Appointment, code: str) -> str:
    """German name in the German part, the language's own name in a translation."""
    if not appointment.interpreter_language:
        return ""
    if code == "de":
        with translation.override("de"):
            return str(appointment.get_interpreter_language_display())
    return AUTONYMS.get(appointment.interpreter_language, appointment.interpreter_language)


def letter_parts(appointment: Appointment) -> list[dict[str, Any]]:
    """One dict per language with every text of the letter filled in.

    ``cancel`` is plain text (phone and e-mail isolated with LRI … PDI in right-to-left
    languages, for the mail); ``cancel_html`` is the same sentence for the PDF, with
    ``<bdi dir="ltr">`` around phone and e-mail.
    """
    slot = appointment.slot
    centre = slot.centre
    start = timezone.localtime(slot.starts_at)
    end = timezone.localtime(slot.ends_at)
    children = [c for c in appointment.family.children.all() if c.status not in CLOSED_STATUSES]
    phone, email = centre.phone or "–", centre.email or "–"
    parts = []
    for code in _languages(appointment):
        text = LETTERS[code]
        interpreter = _interpreter_name(appointment, code)
        rtl = direction(code) == "rtl"
        parts.append(
            {
                "code": code,
                "dir": direction(code),
                "comma": "، " if rtl else ", ",
                "text": text,
                "weekday": text.weekdays[start.weekday()],
                "date": f"{start:%d.%m.%Y}",
                "time": f"{start:%H:%M}–{end:%H:%M}",
                "place": slot.location or f"{centre.street}, {centre.postcode} {centre.city}",
                "interpreter": interpreter,
                "interpreter_sentence": text.interpreter.format(language=interpreter)
                if interpreter
                else "",
                "cancel": text.cancel.format(
                    phone=isolate(phone, rtl=rtl), email=isolate(email, rtl=rtl)
                ),
                # the texts are our own constants: escape them, then insert the marked-up values
                "cancel_html": format_html(escape(text.cancel), phone=ltr(phone), email=ltr(email)),
                "children": ", ".join(f"{c.first_name} {c.last_name}" for c in children),
            }
        )
    return parts


def _letterhead(appointment: Appointment) -> Letterhead:
    centre = appointment.slot.centre
    family = appointment.family
    guardians = list(family.guardians.all())
    contact = [centre.street, f"{centre.postcode} {centre.city}"]
    if centre.phone:
        contact.append(f"Tel. {centre.phone}")
    if centre.email:
        contact.append(centre.email)
    return Letterhead(
        sender=centre.name,
        subtitle="Kommunales Integrationszentrum",
        contact=[line for line in contact if line.strip()],
        return_address=f"{centre.name} · {centre.street} · {centre.postcode} {centre.city}",
        recipient=[
            *[f"{g.first_name} {g.last_name}" for g in guardians[:2]],
            family.street,
            f"{family.postcode} {family.city}",
        ],
        info=[
            ("Datum", f"{timezone.localdate():%d.%m.%Y}"),
            ("Aktenzeichen", family.reference),
        ],
    )


def render_invitation_pdf(appointment: Appointment) -> bytes:
    """The invitation letter as PDF: German, then the family's language on its own page."""
    parts = {part["code"]: part for part in letter_parts(appointment)}
    return render_pdf(
        LETTER_TEMPLATE,
        {
            "appointment": appointment,
            "family": appointment.family,
            "centre": appointment.slot.centre,
        },
        languages=list(parts),
        section_context=lambda code: {"part": parts[code]},
        letterhead=_letterhead(appointment),
        title=f"{LETTERS['de'].title} – {appointment.family.reference}",
        footer=appointment.family.reference,
    )


def mail_body(appointment: Appointment, *, kind: str) -> str:
    """Plain-text body of the invitation (``kind="invitation"``) or reminder e-mail."""
    blocks = []
    for part in letter_parts(appointment):
        text = part["text"]
        lead = text.reminder if kind == "reminder" else text.invitation_mail
        lines = [
            f"— {text.language_name} —",
            text.salutation,
            "",
            lead,
            f"{text.date}: {part['weekday']}{part['comma']}{part['date']}",
            f"{text.time}: {part['time']}",
            f"{text.place}: {part['place']}",
            f"{text.reference}: {appointment.family.reference}",
        ]
        if part["interpreter_sentence"]:
            lines.append(part["interpreter_sentence"])
        lines += ["", text.bring_heading, *[f"- {item}" for item in text.bring], ""]
        lines += [part["cancel"], "", text.closing, appointment.slot.centre.name]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def queue_appointment_mail(*, appointment: Appointment, kind: str) -> OutboxMail | None:
    """Queue the invitation (with the letter as PDF) or the reminder to the guardians.

    Runs inside the booking's or the reminder run's transaction (``notify.queue_mail``):
    a rolled-back booking leaves no mail; the mail is sent after commit and retried by
    ``teilhabe send_outbox``. Returns None when no guardian has an e-mail address.
    """
    family = appointment.family
    recipients = [g.email for g in family.guardians.all() if g.email]
    if not recipients:
        return None
    centre = appointment.slot.centre
    subject_text = LETTERS["de"].reminder if kind == "reminder" else LETTERS["de"].title
    attachments = []
    if kind == "invitation":
        attachments.append(
            Attachment(
                filename=f"einladung-{family.reference}.pdf",
                content_type="application/pdf",
                content=render_invitation_pdf(appointment),
            )
        )
    return queue_mail(
        to=recipients,
        subject=f"{subject_text.rstrip(':')} – {family.reference}",
        body=mail_body(appointment, kind=kind),
        centre=centre,
        reply_to=centre.email,
        attachments=attachments,
        language=_languages(appointment)[-1],
        topic=topic_of(family),
    )
