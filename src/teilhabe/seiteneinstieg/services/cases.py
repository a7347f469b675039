"""Registering families and children, and moving a child through the status pipeline."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.geo import koeln
from teilhabe.seiteneinstieg.choices import ALLOWED_TRANSITIONS, Status
from teilhabe.seiteneinstieg.models import Child, ChildLanguage, Family, Guardian
from teilhabe.seiteneinstieg.services.errors import TransitionError

# Which timestamp a status sets when a child enters it.
STATUS_TIMESTAMP: dict[str, str] = {
    Status.INVITED: "invited_at",
    Status.COUNSELLED: "counselled_at",
    Status.ASSESSED: "assessed_at",
    Status.READY: "ready_at",
    Status.PROPOSED: "proposed_at",
    Status.PLACED: "placed_at",
    Status.WITHDRAWN: "closed_at",
    Status.MOVED_AWAY: "closed_at",
}


@dataclass
class GuardianData:
    first_name: str
    last_name: str
    relation: str = ""
    phone: str = ""
    email: str = ""
    language: str = "de"
    interpreter_needed: bool = False


@dataclass
class ChildData:
    first_name: str
    last_name: str
    birth_date: dt.date
    first_language: str
    arrived_in_germany_on: dt.date
    arrived_in_city_on: dt.date
    nationality: str = ""
    school_years: int = 0
    last_grade: int | None = None
    special_needs: str = ""
    notes: str = ""
    languages: list[tuple[str, str]] = field(default_factory=list)  # (language, level)


@dataclass
class AddressData:
    street: str
    postcode: str
    city: str = "Köln"
    lat: float | None = None
    lon: float | None = None


def _require(actor: User, perm: str, obj: object | None = None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied


def validate_child_dates(child: ChildData, *, today: dt.date | None = None) -> None:
    """Plausibility of a child's dates, with messages a counsellor understands."""
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if child.birth_date > today:
        errors.setdefault("birth_date", []).append(_("Das Geburtsdatum liegt in der Zukunft."))
    elif (today - child.birth_date).days < 5 * 365:
        errors.setdefault("birth_date", []).append(
            _("Das Kind ist jünger als fünf Jahre und noch nicht schulpflichtig.")
        )
    elif (today - child.birth_date).days > 27 * 365:
        errors.setdefault("birth_date", []).append(
            _("Das Geburtsdatum ergibt ein Alter über 27 Jahren; bitte prüfen.")
        )
    if child.arrived_in_germany_on < child.birth_date:
        errors.setdefault("arrived_in_germany_on", []).append(
            _("Die Ankunft in Deutschland liegt vor der Geburt.")
        )
    if child.arrived_in_germany_on > today:
        errors.setdefault("arrived_in_germany_on", []).append(
            _("Die Ankunft in Deutschland liegt in der Zukunft.")
        )
    if child.arrived_in_city_on < child.arrived_in_germany_on:
        errors.setdefault("arrived_in_city_on", []).append(
            _("Der Zuzug nach Köln liegt vor der Ankunft in Deutschland.")
        )
    if child.arrived_in_city_on > today:
        errors.setdefault("arrived_in_city_on", []).append(
            _("Der Zuzug nach Köln liegt in der Zukunft.")
        )
    if errors:
        raise ValidationError(errors)


def locate_address(address: AddressData) -> koeln.Location:
    """Coordinates and Stadtteil of an address in Köln, or a clear error."""
    postcode = address.postcode.strip()
    if not postcode.isdigit() or len(postcode) != 5:
        raise ValidationError({"postcode": _("Bitte eine fünfstellige Postleitzahl angeben.")})
    if not koeln.is_koeln_postcode(postcode):
        raise ValidationError(
            {
                "postcode": _("Die Postleitzahl %(plz)s liegt nicht in Köln oder ist unbekannt.")
                % {"plz": postcode}
            }
        )
    location = koeln.locate(postcode, address.lat, address.lon)
    if location is None:
        raise ValidationError(
            {"postcode": _("Die Adresse liegt außerhalb des Kölner Stadtgebiets.")}
        )
    return location


def find_possible_duplicates(*, actor: User, child: ChildData) -> list[Child]:
    """Children of the same centre with the same names and birth date."""
    return list(
        Child.objects.filter(
            centre_id=actor.centre_id,
            first_name__iexact=child.first_name.strip(),
            last_name__iexact=child.last_name.strip(),
            birth_date=child.birth_date,
        ).select_related("family")
    )


@transaction.atomic
def register_family(
    *,
    actor: User,
    address: AddressData,
    guardians: list[GuardianData],
    children: list[ChildData],
    notes: str = "",
    confirm_duplicates: bool = False,
) -> Family:
    """Register a family with its guardians and children (siblings share the family).

    A child already registered with the same names and birth date stops the registration
    with an error unless ``confirm_duplicates`` is set; then the new child is linked to the
    earlier record (``duplicate_of``) so the counsellor can merge or close one of them.
    """
    _require(actor, "seiteneinstieg.register_family")
    if not children:
        raise ValidationError(_("Bitte mindestens ein Kind angeben."))
    if not guardians:
        raise ValidationError(_("Bitte mindestens eine sorgeberechtigte Person angeben."))
    for child in children:
        validate_child_dates(child)
    location = locate_address(address)

    duplicates: dict[int, Child] = {}
    for index, child in enumerate(children):
        found = find_possible_duplicates(actor=actor, child=child)
        if found:
            duplicates[index] = found[0]
    if duplicates and not confirm_duplicates:
        names = ", ".join(
            f"{c.first_name} {c.last_name} ({c.birth_date:%d.%m.%Y}, {c.family.reference})"
            for c in duplicates.values()
        )
        raise ValidationError(
            _("Bereits registriert: %(names)s. Bitte prüfen; zum Verknüpfen erneut bestätigen.")
            % {"names": names},
            code="duplicate",
        )

    centre = actor.centre
    family = Family(
        centre=centre,
        reference=uuid.uuid4().hex[:20],
        street=address.street.strip(),
        postcode=address.postcode.strip(),
        city=address.city.strip() or "Köln",
        lat=location.lat,
        lon=location.lon,
        stadtteil_number=location.stadtteil.number,
        stadtteil_name=location.stadtteil.name,
        stadtbezirk_number=location.stadtteil.bezirk_number,
        stadtbezirk_name=location.stadtteil.bezirk_name,
        notes=notes,
    )
    family.full_clean()
    family.save()
    family.reference = f"F-{timezone.localdate():%Y}-{family.pk:05d}"
    family.save(update_fields=["reference"])

    for data in guardians:
        guardian = Guardian(family=family, **data.__dict__)
        guardian.full_clean()
        guardian.save()

    now = timezone.now()
    created: list[Child] = []
    for index, data in enumerate(children):
        values = {k: v for k, v in data.__dict__.items() if k != "languages"}
        child = Child(
            centre=centre,
            family=family,
            registered_at=now,
            duplicate_of=duplicates.get(index),
            **values,
        )
        child.full_clean()
        child.save()
        for language, level in data.languages:
            entry = ChildLanguage(child=child, language=language, level=level)
            entry.full_clean()
            entry.save()
        created.append(child)

    record(
        actor=actor,
        centre=centre,
        action="seiteneinstieg.family.registered",
        target=family,
        summary=_("Familie %(ref)s mit %(n)d Kind(ern) registriert")
        % {"ref": family.reference, "n": len(created)},
        data={
            "children": [c.pk for c in created],
            "duplicates": {created[i].pk: d.pk for i, d in duplicates.items()},
        },
    )
    return family


@transaction.atomic
def change_status(*, actor: User, child: Child, to: Status | str, reason: str = "") -> Child:
    """Move a child to another status, if the pipeline allows it; stamps the time."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    _require(actor, "seiteneinstieg.change_case", child)
    return _transition(actor=actor, child=child, to=to, reason=reason)


def _transition(*, actor: User, child: Child, to: Status | str, reason: str = "") -> Child:
    """The transition itself, for services that already hold the row lock and checked rights."""
    to = Status(to)
    if to not in ALLOWED_TRANSITIONS[child.status]:
        raise TransitionError(
            _("Statuswechsel von „%(from)s“ zu „%(to)s“ ist nicht möglich.")
            % {"from": Status(child.status).label, "to": to.label}
        )
    previous = child.status
    child.status = to
    stamp = STATUS_TIMESTAMP.get(to)
    fields = ["status"]
    if stamp:
        setattr(child, stamp, timezone.now())
        fields.append(stamp)
    child.full_clean()
    child.save(update_fields=fields)
    record(
        actor=actor,
        centre=child.centre,
        action=f"seiteneinstieg.child.{to}",
        target=child,
        summary=_("Status: %(from)s → %(to)s") % {"from": Status(previous).label, "to": to.label},
        data={"from": previous, "to": str(to), "reason": reason},
    )
    return child
