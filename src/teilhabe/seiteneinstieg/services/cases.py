"""Registering families and children, and moving a child through the status pipeline."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass, field

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe import geo
from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.seiteneinstieg import matching
from teilhabe.seiteneinstieg.choices import ALLOWED_TRANSITIONS, PIPELINE, Status
from teilhabe.seiteneinstieg.hooks import notify_status_changed
from teilhabe.seiteneinstieg.models import Child, ChildLanguage, Family, Guardian
from teilhabe.seiteneinstieg.services.errors import TransitionError

# Which timestamp a status sets when a child enters it.
STATUS_TIMESTAMP: dict[str, str] = {
    Status.INVITED: "invited_at",
    Status.COUNSELLED: "counselled_at",
    Status.ASSESSED: "assessed_at",
    Status.READY: "ready_at",
    Status.PROPOSED: "proposed_at",
    Status.ACCEPTED: "accepted_at",
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
    city: str = ""  # the Ort as typed; decides a postcode shared by several municipalities
    lat: float | None = None
    lon: float | None = None


def _require(actor: User, perm: str, obj: object | None = None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied


def _set_search_keys(row: Child | Guardian) -> None:
    """The denormalised search keys from the row's names (and phone): set with every write."""
    for name, value in matching.search_fields(row.first_name, row.last_name).items():
        setattr(row, name, value)
    if isinstance(row, Guardian):
        row.phone_digits = matching.phone_digits(row.phone)


def validate_child_dates(
    child: ChildData, *, today: dt.date | None = None, check_age: bool = True
) -> None:
    """Plausibility of a child's dates, with messages a counsellor understands.

    ``check_age=False`` skips the school-age range (5–27 years): a correction of an old case
    whose birth date stays the same must not fail because the child has grown older since.
    """
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if child.birth_date > today:
        errors.setdefault("birth_date", []).append(_("Das Geburtsdatum liegt in der Zukunft."))
    elif not check_age:
        pass
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


def centre_area(centre: Centre) -> geo.Area:
    """The centre's area from its official keys (``Centre.area_keys``), or a clear error."""
    try:
        return geo.area(centre.area_keys or [])
    except ValueError as exc:
        message = _("Für das Zentrum ist kein gültiges Gebiet hinterlegt: %(error)s") % {
            "error": exc
        }
        raise ValidationError({NON_FIELD_ERRORS: [message]}) from exc


def locate_address(address: AddressData, *, area: geo.Area | None = None) -> geo.Location:
    """Municipality, coordinates and (where known) Stadtteil of an NRW address, or a clear error.

    With ``area`` the address must lie in it. A postcode shared by several municipalities
    needs the Ort to tell them apart; where the municipality has district polygons (Köln) the
    address must lie in one of them.
    """
    postcode = address.postcode.strip()
    if not postcode.isdigit() or len(postcode) != 5:
        raise ValidationError({"postcode": _("Bitte eine fünfstellige Postleitzahl angeben.")})
    location = geo.locate(postcode, address.city, lat=address.lat, lon=address.lon)
    if location is None:
        raise ValidationError(
            {
                "postcode": _(
                    "Die Postleitzahl %(plz)s liegt nicht in Nordrhein-Westfalen oder ist "
                    "unbekannt."
                )
                % {"plz": postcode}
            }
        )
    # An undecided postcode is outside only when none of its municipalities is in the area;
    # otherwise the Ort must decide (below).
    reaches_area = area is None or (
        area.contains(location)
        or not location.decided
        and any(area.contains_municipality(key) for key, _name in geo.candidates(postcode))
    )
    if area is not None and not reaches_area:
        raise ValidationError(
            {
                "postcode": _("Die Adresse liegt nicht im Gebiet des Zentrums (%(area)s).")
                % {"area": area.name}
            }
        )
    if not location.decided:
        names = [name for _key, name in geo.candidates(postcode)]
        raise ValidationError(
            {
                "city": _(
                    "Die Postleitzahl %(plz)s gilt für mehrere Orte (%(places)s); bitte den Ort "
                    "angeben."
                )
                % {"plz": postcode, "places": ", ".join(names)}
            }
        )
    if geo.has_polygons(location.municipality_key) and not location.district:
        raise ValidationError(
            {
                "postcode": _("Die Adresse liegt außerhalb des Stadtgebiets von %(town)s.")
                % {"town": location.town}
            }
        )
    return location


def _place_family(family: Family, location: geo.Location) -> None:
    """Copy a located address onto the family (municipality, point, Stadtteil/Stadtbezirk)."""
    family.lat, family.lon = location.latitude, location.longitude
    family.municipality_key = location.municipality_key
    family.municipality_name = location.town
    family.stadtteil_number = location.district_code
    family.stadtteil_name = location.district
    family.stadtbezirk_number = location.borough_code
    family.stadtbezirk_name = location.borough


def find_possible_duplicates(
    *, actor: User, child: ChildData, family: Family | None = None
) -> list[Child]:
    """Children of the same centre who are probably this child: same birth date, and names
    that sound alike across transliterations ("Mohamad Al Hasan" = "Mohammed Al-Hassan").

    The birth date is required: a common name alone is no duplicate. Within ``family`` (a
    sibling added later) only the same spelling counts, since twins share a birth date and
    often a sound. Exact matches come first.
    """
    return duplicates_in_centre(centre_id=actor.centre_id, child=child, family=family)


def duplicates_in_centre(
    *, centre_id: int | None, child: ChildData, family: Family | None = None
) -> list[Child]:
    """find_possible_duplicates for a centre without a staff actor (self-registration)."""
    candidates = Child.objects.filter(
        centre_id=centre_id, birth_date=child.birth_date
    ).select_related("family")
    found = [
        other
        for other in candidates.order_by("registered_at", "pk")
        if matching.likely_same_child(
            child.first_name,
            child.last_name,
            other.first_name,
            other.last_name,
            same_family=family is not None and other.family_id == family.pk,
        )
    ]
    exact = (matching.normalise(child.first_name), matching.normalise(child.last_name))
    found.sort(
        key=lambda c: (matching.normalise(c.first_name), matching.normalise(c.last_name)) != exact
    )
    return found


def _prefixed(prefix: str, exc: ValidationError) -> dict[str, list[str]]:
    """Errors of one guardian or child, keyed like the form field names (``children-0-…``).

    Without a prefix (a form for one child) the keys stay the plain field names.
    """
    if not prefix:
        return exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    if hasattr(exc, "error_dict"):
        return {
            (f"{prefix}-{name}" if name != NON_FIELD_ERRORS else prefix): messages
            for name, messages in exc.message_dict.items()
        }
    return {prefix: exc.messages}


def _merge(errors: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    for key, messages in more.items():
        errors.setdefault(key, []).extend(messages)


def _validate_languages(data: ChildData) -> None:
    """Additional languages: each once, not the first language again, with a level."""
    seen: set[str] = {data.first_language}
    for language, level in data.languages:
        if language in seen:
            raise ValidationError(
                {
                    "languages": _(
                        "Jede Sprache bitte nur einmal angeben (auch nicht die Erstsprache)."
                    )
                }
            )
        if not level:
            raise ValidationError({"languages": _("Bitte zu jeder Sprache das Niveau angeben.")})
        seen.add(language)


def _check_child(
    child: Child, data: ChildData, *, prefix: str = "", check_age: bool = True
) -> tuple[list[ChildLanguage], dict[str, list[str]]]:
    """Put ``data`` on a new or existing child row and check it; nothing is saved.

    Returns the (unsaved) additional languages and all errors, keyed like the form fields
    (with ``prefix``, e.g. ``children-1-birth_date``, or plain ``birth_date``). Shared by
    registration, adding a sibling and correcting a child so all three check the same way.
    """
    errors: dict[str, list[str]] = {}
    checks = (
        lambda d: validate_child_dates(d, check_age=check_age),
        _validate_languages,
    )
    for check in checks:
        try:
            check(data)
        except ValidationError as exc:
            _merge(errors, _prefixed(prefix, exc))
    values = {k: v for k, v in asdict(data).items() if k != "languages"}
    values["first_name"] = values["first_name"].strip()
    values["last_name"] = values["last_name"].strip()
    values["special_needs"] = values["special_needs"].strip()
    values["notes"] = values["notes"].strip()
    for name, value in values.items():
        setattr(child, name, value)
    _set_search_keys(child)
    try:
        # Dates are checked above with clearer messages than the database constraint's.
        child.full_clean(exclude=["family", "centre"], validate_constraints=False)
    except ValidationError as exc:
        _merge(errors, _prefixed(prefix, exc))
    languages = [
        ChildLanguage(child=child, language=language, level=level)
        for language, level in data.languages
    ]
    languages_key = f"{prefix}-languages" if prefix else "languages"
    for entry in languages:
        try:
            entry.full_clean(exclude=["child"], validate_unique=False)
        except ValidationError as exc:
            _merge(errors, {languages_key: exc.messages})
    return languages, errors


def _possible_duplicates(
    *, centre_id: int | None, children: list[ChildData], family: Family | None = None
) -> dict[int, Child]:
    """Index of each new child → the earlier child it probably is (see find_possible_duplicates)."""
    duplicates: dict[int, Child] = {}
    for index, data in enumerate(children):
        found = duplicates_in_centre(centre_id=centre_id, child=data, family=family)
        if found:
            duplicates[index] = found[0]
    return duplicates


def _duplicate_error(duplicates: dict[int, Child]) -> ValidationError:
    """The warn-and-link error (code ``duplicate``) the forms turn into a confirm checkbox."""
    names = ", ".join(
        f"{c.first_name} {c.last_name} ({c.birth_date:%d.%m.%Y}, {c.family.reference})"
        for c in duplicates.values()
    )
    return ValidationError(
        _("Bereits registriert: %(names)s. Bitte prüfen; zum Verknüpfen erneut bestätigen."),
        code="duplicate",
        params={"names": names, "duplicates": [c.pk for c in duplicates.values()]},
    )


def _save_new_child(
    child: Child, languages: list[ChildLanguage], *, duplicate_of: Child | None
) -> None:
    """Write a checked new child and its languages (the family must be saved already)."""
    child.duplicate_of = duplicate_of
    child.save()
    for entry in languages:
        entry.child = child
        entry.save()


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

    Everything is checked before the first row is written, and the errors come back keyed
    like the registration form's fields (``postcode``, ``guardians-0-email``,
    ``children-1-birth_date``) so the form can show each message next to its field.

    A child already registered with the same names and birth date stops the registration
    with an error (code ``duplicate``, ``params["duplicates"]`` = the earlier children's ids)
    unless ``confirm_duplicates`` is set; then the new child is linked to the earlier record
    (``duplicate_of``) so the counsellor can merge or close one of them.
    """
    _require(actor, "seiteneinstieg.register_family")
    if actor.centre_id is None:
        raise PermissionDenied
    family, created, guardian_rows, duplicates = write_family(
        centre=actor.centre,
        registered_by=actor,
        address=address,
        guardians=guardians,
        children=children,
        notes=notes,
        link_duplicates=confirm_duplicates,
    )
    record(
        actor=actor,
        centre=actor.centre,
        action="seiteneinstieg.family.registered",
        target=family,
        summary=_("Familie %(ref)s mit %(n)d Kind(ern) registriert")
        % {"ref": family.reference, "n": len(created)},
        data={
            "children": [c.pk for c in created],
            "guardians": [g.pk for g in guardian_rows],
            "duplicates": {str(created[i].pk): d.pk for i, d in duplicates.items()},
        },
    )
    return family


def write_family(
    *,
    centre: Centre,
    registered_by: User | None,
    address: AddressData,
    guardians: list[GuardianData],
    children: list[ChildData],
    notes: str = "",
    link_duplicates: bool = False,
    registered_language: str = "",
) -> tuple[Family, list[Child], list[Guardian], dict[int, Child]]:
    """Check and write a family, its guardians and children inside the caller's transaction.

    Shared by the staff registration and the families' self-registration (which links
    likely duplicates for staff instead of stopping: ``link_duplicates=True``). Writes no
    audit entry: the caller writes the one entry of its action.
    """
    if not children:
        raise ValidationError(_("Bitte mindestens ein Kind angeben."))
    if not guardians:
        raise ValidationError(_("Bitte mindestens eine sorgeberechtigte Person angeben."))

    errors: dict[str, list[str]] = {}
    location: geo.Location | None = None
    try:
        location = locate_address(address, area=centre_area(centre))
    except ValidationError as exc:
        _merge(errors, exc.message_dict)

    family = Family(
        centre=centre,
        reference=uuid.uuid4().hex[:20],
        street=address.street.strip(),
        postcode=address.postcode.strip(),
        city=address.city.strip() or (location.town if location else ""),
        lat=0.0,
        lon=0.0,
        notes=notes.strip(),
        registered_language=registered_language,
    )
    if location is not None:
        _place_family(family, location)
    try:
        family.full_clean()
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            if name == "postcode" and "postcode" in errors:
                continue  # locate_address already said it more precisely
            _merge(errors, {name: messages})

    guardian_rows: list[Guardian] = []
    for index, data in enumerate(guardians):
        guardian = Guardian(family=family, **asdict(data))
        guardian.first_name, guardian.last_name = data.first_name.strip(), data.last_name.strip()
        _set_search_keys(guardian)
        try:
            guardian.full_clean(exclude=["family"])
        except ValidationError as exc:
            _merge(errors, _prefixed(f"guardians-{index}", exc))
        guardian_rows.append(guardian)

    now = timezone.now()
    child_rows: list[tuple[Child, list[ChildLanguage]]] = []
    for index, data in enumerate(children):
        child = Child(centre=centre, family=family, registered_at=now, registered_by=registered_by)
        languages, child_errors = _check_child(child, data, prefix=f"children-{index}")
        _merge(errors, child_errors)
        child_rows.append((child, languages))

    if errors:
        raise ValidationError(errors)

    duplicates = _possible_duplicates(centre_id=centre.pk, children=children)
    if duplicates and not link_duplicates:
        raise _duplicate_error(duplicates)

    assert location is not None  # no errors means the address was located
    family.save()
    family.reference = f"F-{timezone.localdate():%Y}-{family.pk:05d}"
    family.save(update_fields=["reference"])

    for guardian in guardian_rows:
        guardian.family = family
        guardian.save()

    created: list[Child] = []
    for index, (child, languages) in enumerate(child_rows):
        child.family = family
        _save_new_child(child, languages, duplicate_of=duplicates.get(index))
        created.append(child)

    return family, created, guardian_rows, duplicates


# ---------------------------------------------------------------------------------------------
# Correcting a case: a sibling reported later, a new address, guardians, a child's data

# Free text that may hold health or family details: the audit log only notes that it changed.
SENSITIVE_FIELDS: frozenset[str] = frozenset({"notes", "special_needs"})
ADDRESS_FIELDS: tuple[str, ...] = (
    "street",
    "postcode",
    "city",
    "lat",
    "lon",
    "municipality_key",
    "municipality_name",
    "stadtteil_number",
    "stadtteil_name",
    "stadtbezirk_number",
    "stadtbezirk_name",
)
GUARDIAN_FIELDS: tuple[str, ...] = tuple(GuardianData.__dataclass_fields__)
CHILD_FIELDS: tuple[str, ...] = tuple(f for f in ChildData.__dataclass_fields__ if f != "languages")


def _plain(value: object) -> object:
    """A value as it goes into the audit log's JSON (dates as ISO, countries as their code)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | list):
        return value
    code = getattr(value, "code", None)  # django-countries' Country
    return str(code if code is not None else value)


def _snapshot(obj: object, fields: tuple[str, ...]) -> dict[str, object]:
    return {name: _plain(getattr(obj, name)) for name in fields}


def _changes(
    before: dict[str, object], after: dict[str, object]
) -> tuple[list[str], dict[str, object], dict[str, object]]:
    """Changed field names, and their old and new values except for the sensitive fields."""
    changed = [name for name in before if before[name] != after[name]]
    old = {n: before[n] for n in changed if n not in SENSITIVE_FIELDS}
    new = {n: after[n] for n in changed if n not in SENSITIVE_FIELDS}
    return changed, old, new


def _labels(model: type, names: list[str]) -> str:
    """The changed fields' German names for the audit summary."""
    result = []
    for name in names:
        if name == "languages":  # the related ChildLanguage rows, not a field
            result.append(_("Weitere Sprachen"))
            continue
        try:
            result.append(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            result.append(name)
    return ", ".join(result)


@transaction.atomic
def add_child(
    *, actor: User, family: Family, child: ChildData, confirm_duplicates: bool = False
) -> Child:
    """Add a sibling who arrives or is reported after the family was registered.

    Checked exactly like a child in the registration (errors keyed by plain field names),
    including the warn-and-link for a possible duplicate (code ``duplicate``).
    """
    family = Family.objects.select_for_update().get(pk=family.pk)
    _require(actor, "seiteneinstieg.change_case", family)
    row = Child(
        centre=family.centre, family=family, registered_at=timezone.now(), registered_by=actor
    )
    languages, errors = _check_child(row, child)
    if errors:
        raise ValidationError(errors)
    duplicates = _possible_duplicates(centre_id=actor.centre_id, children=[child], family=family)
    if duplicates and not confirm_duplicates:
        raise _duplicate_error(duplicates)
    _save_new_child(row, languages, duplicate_of=duplicates.get(0))
    record(
        actor=actor,
        centre=family.centre,
        action="seiteneinstieg.child.added",
        target=row,
        summary=_("Geschwisterkind %(name)s zur Familie %(ref)s hinzugefügt")
        % {"name": str(row), "ref": family.reference},
        data={
            "family": family.pk,
            "duplicate_of": row.duplicate_of_id,
            "languages": [language for language, _level in child.languages],
        },
    )
    return row


@transaction.atomic
def update_family(*, actor: User, family: Family, address: AddressData, notes: str = "") -> Family:
    """Correct a family's address (located again in the centre's area) and notes; all or nothing.

    The location is only looked up again when the address changed, so coordinates set from a
    map at registration survive an edit of the notes.
    """
    family = Family.objects.select_for_update().get(pk=family.pk)
    _require(actor, "seiteneinstieg.change_case", family)
    before = _snapshot(family, (*ADDRESS_FIELDS, "notes"))
    street, postcode = address.street.strip(), address.postcode.strip()
    city = address.city.strip() or family.city
    moved = (street, postcode, city) != (family.street, family.postcode, family.city) or (
        address.lat is not None and address.lon is not None
    )
    errors: dict[str, list[str]] = {}
    if moved:
        try:
            location = locate_address(
                AddressData(street, postcode, city, address.lat, address.lon),
                area=centre_area(family.centre),
            )
        except ValidationError as exc:
            _merge(errors, exc.message_dict)
        else:
            _place_family(family, location)
    family.street, family.postcode, family.city = street, postcode, city
    family.notes = notes.strip()
    try:
        family.full_clean()
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            if name == "postcode" and "postcode" in errors:
                continue  # locate_address already said it more precisely
            _merge(errors, {name: messages})
    if errors:
        raise ValidationError(errors)
    changed, old, new = _changes(before, _snapshot(family, (*ADDRESS_FIELDS, "notes")))
    if not changed:
        return family
    family.save(update_fields=changed)
    record(
        actor=actor,
        centre=family.centre,
        action="seiteneinstieg.family.updated",
        target=family,
        summary=_("Familie %(ref)s geändert: %(fields)s")
        % {"ref": family.reference, "fields": _labels(Family, changed)},
        data={"changed": changed, "old": old, "new": new},
    )
    return family


@transaction.atomic
def save_guardian(
    *, actor: User, family: Family, data: GuardianData, guardian: Guardian | None = None
) -> Guardian:
    """Add a guardian to the family (``guardian=None``) or correct one of its guardians."""
    family = Family.objects.select_for_update().get(pk=family.pk)
    _require(actor, "seiteneinstieg.change_case", family)
    if guardian is None:
        row = Guardian(family=family)
        before = dict.fromkeys(GUARDIAN_FIELDS)
    else:
        try:
            row = family.guardians.select_for_update().get(pk=guardian.pk)
        except Guardian.DoesNotExist:
            raise PermissionDenied from None  # another family's guardian
        before = _snapshot(row, GUARDIAN_FIELDS)
    for name, value in asdict(data).items():
        setattr(row, name, value.strip() if isinstance(value, str) else value)
    _set_search_keys(row)
    row.full_clean()
    changed, old, new = _changes(before, _snapshot(row, GUARDIAN_FIELDS))
    if guardian is not None and not changed:
        return row
    row.save()
    if guardian is None:
        action = "seiteneinstieg.guardian.added"
        summary = _("Sorgeberechtigte Person %(name)s zur Familie %(ref)s hinzugefügt")
        old = {}
    else:
        action = "seiteneinstieg.guardian.updated"
        summary = _("Sorgeberechtigte Person %(name)s (Familie %(ref)s) geändert")
    record(
        actor=actor,
        centre=family.centre,
        action=action,
        target=family,
        summary=summary % {"name": str(row), "ref": family.reference},
        data={"guardian": row.pk, "changed": changed, "old": old, "new": new},
    )
    return row


@transaction.atomic
def remove_guardian(*, actor: User, family: Family, guardian: Guardian) -> None:
    """Remove a guardian entered by mistake or no longer responsible; one must remain."""
    family = Family.objects.select_for_update().get(pk=family.pk)
    _require(actor, "seiteneinstieg.change_case", family)
    try:
        row = family.guardians.select_for_update().get(pk=guardian.pk)
    except Guardian.DoesNotExist:
        raise PermissionDenied from None
    if family.guardians.count() <= 1:
        raise ValidationError(
            _("Eine Familie braucht mindestens eine sorgeberechtigte Person."), code="last"
        )
    name, pk = str(row), row.pk
    row.delete()
    record(
        actor=actor,
        centre=family.centre,
        action="seiteneinstieg.guardian.removed",
        target=family,
        summary=_("Sorgeberechtigte Person %(name)s aus Familie %(ref)s entfernt")
        % {"name": name, "ref": family.reference},
        data={"guardian": pk},
    )


@transaction.atomic
def update_child(
    *, actor: User, child: Child, data: ChildData, confirm_duplicates: bool = False
) -> Child:
    """Correct a child's personal data with the registration's checks; closed cases too.

    When names or birth date change so that they match another child of the centre, the
    registration's warning comes back (code ``duplicate``) unless ``confirm_duplicates``
    is set; then the child is linked to that record (``duplicate_of``), as at registration.
    The audit entry lists the changed fields with old and new values, except notes and
    special needs, whose content stays out of the log.
    """
    child = Child.objects.select_for_update().get(pk=child.pk)
    _require(actor, "seiteneinstieg.change_case", child)
    old_languages = sorted(f"{x.language}:{x.level}" for x in child.languages.all())
    before = _snapshot(child, CHILD_FIELDS) | {"languages": old_languages}
    before["duplicate_of"] = child.duplicate_of_id
    identity = (child.first_name.casefold(), child.last_name.casefold(), child.birth_date)
    family = child.family
    languages, errors = _check_child(child, data, check_age=data.birth_date != child.birth_date)
    if errors:
        raise ValidationError(errors)
    if (child.first_name.casefold(), child.last_name.casefold(), child.birth_date) != identity:
        found = find_possible_duplicates(actor=actor, child=data, family=family)
        others = [c for c in found if c.pk != child.pk]
        if others and not confirm_duplicates:
            raise _duplicate_error({0: others[0]})
        if others and child.duplicate_of_id is None:
            child.duplicate_of = others[0]
    new_languages = sorted(f"{x.language}:{x.level}" for x in languages)
    after = _snapshot(child, CHILD_FIELDS) | {"languages": new_languages}
    after["duplicate_of"] = child.duplicate_of_id
    changed, old, new = _changes(before, after)
    if not changed:
        return child
    fields = [name for name in changed if name != "languages"]
    if {"first_name", "last_name"} & set(fields):
        fields += ["search_name", "search_phonetic"]
    if fields:
        child.save(update_fields=fields)
    if "languages" in changed:
        child.languages.all().delete()
        for entry in languages:
            entry.save()
    record(
        actor=actor,
        centre=child.centre,
        action="seiteneinstieg.child.updated",
        target=child,
        summary=_("Daten von %(name)s geändert: %(fields)s")
        % {"name": str(child), "fields": _labels(Child, changed)},
        data={"changed": changed, "old": old, "new": new},
    )
    return child


def manual_transitions(child: Child) -> list[Status]:
    """The moves a counsellor makes by hand on the case page: close the case or go back a step.

    Forward moves come from the work itself (invitation, counselling, assessment, placement)
    and are made by those services.
    """
    current = child.status
    result: list[Status] = []
    for target in ALLOWED_TRANSITIONS[current]:
        backwards = (
            target in PIPELINE
            and current in PIPELINE
            and PIPELINE.index(target) < PIPELINE.index(current)
        )
        if backwards or target in (Status.WITHDRAWN, Status.MOVED_AWAY):
            result.append(Status(target))
    order = [*PIPELINE, Status.WITHDRAWN, Status.MOVED_AWAY]
    return sorted(result, key=order.index)


@transaction.atomic
def change_status_manually(*, actor: User, child: Child, to: Status | str, reason: str) -> Child:
    """A counsellor closes a case (withdrawn, moved away) or sends it back a step, with a reason."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    _require(actor, "seiteneinstieg.change_case", child)
    if not reason.strip():
        raise ValidationError({"reason": _("Bitte einen Grund angeben.")})
    try:
        target = Status(to)
    except ValueError:
        raise ValidationError({"to": _("Unbekannter Status.")}) from None
    if target not in manual_transitions(child):
        raise TransitionError(
            _("Statuswechsel von „%(from)s“ zu „%(to)s“ ist nicht möglich.")
            % {"from": Status(child.status).label, "to": target.label}
        )
    return _transition(actor=actor, child=child, to=target, reason=reason.strip())


@transaction.atomic
def change_status(*, actor: User, child: Child, to: Status | str, reason: str = "") -> Child:
    """Move a child to another status, if the pipeline allows it; stamps the time."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    _require(actor, "seiteneinstieg.change_case", child)
    return _transition(actor=actor, child=child, to=to, reason=reason)


def apply_status(*, child: Child, to: Status | str) -> str:
    """Move a child, whose row the caller has locked and checked, to ``to``; stamps the time.

    Writes no audit entry: the calling service writes the one entry of its action and
    names the children it moved. Returns the previous status.
    """
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
    backwards = (
        previous in PIPELINE and to in PIPELINE and PIPELINE.index(to) < PIPELINE.index(previous)
    )
    # Going back a step keeps the first time the child reached that step (waiting-list order).
    if stamp and not (backwards and getattr(child, stamp)):
        setattr(child, stamp, timezone.now())
        fields.append(stamp)
    child.full_clean()
    child.save(update_fields=fields)
    child._status_side_effects = notify_status_changed(child=child, previous=previous, to=to)
    return previous


def _transition(*, actor: User, child: Child, to: Status | str, reason: str = "") -> Child:
    """A status change that is the action itself: the change and its audit entry."""
    previous = apply_status(child=child, to=to)
    to = Status(to)
    record(
        actor=actor,
        centre=child.centre,
        action=f"seiteneinstieg.child.{to}",
        target=child,
        summary=_("Status von %(child)s: %(from)s → %(to)s")
        % {"child": child, "from": Status(previous).label, "to": to.label},
        data={
            "from": previous,
            "to": str(to),
            "reason": reason,
            **({"side_effects": effects} if (effects := child._status_side_effects) else {}),
        },
    )
    return child
