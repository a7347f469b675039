"""Volunteers: self-registration with consent, confirmation, login by link, hours, deletion.

A volunteer has no account. The public registration stores the profile as *pending*; a
coordinator confirms it, which mails the first login link. A login link is signed, names
the volunteer's ``login_nonce`` and expires after a day; the session it opens knows only
that volunteer (``SESSION_KEY``), never a staff login.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from teilhabe import geo
from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.engagement.choices import AssignmentStatus, HelpKind, VolunteerStatus
from teilhabe.engagement.links import (
    VOLUNTEER_LOGIN_MAX_AGE,
    VOLUNTEER_SALT,
    absolute,
    make_token,
    read_token,
)
from teilhabe.engagement.models import Assignment, HoursEntry, Volunteer, new_nonce
from teilhabe.notify.services import queue_mail

SESSION_KEY = "engagement_volunteer"
PRIVACY_PURPOSE = "volunteers"
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$|^24:00$")


def _minutes(value: str) -> int | None:
    value = (value or "").strip()
    if not _TIME.match(value):
        return None
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def clean_windows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The weekly pattern; "from 18:00 to 09:00" and unreadable times are refused."""
    result = []
    for row in rows:
        if not row.get("start") and not row.get("end"):
            continue
        try:
            weekday = int(row.get("weekday"))
        except (TypeError, ValueError):
            weekday = -1
        if not 0 <= weekday <= 6:
            raise ValidationError({"windows": [_("Bitte einen Wochentag wählen.")]})
        start, end = _minutes(row.get("start", "")), _minutes(row.get("end", ""))
        if start is None or end is None:
            raise ValidationError({"windows": [_("Bitte Uhrzeiten im Format 18:00 angeben.")]})
        if end <= start:
            raise ValidationError(
                {
                    "windows": [
                        _(
                            "Die Zeit „von %(start)s bis %(end)s“ endet vor ihrem Beginn. Bitte "
                            "eine Zeit über Mitternacht als zwei Zeiten an zwei Tagen angeben."
                        )
                        % {"start": row.get("start"), "end": row.get("end")}
                    ]
                }
            )
        result.append(
            {"weekday": weekday, "start": row["start"].strip(), "end": row["end"].strip()}
        )
    if not result:
        raise ValidationError({"windows": [_("Bitte mindestens eine Zeit angeben.")]})
    return sorted(result, key=lambda w: (w["weekday"], w["start"]))


def clean_languages(languages: dict[str, Any]) -> dict[str, int]:
    result: dict[str, int] = {}
    for code, level in (languages or {}).items():
        code = str(code).strip().lower()
        if not code:
            continue
        try:
            level = int(level)
        except (TypeError, ValueError):
            level = 0
        if not 1 <= level <= 5:
            raise ValidationError({"languages": [_("Bitte für jede Sprache ein Niveau wählen.")]})
        result[code] = level
    if not result:
        raise ValidationError({"languages": [_("Bitte mindestens eine Sprache angeben.")]})
    return result


def clean_certificate(seen_on: dt.date | None, *, today: dt.date | None = None) -> dt.date | None:
    today = today or timezone.localdate()
    if seen_on is not None and seen_on > today:
        raise ValidationError(
            {"certificate_seen_on": [_("Das Datum des Führungszeugnisses liegt in der Zukunft.")]}
        )
    return seen_on


def _clean_profile(volunteer: Volunteer, values: dict[str, Any]) -> None:
    """Validate every field before anything is written; errors per field, all at once."""
    errors: dict[str, list[str]] = {}

    def collect(fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                errors.setdefault(key, []).extend(messages)
            return None

    for field in ("first_name", "last_name", "phone", "city", "district"):
        if field in values:
            setattr(volunteer, field, (values[field] or "").strip())
    email = (values.get("email") or "").strip().lower()
    try:
        validate_email(email)
        volunteer.email = email
    except ValidationError:
        errors["email"] = [_("Bitte eine gültige E-Mail-Adresse angeben.")]
    volunteer.languages = collect(clean_languages, values.get("languages")) or {}
    offers = sorted({o for o in values.get("offers") or [] if o in HelpKind.values})
    if not offers:
        errors["offers"] = [_("Bitte wählen Sie, wobei Sie helfen möchten.")]
    volunteer.offers = offers
    volunteer.windows = collect(clean_windows, values.get("windows") or []) or []
    unavailable = []
    for day in values.get("unavailable") or []:
        unavailable.append(day.isoformat() if isinstance(day, dt.date) else str(day))
    volunteer.unavailable = sorted(set(unavailable))
    if "certificate_seen_on" in values:
        volunteer.certificate_seen_on = collect(clean_certificate, values["certificate_seen_on"])
    postcode = (values.get("postcode") or "").strip()
    volunteer.postcode = postcode
    location = geo.locate(postcode, volunteer.city) if len(postcode) == 5 else None
    if location is None:
        errors["postcode"] = [_("Bitte eine Postleitzahl in Nordrhein-Westfalen angeben.")]
    else:
        volunteer.lat, volunteer.lon = location.latitude, location.longitude
        volunteer.city = volunteer.city or location.place
        volunteer.district = volunteer.district or location.district
    if "max_km" in values and values["max_km"]:
        volunteer.max_km = int(values["max_km"])
    if errors:
        raise ValidationError(errors)
    volunteer.full_clean(exclude=["consent_at"] if volunteer.consent_at is None else None)


def _privacy_version(centre: Centre) -> int:
    """The version of the centre's published notice for volunteers (0 before there is one)."""
    from teilhabe.centres.selectors import current_privacy_notice

    notice = current_privacy_notice(centre, PRIVACY_PURPOSE)
    return notice.version if notice is not None else 0


def possible_duplicates(volunteer: Volunteer) -> list[Volunteer]:
    """Same e-mail, or same names at the same postcode, in the centre."""
    same = Volunteer.objects.for_centre(volunteer.centre_id).filter(
        Q(email__iexact=volunteer.email)
        | Q(
            first_name__iexact=volunteer.first_name,
            last_name__iexact=volunteer.last_name,
            postcode=volunteer.postcode,
        )
    )
    if volunteer.pk:
        same = same.exclude(pk=volunteer.pk)
    return list(same)


class PossibleDuplicate(ValidationError):
    """The registration looks like an existing profile; the form asks to confirm."""


@transaction.atomic
def register_volunteer(
    *,
    centre: Centre,
    values: dict[str, Any],
    consent: bool,
    lang: str = "de",
    confirm_duplicate: bool = False,
) -> Volunteer:
    """A pending profile from the public page, with the consent and its notice version."""
    if not consent:
        raise ValidationError(
            {"consent": [_("Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")]}
        )
    volunteer = Volunteer(centre=centre, language=lang, consent_at=timezone.now())
    _clean_profile(volunteer, values)
    duplicates = possible_duplicates(volunteer)
    if duplicates and not confirm_duplicate:
        raise PossibleDuplicate(
            {
                "__all__": [
                    _(
                        "Mit diesen Angaben ist schon jemand registriert. Wenn Sie sich "
                        "trotzdem neu registrieren möchten, bestätigen Sie bitte unten; das "
                        "Team prüft dann beide Einträge."
                    )
                ]
            }
        )
    volunteer.possible_duplicate_of = duplicates[0] if duplicates else None
    volunteer.consent_version = _privacy_version(centre)
    volunteer.save()
    with translation.override(volunteer.language or "de"):
        queue_mail(
            to=[volunteer.email],
            subject=_("Ihre Registrierung als Ehrenamtliche/r"),
            body=_(
                "Guten Tag %(name)s,\n\nvielen Dank für Ihre Registrierung. Das Team des "
                "Integrationszentrums meldet sich, sobald Ihr Profil bestätigt ist.\n\n%(centre)s"
            )
            % {"name": volunteer.first_name, "centre": centre.name},
            centre=centre,
            language=lang,
            topic=f"engagement.volunteer:{volunteer.pk}",
        )
    record(
        actor=None,
        centre=centre,
        action="engagement.volunteer.registered",
        target=volunteer,
        summary=_("Registrierung eingegangen"),
        data={
            "consent_version": volunteer.consent_version,
            "possible_duplicate_of": volunteer.possible_duplicate_of_id,
        },
    )
    return volunteer


def _check(actor: User, volunteer: Volunteer | None = None) -> None:
    if actor.centre_id is None or not actor.has_perm("engagement.manage"):
        raise PermissionDenied
    if volunteer is not None and volunteer.centre_id != actor.centre_id:
        raise PermissionDenied


def login_link(volunteer: Volunteer) -> str:
    token = make_token(VOLUNTEER_SALT, volunteer.pk, volunteer.login_nonce)
    return absolute(
        "engagement_public:volunteer_login",
        centre=volunteer.centre.slug,
        lang=volunteer.language or "de",
        token=token,
    )


def _queue_login(volunteer: Volunteer, *, intro: Any) -> None:
    """The login link in the volunteer's language; ``intro`` is lazy so that it follows."""
    with translation.override(volunteer.language or "de"):
        queue_mail(
            to=[volunteer.email],
            subject=_("Ihr Anmeldelink – Ehrenamt"),
            body=_(
                "Guten Tag %(name)s,\n\n%(intro)s\n\nIhr Anmeldelink (24 Stunden gültig):\n%(link)s"
                "\n\n%(centre)s"
            )
            % {
                "name": volunteer.first_name,
                "intro": intro,
                "link": login_link(volunteer),
                "centre": volunteer.centre.name,
            },
            centre=volunteer.centre,
            language=volunteer.language,
            topic=f"engagement.volunteer:{volunteer.pk}",
        )


@transaction.atomic
def confirm_volunteer(*, actor: User, volunteer: Volunteer) -> Volunteer:
    """The coordinator has met or called the person: the profile becomes active."""
    _check(actor, volunteer)
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    if volunteer.status == VolunteerStatus.ACTIVE:
        raise ValidationError(_("Das Profil ist bereits bestätigt."))
    volunteer.status = VolunteerStatus.ACTIVE
    volunteer.confirmed_at = timezone.now()
    volunteer.save(update_fields=["status", "confirmed_at"])
    _queue_login(
        volunteer,
        intro=gettext_lazy("Ihr Profil ist bestätigt. Über den Link sehen Sie Ihre Einsätze."),
    )
    record(
        actor=actor,
        centre=volunteer.centre,
        action="engagement.volunteer.confirmed",
        target=volunteer,
        summary=str(volunteer),
    )
    return volunteer


@transaction.atomic
def record_certificate(*, actor: User, volunteer: Volunteer, seen_on: dt.date | None) -> Volunteer:
    """The date the coordinator saw the extended certificate of conduct (never the paper)."""
    _check(actor, volunteer)
    seen_on = clean_certificate(seen_on)
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    volunteer.certificate_seen_on = seen_on
    volunteer.certificate_reminded_at = None
    volunteer.save(update_fields=["certificate_seen_on", "certificate_reminded_at"])
    record(
        actor=actor,
        centre=volunteer.centre,
        action="engagement.volunteer.certificate",
        target=volunteer,
        summary=_("Führungszeugnis gesehen am %(date)s")
        % {"date": seen_on.strftime("%d.%m.%Y") if seen_on else "–"},
    )
    return volunteer


@transaction.atomic
def update_profile(*, volunteer: Volunteer, values: dict[str, Any]) -> Volunteer:
    """The volunteer's own change (logged in by link); the certificate date stays staff's."""
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    values = {k: v for k, v in values.items() if k != "certificate_seen_on"}
    _clean_profile(volunteer, values)
    volunteer.save()
    record(
        actor=None,
        centre=volunteer.centre,
        action="engagement.volunteer.updated",
        target=volunteer,
        summary=_("Profil selbst geändert"),
    )
    return volunteer


@transaction.atomic
def send_login_link(*, centre: Centre, email: str) -> None:
    """Mail a login link to an active volunteer with this address; silent otherwise
    (the page says the same either way, so it tells nobody who volunteers)."""
    volunteer = (
        Volunteer.objects.for_centre(centre)
        .filter(email__iexact=(email or "").strip(), status=VolunteerStatus.ACTIVE)
        .first()
    )
    if volunteer is None:
        return
    _queue_login(volunteer, intro=gettext_lazy("Sie haben einen Anmeldelink angefordert."))
    record(
        actor=None,
        centre=centre,
        action="engagement.volunteer.login_link",
        target=volunteer,
        summary=_("Anmeldelink angefordert"),
    )


def volunteer_by_login(token: str) -> Volunteer:
    """The volunteer a login link names; ``Volunteer.DoesNotExist`` if bad or expired."""
    found = read_token(VOLUNTEER_SALT, token, max_age=VOLUNTEER_LOGIN_MAX_AGE)
    if found is None:
        raise Volunteer.DoesNotExist
    pk, nonce = found
    return Volunteer.objects.select_related("centre").get(
        pk=pk, login_nonce=nonce, status=VolunteerStatus.ACTIVE, centre__is_active=True
    )


def session_value(volunteer: Volunteer) -> dict[str, Any]:
    return {"id": volunteer.pk, "nonce": volunteer.login_nonce}


def volunteer_from_session(session: Any, centre: Centre) -> Volunteer | None:
    data = session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    return (
        Volunteer.objects.for_centre(centre)
        .filter(pk=data.get("id"), login_nonce=data.get("nonce"), status=VolunteerStatus.ACTIVE)
        .first()
    )


@transaction.atomic
def log_hours(
    *, volunteer: Volunteer, assignment: Assignment, date: dt.date, minutes: int
) -> HoursEntry:
    """Hours for an accepted (or completed) assignment of this volunteer, not in the future."""
    assignment = Assignment.objects.select_for_update().select_related("need").get(pk=assignment.pk)
    if assignment.volunteer_id != volunteer.pk:
        raise PermissionDenied
    if assignment.status not in (AssignmentStatus.ACCEPTED, AssignmentStatus.COMPLETED):
        raise ValidationError(_("Stunden gibt es nur für zugesagte Einsätze."))
    errors = {}
    if date > timezone.localdate():
        errors["date"] = [_("Das Datum liegt in der Zukunft.")]
    if not 1 <= minutes <= 24 * 60:
        errors["minutes"] = [_("Bitte zwischen 1 Minute und 24 Stunden angeben.")]
    if errors:
        raise ValidationError(errors)
    entry = HoursEntry(
        centre=volunteer.centre,
        volunteer=volunteer,
        assignment=assignment,
        kind=assignment.need.kind,
        date=date,
        minutes=minutes,
    )
    entry.full_clean()
    entry.save()
    if assignment.status == AssignmentStatus.ACCEPTED and assignment.need.ends_at <= timezone.now():
        assignment.status = AssignmentStatus.COMPLETED
        assignment.save(update_fields=["status"])
    record(
        actor=None,
        centre=volunteer.centre,
        action="engagement.hours.logged",
        target=entry,
        summary=_("%(minutes)s Minuten eingetragen") % {"minutes": minutes},
    )
    return entry


@transaction.atomic
def delete_profile(*, volunteer: Volunteer) -> None:
    """Delete the person; their hours and past assignments stay without them.

    Open requests and future accepted assignments are withdrawn so the needs reopen.
    """
    from teilhabe.engagement.services.needs import release_need

    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    live = Assignment.objects.filter(
        volunteer=volunteer,
        status__in=[AssignmentStatus.REQUESTED, AssignmentStatus.ACCEPTED],
        need__starts_at__gt=timezone.now(),
    ).select_related("need")
    for assignment in live:
        assignment.status = AssignmentStatus.WITHDRAWN
        assignment.save(update_fields=["status"])
        release_need(assignment.need)
    record(
        actor=None,
        centre=volunteer.centre,
        action="engagement.volunteer.deleted",
        target=volunteer,
        summary=_("Profil gelöscht; Stunden bleiben anonym"),
    )
    volunteer.delete()


@transaction.atomic
def renew_login(*, actor: User, volunteer: Volunteer) -> Volunteer:
    """Retire every login link and session of the volunteer (e.g. a lost phone)."""
    _check(actor, volunteer)
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    volunteer.login_nonce = new_nonce()
    volunteer.save(update_fields=["login_nonce"])
    record(
        actor=actor,
        centre=volunteer.centre,
        action="engagement.volunteer.links_renewed",
        target=volunteer,
        summary=str(volunteer),
    )
    return volunteer
