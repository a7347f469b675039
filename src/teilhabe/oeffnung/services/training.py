"""Intercultural training: courses, registration by work e-mail, waiting list, attendance.

Staff register without an account: a work e-mail of an allowed domain and a confirmation
link (the token in the link is the only key to the registration). A full course puts people
on a waiting list; a freed seat is offered to the next person by e-mail with a deadline, and
when it passes, to the one after (``expire_offers``, run by ``teilhabe training_jobs``).
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.notify.services import Attachment, queue_mail
from teilhabe.oeffnung.models import (
    AllowedMailDomain,
    Attendance,
    Course,
    CourseSession,
    Department,
    Registration,
)

OFFER_HOURS = 48
SEAT_HOLDING = (Registration.Status.CONFIRMED, Registration.Status.OFFERED)


def base_url() -> str:
    return getattr(settings, "TEILHABE_BASE_URL", "").rstrip("/")


def _link(name: str, registration: Registration) -> str:
    return base_url() + reverse(
        name, kwargs={"centre": registration.course.centre.slug, "token": registration.token}
    )


# --- staff side ---------------------------------------------------------------------------


@transaction.atomic
def create_course(
    *, actor: User, title: str, capacity: int, description: str = "", max_missed: int = 1
) -> Course:
    if actor.centre is None or not actor.has_perm("oeffnung.manage_training"):
        raise PermissionDenied
    course = Course(
        centre=actor.centre,
        title=title,
        description=description,
        capacity=capacity,
        max_missed=max_missed,
    )
    course.full_clean()
    course.save()
    record(
        actor=actor,
        centre=actor.centre,
        action="oeffnung.course.created",
        target=course,
        summary=_("Fortbildung „%(title)s“ angelegt") % {"title": title},
    )
    return course


@transaction.atomic
def add_session(
    *,
    actor: User,
    course: Course,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    trainer: str,
    place: str = "",
    online_url: str = "",
) -> CourseSession:
    if not actor.has_perm("oeffnung.manage_training", course):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if ends_at <= starts_at:
        errors["ends_at"] = [_("Das Ende muss nach dem Beginn liegen.")]
    if not place and not online_url:
        errors["place"] = [_("Bitte einen Ort oder einen Online-Raum angeben.")]
    if errors:
        raise ValidationError(errors)
    session = CourseSession(
        course=course,
        starts_at=starts_at,
        ends_at=ends_at,
        trainer=trainer,
        place=place,
        online_url=online_url,
    )
    session.full_clean()
    session.save()
    record(
        actor=actor,
        centre=course.centre,
        action="oeffnung.course.session_added",
        target=course,
        summary=_("Termin am %(date)s angelegt")
        % {"date": f"{timezone.localtime(starts_at):%d.%m.%Y %H:%M}"},
    )
    return session


@transaction.atomic
def set_allowed_domains(*, actor: User, domains: list[str]) -> list[str]:
    if actor.centre is None or not actor.has_perm("oeffnung.manage_training"):
        raise PermissionDenied
    cleaned = sorted({d.strip().lower().lstrip("@") for d in domains if d.strip()})
    bad = [d for d in cleaned if "." not in d or " " in d]
    if bad:
        raise ValidationError(
            {"domains": [_("Keine gültige Domain: %(d)s") % {"d": ", ".join(bad)}]}
        )
    AllowedMailDomain.objects.filter(centre=actor.centre).delete()
    AllowedMailDomain.objects.bulk_create(
        [AllowedMailDomain(centre=actor.centre, domain=d) for d in cleaned]
    )
    record(
        actor=actor,
        centre=actor.centre,
        action="oeffnung.training.domains_set",
        target=actor.centre,
        summary=_("Zugelassene E-Mail-Domains: %(d)s") % {"d": ", ".join(cleaned) or "–"},
    )
    return cleaned


@transaction.atomic
def record_attendance(*, actor: User, session: CourseSession, present_ids: set[int]) -> int:
    """Tick who was there: every confirmed participant gets a present/absent row."""
    course = Course.objects.select_for_update().get(pk=session.course_id)
    if not actor.has_perm("oeffnung.manage_training", course):
        raise PermissionDenied
    participants = list(course.registrations.filter(status=Registration.Status.CONFIRMED))
    for registration in participants:
        Attendance.objects.update_or_create(
            registration=registration,
            session=session,
            defaults={"present": registration.pk in present_ids},
        )
    record(
        actor=actor,
        centre=course.centre,
        action="oeffnung.course.attendance",
        target=course,
        summary=_("Anwesenheit am %(date)s: %(n)s von %(m)s")
        % {
            "date": f"{timezone.localtime(session.starts_at):%d.%m.%Y}",
            "n": sum(r.pk in present_ids for r in participants),
            "m": len(participants),
        },
    )
    return len(participants)


def attendance_met(registration: Registration) -> bool:
    """Certificate rule: confirmed, the course is over and at most ``max_missed`` missed."""
    course = registration.course
    sessions = list(course.sessions.all())
    if registration.status != Registration.Status.CONFIRMED or not sessions:
        return False
    if sessions[-1].ends_at > timezone.now():
        return False
    present = set(
        Attendance.objects.filter(registration=registration, present=True).values_list(
            "session_id", flat=True
        )
    )
    missed = sum(1 for s in sessions if s.pk not in present)
    return missed <= course.max_missed


# --- participants' side (no account) ------------------------------------------------------


def _seats_taken(course: Course) -> int:
    return course.registrations.filter(status__in=SEAT_HOLDING).count()


def register(
    *,
    centre: Centre,
    course: Course,
    first_name: str,
    last_name: str,
    email: str,
    department: Department | None = None,
) -> Registration:
    """A new registration, waiting for the e-mail to be confirmed."""
    email = email.strip().lower()
    domain = email.rsplit("@", 1)[-1]
    allowed = set(AllowedMailDomain.objects.for_centre(centre).values_list("domain", flat=True))
    errors: dict[str, list[str]] = {}
    if domain not in allowed:
        errors["email"] = [
            _("Bitte Ihre dienstliche E-Mail-Adresse verwenden (erlaubt: %(domains)s).")
            % {"domains": ", ".join(f"@{d}" for d in sorted(allowed)) or "–"}
        ]
    first = course.sessions.first()
    if course.centre_id != centre.pk:
        raise PermissionDenied
    if first is None or first.starts_at <= timezone.now():
        errors["__all__"] = [
            _("Für diese Fortbildung ist keine Anmeldung mehr möglich: sie hat bereits begonnen.")
        ]
    if department is not None and department.centre_id != centre.pk:
        errors["department"] = [_("Bitte eine Dienststelle aus der Liste wählen.")]
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            registration = Registration(
                course=course,
                first_name=first_name.strip(),
                last_name=last_name.strip(),
                email=email,
                department=department,
                token=secrets.token_urlsafe(32),
                registered_at=timezone.now(),
            )
            registration.full_clean(validate_constraints=False)
            registration.save()
            queue_mail(
                to=[email],
                subject=_("Bitte bestätigen: Anmeldung zu „%(title)s“") % {"title": course.title},
                body=_(
                    "Guten Tag,\n\nbitte bestätigen Sie Ihre Anmeldung zur Fortbildung "
                    "„%(title)s“ über diesen Link:\n%(link)s\n\nWenn Sie sich nicht angemeldet "
                    "haben, ignorieren Sie diese E-Mail."
                )
                % {"title": course.title, "link": _link("fortbildung:confirm", registration)},
                centre=centre,
                topic=f"oeffnung.registration:{registration.pk}",
            )
            record(
                actor=None,
                centre=centre,
                action="oeffnung.registration.created",
                target=course,
                summary=_("Anmeldung eingegangen (noch nicht bestätigt)"),
                data={"registration": registration.pk},
            )
    except IntegrityError:
        raise ValidationError(
            {"email": [_("Mit dieser E-Mail-Adresse besteht bereits eine Anmeldung.")]}
        ) from None
    return registration


def _ical(course: Course) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Teilhabe//Fortbildung//DE")
    calendar.add("version", "2.0")
    for session in course.sessions.all():
        event = Event()
        event.add("uid", f"teilhabe-session-{session.pk}@teilhabe")
        event.add("summary", course.title)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("dtstamp", timezone.now())
        event.add("location", session.place or session.online_url)
        event.add("description", f"{course.title} – {session.trainer}")
        calendar.add_component(event)
    return calendar.to_ical()


def course_ical(course: Course) -> bytes:
    return _ical(course)


def _confirmed_mail(registration: Registration) -> None:
    course = registration.course
    dates = "\n".join(
        f"- {timezone.localtime(s.starts_at):%d.%m.%Y %H:%M}–{timezone.localtime(s.ends_at):%H:%M}"
        f", {s.place or s.online_url}"
        for s in course.sessions.all()
    )
    queue_mail(
        to=[registration.email],
        subject=_("Angemeldet: %(title)s") % {"title": course.title},
        body=_(
            "Guten Tag,\n\nSie sind zur Fortbildung „%(title)s“ angemeldet. Termine:\n%(dates)s"
            "\n\nDie Termine hängen als Kalenderdatei an. Abmelden:\n%(cancel)s"
        )
        % {
            "title": course.title,
            "dates": dates,
            "cancel": _link("fortbildung:cancel", registration),
        },
        centre=course.centre,
        attachments=[Attachment("fortbildung.ics", "text/calendar", _ical(course))],
        topic=f"oeffnung.registration:{registration.pk}",
    )


def _offer_next(course: Course, now: dt.datetime) -> Registration | None:
    """Offer a free seat to the first person on the waiting list (mail with deadline)."""
    if _seats_taken(course) >= course.capacity:
        return None
    nxt = (
        course.registrations.select_for_update()
        .filter(status=Registration.Status.WAITING)
        .order_by("waiting_since", "pk")
        .first()
    )
    if nxt is None:
        return None
    nxt.status = Registration.Status.OFFERED
    nxt.offer_expires_at = now + dt.timedelta(hours=OFFER_HOURS)
    nxt.save(update_fields=["status", "offer_expires_at"])
    queue_mail(
        to=[nxt.email],
        subject=_("Ein Platz ist frei: %(title)s") % {"title": course.title},
        body=_(
            "Guten Tag,\n\nin der Fortbildung „%(title)s“ ist ein Platz frei geworden. Er ist "
            "für Sie reserviert bis %(deadline)s. Platz annehmen:\n%(link)s"
        )
        % {
            "title": course.title,
            "deadline": f"{timezone.localtime(nxt.offer_expires_at):%d.%m.%Y %H:%M} Uhr",
            "link": _link("fortbildung:accept", nxt),
        },
        centre=course.centre,
        topic=f"oeffnung.registration:{nxt.pk}",
    )
    return nxt


def _locked(token: str) -> Registration:
    registration = (
        Registration.objects.select_for_update()
        .select_related("course__centre")
        .filter(token=token)
        .first()
    )
    if registration is None:
        raise ValidationError(_("Dieser Link ist nicht (mehr) gültig."))
    Course.objects.select_for_update().get(pk=registration.course_id)  # serialise seat counts
    return registration


@transaction.atomic
def confirm(*, token: str) -> Registration:
    """The e-mail link: a seat if one is free, else the waiting list."""
    registration = _locked(token)
    if registration.status != Registration.Status.UNCONFIRMED:
        return registration  # confirming twice changes nothing
    now = timezone.now()
    course = registration.course
    if (
        _seats_taken(course) < course.capacity
        and not course.registrations.filter(status=Registration.Status.WAITING).exists()
    ):
        registration.status = Registration.Status.CONFIRMED
        _confirmed_mail(registration)
    else:
        registration.status = Registration.Status.WAITING
        registration.waiting_since = now
    registration.save(update_fields=["status", "waiting_since"])
    record(
        actor=None,
        centre=course.centre,
        action="oeffnung.registration.confirmed",
        target=course,
        summary=_("Anmeldung bestätigt: %(status)s")
        % {"status": registration.get_status_display()},
        data={"registration": registration.pk, "status": registration.status},
    )
    return registration


@transaction.atomic
def accept_offer(*, token: str) -> Registration:
    registration = _locked(token)
    now = timezone.now()
    if registration.status != Registration.Status.OFFERED:
        raise ValidationError(_("Für diese Anmeldung liegt kein Platzangebot vor."))
    if registration.offer_expires_at and registration.offer_expires_at < now:
        raise ValidationError(
            _("Das Angebot ist abgelaufen; der Platz ging an die nächste Person.")
        )
    registration.status = Registration.Status.CONFIRMED
    registration.save(update_fields=["status"])
    _confirmed_mail(registration)
    record(
        actor=None,
        centre=registration.course.centre,
        action="oeffnung.registration.accepted",
        target=registration.course,
        summary=_("Platzangebot angenommen"),
        data={"registration": registration.pk},
    )
    return registration


@transaction.atomic
def cancel(*, token: str) -> Registration:
    """Cancel (also an open offer or a waiting place); a freed seat goes to the next person."""
    registration = _locked(token)
    if registration.status in (Registration.Status.CANCELLED, Registration.Status.EXPIRED):
        return registration
    held_seat = registration.status in SEAT_HOLDING
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    offered = _offer_next(registration.course, timezone.now()) if held_seat else None
    record(
        actor=None,
        centre=registration.course.centre,
        action="oeffnung.registration.cancelled",
        target=registration.course,
        summary=_("Abgemeldet") + (_("; Platz angeboten") if offered else ""),
        data={"registration": registration.pk, "offered": offered.pk if offered else None},
    )
    return registration


@transaction.atomic
def expire_offer(*, registration: Registration, now: dt.datetime) -> Registration | None:
    """An offer past its deadline lapses; the seat goes to the next person on the list."""
    registration = _locked(registration.token)
    if registration.status != Registration.Status.OFFERED or registration.offer_expires_at > now:
        return None
    registration.status = Registration.Status.EXPIRED
    registration.save(update_fields=["status"])
    offered = _offer_next(registration.course, now)
    record(
        actor=None,
        centre=registration.course.centre,
        action="oeffnung.registration.offer_expired",
        target=registration.course,
        summary=_("Platzangebot verfallen"),
        data={"registration": registration.pk, "offered": offered.pk if offered else None},
    )
    return offered


@transaction.atomic
def remind_session(*, session: CourseSession) -> int:
    """Remind the confirmed participants of a session (once per session)."""
    session = (
        CourseSession.objects.select_for_update()
        .select_related("course__centre")
        .get(pk=session.pk)
    )
    if session.reminded:
        return 0
    course = session.course
    people = list(course.registrations.filter(status=Registration.Status.CONFIRMED))
    for registration in people:
        queue_mail(
            to=[registration.email],
            subject=_("Erinnerung: %(title)s am %(date)s")
            % {"title": course.title, "date": f"{timezone.localtime(session.starts_at):%d.%m.%Y}"},
            body=_("Guten Tag,\n\nmorgen um %(time)s beginnt „%(title)s“ (%(place)s).")
            % {
                "time": f"{timezone.localtime(session.starts_at):%H:%M}",
                "title": course.title,
                "place": session.place or session.online_url,
            },
            centre=course.centre,
            topic=f"oeffnung.registration:{registration.pk}",
        )
    session.reminded = True
    session.save(update_fields=["reminded"])
    record(
        actor=None,
        centre=course.centre,
        action="oeffnung.course.reminded",
        target=course,
        summary=_("%(n)s Teilnehmende an den Termin erinnert") % {"n": len(people)},
    )
    return len(people)


@transaction.atomic
def issue_certificate(*, actor: User, registration: Registration) -> None:
    """Check the attendance rule before a certificate is printed, and note that it was."""
    if not actor.has_perm("oeffnung.manage_training", registration.course):
        raise PermissionDenied
    if not attendance_met(registration):
        raise ValidationError(
            _(
                "Keine Bescheinigung: Die Fortbildung ist nicht beendet oder es wurden mehr als "
                "%(n)s Termin(e) versäumt."
            )
            % {"n": registration.course.max_missed}
        )
    record(
        actor=actor,
        centre=registration.course.centre,
        action="oeffnung.certificate.issued",
        target=registration.course,
        summary=_("Teilnahmebescheinigung für %(name)s") % {"name": registration},
        data={"registration": registration.pk},
    )
