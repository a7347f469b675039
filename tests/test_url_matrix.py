"""Every URL × every role: the expected HTTP status, in one table.

A URL pattern that is missing from ``MATRIX`` fails ``test_every_url_is_in_the_matrix``,
so a new page cannot ship without deciding who may see it. For URLs that name an object,
``foreign`` gives the kwargs of the same kind of object in another centre: every role must
get 404 there (never 403, which would confirm that the object exists).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import Staff, make_staff
from tests.factories import (
    AppointmentFactory,
    AssessmentFactory,
    ChildFactory,
    DocumentFactory,
    FamilyFactory,
    SlotFactory,
    link_school,
)

ROLES = (
    "anonymous",
    "centre_admin",
    "counsellor",
    "schulamt",
    "school_staff",
    "statistics",
    "department_contact",
    "state_office",
)


@dataclass
class World:
    """One centre with a bit of everything, and the same in a second centre."""

    staff: Staff
    other: Staff
    objects: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.objects[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def build_world() -> World:
    world = World(staff=make_staff("koeln"), other=make_staff("dortmund"))
    for prefix, staff in (("", world.staff), ("other_", world.other)):
        family = FamilyFactory(centre=staff.centre)
        child = ChildFactory(family=family)
        AssessmentFactory(child=child, assessed_by=staff.counsellor)
        slot = SlotFactory(counsellor=staff.counsellor)
        appointment = AppointmentFactory(
            slot=SlotFactory(counsellor=staff.counsellor), family=family
        )
        world.objects.update(
            {
                f"{prefix}family": family,
                f"{prefix}child": child,
                f"{prefix}slot": slot,
                f"{prefix}appointment": appointment,
            }
        )
    for hook in WORLD_HOOKS:
        hook(world)
    return world


# Apps that need more objects in the world register a function here.
WORLD_HOOKS: list[Callable[[World], None]] = []


# seiteneinstieg: cases
def _add_documents(world: World) -> None:
    world.objects["document"] = DocumentFactory(family=world.family)
    world.objects["other_document"] = DocumentFactory(family=world.other_family)


def _pdf_upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("pass.pdf", b"%PDF-1.4 Reisepass", content_type="application/pdf")


def _withdraw(world: World) -> dict[str, str]:
    """Each role withdraws a freshly registered child (the previous role closed it)."""
    type(world.child).objects.filter(pk=world.child.pk).update(status="registered")
    return {"to": "withdrawn", "reason": "Familie zieht zurück"}


WORLD_HOOKS.append(_add_documents)


def _add_guardians(world: World) -> None:
    """Two guardians per family, so that one may be removed."""
    from tests.factories import GuardianFactory

    for prefix in ("", "other_"):
        family = world.objects[f"{prefix}family"]
        world.objects[f"{prefix}guardian"] = GuardianFactory(family=family)
        GuardianFactory(family=family)


def _guardian_back(world: World) -> dict[str, str]:
    """Each role removes the same guardian (the previous role removed it): put it back."""
    guardian = world.guardian
    type(guardian).objects.get_or_create(
        pk=guardian.pk,
        defaults={"family": world.family, "first_name": "Olena", "last_name": "Kovalenko"},
    )
    return {}


WORLD_HOOKS.append(_add_guardians)


# seiteneinstieg: appointments and assessments
def _ical_token(world: World) -> dict[str, str]:
    from teilhabe.seiteneinstieg.selectors.appointments import ical_token

    return {"token": ical_token(world.staff.counsellor)}


def _rebook(world: World) -> dict[str, str]:
    """Each role cancels a live booking (the previous role cancelled it)."""
    type(world.appointment).objects.filter(pk=world.appointment.pk).update(status="booked")
    return {}


def _assessed(world: World) -> dict[str, str]:
    """Each role releases an assessed child (the previous role made it READY)."""
    type(world.child).objects.filter(pk=world.child.pk).update(status="assessed")
    return {}


# schulen
def _add_schools(world: World) -> None:
    """A school with an offer per centre; the other centre's school lies outside Köln."""
    from teilhabe.schulen.models import AreaChange
    from teilhabe.zuweisung.models import Placement
    from tests.factories import OfferFactory, SchoolFactory

    school = SchoolFactory()
    other_school = SchoolFactory(municipality_key="05913000", city="Dortmund")
    AreaChange.objects.create(centre=world.other.centre, school=other_school, included=True)
    for staff, sch, prefix in ((world.staff, school, ""), (world.other, other_school, "other_")):
        link_school(staff.school_staff, sch)
        world.objects[f"{prefix}school"] = sch
        world.objects[f"{prefix}offer"] = OfferFactory(centre=staff.centre, school=sch)
        proposed = ChildFactory(family=world.objects[f"{prefix}family"], status="proposed")
        world.objects[f"{prefix}placement"] = Placement.objects.create(
            centre=staff.centre,
            child=proposed,
            offer=world.objects[f"{prefix}offer"],
            created_by=staff.schulamt,
        )


WORLD_HOOKS.append(_add_schools)
SCHOOL_OFFICE = {"counsellor": 403, "statistics": 403}


def _propose_again(world: World) -> dict[str, str]:
    """Each role decides on a fresh proposal (the previous role decided it)."""
    placement = world.placement
    type(placement).objects.filter(pk=placement.pk).update(status="proposed")
    type(placement.child).objects.filter(pk=placement.child_id).update(status="proposed")
    return {"decision": "accept"}


MAP_READERS = {"school_staff": 403}


# oeffnung
def _add_oeffnung(world: World) -> None:
    """Departments, a survey wave and a measure per centre; the contact linked at home."""
    from teilhabe.oeffnung.models import CouncilReport
    from tests.factories import (
        CourseFactory,
        DepartmentFactory,
        MeasureFactory,
        RegistrationFactory,
        SessionFactory,
        WaveFactory,
        link_department,
    )

    for staff, prefix in ((world.staff, ""), (world.other, "other_")):
        department = DepartmentFactory(centre=staff.centre)
        world.objects[f"{prefix}department"] = department
        world.objects[f"{prefix}wave"] = WaveFactory(centre=staff.centre, departments=[department])
        world.objects[f"{prefix}measure"] = MeasureFactory(department=department)
        world.objects[f"{prefix}indicator"] = world.objects[f"{prefix}measure"].indicators.create(
            name="Beschäftigte mit Einwanderungsgeschichte", unit="%", baseline=12, target=20
        )
        world.objects[f"{prefix}report"] = CouncilReport.objects.create(
            centre=staff.centre, title="Fortschrittsbericht", year=2026
        )
        link_department(staff.department_contact, department)
        course = CourseFactory(centre=staff.centre)
        session = SessionFactory(course=course)
        registration = RegistrationFactory(course=course, status="confirmed", department=department)
        world.objects[f"{prefix}course"] = course
        world.objects[f"{prefix}session"] = session
        world.objects[f"{prefix}registration"] = registration


WORLD_HOOKS.append(_add_oeffnung)
KI = {"centre_admin": 200, "counsellor": 200}
KI_AND_STATISTICS = {**KI, "statistics": 200}
PROGRAMME_READERS = {**KI_AND_STATISTICS, "department_contact": 200}
PUBLIC = {role: 200 for role in ROLES}


@dataclass
class Row:
    expect: dict[str, int]
    kwargs: Callable[[World], dict[str, Any]] | None = None
    foreign: Callable[[World], dict[str, Any]] | None = None
    method: str = "get"
    data: Callable[[World], dict[str, Any]] | None = None


def roles(default: int, anonymous: int = 302, **overrides: int) -> dict[str, int]:
    """Expected status per role: ``default`` for staff roles unless overridden."""
    expect = {role: default for role in ROLES if role != "anonymous"}
    expect["anonymous"] = anonymous
    # the statewide office works on no centre's pages unless a row says otherwise
    expect["state_office"] = 403
    # a department's contact person (Interkulturelle Öffnung) sees only that work area
    expect["department_contact"] = 403
    expect.update(overrides)
    return expect


CASEWORK_ONLY = {"schulamt": 403, "school_staff": 403, "statistics": 403}

MATRIX: dict[str, Row] = {
    # core
    "core:home": Row(roles(200, state_office=200, department_contact=200)),
    "core:healthz": Row(roles(200, anonymous=200, state_office=200, department_contact=200)),
    # accounts
    "centres:login": Row(roles(302, anonymous=200, state_office=302, department_contact=302)),
    "centres:logout": Row(
        roles(302, anonymous=302, state_office=302, department_contact=302), method="post"
    ),
    "centres:otp_setup": Row(roles(200, state_office=200, department_contact=200)),
    "centres:otp_verify": Row(
        roles(302, state_office=302, department_contact=302)
    ),  # without 2FA required a user counts as verified
    # audit
    "audit:list": Row(roles(403, centre_admin=200)),
    # seiteneinstieg: cases
    "seiteneinstieg:child_detail": Row(
        roles(200, **{"school_staff": 403, "statistics": 403}),
        kwargs=lambda w: {"pk": w.child.pk},
        foreign=lambda w: {"pk": w.other_child.pk},
    ),
    "seiteneinstieg:child_status": Row(
        roles(302, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.child.pk},
        foreign=lambda w: {"pk": w.other_child.pk},
        method="post",
        data=_withdraw,
    ),
    "seiteneinstieg:family_create": Row(roles(200, **CASEWORK_ONLY)),
    "seiteneinstieg:family_detail": Row(
        roles(200, school_staff=403, statistics=403),
        kwargs=lambda w: {"pk": w.family.pk},
        foreign=lambda w: {"pk": w.other_family.pk},
    ),
    "seiteneinstieg:document_upload": Row(
        roles(302, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.family.pk},
        foreign=lambda w: {"pk": w.other_family.pk},
        method="post",
        data=lambda w: {"kind": "id", "file": _pdf_upload()},
    ),
    "seiteneinstieg:document_download": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.document.pk},
        foreign=lambda w: {"pk": w.other_document.pk},
    ),
    "seiteneinstieg:child_add": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.family.pk},
        foreign=lambda w: {"pk": w.other_family.pk},
    ),
    "seiteneinstieg:child_edit": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.child.pk},
        foreign=lambda w: {"pk": w.other_child.pk},
    ),
    "seiteneinstieg:family_edit": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.family.pk},
        foreign=lambda w: {"pk": w.other_family.pk},
    ),
    "seiteneinstieg:guardian_add": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.family.pk},
        foreign=lambda w: {"pk": w.other_family.pk},
    ),
    "seiteneinstieg:guardian_edit": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.family.pk, "guardian_pk": w.guardian.pk},
        foreign=lambda w: {"pk": w.other_family.pk, "guardian_pk": w.other_guardian.pk},
    ),
    "seiteneinstieg:guardian_remove": Row(
        roles(302, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.family.pk, "guardian_pk": w.guardian.pk},
        foreign=lambda w: {"pk": w.other_family.pk, "guardian_pk": w.other_guardian.pk},
        method="post",
        data=_guardian_back,
    ),
    # seiteneinstieg: appointments
    "seiteneinstieg:slot_list": Row(roles(200, **CASEWORK_ONLY)),
    "seiteneinstieg:appointment_book": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.family.pk},
        foreign=lambda w: {"pk": w.other_family.pk},
    ),
    "seiteneinstieg:appointment_action": Row(
        roles(302, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.appointment.pk, "action": "cancel"},
        foreign=lambda w: {"pk": w.other_appointment.pk, "action": "cancel"},
        method="post",
        data=_rebook,
    ),
    "seiteneinstieg:invitation_letter": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.appointment.pk},
        foreign=lambda w: {"pk": w.other_appointment.pk},
    ),
    # public: calendar apps cannot log in; the signed token names the counsellor
    "seiteneinstieg:ical_feed": Row(
        roles(200, anonymous=200, state_office=200, department_contact=200), kwargs=_ical_token
    ),
    "seiteneinstieg:ical_renew": Row(roles(302, **CASEWORK_ONLY), method="post"),
    # a booked slot: every allowed role is answered (302 with the reason), none deletes it
    "seiteneinstieg:slot_remove": Row(
        roles(302, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.appointment.slot_id},
        foreign=lambda w: {"pk": w.other_appointment.slot_id},
        method="post",
    ),
    # seiteneinstieg: assessments
    "seiteneinstieg:assessment_create": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.child.pk},
        foreign=lambda w: {"pk": w.other_child.pk},
    ),
    "seiteneinstieg:child_ready": Row(
        roles(302, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.child.pk},
        foreign=lambda w: {"pk": w.other_child.pk},
        method="post",
        data=_assessed,
    ),
    # seiteneinstieg: waiting list
    "seiteneinstieg:waiting_list": Row(roles(200, school_staff=403, statistics=403)),
    "seiteneinstieg:waiting_list_export": Row(
        roles(200, school_staff=403, statistics=403), kwargs=lambda w: {"fmt": "xlsx"}
    ),
    # the statistics rule (seiteneinstieg/rules.py) leaves school staff out: centre-wide figures
    "seiteneinstieg:statistics": Row(roles(200, school_staff=403)),
    # schulen
    "schulen:school_list": Row(roles(200, school_staff=302, statistics=403)),
    "schulen:school_detail": Row(
        roles(200, statistics=403),
        kwargs=lambda w: {"pk": w.school.pk},
        foreign=lambda w: {"pk": w.other_school.pk},
    ),
    "schulen:seat_report": Row(
        roles(200, **SCHOOL_OFFICE),
        kwargs=lambda w: {"pk": w.school.pk},
        foreign=lambda w: {"pk": w.other_school.pk},
    ),
    "schulen:offer_create": Row(
        roles(200, **SCHOOL_OFFICE),
        kwargs=lambda w: {"pk": w.school.pk},
        foreign=lambda w: {"pk": w.other_school.pk},
    ),
    "schulen:offer_edit": Row(
        roles(200, **SCHOOL_OFFICE),
        kwargs=lambda w: {"pk": w.offer.pk},
        foreign=lambda w: {"pk": w.other_offer.pk},
    ),
    "zuweisung:placement_decide": Row(
        roles(302, **SCHOOL_OFFICE),
        kwargs=lambda w: {"pk": w.placement.pk},
        foreign=lambda w: {"pk": w.other_placement.pk},
        method="post",
        data=_propose_again,
    ),
    "schulen:area": Row(roles(403, centre_admin=200)),
    "schulen:staff_links": Row(roles(403, centre_admin=200)),
    "schulen:directory_import": Row(roles(403, state_office=200)),
    "zuweisung:placement_export": Row(roles(200, school_staff=403, statistics=403)),
    "zuweisung:proposals_import": Row(roles(403, centre_admin=200, schulamt=200)),
    "zuweisung:proposals_compute": Row(roles(403, centre_admin=302, schulamt=302), method="post"),
    "zuweisung:map": Row(roles(200, **MAP_READERS)),
    "zuweisung:map_schools": Row(roles(200, **MAP_READERS)),
    "zuweisung:map_stadtteile": Row(roles(200, **MAP_READERS)),
    # oeffnung: departments and the staff survey
    "oeffnung:department_list": Row(roles(403, centre_admin=200)),
    "oeffnung:contact_link": Row(
        roles(403, centre_admin=302),
        method="post",
        data=lambda w: {"user": w.staff.department_contact.pk, "department": w.department.pk},
    ),
    "oeffnung:wave_list": Row(roles(403, **KI_AND_STATISTICS)),
    "oeffnung:wave_create": Row(roles(403, **KI)),
    "oeffnung:wave_detail": Row(
        roles(403, **KI_AND_STATISTICS),
        kwargs=lambda w: {"pk": w.wave.pk},
        foreign=lambda w: {"pk": w.other_wave.pk},
    ),
    "oeffnung:wave_codes": Row(
        roles(403, **KI),
        kwargs=lambda w: {"pk": w.wave.pk},
        foreign=lambda w: {"pk": w.other_wave.pk},
    ),
    "oeffnung:wave_export": Row(
        roles(403, **KI_AND_STATISTICS),
        kwargs=lambda w: {"pk": w.wave.pk, "fmt": "xlsx"},
        foreign=lambda w: {"pk": w.other_wave.pk, "fmt": "xlsx"},
    ),
    # public: the questionnaire needs no login (a wrong code re-shows the code form)
    "befragung:start": Row(PUBLIC, kwargs=lambda w: {"centre": w.staff.centre.slug}),
    "befragung:answer": Row(
        PUBLIC,
        kwargs=lambda w: {"centre": w.staff.centre.slug},
        method="post",
        data=lambda w: {"code": "AAAA-BBBB-CCCC-DDDD"},
    ),
    # oeffnung: measures programme
    "oeffnung:measure_list": Row(roles(403, **PROGRAMME_READERS)),
    "oeffnung:measure_detail": Row(
        roles(403, **PROGRAMME_READERS),
        kwargs=lambda w: {"pk": w.measure.pk},
        foreign=lambda w: {"pk": w.other_measure.pk},
    ),
    # the contact is linked to this measure's department: own department, so 200
    "oeffnung:measure_create": Row(roles(403, **KI, department_contact=200)),
    "oeffnung:measure_edit": Row(
        roles(403, **KI, department_contact=200),
        kwargs=lambda w: {"pk": w.measure.pk},
        foreign=lambda w: {"pk": w.other_measure.pk},
    ),
    "oeffnung:indicator_value": Row(
        roles(403, **{r: 302 for r in ("centre_admin", "counsellor", "department_contact")}),
        kwargs=lambda w: {"pk": w.indicator.pk},
        foreign=lambda w: {"pk": w.other_indicator.pk},
        method="post",
        data=lambda w: {"year": 2025, "value": "13.5"},
    ),
    "oeffnung:indicator_add": Row(
        roles(403, **{r: 302 for r in ("centre_admin", "counsellor", "department_contact")}),
        kwargs=lambda w: {"pk": w.measure.pk},
        foreign=lambda w: {"pk": w.other_measure.pk},
        method="post",
        data=lambda w: {"name": "Quote", "unit": "%", "baseline": "1", "target": "2"},
    ),
    "oeffnung:measure_import": Row(roles(403, **KI)),
    "oeffnung:report_list": Row(roles(403, **KI)),
    "oeffnung:report_edit": Row(
        roles(403, **KI),
        kwargs=lambda w: {"pk": w.report.pk},
        foreign=lambda w: {"pk": w.other_report.pk},
    ),
    "oeffnung:report_file": Row(
        roles(403, **KI),
        kwargs=lambda w: {"pk": w.report.pk, "fmt": "xlsx"},
        foreign=lambda w: {"pk": w.other_report.pk, "fmt": "xlsx"},
    ),
    # oeffnung: training (staff)
    "oeffnung:course_list": Row(roles(403, **KI)),
    "oeffnung:training_domains": Row(
        roles(403, centre_admin=302, counsellor=302),
        method="post",
        data=lambda w: {"domains": "stadt-koeln.de"},
    ),
    "oeffnung:training_figures": Row(roles(403, **KI_AND_STATISTICS)),
    "oeffnung:course_detail": Row(
        roles(403, **KI),
        kwargs=lambda w: {"pk": w.course.pk},
        foreign=lambda w: {"pk": w.other_course.pk},
    ),
    "oeffnung:session_add": Row(
        roles(403, centre_admin=302, counsellor=302),
        kwargs=lambda w: {"pk": w.course.pk},
        foreign=lambda w: {"pk": w.other_course.pk},
        method="post",
        data=lambda w: {},
    ),
    "oeffnung:course_ical": Row(
        roles(403, **KI),
        kwargs=lambda w: {"pk": w.course.pk},
        foreign=lambda w: {"pk": w.other_course.pk},
    ),
    "oeffnung:attendance": Row(
        roles(403, **KI),
        kwargs=lambda w: {"pk": w.session.pk},
        foreign=lambda w: {"pk": w.other_session.pk},
    ),
    "oeffnung:signin_sheet": Row(
        roles(403, **KI),
        kwargs=lambda w: {"pk": w.session.pk},
        foreign=lambda w: {"pk": w.other_session.pk},
    ),
    # the course is not over: no certificate, back to the course with the reason
    "oeffnung:certificate": Row(
        roles(403, centre_admin=302, counsellor=302),
        kwargs=lambda w: {"pk": w.registration.pk},
        foreign=lambda w: {"pk": w.other_registration.pk},
    ),
    # public: training pages need no login (the e-mail links carry their token)
    "fortbildung:catalogue": Row(PUBLIC, kwargs=lambda w: {"centre": w.staff.centre.slug}),
    "fortbildung:register": Row(
        PUBLIC,
        kwargs=lambda w: {"centre": w.staff.centre.slug, "pk": w.course.pk},
        foreign=lambda w: {"centre": w.staff.centre.slug, "pk": w.other_course.pk},
    ),
    "fortbildung:confirm": Row(
        PUBLIC,
        kwargs=lambda w: {"centre": w.staff.centre.slug, "token": w.registration.token},
        foreign=lambda w: {"centre": w.staff.centre.slug, "token": w.other_registration.token},
    ),
    "fortbildung:accept": Row(
        PUBLIC,
        kwargs=lambda w: {"centre": w.staff.centre.slug, "token": w.registration.token},
        foreign=lambda w: {"centre": w.staff.centre.slug, "token": w.other_registration.token},
    ),
    "fortbildung:cancel": Row(
        PUBLIC,
        kwargs=lambda w: {"centre": w.staff.centre.slug, "token": w.registration.token},
        foreign=lambda w: {"centre": w.staff.centre.slug, "token": w.other_registration.token},
    ),
    # each role finalises a fresh draft (the previous role finished it)
    "oeffnung:report_finalise": Row(
        roles(403, **{r: 302 for r in ("centre_admin", "counsellor")}),
        kwargs=lambda w: {"pk": w.report.pk},
        foreign=lambda w: {"pk": w.other_report.pk},
        method="post",
    ),
}


def all_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if pattern.namespace and namespace:
                    inner = f"{namespace}:{pattern.namespace}"
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return names


def test_every_url_is_in_the_matrix():
    missing = all_url_names() - set(MATRIX)
    assert not missing, f"URLs without a row in the role matrix: {sorted(missing)}"
    stale = set(MATRIX) - all_url_names()
    assert not stale, f"Matrix rows for URLs that no longer exist: {sorted(stale)}"


def _request(client: Client, row: Row, url: str, world: World) -> int:
    data = row.data(world) if row.data else {}
    return getattr(client, row.method)(url, data).status_code


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_role_matrix(name: str):
    row = MATRIX[name]
    world = build_world()
    url = reverse(name, kwargs=row.kwargs(world) if row.kwargs else None)
    seen = {}
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(world.staff.by_role(role))
        seen[role] = _request(client, row, url, world)
    assert seen == row.expect


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(n for n, r in MATRIX.items() if r.foreign))
def test_other_centres_objects_answer_404(name: str):
    row = MATRIX[name]
    world = build_world()
    url = reverse(name, kwargs=row.foreign(world))
    for role in ROLES[1:]:
        client = Client()
        client.force_login(world.staff.by_role(role))
        status = _request(client, row, url, world)
        assert status in (403, 404), f"{role} got {status} for another centre's object"
        if row.expect[role] not in (403,):
            assert status == 404, f"{role} got {status} instead of 404"
