"""Instance model of the exchange format ``teilhabe-placement/1``: parsing and validation.

Parsing is strict on purpose: a placement run feeds decisions about children, so a
malformed instance must stop with a message that names the offending item rather than
produce a plausible-looking answer.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "teilhabe-placement/1"
LEVELS: tuple[str, ...] = ("primary", "secondary", "vocational")
LEVEL_GRADES: dict[str, tuple[int, int]] = {
    "primary": (1, 4),
    "secondary": (5, 10),
    "vocational": (11, 11),
}


class InstanceError(ValueError):
    """An instance that does not follow the format; the message names the offending item."""


@dataclass(frozen=True, slots=True)
class Policy:
    """Reach per level and the weights of the cost terms."""

    max_distance_km: Mapping[str, float]
    unplaced_penalty: float
    unplaced_penalty_per_waiting_day: float
    sibling_split_penalty: float


@dataclass(frozen=True, slots=True)
class Offer:
    """A group of free seats at one school for one level and a closed grade range."""

    id: str
    school: str
    level: str
    grades: tuple[int, int]
    seats: int


@dataclass(frozen=True, slots=True)
class School:
    """A school with its location, form and offers."""

    id: str
    name: str
    school_form: str
    lat: float
    lon: float
    offers: tuple[Offer, ...]


@dataclass(frozen=True, slots=True)
class Student:
    """A pupil waiting for a seat."""

    id: str
    lat: float
    lon: float
    level: str
    grade: int
    school_forms: tuple[str, ...]
    registered_on: dt.date
    sibling_group: str | None
    excluded_schools: frozenset[str]


@dataclass(frozen=True, slots=True)
class Instance:
    """A whole placement problem, validated."""

    reference_date: dt.date
    policy: Policy
    schools: tuple[School, ...]
    students: tuple[Student, ...]
    offers: tuple[Offer, ...] = field(default=())

    def waiting_days(self, student: Student) -> int:
        """Days from registration to the reference date, at least 0."""
        return max((self.reference_date - student.registered_on).days, 0)

    def unplaced_cost(self, student: Student) -> float:
        """What leaving this pupil without a seat costs."""
        p = self.policy
        return p.unplaced_penalty + p.unplaced_penalty_per_waiting_day * self.waiting_days(student)


def _where(kind: str, ident: object) -> str:
    return f"{kind} {ident}" if ident not in (None, "") else kind


def _num(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InstanceError(f"{what} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise InstanceError(f"{what} must be finite, got {value!r}")
    return float(value)


def _int(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise InstanceError(f"{what} must be an integer, got {value!r}")
    return value


def _str(value: object, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise InstanceError(f"{what} must be a non-empty string, got {value!r}")
    return value


def _date(value: object, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(_str(value, what))
    except ValueError:
        raise InstanceError(f"{what} is not an ISO date: {value!r}") from None


def _coords(obj: Mapping[str, Any], where: str) -> tuple[float, float]:
    for key in ("lat", "lon"):
        if obj.get(key) is None:
            raise InstanceError(f"{where}: missing coordinate {key!r}")
    lat = _num(obj["lat"], f"{where}: lat")
    lon = _num(obj["lon"], f"{where}: lon")
    if not -90.0 <= lat <= 90.0 or not -180.0 <= lon <= 180.0:
        raise InstanceError(f"{where}: coordinates ({lat}, {lon}) out of range")
    return lat, lon


def _level(value: object, where: str) -> str:
    if value not in LEVELS:
        raise InstanceError(
            f"{where}: unknown level {value!r} (expected one of {', '.join(LEVELS)})"
        )
    return str(value)


def _grade(value: object, where: str) -> int:
    grade = _int(value, f"{where}: grade")
    if not 1 <= grade <= 11:
        raise InstanceError(f"{where}: grade {grade} outside 1–11")
    return grade


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InstanceError(f"{what} must be an object")
    return value


def _list(value: object, what: str) -> Sequence[Any]:
    if not isinstance(value, list):
        raise InstanceError(f"{what} must be a list")
    return value


def _parse_policy(raw: Mapping[str, Any]) -> Policy:
    reach_raw = _mapping(raw.get("max_distance_km"), "policy.max_distance_km")
    reach: dict[str, float] = {}
    for level in LEVELS:
        if level not in reach_raw:
            raise InstanceError(f"policy.max_distance_km: missing level {level!r}")
        value = _num(reach_raw[level], f"policy.max_distance_km.{level}")
        if value < 0:
            raise InstanceError(f"policy.max_distance_km.{level}: negative distance {value}")
        reach[level] = value
    for level in reach_raw:
        if level not in LEVELS:
            raise InstanceError(f"policy.max_distance_km: unknown level {level!r}")
    weights = {}
    for key in ("unplaced_penalty", "unplaced_penalty_per_waiting_day", "sibling_split_penalty"):
        if key not in raw:
            raise InstanceError(f"policy: missing {key!r}")
        weights[key] = _num(raw[key], f"policy.{key}")
        if weights[key] < 0:
            raise InstanceError(f"policy.{key}: negative weight {weights[key]}")
    return Policy(max_distance_km=reach, **weights)


def _parse_offer(raw: object, school_id: str, index: int) -> Offer:
    offer = _mapping(raw, f"school {school_id}: offer #{index + 1}")
    oid = _str(offer.get("id"), f"school {school_id}: offer #{index + 1} id")
    where = f"offer {oid}"
    level = _level(offer.get("level"), where)
    grades = _list(offer.get("grades"), f"{where}: grades")
    if len(grades) != 2:
        raise InstanceError(f"{where}: grades must be [first, last]")
    lo, hi = (_grade(g, where) for g in grades)
    if lo > hi:
        raise InstanceError(f"{where}: grade range [{lo}, {hi}] is empty")
    seats = _int(offer.get("seats"), f"{where}: seats")
    if seats < 0:
        raise InstanceError(f"{where}: negative seats {seats}")
    return Offer(id=oid, school=school_id, level=level, grades=(lo, hi), seats=seats)


def _parse_school(raw: object, index: int) -> School:
    school = _mapping(raw, f"school #{index + 1}")
    sid = _str(school.get("id"), f"school #{index + 1} id")
    where = f"school {sid}"
    lat, lon = _coords(school, where)
    offers_raw = _list(school.get("offers", []), f"{where}: offers")
    offers = tuple(_parse_offer(o, sid, i) for i, o in enumerate(offers_raw))
    name = school.get("name") or ""
    if not isinstance(name, str):
        raise InstanceError(f"{where}: name must be a string")
    return School(
        id=sid,
        name=name,
        school_form=_str(school.get("school_form"), f"{where}: school_form"),
        lat=lat,
        lon=lon,
        offers=offers,
    )


def _parse_student(raw: object, index: int, school_ids: set[str]) -> Student:
    student = _mapping(raw, f"student #{index + 1}")
    pid = _str(student.get("id"), f"student #{index + 1} id")
    where = f"student {pid}"
    lat, lon = _coords(student, where)
    forms = _list(student.get("school_forms", []), f"{where}: school_forms")
    excluded = _list(student.get("excluded_schools", []), f"{where}: excluded_schools")
    for sid in excluded:
        if sid not in school_ids:
            raise InstanceError(f"{where}: unknown school {sid!r} in excluded_schools")
    group = student.get("sibling_group")
    if group is not None:
        group = _str(group, f"{where}: sibling_group")
    return Student(
        id=pid,
        lat=lat,
        lon=lon,
        level=_level(student.get("level"), where),
        grade=_grade(student.get("grade"), where),
        school_forms=tuple(_str(f, f"{where}: school_forms entry") for f in forms),
        registered_on=_date(student.get("registered_on"), f"{where}: registered_on"),
        sibling_group=group,
        excluded_schools=frozenset(excluded),
    )


def _unique(ids: Sequence[str], kind: str) -> None:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise InstanceError(f"{kind} {ident}: duplicate id")
        seen.add(ident)


def parse_instance(doc: object) -> Instance:
    """Validate a decoded JSON document and build an :class:`Instance`."""
    root = _mapping(doc, "instance")
    if root.get("format") != FORMAT:
        raise InstanceError(f"format: expected {FORMAT!r}, got {root.get('format')!r}")
    reference = _date(root.get("reference_date"), "reference_date")
    policy = _parse_policy(_mapping(root.get("policy"), "policy"))
    schools = tuple(
        _parse_school(s, i) for i, s in enumerate(_list(root.get("schools"), "schools"))
    )
    _unique([s.id for s in schools], "school")
    offers = tuple(o for s in schools for o in s.offers)
    _unique([o.id for o in offers], "offer")
    school_ids = {s.id for s in schools}
    students_raw = _list(root.get("students"), "students")
    students = tuple(_parse_student(p, i, school_ids) for i, p in enumerate(students_raw))
    _unique([p.id for p in students], "student")
    return Instance(
        reference_date=reference, policy=policy, schools=schools, students=students, offers=offers
    )


def loads_instance(text: str | bytes, source: str = "instance") -> Instance:
    """Parse JSON text; unparsable JSON becomes an :class:`InstanceError` naming the spot."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InstanceError(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except UnicodeDecodeError as exc:
        raise InstanceError(f"{source}: not valid UTF-8 ({exc.reason})") from None
    return parse_instance(doc)


def load_instance(path: str | Path) -> Instance:
    """Read and validate an instance file."""
    p = Path(path)
    return loads_instance(p.read_bytes(), source=str(p))


def instance_to_dict(instance: Instance) -> dict[str, Any]:
    """The JSON document of an instance (used by the benchmark generator and tests)."""
    pol = instance.policy
    return {
        "format": FORMAT,
        "reference_date": instance.reference_date.isoformat(),
        "policy": {
            "max_distance_km": dict(pol.max_distance_km),
            "unplaced_penalty": pol.unplaced_penalty,
            "unplaced_penalty_per_waiting_day": pol.unplaced_penalty_per_waiting_day,
            "sibling_split_penalty": pol.sibling_split_penalty,
        },
        "schools": [
            {
                "id": s.id,
                "name": s.name,
                "school_form": s.school_form,
                "lat": s.lat,
                "lon": s.lon,
                "offers": [
                    {"id": o.id, "level": o.level, "grades": list(o.grades), "seats": o.seats}
                    for o in s.offers
                ],
            }
            for s in instance.schools
        ],
        "students": [
            {
                "id": p.id,
                "lat": p.lat,
                "lon": p.lon,
                "level": p.level,
                "grade": p.grade,
                "school_forms": list(p.school_forms),
                "registered_on": p.registered_on.isoformat(),
                "sibling_group": p.sibling_group,
                "excluded_schools": sorted(p.excluded_schools),
            }
            for p in instance.students
        ],
    }
