"""Counselling appointments: counsellors offer slots, families are booked into them.

Double booking is prevented by the database (partial unique constraints on
``status="booked"`` for slot and family), not by a check-then-insert in Python, which two
simultaneous requests would both pass. The insert runs in a savepoint so that a lost race
turns into a German form error while the caller's transaction stays usable.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.seiteneinstieg.choices import AppointmentStatus, Status
from teilhabe.seiteneinstieg.hooks import notify_appointment
from teilhabe.seiteneinstieg.invitations import queue_appointment_mail
from teilhabe.seiteneinstieg.models import Appointment, Child, CounsellingSlot, Family
from teilhabe.seiteneinstieg.services.cases import apply_status

MAX_SLOTS_PER_SERIES = 40
MAX_DAYS_AHEAD = 2 * 366  # slots are offered for the coming months, not for decades
REMINDER_WINDOW = (dt.timedelta(hours=24), dt.timedelta(hours=48))
WALK_IN_MINUTES = 45  # the length a walk-in's slot is recorded with


def _require(actor: User, perm: str, obj: object | None = None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied


def _existing_local_time(date: dt.date, time: dt.time, *, field: str) -> dt.datetime:
    """The aware local datetime, refusing a wall time the clock skips (spring change)."""
    tz = timezone.get_current_timezone()
    aware = timezone.make_aware(dt.datetime.combine(date, time), tz)
    # the round trip through UTC moves a skipped wall time (02:30 → 03:30)
    if aware.astimezone(dt.UTC).astimezone(tz).replace(tzinfo=None) != aware.replace(tzinfo=None):
        raise ValidationError(
            {
                field: _(
                    "Am %(date)s gibt es %(time)s Uhr nicht: die Uhr wird in dieser Nacht "
                    "auf Sommerzeit vorgestellt. Bitte eine andere Uhrzeit wählen."
                )
                % {"date": f"{date:%d.%m.%Y}", "time": f"{time:%H:%M}"}
            }
        )
    return aware


def _slot_times(
    *, date: dt.date, start: dt.time, end: dt.time, duration: int | None
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Start and end (UTC) of each slot of a series given in the centre's local time."""
    if date > timezone.localdate() + dt.timedelta(days=MAX_DAYS_AHEAD):
        # also keeps date arithmetic away from the end of the calendar (year 9999)
        raise ValidationError(
            {"date": _("Termine können höchstens zwei Jahre im Voraus angelegt werden.")}
        )
    first = _existing_local_time(date, start, field="start")
    last = _existing_local_time(date, end, field="end")
    if last <= first:
        raise ValidationError({"end": _("Das Ende muss nach dem Beginn liegen.")})
    if not duration:
        return [(first, last)]
    if duration < 10 or duration > 240:
        raise ValidationError({"duration": _("Die Dauer muss zwischen 10 und 240 Minuten liegen.")})
    step = dt.timedelta(minutes=duration)
    times = []
    # Step in absolute time (UTC): wall-clock arithmetic on aware datetimes goes wrong on the
    # days the clocks change, e.g. a slot ending before it starts.
    current, last_utc = first.astimezone(dt.UTC), last.astimezone(dt.UTC)
    while current + step <= last_utc:
        times.append((current, current + step))
        current += step
    if not times:
        raise ValidationError(
            {"duration": _("Zwischen Beginn und Ende passt kein Termin dieser Dauer.")}
        )
    if len(times) > MAX_SLOTS_PER_SERIES:
        raise ValidationError(
            _("Höchstens %(n)d Termine auf einmal anlegen.") % {"n": MAX_SLOTS_PER_SERIES}
        )
    return times


@transaction.atomic
def create_slots(
    *,
    actor: User,
    date: dt.date,
    start: dt.time,
    end: dt.time,
    duration: int | None = None,
    location: str = "",
    counsellor: User | None = None,
) -> list[CounsellingSlot]:
    """Offer one slot (no ``duration``) or a series of back-to-back slots between start and end.

    A counsellor creates their own slots; a centre admin may create them for any counsellor
    of the centre. Slots of one counsellor never overlap.
    """
    _require(actor, "seiteneinstieg.manage_appointments")
    counsellor = counsellor or actor
    if counsellor.pk != actor.pk and not actor.has_perm("seiteneinstieg.manage_all_slots"):
        raise PermissionDenied
    # Lock the counsellor's row so that two series created at once cannot overlap.
    counsellor = User.objects.select_for_update().get(pk=counsellor.pk)
    if counsellor.centre_id != actor.centre_id or not counsellor.has_perm(
        "seiteneinstieg.manage_appointments"
    ):
        raise ValidationError(
            {"counsellor": _("Diese Person kann keine Beratungstermine anbieten.")}
        )
    times = _slot_times(date=date, start=start, end=end, duration=duration)
    if times[0][0] <= timezone.now():
        raise ValidationError({"date": _("Der Termin liegt in der Vergangenheit.")})

    clash = (
        CounsellingSlot.objects.filter(
            counsellor=counsellor, starts_at__lt=times[-1][1], ends_at__gt=times[0][0]
        )
        .order_by("starts_at")
        .first()
    )
    if clash is not None:
        local = timezone.localtime(clash.starts_at)
        raise ValidationError(
            _(
                "Überschneidung mit einem vorhandenen Termin am %(date)s um %(time)s Uhr. "
                "Bitte eine andere Zeit wählen."
            )
            % {"date": f"{local:%d.%m.%Y}", "time": f"{local:%H:%M}"}
        )

    slots = []
    for starts_at, ends_at in times:
        slot = CounsellingSlot(
            centre_id=actor.centre_id,
            counsellor=counsellor,
            starts_at=starts_at,
            ends_at=ends_at,
            location=location.strip(),
        )
        slot.full_clean()
        slot.save()
        slots.append(slot)

    local_start = timezone.localtime(times[0][0])
    record(
        actor=actor,
        centre=actor.centre,
        action="seiteneinstieg.slot.created",
        target=slots[0],
        summary=_("%(n)d Beratungstermin(e) am %(date)s für %(who)s angelegt")
        % {"n": len(slots), "date": f"{local_start:%d.%m.%Y}", "who": counsellor},
        data={"slots": [s.pk for s in slots], "counsellor": counsellor.pk},
    )
    return slots


@transaction.atomic
def remove_slot(*, actor: User, slot: CounsellingSlot) -> None:
    """Take back a slot offered by mistake: only a future one that was never booked.

    A counsellor removes their own slots, a centre admin any of the centre. Slots with a
    booking, even a cancelled one, stay: they are the record of that appointment.
    """
    _require(actor, "seiteneinstieg.manage_appointments", slot)
    if slot.counsellor_id != actor.pk and not actor.has_perm("seiteneinstieg.manage_all_slots"):
        raise PermissionDenied
    # The row lock orders this against a booking of the same slot: book_appointment locks
    # the same row first, so one of the two waits for the other and sees its result.
    locked = CounsellingSlot.objects.select_for_update().filter(pk=slot.pk).first()
    if locked is None:
        raise ValidationError(_("Dieser Termin wurde bereits entfernt."), code="slot_removed")
    slot = locked
    if slot.starts_at <= timezone.now():
        raise ValidationError(_("Vergangene Termine bleiben als Nachweis erhalten."))
    if slot.appointments.filter(status=AppointmentStatus.BOOKED).exists():
        raise ValidationError(
            _("Dieser Termin ist gebucht. Bitte zuerst die Buchung absagen, dann entfernen.")
        )
    if slot.appointments.exists():
        raise ValidationError(
            _("Zu diesem Termin gab es eine Buchung; er bleibt als Nachweis erhalten.")
        )
    local = timezone.localtime(slot.starts_at)
    record(
        actor=actor,
        centre=actor.centre,
        action="seiteneinstieg.slot.removed",
        target=slot,
        summary=_("Beratungstermin am %(date)s um %(time)s Uhr von %(who)s entfernt")
        % {"date": f"{local:%d.%m.%Y}", "time": f"{local:%H:%M}", "who": slot.counsellor},
        data={
            "starts_at": slot.starts_at.isoformat(),
            "ends_at": slot.ends_at.isoformat(),
            "counsellor": slot.counsellor_id,
            "location": slot.location,
        },
    )
    slot.delete()


@transaction.atomic
def renew_calendar_feed(*, actor: User) -> User:
    """Give the actor a new calendar address; every earlier one stops working at once.

    For a link that was shared by mistake or sits on a lost phone.
    """
    _require(actor, "seiteneinstieg.manage_appointments")
    user = User.objects.select_for_update().get(pk=actor.pk)
    user.calendar_feed_version += 1
    user.full_clean()
    user.save(update_fields=["calendar_feed_version"])
    record(
        actor=actor,
        centre=actor.centre,
        action="seiteneinstieg.calendar_feed.renewed",
        target=user,
        summary=_("Kalender-Adresse erneuert; die bisherige gilt nicht mehr"),
        data={"version": user.calendar_feed_version},
    )
    return user


def _lock_children(family: Family) -> list[Child]:
    return list(Child.objects.select_for_update().filter(family=family).order_by("pk"))


@transaction.atomic
def book_appointment(
    *,
    actor: User,
    slot: CounsellingSlot,
    family: Family,
    interpreter_language: str = "",
) -> Appointment:
    """Book a family into a free slot and invite its registered children.

    The family's REGISTERED children move to INVITED; the invitation e-mail (with the letter
    as PDF) is queued in the outbox with the booking and goes out once it has committed.
    """
    _require(actor, "seiteneinstieg.manage_appointments", family)
    if slot.centre_id != actor.centre_id or family.centre_id != actor.centre_id:
        raise PermissionDenied
    appointment = insert_booking(
        slot=slot, family=family, interpreter_language=interpreter_language, booked_by=actor
    )
    invited = invite_children(family)
    local = timezone.localtime(appointment.slot.starts_at)
    record(
        actor=actor,
        centre=actor.centre,
        action="seiteneinstieg.appointment.booked",
        target=family,
        summary=_("Beratungstermin am %(date)s um %(time)s Uhr bei %(who)s gebucht")
        % {
            "date": f"{local:%d.%m.%Y}",
            "time": f"{local:%H:%M}",
            "who": appointment.slot.counsellor,
        },
        data={
            "appointment": appointment.pk,
            "slot": appointment.slot_id,
            "interpreter_language": interpreter_language,
            "invited": invited,
        },
    )
    notify_appointment(appointment, event="booked", actor=actor)
    queue_appointment_mail(appointment=appointment, kind="invitation")
    return appointment


def insert_booking(
    *,
    slot: CounsellingSlot,
    family: Family,
    interpreter_language: str,
    booked_by: User | None,
) -> Appointment:
    """The booking row itself, inside the caller's transaction (staff or the family).

    Locks the slot row first, as remove_slot does: a removal running at the same time
    either finishes first (the slot is gone: say so) or waits and sees the booking. A lost
    race for the slot or a second booking of the family becomes a ValidationError with a
    code (slot_removed, slot_taken, family_booked, slot_changed) the caller can translate.
    """
    if slot.centre_id != family.centre_id:
        raise PermissionDenied
    locked = CounsellingSlot.objects.select_for_update().filter(pk=slot.pk).first()
    if locked is None:
        raise ValidationError(
            {
                "slot": ValidationError(
                    _("Dieser Termin wurde inzwischen entfernt. Bitte einen anderen wählen."),
                    code="slot_removed",
                )
            }
        )
    slot = locked
    if slot.starts_at <= timezone.now() or slot.is_walk_in:
        raise ValidationError(
            {"slot": ValidationError(_("Der Termin liegt in der Vergangenheit."), code="past")}
        )

    appointment = Appointment(
        centre_id=family.centre_id,
        slot=slot,
        family=family,
        interpreter_language=interpreter_language,
        status=AppointmentStatus.BOOKED,
        booked_by=booked_by,
    )
    # The partial unique constraints are checked by the database on insert (below), where
    # they also hold against a concurrent booking; a Python pre-check would only race.
    appointment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            appointment.save()
            # PostgreSQL checks foreign keys at commit (deferred): check them here, inside
            # the try, so that no IntegrityError can surface later at commit.
            connection.check_constraints(table_names=[Appointment._meta.db_table])
    except IntegrityError as exc:
        message = str(exc)
        if "one_booking_per_slot" in message or ".slot_id" in message:
            raise ValidationError(
                {
                    "slot": ValidationError(
                        _("Dieser Termin ist bereits vergeben."), code="slot_taken"
                    )
                }
            ) from exc
        if "one_booking_per_family" in message or ".family_id" in message:
            raise ValidationError(
                _("Die Familie hat bereits einen Termin."), code="family_booked"
            ) from exc
        raise ValidationError(
            _(
                "Der Termin hat sich gerade geändert und konnte nicht gebucht werden. "
                "Bitte die Seite neu laden und erneut versuchen."
            ),
            code="slot_changed",
        ) from exc
    return appointment


def invite_children(family: Family) -> list[int]:
    """The family's REGISTERED children move to INVITED (inside the booking transaction)."""
    invited = []
    for child in _lock_children(family):
        if child.status == Status.REGISTERED:
            apply_status(child=child, to=Status.INVITED)
            invited.append(child.pk)
    return invited


@transaction.atomic
def record_walk_in(
    *, actor: User, family: Family, interpreter_language: str = "", notes: str = ""
) -> Appointment:
    """Record a counselling that happens now without an appointment (the family came in).

    A slot is made on the fly for the actor, starting now and marked as a walk-in, with an
    attended appointment in it: the walk-in shows in the slot list and the calendar like any
    counselling, and the booking constraints hold as before (the appointment is not
    "booked"). The family's REGISTERED and INVITED children move to COUNSELLED; a booking
    the family still had is cancelled, since the counselling has taken place. One audit
    entry for all of it.
    """
    _require(actor, "seiteneinstieg.manage_appointments", family)
    if family.centre_id != actor.centre_id:
        raise PermissionDenied
    family = Family.objects.select_for_update().get(pk=family.pk)
    # a double click (or two counsellors at once) must not record the same visit twice
    recent = timezone.now() - dt.timedelta(minutes=10)
    if Appointment.objects.filter(
        family=family,
        slot__is_walk_in=True,
        slot__starts_at__gte=recent,
        status=AppointmentStatus.ATTENDED,
    ).exists():
        raise ValidationError(
            _("Für diese Familie ist gerade eben schon eine Beratung ohne Termin erfasst.")
        )
    # one second earlier per walk-in already recorded this second (one start per counsellor)
    starts_at = timezone.now().replace(microsecond=0)
    while CounsellingSlot.objects.filter(counsellor=actor, starts_at=starts_at).exists():
        starts_at -= dt.timedelta(seconds=1)
    slot = CounsellingSlot(
        centre_id=actor.centre_id,
        counsellor=actor,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=WALK_IN_MINUTES),
        is_walk_in=True,
    )
    slot.full_clean()
    appointment = Appointment(
        centre_id=actor.centre_id,
        slot=slot,
        family=family,
        interpreter_language=interpreter_language,
        status=AppointmentStatus.ATTENDED,
        booked_by=actor,
        notes=notes.strip(),
    )
    appointment.full_clean(exclude=["slot"], validate_constraints=False)
    slot.save()
    appointment.slot = slot

    replaced = (
        Appointment.objects.select_for_update()
        .filter(family=family, status=AppointmentStatus.BOOKED)
        .first()
    )
    if replaced is not None:
        replaced.status = AppointmentStatus.CANCELLED
        replaced.save(update_fields=["status"])
    appointment.save()

    moved: list[dict[str, object]] = []
    for child in _lock_children(family):
        if child.status not in (Status.REGISTERED, Status.INVITED):
            continue
        first = child.status
        if child.status == Status.REGISTERED:
            apply_status(child=child, to=Status.INVITED)
        apply_status(child=child, to=Status.COUNSELLED)
        moved.append({"child": child.pk, "name": str(child), "from": first})

    local = timezone.localtime(starts_at)
    record(
        actor=actor,
        centre=actor.centre,
        action="seiteneinstieg.appointment.walk_in",
        target=family,
        summary=_("Beratung ohne Termin am %(date)s um %(time)s Uhr bei %(who)s: %(names)s beraten")
        % {
            "date": f"{local:%d.%m.%Y}",
            "time": f"{local:%H:%M}",
            "who": actor,
            "names": ", ".join(str(m["name"]) for m in moved) or "–",
        },
        data={
            "appointment": appointment.pk,
            "slot": slot.pk,
            "interpreter_language": interpreter_language,
            "counselled": [{"child": m["child"], "from": m["from"]} for m in moved],
            "cancelled_booking": replaced.pk if replaced else None,
            "notes": bool(appointment.notes),  # the notes themselves stay out of the log
        },
    )
    return appointment


def _lock_booked(actor: User, appointment: Appointment) -> Appointment:
    appointment = (
        Appointment.objects.select_for_update()
        .select_related("slot", "family")
        .get(pk=appointment.pk)
    )
    _require(actor, "seiteneinstieg.manage_appointments", appointment)
    if appointment.status != AppointmentStatus.BOOKED:
        raise ValidationError(
            _("Der Termin ist bereits abgeschlossen (%(status)s).")
            % {"status": appointment.get_status_display()}
        )
    return appointment


def _close(
    *,
    actor: User | None,
    appointment: Appointment,
    status: AppointmentStatus,
    children_from: Status,
    children_to: Status,
    verb: str,
    summary: str,
    centre: Centre | None = None,
) -> Appointment:
    """Set the final status of a booking and move the family's children along with it.

    ``actor=None`` (the family on the public pages) needs the ``centre`` for the audit entry.
    """
    appointment.status = status
    appointment.full_clean(validate_constraints=False)
    appointment.save(update_fields=["status"])
    moved = []
    for child in _lock_children(appointment.family):
        if child.status == children_from:
            apply_status(child=child, to=children_to)
            moved.append(child.pk)
    record(
        actor=actor,
        centre=centre if actor is None else actor.centre,
        action=f"seiteneinstieg.appointment.{verb}",
        target=appointment.family,
        summary=summary,
        data={"appointment": appointment.pk, "slot": appointment.slot_id, "children": moved},
    )
    return appointment


def _when(appointment: Appointment) -> dict[str, str]:
    local = timezone.localtime(appointment.slot.starts_at)
    return {"date": f"{local:%d.%m.%Y}", "time": f"{local:%H:%M}"}


@transaction.atomic
def cancel_appointment(*, actor: User, appointment: Appointment) -> Appointment:
    """Cancel a booking: the slot is free again, invited children go back to REGISTERED."""
    appointment = _lock_booked(actor, appointment)
    appointment = _close(
        actor=actor,
        appointment=appointment,
        status=AppointmentStatus.CANCELLED,
        children_from=Status.INVITED,
        children_to=Status.REGISTERED,
        verb="cancelled",
        summary=_("Beratungstermin am %(date)s um %(time)s Uhr abgesagt") % _when(appointment),
    )
    notify_appointment(appointment, event="cancelled", actor=actor)
    return appointment


@transaction.atomic
def move_appointment(
    *, actor: User, appointment: Appointment, slot: CounsellingSlot
) -> Appointment:
    """Move a booking to another free slot of the centre: one change, one audit entry.

    The old booking is cancelled and a new booking takes the new slot, so that each slot
    keeps the record of who was booked into it. The children stay
    INVITED. A taken or removed slot leaves the old booking as it was (one transaction).
    """
    appointment = _lock_booked(actor, appointment)
    if slot.centre_id != actor.centre_id:
        raise PermissionDenied
    new = relocate_booking(appointment=appointment, slot=slot, booked_by=actor)
    record(
        actor=actor,
        centre=actor.centre,
        action="seiteneinstieg.appointment.moved",
        target=appointment.family,
        summary=_("Beratungstermin vom %(old)s auf den %(new)s verlegt")
        % {"old": _when_text(appointment), "new": _when_text(new)},
        data={"appointment": new.pk, "previous": appointment.pk, "slot": new.slot_id},
    )
    notify_appointment(new, event="moved", actor=actor)
    queue_appointment_mail(appointment=new, kind="invitation")
    return new


def relocate_booking(
    *, appointment: Appointment, slot: CounsellingSlot, booked_by: User | None
) -> Appointment:
    """Cancel ``appointment`` (locked, booked) and book its family into ``slot`` instead.

    Runs inside the caller's transaction; a failure of the new booking raises before
    anything is kept (the caller's atomic block rolls back the cancellation).
    """
    if slot.pk == appointment.slot_id:
        raise ValidationError(
            {"slot": ValidationError(_("Das ist schon Ihr Termin."), code="same_slot")}
        )
    appointment.status = AppointmentStatus.CANCELLED
    appointment.save(update_fields=["status"])
    return insert_booking(
        slot=slot,
        family=appointment.family,
        interpreter_language=appointment.interpreter_language,
        booked_by=booked_by,
    )


def _when_text(appointment: Appointment) -> str:
    local = timezone.localtime(appointment.slot.starts_at)
    return f"{local:%d.%m.%Y %H:%M}"


def _require_started(appointment: Appointment) -> None:
    if appointment.slot.starts_at > timezone.now():
        raise ValidationError(_("Der Termin hat noch nicht begonnen."))


@transaction.atomic
def mark_attended(*, actor: User, appointment: Appointment) -> Appointment:
    """The family came: its invited children have been counselled."""
    appointment = _lock_booked(actor, appointment)
    _require_started(appointment)
    return _close(
        actor=actor,
        appointment=appointment,
        status=AppointmentStatus.ATTENDED,
        children_from=Status.INVITED,
        children_to=Status.COUNSELLED,
        verb="attended",
        summary=_("Beratungstermin am %(date)s um %(time)s Uhr wahrgenommen") % _when(appointment),
    )


@transaction.atomic
def mark_no_show(*, actor: User, appointment: Appointment) -> Appointment:
    """The family did not come: the children wait for a new invitation (REGISTERED)."""
    appointment = _lock_booked(actor, appointment)
    _require_started(appointment)
    return _close(
        actor=actor,
        appointment=appointment,
        status=AppointmentStatus.NO_SHOW,
        children_from=Status.INVITED,
        children_to=Status.REGISTERED,
        verb="no_show",
        summary=_("Familie ist zum Beratungstermin am %(date)s um %(time)s Uhr nicht erschienen")
        % _when(appointment),
    )


@transaction.atomic
def send_due_reminders(*, actor: User | None, now: dt.datetime | None = None) -> int:
    """Remind families of appointments that start in 24 to 48 hours, once each.

    Runs from cron across all centres, so it writes one audit entry per reminded booking
    (each in its own centre) rather than a single entry. Rows are locked and skipped if
    another run holds them, so two overlapping runs never send a reminder twice.
    """
    now = now or timezone.now()
    due = list(
        Appointment.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("slot", "centre")
        .filter(
            status=AppointmentStatus.BOOKED,
            reminder_sent_at__isnull=True,
            slot__starts_at__gte=now + REMINDER_WINDOW[0],
            slot__starts_at__lt=now + REMINDER_WINDOW[1],
        )
        .order_by("pk")
    )
    for appointment in due:
        appointment.reminder_sent_at = now
        appointment.save(update_fields=["reminder_sent_at"])
        record(
            actor=actor,
            centre=appointment.centre,
            action="seiteneinstieg.appointment.reminded",
            target=appointment.family,
            summary=_("Erinnerung an den Beratungstermin am %(date)s um %(time)s Uhr versandt")
            % _when(appointment),
            data={"appointment": appointment.pk},
        )
        queue_appointment_mail(appointment=appointment, kind="reminder")
    return len(due)
