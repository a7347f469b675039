"""Needs and assignments: create, ask a volunteer, answer by link, time-out, the week's match.

One volunteer is asked at a time per need (a partial unique constraint allows one live
assignment per need). A decline or no answer within ``ANSWER_HOURS`` asks the next
candidate of the ranking (``matching.rank``), skipping everyone asked before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from teilhabe import geo
from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.engagement import matching
from teilhabe.engagement.choices import (
    AssignmentStatus,
    HelpKind,
    NeedStatus,
    Recurrence,
    VolunteerStatus,
)
from teilhabe.engagement.links import ASSIGNMENT_SALT, absolute, make_token, read_token
from teilhabe.engagement.models import Assignment, Need, Volunteer
from teilhabe.notify.services import queue_mail

ANSWER_HOURS = 48
MAX_OCCURRENCES = 26
LIVE = (AssignmentStatus.REQUESTED, AssignmentStatus.ACCEPTED)


# --- conversion to the pure matching core ---------------------------------------------------


def _minutes(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def need_intervals(need: Need) -> tuple[matching.Interval, ...]:
    """The need's occurrences in local time (weekly needs up to ``repeat_until``)."""
    start = timezone.localtime(need.starts_at).replace(tzinfo=None)
    end = timezone.localtime(need.ends_at).replace(tzinfo=None)
    result = [matching.Interval(start, end)]
    if need.recurrence == Recurrence.WEEKLY and need.repeat_until:
        step = dt.timedelta(days=7)
        while len(result) < MAX_OCCURRENCES and (start + step).date() <= need.repeat_until:
            start, end = start + step, end + step
            result.append(matching.Interval(start, end))
    return tuple(result)


def need_in(need: Need) -> matching.NeedIn:
    return matching.NeedIn(
        id=need.pk,
        kind=need.kind,
        intervals=need_intervals(need),
        language=need.language,
        lat=need.lat,
        lon=need.lon,
        child_contact=need.child_contact,
    )


def volunteers_in(
    centre: Centre, *, exclude_need: Need | None = None, only: Volunteer | None = None
) -> list[matching.VolunteerIn]:
    """The centre's active volunteers with their busy times and hours this month."""
    volunteers_qs = Volunteer.objects.for_centre(centre).filter(status=VolunteerStatus.ACTIVE)
    if only is not None:
        volunteers_qs = volunteers_qs.filter(pk=only.pk)
    volunteers = list(volunteers_qs)
    today = timezone.localdate()
    month_start = today.replace(day=1)
    hours = dict(
        Volunteer.objects.for_centre(centre)
        .filter(hours__date__gte=month_start)
        .values_list("pk")
        .annotate(total=Sum("hours__minutes"))
    )
    busy: dict[int, list[matching.Interval]] = {}
    live = Assignment.objects.filter(
        need__centre=centre, status__in=LIVE, need__ends_at__gte=timezone.now()
    ).select_related("need")
    if only is not None:
        live = live.filter(volunteer=only)
    if exclude_need is not None:
        live = live.exclude(need=exclude_need)
    for assignment in live:
        busy.setdefault(assignment.volunteer_id, []).extend(need_intervals(assignment.need))
    result = []
    for v in volunteers:
        result.append(
            matching.VolunteerIn(
                id=v.pk,
                languages={k: int(x) for k, x in v.languages.items()},
                offers=frozenset(v.offers),
                windows=tuple(
                    matching.Window(w["weekday"], _minutes(w["start"]), _minutes(w["end"]))
                    for w in v.windows
                ),
                unavailable=frozenset(dt.date.fromisoformat(d) for d in v.unavailable),
                lat=v.lat,
                lon=v.lon,
                max_km=float(v.max_km),
                certificate_seen=v.certificate_seen_on,
                hours_this_month=(hours.get(v.pk) or 0) / 60,
                busy=tuple(busy.get(v.pk, ())),
            )
        )
    return result


# --- needs ----------------------------------------------------------------------------------


def _check(actor: User, obj: Any = None) -> None:
    if actor.centre_id is None or not actor.has_perm("engagement.manage"):
        raise PermissionDenied
    if obj is not None and obj.centre_id != actor.centre_id:
        raise PermissionDenied


def _locate(need: Need) -> None:
    postcode = (need.postcode or "").strip()
    if not postcode:
        need.lat = need.lon = None
        return
    location = geo.locate(postcode, "") if len(postcode) == 5 and postcode.isdigit() else None
    if location is None:
        raise ValidationError({"postcode": [_("Bitte eine Postleitzahl in NRW angeben.")]})
    need.lat, need.lon = location.latitude, location.longitude


def _validate_times(need: Need, now: dt.datetime) -> None:
    errors: dict[str, list[str]] = {}
    if need.starts_at <= now:
        errors["starts_at"] = [_("Der Bedarf liegt in der Vergangenheit.")]
    if need.ends_at <= need.starts_at:
        errors["ends_at"] = [_("Das Ende muss nach dem Beginn liegen.")]
    if timezone.localtime(need.starts_at).date() != timezone.localtime(need.ends_at).date():
        errors.setdefault("ends_at", []).append(_("Ein Einsatz endet am selben Tag."))
    if need.recurrence == Recurrence.WEEKLY and (
        need.repeat_until is None or need.repeat_until < timezone.localtime(need.starts_at).date()
    ):
        errors["repeat_until"] = [_("Bitte angeben, bis wann der Termin wöchentlich ist.")]
    if need.kind == HelpKind.INTERPRETING and not need.language:
        errors["language"] = [_("Für Dolmetschen bitte die Sprache angeben.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_need(*, actor: User, values: dict[str, Any], now: dt.datetime | None = None) -> Need:
    _check(actor)
    need = Need(centre=actor.centre, created_by=actor)
    for field in (
        "kind",
        "language",
        "description",
        "starts_at",
        "ends_at",
        "recurrence",
        "repeat_until",
        "place",
        "postcode",
        "family",
        "contact_first_name",
        "child_contact",
    ):
        if field in values:
            setattr(need, field, values[field])
    need.language = (need.language or "").strip().lower()
    if need.family is not None and need.family.centre_id != actor.centre_id:
        raise PermissionDenied
    _validate_times(need, now or timezone.now())
    _locate(need)
    need.full_clean()
    need.save()
    record(
        actor=actor,
        centre=actor.centre,
        action="engagement.need.created",
        target=need,
        summary=str(need),
    )
    return need


@transaction.atomic
def cancel_need(*, actor: User, need: Need) -> Need:
    _check(actor, need)
    need = Need.objects.select_for_update().get(pk=need.pk)
    _cancel(need)
    record(
        actor=actor,
        centre=need.centre,
        action="engagement.need.cancelled",
        target=need,
        summary=str(need),
    )
    return need


def _cancel(need: Need) -> None:
    for assignment in need.assignments.filter(status__in=LIVE).select_related("volunteer"):
        assignment.status = AssignmentStatus.WITHDRAWN
        assignment.save(update_fields=["status"])
        if assignment.volunteer is not None:
            with translation.override(assignment.volunteer.language or "de"):
                queue_mail(
                    to=[assignment.volunteer.email],
                    subject=_("Einsatz abgesagt"),
                    body=_("Guten Tag %(name)s,\n\nder Einsatz am %(when)s entfällt.\n\n%(centre)s")
                    % {
                        "name": assignment.volunteer.first_name,
                        "when": timezone.localtime(need.starts_at).strftime("%d.%m.%Y %H:%M"),
                        "centre": need.centre.name,
                    },
                    centre=need.centre,
                    language=assignment.volunteer.language,
                    topic=f"engagement.need:{need.pk}",
                )
    need.status = NeedStatus.CANCELLED
    need.save(update_fields=["status"])


def release_need(need: Need) -> None:
    """The need has no live assignment any more: open again (unless over or cancelled)."""
    if need.status in (NeedStatus.REQUESTED, NeedStatus.ASSIGNED):
        need.status = NeedStatus.OPEN
        need.save(update_fields=["status"])


# --- the interpreter need of an appointment -------------------------------------------------


def counsellors_speak(centre_id: int, language: str) -> bool:
    from teilhabe.centres.permissions import roles_holding

    for languages in User.objects.filter(
        centre_id=centre_id,
        is_active=True,
        role__in=roles_holding("seiteneinstieg.manage_appointments"),
    ).values_list("languages", flat=True):
        if language in [c.strip() for c in languages.split(",")]:
            return True
    return False


def on_appointment(appointment: Any, *, event: str, actor: Any) -> str | None:
    """Listener of seiteneinstieg's booking/cancel/move (inside that transaction).

    Booked with an interpreter language no active counsellor of the centre speaks: a need
    linked to the appointment. Cancelled: the need is cancelled (the volunteer is told).
    Moved: the need follows the new time and asks again.
    """
    if event == "moved":
        # the old booking was cancelled and a new one made: its need goes, a new one follows
        for old in Need.objects.filter(
            family=appointment.family, appointment__status="cancelled"
        ).exclude(status=NeedStatus.CANCELLED):
            _cancel(old)
    existing = Need.objects.filter(appointment=appointment).first()
    language = (appointment.interpreter_language or "").strip()
    if event == "cancelled":
        if existing is not None and existing.status != NeedStatus.CANCELLED:
            _cancel(existing)
            return _("Dolmetsch-Bedarf abgesagt")
        return None
    if existing is not None or not language:
        return None
    if counsellors_speak(appointment.centre_id, language):
        return None
    slot = appointment.slot
    centre = appointment.centre
    guardian = appointment.family.guardians.order_by("pk").first()
    need = Need(
        centre=centre,
        kind=HelpKind.INTERPRETING,
        language=language,
        description=_("Dolmetschen beim Beratungstermin"),
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        place=slot.location or f"{centre.name}, {centre.street}".strip(", "),
        postcode=centre.postcode,
        family=appointment.family,
        appointment=appointment,
        contact_first_name=guardian.first_name if guardian else "",
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    try:
        _locate(need)
    except ValidationError:
        need.lat = need.lon = None
    need.full_clean()
    need.save()
    _request_next(need, actor=None)
    return _("Dolmetsch-Bedarf angelegt (%(language)s)") % {"language": language}


def interpreter_section(*, user: Any, appointment: Any) -> dict[str, Any] | None:
    """The staff appointment page's line: who will interpret (or that nobody has yet)."""
    need = Need.objects.for_user(user).filter(appointment=appointment).first()
    if need is None:
        return None
    accepted = need.assignments.filter(status=AssignmentStatus.ACCEPTED).select_related("volunteer")
    return {"need": need, "interpreter": next((a.volunteer for a in accepted), None)}


# --- asking volunteers ----------------------------------------------------------------------


def answer_token(assignment: Assignment) -> str:
    return make_token(ASSIGNMENT_SALT, assignment.pk, assignment.volunteer.login_nonce)


def answer_link(assignment: Assignment) -> str:
    volunteer = assignment.volunteer
    token = answer_token(assignment)
    return absolute(
        "engagement_public:assignment_answer",
        centre=assignment.need.centre.slug,
        lang=volunteer.language or "de",
        token=token,
    )


def assignment_by_link(token: str) -> Assignment:
    found = read_token(ASSIGNMENT_SALT, token)
    if found is None:
        raise Assignment.DoesNotExist
    pk, nonce = found
    return Assignment.objects.select_related("need", "need__centre", "volunteer").get(
        pk=pk, volunteer__login_nonce=nonce
    )


def _ask(
    need: Need, volunteer: Volunteer, *, rank: int, reasons: list[Any], now: dt.datetime
) -> Assignment:
    # one volunteer's requests are made one after the other: lock, then check the fit again
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    if matching.evaluate(_single(volunteer, need), need_in(need)) is None:
        raise ValidationError(
            _("%(name)s hat zu dieser Zeit schon einen anderen Einsatz.") % {"name": volunteer}
        )
    assignment = Assignment(
        need=need,
        volunteer=volunteer,
        rank=rank,
        requested_at=now,
        answer_due=min(
            now + dt.timedelta(hours=ANSWER_HOURS), max(now, need.starts_at - dt.timedelta(hours=2))
        ),
        reasons=reasons,
    )
    assignment.save()
    need.status = NeedStatus.REQUESTED
    need.save(update_fields=["status"])
    local = timezone.localtime(need.starts_at)
    with translation.override(volunteer.language or "de"):
        queue_mail(
            to=[volunteer.email],
            subject=_("Anfrage: %(kind)s am %(date)s")
            % {"kind": need.get_kind_display(), "date": local.strftime("%d.%m.%Y")},
            body=_(
                "Guten Tag %(name)s,\n\nkönnen Sie helfen?\n\n%(kind)s%(language)s\n"
                "Wann: %(when)s–%(until)s\nWo: %(place)s\nFür: %(contact)s\n\n"
                "Bitte sagen Sie bis %(due)s zu oder ab:\n%(link)s\n\n%(centre)s"
            )
            % {
                "name": volunteer.first_name,
                "kind": need.get_kind_display(),
                "language": f" ({need.language})" if need.language else "",
                "when": local.strftime("%d.%m.%Y %H:%M"),
                "until": timezone.localtime(need.ends_at).strftime("%H:%M"),
                "place": need.place,
                "contact": need.contact_first_name or "–",
                "due": timezone.localtime(assignment.answer_due).strftime("%d.%m.%Y %H:%M"),
                "link": answer_link(assignment),
                "centre": need.centre.name,
            },
            centre=need.centre,
            language=volunteer.language,
            topic=f"engagement.need:{need.pk}",
        )
    return assignment


def _reasons(candidate: matching.Candidate) -> list[list[str]]:
    return [[r.code, r.value] for r in candidate.reasons]


def _request_next(need: Need, *, actor: Any, now: dt.datetime | None = None) -> Assignment | None:
    """Ask the best candidate not asked before; the need stays open when nobody is left."""
    now = now or timezone.now()
    asked = set(need.assignments.values_list("volunteer_id", flat=True))
    for candidate in matching.rank(need_in(need), volunteers_in(need.centre, exclude_need=need)):
        if candidate.volunteer_id in asked:
            continue
        volunteer = Volunteer.objects.get(pk=candidate.volunteer_id)
        try:
            return _ask(need, volunteer, rank=len(asked) + 1, reasons=_reasons(candidate), now=now)
        except ValidationError:  # asked for something else meanwhile: the next one
            continue
    release_need(need)
    return None


@transaction.atomic
def request_volunteer(
    *, actor: User, need: Need, volunteer: Volunteer | None = None, now: dt.datetime | None = None
) -> Assignment | None:
    """Ask a chosen volunteer (who must fit), or the best one not asked yet."""
    _check(actor, need)
    need = Need.objects.select_for_update().get(pk=need.pk)
    if need.status not in (NeedStatus.OPEN,):
        raise ValidationError(_("Für diesen Bedarf läuft schon eine Anfrage oder er ist vergeben."))
    if need.starts_at <= timezone.now():
        raise ValidationError(_("Der Bedarf liegt in der Vergangenheit."))
    if volunteer is None:
        assignment = _request_next(need, actor=actor, now=now)
        if assignment is None:
            raise ValidationError(_("Niemand passt (mehr) zu diesem Bedarf."))
    else:
        if volunteer.centre_id != need.centre_id:
            raise PermissionDenied
        fitting = {
            c.volunteer_id: c
            for c in matching.rank(need_in(need), volunteers_in(need.centre, exclude_need=need))
        }
        if volunteer.pk not in fitting:
            raise ValidationError(
                _(
                    "%(name)s passt nicht zu diesem Bedarf "
                    "(Sprache, Zeit, Ort oder Führungszeugnis)."
                )
                % {"name": volunteer}
            )
        assignment = _ask(
            need,
            volunteer,
            rank=need.assignments.count() + 1,
            reasons=_reasons(fitting[volunteer.pk]),
            now=now or timezone.now(),
        )
    record(
        actor=actor,
        centre=need.centre,
        action="engagement.assignment.requested",
        target=assignment,
        summary=str(assignment),
    )
    return assignment


@transaction.atomic
def answer_assignment(
    *, assignment: Assignment, volunteer: Volunteer, accept: bool, now: dt.datetime | None = None
) -> Assignment:
    """The volunteer's yes or no (through the mailed link or their page)."""
    now = now or timezone.now()
    assignment = Assignment.objects.select_for_update().select_related("need").get(pk=assignment.pk)
    if assignment.volunteer_id != volunteer.pk:
        raise PermissionDenied
    if assignment.status != AssignmentStatus.REQUESTED:
        raise ValidationError(_("Diese Anfrage ist nicht mehr offen."))
    if assignment.answer_due < now:
        raise ValidationError(_("Die Frist für diese Anfrage ist abgelaufen."))
    need = Need.objects.select_for_update().get(pk=assignment.need_id)
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    assignment.answered_at = now
    if accept:
        if matching.evaluate(_single(volunteer, need), need_in(need)) is None:
            raise ValidationError(
                _("Sie haben zu dieser Zeit schon einen anderen Einsatz oder passen nicht mehr.")
            )
        assignment.status = AssignmentStatus.ACCEPTED
        assignment.save(update_fields=["status", "answered_at"])
        need.status = NeedStatus.ASSIGNED
        need.save(update_fields=["status"])
        action = "engagement.assignment.accepted"
    else:
        assignment.status = AssignmentStatus.DECLINED
        assignment.save(update_fields=["status", "answered_at"])
        need.status = NeedStatus.OPEN
        need.save(update_fields=["status"])
        _request_next(need, actor=None, now=now)
        action = "engagement.assignment.declined"
    record(
        actor=None, centre=need.centre, action=action, target=assignment, summary=str(assignment)
    )
    return assignment


def _single(volunteer: Volunteer, need: Need) -> matching.VolunteerIn:
    for v in volunteers_in(need.centre, exclude_need=need, only=volunteer):
        return v
    raise ValidationError(_("Das Profil ist nicht aktiv."))


@transaction.atomic
def expire_assignment(*, assignment: Assignment, now: dt.datetime) -> Assignment | None:
    """No answer in time: mark it and ask the next candidate (run by engagement_jobs)."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status != AssignmentStatus.REQUESTED or assignment.answer_due >= now:
        return None
    need = Need.objects.select_for_update().get(pk=assignment.need_id)
    assignment.status = AssignmentStatus.EXPIRED
    assignment.save(update_fields=["status"])
    need.status = NeedStatus.OPEN
    need.save(update_fields=["status"])
    following = None
    if need.starts_at > now:
        following = _request_next(need, actor=None, now=now)
    record(
        actor=None,
        centre=need.centre,
        action="engagement.assignment.expired",
        target=assignment,
        summary=str(assignment),
        data={"next": following.pk if following else None},
    )
    return following


@transaction.atomic
def record_no_show(*, actor: User, assignment: Assignment) -> Assignment:
    assignment = Assignment.objects.select_for_update().select_related("need").get(pk=assignment.pk)
    _check(actor, assignment.need)
    if assignment.status not in (AssignmentStatus.ACCEPTED, AssignmentStatus.COMPLETED):
        raise ValidationError(_("Nur ein zugesagter Einsatz kann als „nicht erschienen“ gelten."))
    if assignment.need.starts_at > timezone.now():
        raise ValidationError(_("Der Einsatz hat noch nicht begonnen."))
    assignment.status = AssignmentStatus.NO_SHOW
    assignment.save(update_fields=["status"])
    record(
        actor=actor,
        centre=assignment.need.centre,
        action="engagement.assignment.no_show",
        target=assignment,
        summary=str(assignment),
    )
    return assignment


@transaction.atomic
def match_week(*, actor: User, week_start: dt.date) -> matching.WeekResult:
    """All open needs starting in the week (Monday ``week_start``) at once; asks each chosen
    volunteer (one mail each per need)."""
    _check(actor)
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(week_start, dt.time(0), tzinfo=tz)
    end = start + dt.timedelta(days=7)
    now = timezone.now()
    needs = list(
        Need.objects.for_user(actor)
        .select_for_update()
        .filter(status=NeedStatus.OPEN, starts_at__gte=max(start, now), starts_at__lt=end)
    )
    result = matching.assign_week([need_in(n) for n in needs], volunteers_in(actor.centre))
    if not needs:
        raise ValidationError(_("In dieser Woche gibt es keine offenen Bedarfe."))
    by_id = {n.pk: n for n in needs}
    volunteers = Volunteer.objects.in_bulk(list(result.assignment.values()))
    inputs = {v.id: v for v in volunteers_in(actor.centre)}
    for need_id, volunteer_id in result.assignment.items():
        need = by_id[need_id]
        candidate = matching.evaluate(inputs[volunteer_id], need_in(need))
        _ask(
            need,
            volunteers[volunteer_id],
            rank=need.assignments.count() + 1,
            reasons=_reasons(candidate) if candidate else [],
            now=now,
        )
    record(
        actor=actor,
        centre=actor.centre,
        action="engagement.week.matched",
        target=actor.centre,
        summary=_("%(met)s von %(all)s Bedarfen angefragt")
        % {"met": result.needs_met, "all": len(needs)},
        data={"week": week_start.isoformat(), "greedy": result.greedy_met, "status": result.status},
    )
    return result
