"""Families register themselves and book, move or cancel their counselling appointment.

These writes come from the centre's public pages, so there is no staff actor: the audit
entries carry ``actor=None`` and name the registration's reference instead. Every write
runs in one transaction; mail goes through the outbox in the family's language.

Spam and double submission are handled here, not in the view:

* a form token (random, from the page) makes a second submission of the same form return
  the first registration instead of creating a second family;
* registrations are counted per client address and per e-mail address (hashed with the
  installation's secret, so the database holds neither) and refused above a limit.

The secret link for cancelling or moving is derived from the form token with the
installation's secret: only its hash is stored, and a double click can show the same
link again because it carries the same form token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, PrivacyNotice
from teilhabe.notify.selectors import topic_of
from teilhabe.notify.services import Attachment, queue_mail
from teilhabe.seiteneinstieg.choices import AppointmentStatus, Status
from teilhabe.seiteneinstieg.hooks import notify_appointment
from teilhabe.seiteneinstieg.ical import appointment_ics
from teilhabe.seiteneinstieg.models import (
    Appointment,
    CounsellingSlot,
    SelfRegistration,
)
from teilhabe.seiteneinstieg.services.appointments import (
    _close,
    insert_booking,
    invite_children,
    relocate_booking,
)
from teilhabe.seiteneinstieg.services.cases import (
    AddressData,
    ChildData,
    GuardianData,
    write_family,
)

PRIVACY_PURPOSE = "self_registration"
# Registrations accepted per client address per hour and per e-mail address per day.
LIMIT_PER_IP = 5
LIMIT_PER_EMAIL = 3
# A secret link works this long after the registration when no appointment is booked.
LINK_DAYS = 180
# Characters of the reference shown to the family: no 0/O, 1/I/L that are read alike.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass
class Submission:
    """What the public form sends, already typed (dates as dates)."""

    address: AddressData
    guardians: list[GuardianData]
    children: list[ChildData]
    email: str
    consent: bool


def _german(text: str, params: dict[str, object]) -> str:
    """Audit summaries are read by staff: German, whatever the page's language."""
    with translation.override("de"):
        return _(text) % params


def _hash(kind: str, value: str) -> str:
    return salted_hmac(f"teilhabe.anmeldung.{kind}", value.strip().lower()).hexdigest()


def manage_token(registration: SelfRegistration) -> str:
    """The secret of the family's link: derived, so the database keeps only its hash."""
    digest = salted_hmac(
        "teilhabe.anmeldung.manage", f"{registration.pk}:{registration.form_token}"
    ).hexdigest()
    return f"{registration.pk}-{digest[:32]}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_reference() -> str:
    while True:
        code = "".join(secrets.choice(REFERENCE_ALPHABET) for _n in range(8))
        reference = f"A-{code[:4]}-{code[4:]}"
        if not SelfRegistration.objects.filter(reference=reference).exists():
            return reference


def _check_rate(*, ip_hash: str, email_hash: str, now: dt.datetime) -> None:
    if ip_hash and (
        SelfRegistration.objects.filter(
            ip_hash=ip_hash, submitted_at__gte=now - dt.timedelta(hours=1)
        ).count()
        >= LIMIT_PER_IP
    ):
        raise ValidationError(
            _(
                "Von diesem Anschluss kamen in der letzten Stunde zu viele Anmeldungen. "
                "Bitte versuchen Sie es später noch einmal oder rufen Sie uns an."
            ),
            code="rate_ip",
        )
    if email_hash and (
        SelfRegistration.objects.filter(
            email_hash=email_hash, submitted_at__gte=now - dt.timedelta(days=1)
        ).count()
        >= LIMIT_PER_EMAIL
    ):
        raise ValidationError(
            {
                "email": _(
                    "Mit dieser E-Mail-Adresse wurden heute schon mehrere Anmeldungen "
                    "gesendet. Bitte rufen Sie uns an, wenn noch ein Kind fehlt."
                )
            },
            code="rate_email",
        )


@transaction.atomic
def submit_registration(
    *,
    actor: None = None,
    centre: Centre,
    language: str,
    submission: Submission,
    privacy_notice: PrivacyNotice | None,
    form_token: str,
    client_ip: str | None,
    site_url: str,
) -> tuple[SelfRegistration, bool]:
    """Register a family from the public form; returns the registration and whether it is new.

    The same form token sent again (a double click) returns the first registration and
    writes nothing. Likely duplicates of earlier children are created and linked
    (``Child.duplicate_of``) for staff to check, never refused: the family cannot know.
    """
    if actor is not None:
        raise PermissionDenied  # the public pages have no staff actor
    if not form_token or len(form_token) > 64:
        raise ValidationError(_("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu."))
    # One self-registration at a time per centre: a double click waits here for the first
    # submission and then finds its token instead of registering the family again.
    Centre.objects.select_for_update().get(pk=centre.pk)
    existing = SelfRegistration.objects.filter(form_token=form_token).first()
    if existing is not None:
        if existing.centre_id != centre.pk:
            raise PermissionDenied
        return existing, False
    if privacy_notice is None or privacy_notice.centre_id != centre.pk:
        raise ValidationError(_("Die Online-Anmeldung ist zurzeit nicht möglich."))
    if not submission.consent:
        raise ValidationError(
            {"consent": _("Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")}
        )
    now = timezone.now()
    ip_hash = _hash("ip", client_ip) if client_ip else ""
    email_hash = _hash("email", submission.email) if submission.email else ""
    _check_rate(ip_hash=ip_hash, email_hash=email_hash, now=now)

    family, children, guardians, duplicates = write_family(
        centre=centre,
        registered_by=None,
        address=submission.address,
        guardians=submission.guardians,
        children=submission.children,
        link_duplicates=True,
        registered_language=language,
    )
    registration = SelfRegistration(
        centre=centre,
        family=family,
        reference=_new_reference(),
        language=language,
        privacy_notice=privacy_notice,
        consented_at=now,
        form_token=form_token,
        ip_hash=ip_hash,
        email_hash=email_hash,
        possible_duplicate=bool(duplicates),
    )
    registration.full_clean(exclude=["family"])
    registration.save()
    token = manage_token(registration)
    registration.manage_token_hash = token_hash(token)
    registration.save(update_fields=["manage_token_hash"])

    record(
        actor=None,
        centre=centre,
        action="seiteneinstieg.family.self_registered",
        target=family,
        summary=_german(
            "Familie %(ref)s hat sich online angemeldet (%(n)d Kind(er), Sprache %(lang)s)",
            {"ref": family.reference, "n": len(children), "lang": language},
        ),
        data={
            "registration": registration.reference,
            "children": [c.pk for c in children],
            "guardians": [g.pk for g in guardians],
            "duplicates": {str(children[i].pk): d.pk for i, d in duplicates.items()},
            "privacy_notice_version": privacy_notice.version,
        },
    )
    _queue_registration_mail(registration, submission.email, token=token, site_url=site_url)
    return registration, True


def _link(site_url: str, registration: SelfRegistration, token: str) -> str:
    from django.urls import reverse

    path = reverse(
        "anmeldung:manage",
        kwargs={
            "centre": registration.centre.slug,
            "lang": registration.language,
            "token": token,
        },
    )
    return f"{site_url.rstrip('/')}{path}"


def _recipients(registration: SelfRegistration) -> list[str]:
    return [g.email for g in registration.family.guardians.all() if g.email]


def _queue_registration_mail(
    registration: SelfRegistration, email: str, *, token: str, site_url: str
) -> None:
    centre = registration.centre
    recipients = [r for r in dict.fromkeys([email, *_recipients(registration)]) if r]
    with translation.override(registration.language):
        body = "\n".join(
            [
                _("Guten Tag,"),
                "",
                _("vielen Dank für Ihre Anmeldung beim %(centre)s.") % {"centre": centre.name},
                _("Ihre Vorgangsnummer: %(ref)s") % {"ref": registration.reference},
                "",
                _("Bitte wählen Sie hier einen Termin für das Beratungsgespräch:"),
                _link(site_url, registration, token),
                "",
                _(
                    "Bewahren Sie diese E-Mail auf. Mit dem Link können Sie Ihren Termin "
                    "auch absagen oder verschieben."
                ),
                "",
                _("Mit freundlichen Grüßen"),
                centre.name,
            ]
        )
        subject = _("Ihre Anmeldung %(ref)s") % {"ref": registration.reference}
    queue_mail(
        to=[r for r in recipients if r],
        subject=subject,
        body=body + "\n",
        centre=centre,
        reply_to=centre.email,
        language=registration.language,
        topic=topic_of(registration.family),
    )


def registration_for_token(*, centre: Centre, token: str) -> SelfRegistration | None:
    """The registration a secret link belongs to, while the link is valid; else None.

    A link ends with the appointment: once a booked appointment has begun or the family was
    counselled, and LINK_DAYS after registering when nothing is booked.
    """
    if not token or len(token) > 80:
        return None
    registration = (
        SelfRegistration.objects.filter(centre=centre, manage_token_hash=token_hash(token))
        .select_related("family", "centre")
        .first()
    )
    if registration is None:
        return None
    now = timezone.now()
    appointments = Appointment.objects.filter(family=registration.family)
    if appointments.filter(
        status__in=[AppointmentStatus.ATTENDED, AppointmentStatus.NO_SHOW]
    ).exists():
        return None
    booked = appointments.filter(status=AppointmentStatus.BOOKED).select_related("slot").first()
    if booked is not None:
        return registration if booked.slot.starts_at > now else None
    if registration.submitted_at < now - dt.timedelta(days=LINK_DAYS):
        return None
    return registration


def _mail_appointment(
    registration: SelfRegistration,
    appointment: Appointment,
    *,
    token: str,
    site_url: str,
    kind: str,
) -> None:
    """Confirmation of a booking or a move, with the .ics file, in the family's language."""
    from teilhabe.seiteneinstieg.invitations import render_invitation_pdf

    centre = registration.centre
    slot = appointment.slot
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    with translation.override(registration.language):
        lead = (
            _("Ihr Termin wurde verschoben. Der neue Termin:")
            if kind == "moved"
            else _("Ihr Termin für das Beratungsgespräch ist gebucht:")
        )
        body = "\n".join(
            [
                _("Guten Tag,"),
                "",
                lead,
                _("Datum: %(date)s") % {"date": f"{start:%d.%m.%Y}"},
                _("Uhrzeit: %(start)s bis %(end)s Uhr")
                % {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}"},
                _("Ort: %(place)s")
                % {"place": slot.location or f"{centre.street}, {centre.postcode} {centre.city}"},
                _("Ihre Vorgangsnummer: %(ref)s") % {"ref": registration.reference},
                "",
                _("Den Termin für Ihren Kalender finden Sie im Anhang."),
                _("Absagen oder verschieben:"),
                _link(site_url, registration, token),
                "",
                _("Mit freundlichen Grüßen"),
                centre.name,
            ]
        )
        subject = _("Ihr Beratungstermin am %(date)s") % {"date": f"{start:%d.%m.%Y}"}
        ics = appointment_ics(appointment, summary=_("Beratungsgespräch"))
    queue_mail(
        to=_recipients(registration),
        subject=subject,
        body=body + "\n",
        centre=centre,
        reply_to=centre.email,
        language=registration.language,
        topic=topic_of(registration.family),
        attachments=[
            Attachment(filename="termin.ics", content_type="text/calendar", content=ics),
            Attachment(
                filename=f"einladung-{registration.family.reference}.pdf",
                content_type="application/pdf",
                content=render_invitation_pdf(appointment),
            ),
        ],
    )


def _free_slot(registration: SelfRegistration, slot_id: int) -> CounsellingSlot:
    slot = CounsellingSlot.objects.filter(
        pk=slot_id, centre_id=registration.centre_id, is_walk_in=False
    ).first()
    if slot is None:
        raise ValidationError(
            {
                "slot": ValidationError(
                    _("Dieser Termin ist nicht mehr frei. Bitte wählen Sie einen anderen."),
                    code="slot_taken",
                )
            }
        )
    return slot


def _public_error(exc: ValidationError) -> ValidationError:
    """A booking error from the shared service, said in words for the family."""
    if hasattr(exc, "error_dict"):
        items = [e for errors in exc.error_dict.values() for e in errors]
    else:
        items = exc.error_list
    codes = {getattr(e, "code", None) for e in items}
    if codes & {"slot_taken", "slot_removed", "past", "slot_changed"}:
        return ValidationError(
            {
                "slot": ValidationError(
                    _("Dieser Termin ist nicht mehr frei. Bitte wählen Sie einen anderen."),
                    code="slot_taken",
                )
            }
        )
    if "family_booked" in codes:
        return ValidationError(
            _("Sie haben schon einen Termin. Sie können ihn unten verschieben oder absagen."),
            code="family_booked",
        )
    return exc


@transaction.atomic
def book_slot(
    *,
    actor: None = None,
    registration: SelfRegistration,
    slot_id: int,
    interpreter_language: str,
    token: str,
    site_url: str,
) -> Appointment:
    """The family books a free slot through its secret link; its children are invited."""
    if actor is not None:
        raise PermissionDenied
    family = registration.family
    if not family.children.filter(status=Status.REGISTERED).exists():
        raise ValidationError(
            _(
                "Für Ihre Anmeldung kann zurzeit kein Termin gebucht werden. "
                "Bitte rufen Sie uns an."
            ),
            code="not_waiting",
        )
    slot = _free_slot(registration, slot_id)
    try:
        with transaction.atomic():
            appointment = insert_booking(
                slot=slot,
                family=family,
                interpreter_language=interpreter_language,
                booked_by=None,
            )
    except ValidationError as exc:
        raise _public_error(exc) from exc
    invited = invite_children(family)
    start = timezone.localtime(appointment.slot.starts_at)
    record(
        actor=None,
        centre=registration.centre,
        action="seiteneinstieg.appointment.booked",
        target=family,
        summary=_german(
            "Beratungstermin am %(date)s um %(time)s Uhr von der Familie online gebucht",
            {"date": f"{start:%d.%m.%Y}", "time": f"{start:%H:%M}"},
        ),
        data={
            "appointment": appointment.pk,
            "slot": appointment.slot_id,
            "interpreter_language": interpreter_language,
            "invited": invited,
            "registration": registration.reference,
        },
    )
    notify_appointment(appointment, event="booked", actor=None)
    _mail_appointment(registration, appointment, token=token, site_url=site_url, kind="booked")
    return appointment


def _booked(registration: SelfRegistration) -> Appointment:
    appointment = (
        Appointment.objects.select_for_update()
        .select_related("slot", "family")
        .filter(family=registration.family, status=AppointmentStatus.BOOKED)
        .first()
    )
    if appointment is None or appointment.slot.starts_at <= timezone.now():
        raise ValidationError(_("Sie haben zurzeit keinen Termin."), code="no_booking")
    return appointment


@transaction.atomic
def cancel_by_family(*, actor: None = None, registration: SelfRegistration) -> Appointment:
    """The family cancels through its link: the slot is free, the children wait again."""
    if actor is not None:
        raise PermissionDenied
    appointment = _booked(registration)
    start = timezone.localtime(appointment.slot.starts_at)
    appointment = _close(
        actor=None,
        appointment=appointment,
        status=AppointmentStatus.CANCELLED,
        children_from=Status.INVITED,
        children_to=Status.REGISTERED,
        verb="cancelled",
        summary=_german(
            "Beratungstermin am %(date)s um %(time)s Uhr von der Familie online abgesagt",
            {"date": f"{start:%d.%m.%Y}", "time": f"{start:%H:%M}"},
        ),
        centre=registration.centre,
    )
    notify_appointment(appointment, event="cancelled", actor=None)
    return appointment


@transaction.atomic
def move_by_family(
    *,
    actor: None = None,
    registration: SelfRegistration,
    slot_id: int,
    token: str,
    site_url: str,
) -> Appointment:
    """The family moves its appointment to another free slot; the old one is freed."""
    if actor is not None:
        raise PermissionDenied
    appointment = _booked(registration)
    slot = _free_slot(registration, slot_id)
    try:
        with transaction.atomic():
            new = relocate_booking(appointment=appointment, slot=slot, booked_by=None)
    except ValidationError as exc:
        raise _public_error(exc) from exc
    old, start = timezone.localtime(appointment.slot.starts_at), timezone.localtime(slot.starts_at)
    record(
        actor=None,
        centre=registration.centre,
        action="seiteneinstieg.appointment.moved",
        target=registration.family,
        summary=_german(
            "Beratungstermin von der Familie online verlegt: %(old)s → %(new)s",
            {"old": f"{old:%d.%m.%Y %H:%M}", "new": f"{start:%d.%m.%Y %H:%M}"},
        ),
        data={"appointment": new.pk, "previous": appointment.pk, "slot": new.slot_id},
    )
    notify_appointment(new, event="moved", actor=None)
    _mail_appointment(registration, new, token=token, site_url=site_url, kind="moved")
    return new


def current_notice(centre: Centre) -> PrivacyNotice | None:
    """The privacy text the registration form shows and the family consents to."""
    from teilhabe.centres.selectors import current_privacy_notice

    return current_privacy_notice(centre, PRIVACY_PURPOSE)
