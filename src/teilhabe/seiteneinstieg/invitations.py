"""The invitation letter (PDF) and the plain-text e-mails about a counselling appointment.

Both are built from the same texts (``letters.py``) so that letter, invitation mail and
reminder always say the same thing in the same languages.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from teilhabe.seiteneinstieg.choices import CLOSED_STATUSES
from teilhabe.seiteneinstieg.letters import AUTONYMS, LETTERS, RTL_LANGUAGES, letter_languages
from teilhabe.seiteneinstieg.models import Appointment


def _languages(appointment: Appointment) -> list[str]:
    guardians = list(appointment.family.guardians.all())
    return letter_languages(
        guardian_languages=[g.language for g in guardians],
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


def _isolate(value: str, rtl: bool) -> str:
    """Keep a phone number or e-mail address left to right inside right-to-left text.

    Without the isolate (LRI … PDI) the bidi algorithm reorders "0221 221-0" into
    "221-0 0221".
    """
    return f"\u2066{value}\u2069" if rtl else value


def letter_parts(appointment: Appointment) -> list[dict[str, Any]]:
    """One dict per language with every text of the letter filled in."""
    slot = appointment.slot
    centre = slot.centre
    start = timezone.localtime(slot.starts_at)
    end = timezone.localtime(slot.ends_at)
    children = [c for c in appointment.family.children.all() if c.status not in CLOSED_STATUSES]
    parts = []
    for code in _languages(appointment):
        text = LETTERS[code]
        interpreter = _interpreter_name(appointment, code)
        rtl = code in RTL_LANGUAGES
        parts.append(
            {
                "code": code,
                "dir": "rtl" if rtl else "ltr",
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
                    phone=_isolate(centre.phone or "–", rtl),
                    email=_isolate(centre.email or "–", rtl),
                ),
                "children": ", ".join(f"{c.first_name} {c.last_name}" for c in children),
            }
        )
    return parts


def render_invitation_pdf(appointment: Appointment) -> bytes:
    """The invitation letter as PDF: German, then the family's language on its own page."""
    from weasyprint import HTML  # imported late: WeasyPrint loads Pango at import time

    html = render_to_string(
        "seiteneinstieg/invitation_letter.html",
        {
            "appointment": appointment,
            "family": appointment.family,
            "centre": appointment.slot.centre,
            "guardians": list(appointment.family.guardians.all()),
            "parts": letter_parts(appointment),
            "today": timezone.localdate(),
        },
    )
    return HTML(string=html).write_pdf()


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


def send_appointment_mail(appointment_id: int, *, kind: str) -> int:
    """Send the e-mail to every guardian with an address; returns how many were sent.

    Called through ``transaction.on_commit``, so it reloads the appointment: a rolled-back
    booking never sends mail, and a committed one sends what was committed.
    """
    appointment = (
        Appointment.objects.select_related("slot__centre", "family")
        .prefetch_related("family__guardians", "family__children")
        .get(pk=appointment_id)
    )
    recipients = [g.email for g in appointment.family.guardians.all() if g.email]
    if not recipients:
        return 0
    subject_text = LETTERS["de"].reminder if kind == "reminder" else LETTERS["de"].title
    subject = f"{subject_text.rstrip(':')} – {appointment.family.reference}"
    message = EmailMessage(
        subject=subject,
        body=mail_body(appointment, kind=kind),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[appointment.slot.centre.email] if appointment.slot.centre.email else None,
    )
    return message.send()
