"""Every URL × every role: the expected HTTP status, in one table.

A URL pattern that is missing from ``MATRIX`` fails ``test_every_url_is_in_the_matrix``,
so a new page cannot ship without deciding who may see it. For URLs that name an object,
``foreign`` gives the kwargs of the same kind of object in another centre: every role must
get 404 there (never 403, which would confirm that the object exists).
"""

from __future__ import annotations

import datetime as dt
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
    "council_office",
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


MAP_READERS = {"school_staff": 403}
RUN_READERS = {"school_staff": 403, "statistics": 403}


def _add_runs(world: World) -> None:
    """A draft run with one draft proposal and an accepted placement, per centre."""
    import datetime as dt

    from teilhabe.zuweisung.models import Placement, PlacementRun
    from tests.factories import AssessmentFactory

    for staff, prefix in ((world.staff, ""), (world.other, "other_")):
        run = PlacementRun.objects.create(
            centre=staff.centre, kind="batch", status="draft", started_by=staff.schulamt
        )
        ready = ChildFactory(family=world.objects[f"{prefix}family"], status="ready")
        AssessmentFactory(child=ready, assessed_by=staff.counsellor)
        offer = world.objects[f"{prefix}offer"]
        world.objects[f"{prefix}run"] = run
        world.objects[f"{prefix}draft"] = Placement.objects.create(
            centre=staff.centre,
            child=ready,
            offer=offer,
            run=run,
            status="draft",
            created_by=staff.schulamt,
        )
        world.objects[f"{prefix}accepted"] = Placement.objects.create(
            centre=staff.centre,
            child=ChildFactory(family=world.objects[f"{prefix}family"], status="accepted"),
            offer=offer,
            status="accepted",
            start_date=dt.date.today(),
            created_by=staff.schulamt,
        )


WORLD_HOOKS.append(_add_runs)


# exports: background jobs
def _add_jobs(world: World) -> None:
    """A finished export job with a file, started by the counsellor of each centre."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from teilhabe.exports.models import Job, JobStatus

    for prefix, staff in (("", world.staff), ("other_", world.other)):
        job = Job(
            centre=staff.centre,
            owner=staff.counsellor,
            kind="seiteneinstieg.waiting_list_csv",
            status=JobStatus.DONE,
            progress=100,
            result_filename="warteliste.csv",
            result_content_type="text/csv; charset=utf-8",
            finished_at=timezone.now(),
        )
        job.result_file.save("warteliste.csv", ContentFile(b"\xef\xbb\xbfA;B\r\n"), save=False)
        job.save()
        world.objects[f"{prefix}job"] = job


WORLD_HOOKS.append(_add_jobs)


# the statewide office (/land/)
def _add_directory_uploads(world: World) -> None:
    """A directory file awaiting its preview, uploaded by each installation's office."""
    from pathlib import Path

    from teilhabe.schulen.services.directory import store_directory_upload

    data = (Path(__file__).resolve().parent / "schulen" / "data" / "msb_sample.csv").read_bytes()
    for prefix, staff in (("", world.staff), ("other_", world.other)):
        world.objects[f"{prefix}upload"] = store_directory_upload(
            actor=staff.state_office, data=data, file_name="schuldaten.csv"
        )


WORLD_HOOKS.append(_add_directory_uploads)


# centres: accounts
def _add_accounts(world: World) -> None:
    """Per centre: an invited account, a deactivated one, and one with a second factor."""
    from django.db import transaction
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from teilhabe.centres.services import invite_user
    from tests.factories import UserFactory

    for prefix, staff in (("", world.staff), ("other_", world.other)):
        with transaction.atomic():
            invitee = invite_user(
                actor=staff.centre_admin,
                centre=staff.centre,
                email=f"neu-{staff.centre.slug}@example.org",
                first_name="Neu",
                last_name="Eingeladen",
                role="counsellor",
            )
        world.objects[f"{prefix}invitee"] = invitee
        world.objects[f"{prefix}retired"] = UserFactory(centre=staff.centre, is_active=False)
        colleague = UserFactory(centre=staff.centre)
        TOTPDevice.objects.create(user=colleague, name="App", confirmed=True)
        world.objects[f"{prefix}colleague"] = colleague


WORLD_HOOKS.append(_add_accounts)


def _invitation_token(world: World) -> dict[str, str]:
    from teilhabe.centres.selectors import invitation_token

    return {"token": invitation_token(world.invitee)}


def _reset_link(world: World) -> dict[str, str]:
    """A link with a wrong token: every role sees the page that says so."""
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    return {"uidb64": urlsafe_base64_encode(force_bytes(world.colleague.pk)), "token": "x-y"}


# integrationsrat: the council's office, its public pages and OParl
def _add_council(world: World) -> None:
    from tests.integrationsrat.conftest import build_council

    world.objects["council"] = build_council(world.staff.council_office)
    world.objects["other_council"] = build_council(world.other.council_office)


WORLD_HOOKS.append(_add_council)
PUBLIC = {"anonymous": 200, "state_office": 200, "council_office": 200}
COUNCIL_READERS = {"schulamt": 403, "school_staff": 403, "council_office": 200}
COUNCIL_OFFICE = {"centre_admin": 200, "council_office": 200}
COUNCIL_POSTS = {"centre_admin": 302, "council_office": 302}


def _public(world: World, **kwargs: Any) -> dict[str, Any]:
    return {"centre": world.staff.centre.slug, **kwargs}


def _meeting(prefix: str = "") -> Callable[[World], dict[str, Any]]:
    return lambda w: {"pk": w.objects[f"{prefix}council"].meeting.pk}


def _paper(prefix: str = "") -> Callable[[World], dict[str, Any]]:
    return lambda w: {"pk": w.objects[f"{prefix}council"].public_paper.pk}


def _council_pdf(world: World) -> dict[str, Any]:
    from tests.integrationsrat.conftest import pdf_upload

    return {"upload": pdf_upload(), "name": "Anlage"}


def _put_item_back(world: World) -> dict[str, str]:
    """Each role removes the same item (the previous role removed it): put it back."""
    item = world.council.public_item
    type(item).objects.filter(pk=item.pk).update(deleted_at=None)
    return {}


def _put_paper_back(world: World) -> dict[str, str]:
    paper = world.council.public_paper
    type(paper).objects.filter(pk=paper.pk).update(deleted_at=None)
    return {}


def _result(world: World) -> dict[str, str]:
    item = world.council.public_item
    return {f"top{item.pk}-outcome": "adopted", f"top{item.pk}-yes": "0"}


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


def _add_anmeldung(world: World) -> None:
    """A self-registered family with a booking in each centre, and its secret link."""
    from django.utils import timezone

    from teilhabe.centres.services import publish_privacy_notice
    from teilhabe.seiteneinstieg.models import SelfRegistration
    from teilhabe.seiteneinstieg.services.self_registration import manage_token, token_hash

    for staff, prefix in ((world.staff, ""), (world.other, "other_")):
        notice = publish_privacy_notice(
            actor=staff.centre_admin, purpose="self_registration", texts={"de": "Hinweis"}
        )
        family = FamilyFactory(centre=staff.centre, reference=f"F-{prefix}ONLINE")
        AppointmentFactory(slot=SlotFactory(counsellor=staff.counsellor), family=family)
        registration = SelfRegistration.objects.create(
            centre=staff.centre,
            family=family,
            reference=f"A-{prefix}TEST",
            language="uk",
            privacy_notice=notice,
            consented_at=timezone.now(),
            form_token=f"{prefix}token",
        )
        token = manage_token(registration)
        SelfRegistration.objects.filter(pk=registration.pk).update(
            manage_token_hash=token_hash(token)
        )
        world.objects[f"{prefix}anmeldung_token"] = token


WORLD_HOOKS.append(_add_anmeldung)


def _anmeldung(w: World, **kwargs: Any) -> dict[str, Any]:
    return {"centre": w.staff.centre.slug, "lang": "uk", **kwargs}


KI = {"centre_admin": 200, "counsellor": 200}
KI_AND_STATISTICS = {**KI, "statistics": 200}
PROGRAMME_READERS = {**KI_AND_STATISTICS, "department_contact": 200}
PUBLIC = {role: 200 for role in ROLES}


# foerderung: funding (KOMM-AN NRW)
def _add_foerderung(world: World) -> None:
    from tests.foerderung.factories import matrix_objects

    for prefix, staff in (("", world.staff), ("other_", world.other)):
        world.objects[f"{prefix}foerderung"] = matrix_objects(staff)


WORLD_HOOKS.append(_add_foerderung)


def _fund(key: str, prefix: str = "") -> Callable[[World], dict[str, Any]]:
    return lambda w: {"pk": w.objects[f"{prefix}foerderung"][key].pk}


def _fund_attachment(prefix: str = "") -> Callable[[World], dict[str, Any]]:
    def kwargs(w: World) -> dict[str, Any]:
        objects = w.objects[f"{prefix}foerderung"]
        return {"pk": objects["application"].pk, "attachment": objects["attachment"].pk}

    return kwargs


def _fund_token(w: World) -> dict[str, Any]:
    return {"centre": w.staff.centre.slug, "lang": "de", "token": w.foerderung["token"]}


def _fund_foreign_token(w: World) -> dict[str, Any]:
    """Another centre's personal link under this centre's address: 404."""
    return {"centre": w.staff.centre.slug, "lang": "de", "token": w.other_foerderung["token"]}


def _fund_public(w: World, **kwargs: Any) -> dict[str, Any]:
    return {"centre": w.staff.centre.slug, "lang": "de", **kwargs}


# portal: the centre's public site and its staff pages
def _add_portal(world: World) -> None:
    from tests.portal.factories import make_document, make_event, make_offer

    for staff, prefix in ((world.staff, ""), (world.other, "other_")):
        world.objects[f"{prefix}portal_offer"] = make_offer(staff.centre)
        world.objects[f"{prefix}portal_event"] = make_event(staff.centre)
        world.objects[f"{prefix}portal_document"] = make_document(staff.centre)


WORLD_HOOKS.append(_add_portal)
PORTAL_STAFF = {"centre_admin": 200, "counsellor": 200}
PORTAL_POSTS = {"centre_admin": 302, "counsellor": 302}


def _portal(world: World, **kwargs: Any) -> dict[str, Any]:
    return {"centre": world.staff.centre.slug, "lang": "uk", **kwargs}


def _portal_put_back(name: str) -> Callable[[World], dict[str, Any]]:
    """Each role deletes the same object (the previous role deleted it): make a new one."""

    def data(world: World) -> dict[str, Any]:
        from tests.portal import factories

        obj = world.objects[f"portal_{name}"]
        if not type(obj).objects.filter(pk=obj.pk).exists():
            getattr(factories, f"make_{name}")(world.staff.centre, pk=obj.pk)
        return {}

    return data


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
    # the council office (Geschäftsstelle Integrationsrat) works only on the council's pages
    expect["council_office"] = 403
    # a department's contact person (Interkulturelle Öffnung) sees only that work area
    expect["department_contact"] = 403
    expect.update(overrides)
    return expect


STATEWIDE_ONLY = roles(403, state_office=200)
EVERYONE = roles(200, anonymous=200, state_office=200, council_office=200, department_contact=200)
ADMIN_ONLY = roles(403, centre_admin=200)
ADMIN_POST = roles(403, centre_admin=302)

CASEWORK_ONLY = {"schulamt": 403, "school_staff": 403, "statistics": 403}
# A job is seen by the user who started it (here the counsellor) and nobody else: 404.
JOB_OWNER_ONLY = roles(404, counsellor=200, council_office=404, department_contact=404)

FUND_READERS = roles(403, centre_admin=200, counsellor=200, statistics=200)
FUND_REVIEW_POST = roles(403, centre_admin=302, counsellor=302)
API_USERS = {"centre_admin": 200, "counsellor": 200, "schulamt": 200, "school_staff": 200}
API_ONLY_BEARER = {role: 401 for role in ROLES}


def _api_token(user: Any) -> int:
    from django.db import transaction

    from teilhabe.api.services import create_token

    with transaction.atomic():
        token, _secret = create_token(actor=user, user=user, name="Matrix", scopes=["cases:read"])
    return token.pk


MATRIX: dict[str, Row] = {
    # core
    "core:home": Row(roles(200, state_office=200, council_office=200, department_contact=200)),
    "core:healthz": Row(
        roles(200, anonymous=200, state_office=200, council_office=200, department_contact=200)
    ),
    # accounts
    "centres:login": Row(
        roles(302, anonymous=200, state_office=302, council_office=302, department_contact=302)
    ),
    "centres:logout": Row(
        roles(302, anonymous=302, state_office=302, council_office=302, department_contact=302),
        method="post",
    ),
    "centres:otp_setup": Row(
        roles(200, state_office=200, council_office=200, department_contact=200)
    ),
    "centres:otp_verify": Row(
        roles(302, state_office=302, council_office=302, department_contact=302)
    ),  # without 2FA required a user counts as verified
    "centres:account_list": Row(ADMIN_ONLY),
    "centres:account_invite": Row(ADMIN_ONLY),
    "centres:account_edit": Row(
        ADMIN_ONLY,
        kwargs=lambda w: {"pk": w.staff.counsellor.pk},
        foreign=lambda w: {"pk": w.other.counsellor.pk},
    ),
    "centres:account_resend": Row(
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.invitee.pk},
        foreign=lambda w: {"pk": w.other_invitee.pk},
        method="post",
    ),
    "centres:account_deactivate": Row(
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.colleague.pk},
        foreign=lambda w: {"pk": w.other_colleague.pk},
        method="post",
    ),
    "centres:account_reactivate": Row(
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.retired.pk},
        foreign=lambda w: {"pk": w.other_retired.pk},
        method="post",
    ),
    "centres:account_totp_reset": Row(
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.colleague.pk},
        foreign=lambda w: {"pk": w.other_colleague.pk},
        method="post",
    ),
    # reached from a mail link: open to everyone, logged in or not
    "centres:invitation_accept": Row(EVERYONE, kwargs=_invitation_token),
    "centres:password_reset": Row(EVERYONE),
    "centres:password_reset_done": Row(EVERYONE),
    "centres:password_reset_confirm": Row(EVERYONE, kwargs=_reset_link),
    "centres:password_reset_complete": Row(EVERYONE),
    # audit
    "audit:list": Row(roles(403, centre_admin=200)),
    "audit:processing_record": Row(roles(403, centre_admin=200)),
    "audit:processing_record_download": Row(roles(403, centre_admin=200)),
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
    "seiteneinstieg:read_log": Row(
        roles(403, centre_admin=200),
        kwargs=lambda w: {"pk": w.family.pk},
        foreign=lambda w: {"pk": w.other_family.pk},
    ),
    "seiteneinstieg:child_access_export": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.child.pk},
        foreign=lambda w: {"pk": w.other_child.pk},
        method="post",
    ),
    "seiteneinstieg:guardian_access_export": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.family.pk, "guardian_pk": w.guardian.pk},
        foreign=lambda w: {"pk": w.other_family.pk, "guardian_pk": w.other_guardian.pk},
        method="post",
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
    # the confirmation page; the POST that removes is tested in tests/seiteneinstieg
    "seiteneinstieg:document_remove": Row(
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
        roles(200, anonymous=200, state_office=200, council_office=200, department_contact=200),
        kwargs=_ical_token,
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
    "seiteneinstieg:walk_in": Row(
        roles(200, **CASEWORK_ONLY),
        kwargs=lambda w: {"pk": w.family.pk},
        foreign=lambda w: {"pk": w.other_family.pk},
    ),
    # seiteneinstieg: search (everyone who may open a case)
    "seiteneinstieg:search": Row(roles(200, school_staff=403, statistics=403)),
    # seiteneinstieg: waiting list
    "seiteneinstieg:waiting_list": Row(roles(200, school_staff=403, statistics=403)),
    # starts a background job and redirects to its page
    "seiteneinstieg:waiting_list_export": Row(
        roles(302, school_staff=403, statistics=403),
        kwargs=lambda w: {"fmt": "xlsx"},
        method="post",
        data=lambda w: {"status": "registered"},
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
    "schulen:area": Row(roles(403, centre_admin=200)),
    "schulen:staff_links": Row(roles(403, centre_admin=200)),
    "zuweisung:placement_export": Row(roles(200, school_staff=403, statistics=403)),
    "zuweisung:proposals_import": Row(roles(403, centre_admin=200, schulamt=200)),
    "zuweisung:run_list": Row(roles(200, **RUN_READERS)),
    "zuweisung:run_start": Row(roles(302, **RUN_READERS), method="post"),
    "zuweisung:run_detail": Row(
        roles(200, **RUN_READERS),
        kwargs=lambda w: {"pk": w.run.pk},
        foreign=lambda w: {"pk": w.other_run.pk},
    ),
    "zuweisung:run_release": Row(
        roles(403, centre_admin=302, schulamt=302),
        method="post",
        kwargs=lambda w: {"pk": w.run.pk},
        foreign=lambda w: {"pk": w.other_run.pk},
    ),
    "zuweisung:run_discard": Row(
        roles(403, centre_admin=302, schulamt=302),
        method="post",
        kwargs=lambda w: {"pk": w.run.pk},
        foreign=lambda w: {"pk": w.other_run.pk},
    ),
    "zuweisung:run_set_offer": Row(
        roles(403, centre_admin=302, schulamt=302),
        method="post",
        kwargs=lambda w: {"pk": w.run.pk},
        foreign=lambda w: {"pk": w.other_run.pk},
        data=lambda w: {"child": w.draft.child_id, "offer": w.offer.pk},
    ),
    "zuweisung:run_exclude": Row(
        roles(403, centre_admin=302, schulamt=302),
        method="post",
        kwargs=lambda w: {"pk": w.run.pk},
        foreign=lambda w: {"pk": w.other_run.pk},
        data=lambda w: {"child": w.draft.child_id, "school": w.school.pk},
    ),
    "zuweisung:placement_lock": Row(
        roles(403, centre_admin=302, schulamt=302),
        method="post",
        kwargs=lambda w: {"pk": w.draft.pk},
        foreign=lambda w: {"pk": w.other_draft.pk},
        data=lambda w: {"locked": "1"},
    ),
    "zuweisung:child_request": Row(
        roles(302, **RUN_READERS),
        method="post",
        kwargs=lambda w: {"pk": w.child.pk},
        foreign=lambda w: {"pk": w.other_child.pk},
    ),
    "zuweisung:school_proposals": Row(roles(200, **SCHOOL_OFFICE)),
    "zuweisung:placement_accept": Row(
        roles(200, **SCHOOL_OFFICE),
        kwargs=lambda w: {"pk": w.placement.pk},
        foreign=lambda w: {"pk": w.other_placement.pk},
    ),
    "zuweisung:placement_decline": Row(
        roles(200, **SCHOOL_OFFICE),
        kwargs=lambda w: {"pk": w.placement.pk},
        foreign=lambda w: {"pk": w.other_placement.pk},
    ),
    "zuweisung:placement_first_day": Row(
        roles(200, **SCHOOL_OFFICE),
        kwargs=lambda w: {"pk": w.accepted.pk},
        foreign=lambda w: {"pk": w.other_accepted.pk},
    ),
    "zuweisung:placement_letter": Row(
        roles(200, school_staff=403, statistics=403),
        kwargs=lambda w: {"pk": w.accepted.pk},
        foreign=lambda w: {"pk": w.other_accepted.pk},
    ),
    "zuweisung:metrics": Row(roles(200, school_staff=403)),
    "zuweisung:metrics_export": Row(roles(200, school_staff=403)),
    "zuweisung:map": Row(roles(200, **MAP_READERS)),
    "zuweisung:map_schools": Row(roles(200, **MAP_READERS)),
    "zuweisung:map_stadtteile": Row(roles(200, **MAP_READERS)),
    # exports: every staff member has a job list (their own jobs only)
    "exports:job_list": Row(roles(200, council_office=200, department_contact=200)),
    "exports:job_detail": Row(
        JOB_OWNER_ONLY,
        kwargs=lambda w: {"pk": w.job.pk},
        foreign=lambda w: {"pk": w.other_job.pk},
    ),
    "exports:job_status": Row(
        JOB_OWNER_ONLY,
        kwargs=lambda w: {"pk": w.job.pk},
        foreign=lambda w: {"pk": w.other_job.pk},
    ),
    "exports:job_download": Row(
        JOB_OWNER_ONLY,
        kwargs=lambda w: {"pk": w.job.pk},
        foreign=lambda w: {"pk": w.other_job.pk},
    ),
    # the statewide office: centres, figures and the school directory (no centre's cases)
    "land:centre_list": Row(STATEWIDE_ONLY),
    "land:centre_create": Row(STATEWIDE_ONLY),
    "land:centre_edit": Row(STATEWIDE_ONLY, kwargs=lambda w: {"pk": w.staff.centre.pk}),
    "land:figures": Row(STATEWIDE_ONLY),
    "land:directory_upload": Row(STATEWIDE_ONLY),
    # a preview belongs to whoever uploaded the file: another office's upload is 404
    "land:directory_preview": Row(
        STATEWIDE_ONLY,
        kwargs=lambda w: {"pk": w.upload.pk},
        foreign=lambda w: {"pk": w.other_upload.pk},
    ),
    # integrationsrat: public pages and OParl answer everyone, without login
    "integrationsrat_public:calendar": Row(roles(200, **PUBLIC), kwargs=_public),
    "integrationsrat_public:meeting": Row(
        roles(200, **PUBLIC), kwargs=lambda w: _public(w, pk=w.council.meeting.pk)
    ),
    "integrationsrat_public:members": Row(roles(200, **PUBLIC), kwargs=_public),
    "integrationsrat_public:papers": Row(roles(200, **PUBLIC), kwargs=_public),
    "integrationsrat_public:paper": Row(
        roles(200, **PUBLIC), kwargs=lambda w: _public(w, pk=w.council.public_paper.pk)
    ),
    "oparl:system": Row(roles(200, **PUBLIC)),
    "oparl:body_list": Row(roles(200, **PUBLIC)),
    "oparl:body": Row(roles(200, **PUBLIC), kwargs=lambda w: {"body": w.staff.centre.slug}),
    "oparl:body_items": Row(
        roles(200, **PUBLIC), kwargs=lambda w: {"body": w.staff.centre.slug, "kind": "paper"}
    ),
    "oparl:organization": Row(roles(200, **PUBLIC), kwargs=lambda w: {"body": w.staff.centre.slug}),
    "oparl:item": Row(
        roles(200, **PUBLIC), kwargs=lambda w: {"kind": "meeting", "pk": w.council.meeting.pk}
    ),
    "oparl:file_access": Row(
        roles(200, **PUBLIC), kwargs=lambda w: {"pk": w.council.public_file.pk}
    ),
    "oparl:file_download": Row(
        roles(200, **PUBLIC), kwargs=lambda w: {"pk": w.council.public_file.pk}
    ),
    # integrationsrat: the office (Geschäftsstelle) manages, KI staff read
    "integrationsrat:overview": Row(roles(200, **COUNCIL_READERS)),
    "integrationsrat:members": Row(roles(200, **COUNCIL_READERS)),
    "integrationsrat:papers": Row(roles(200, **COUNCIL_READERS)),
    "integrationsrat:meeting_detail": Row(
        roles(200, **COUNCIL_READERS), kwargs=_meeting(), foreign=_meeting("other_")
    ),
    "integrationsrat:packet": Row(
        roles(200, **COUNCIL_READERS), kwargs=_meeting(), foreign=_meeting("other_")
    ),
    "integrationsrat:minutes": Row(
        roles(200, **COUNCIL_READERS), kwargs=_meeting(), foreign=_meeting("other_")
    ),
    "integrationsrat:paper_detail": Row(
        roles(200, **COUNCIL_READERS), kwargs=_paper(), foreign=_paper("other_")
    ),
    "integrationsrat:file_download": Row(
        roles(200, **COUNCIL_READERS),
        kwargs=lambda w: {"pk": w.council.public_file.pk},
        foreign=lambda w: {"pk": w.other_council.public_file.pk},
    ),
    "integrationsrat:term_create": Row(roles(403, **COUNCIL_OFFICE)),
    "integrationsrat:member_add": Row(roles(403, **COUNCIL_OFFICE)),
    "integrationsrat:location_create": Row(roles(403, **COUNCIL_OFFICE)),
    "integrationsrat:meeting_create": Row(roles(403, **COUNCIL_OFFICE)),
    "integrationsrat:paper_create": Row(roles(403, **COUNCIL_OFFICE)),
    "integrationsrat:membership_end": Row(
        roles(403, **COUNCIL_POSTS),
        kwargs=lambda w: {"pk": w.council.members[2].pk},
        foreign=lambda w: {"pk": w.other_council.members[2].pk},
        method="post",
        data=lambda w: {"end_date": w.council.term.end_date.isoformat()},
    ),
    "integrationsrat:person_edit": Row(
        roles(403, **COUNCIL_OFFICE),
        kwargs=lambda w: {"pk": w.council.members[0].person_id},
        foreign=lambda w: {"pk": w.other_council.members[0].person_id},
    ),
    "integrationsrat:agenda_item_remove": Row(
        roles(403, **COUNCIL_POSTS),
        kwargs=lambda w: {"pk": w.council.public_item.pk},
        foreign=lambda w: {"pk": w.other_council.public_item.pk},
        method="post",
        data=_put_item_back,
    ),
    "integrationsrat:paper_delete": Row(
        roles(403, **COUNCIL_POSTS),
        kwargs=_paper(),
        foreign=_paper("other_"),
        method="post",
        data=_put_paper_back,
    ),
    "integrationsrat:agenda_item_add": Row(
        roles(403, **COUNCIL_POSTS),
        kwargs=_meeting(),
        foreign=_meeting("other_"),
        method="post",
        data=lambda w: {"name": "Verschiedenes", "public": "on"},
    ),
    "integrationsrat:invitation_publish": Row(
        roles(403, **COUNCIL_POSTS), kwargs=_meeting(), foreign=_meeting("other_"), method="post"
    ),
    "integrationsrat:attendance": Row(
        roles(403, **COUNCIL_POSTS),
        kwargs=_meeting(),
        foreign=_meeting("other_"),
        method="post",
        data=lambda w: {"present": [m.person_id for m in w.council.members]},
    ),
    "integrationsrat:item_result": Row(
        roles(403, **COUNCIL_POSTS),
        kwargs=lambda w: {"pk": w.council.public_item.pk},
        foreign=lambda w: {"pk": w.other_council.public_item.pk},
        method="post",
        data=_result,
    ),
    "integrationsrat:minutes_approve": Row(
        roles(403, **COUNCIL_POSTS),
        kwargs=_meeting(),
        foreign=_meeting("other_"),
        method="post",
        data=lambda w: {"approved_in": w.council.meeting.pk},
    ),
    "integrationsrat:file_upload": Row(
        roles(403, **COUNCIL_POSTS),
        kwargs=_paper(),
        foreign=_paper("other_"),
        method="post",
        data=_council_pdf,
    ),
    "integrationsrat:consultation_add": Row(
        roles(403, **COUNCIL_POSTS),
        kwargs=_paper(),
        foreign=_paper("other_"),
        method="post",
        data=lambda w: {"committee": "Ausschuss für Soziales", "role": "preliminary"},
    ),
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
    # anmeldung: the families' registration and booking, public (the link's token decides)
    "anmeldung:register": Row(PUBLIC, kwargs=_anmeldung),
    "anmeldung:manage": Row(
        PUBLIC,
        kwargs=lambda w: _anmeldung(w, token=w.anmeldung_token),
        foreign=lambda w: _anmeldung(w, token=w.other_anmeldung_token),
    ),
    "anmeldung:ics": Row(
        PUBLIC,
        kwargs=lambda w: _anmeldung(w, token=w.anmeldung_token),
        foreign=lambda w: _anmeldung(w, token=w.other_anmeldung_token),
    ),
    "anmeldung:cancel": Row(
        PUBLIC,
        kwargs=lambda w: _anmeldung(w, token=w.anmeldung_token),
        foreign=lambda w: _anmeldung(w, token=w.other_anmeldung_token),
    ),
    "centres:privacy_notice_list": Row(ADMIN_ONLY),
    # the API (teilhabe.api): its pages, and /api/v1/ — which answers only to a bearer token,
    # so a logged-in session gets 401 like anyone. Tokens × scopes × roles and other centres'
    # objects (404) are tested in tests/api (test_endpoints.py, test_schemathesis.py).
    "api:tokens": Row(roles(403, **API_USERS)),
    "api:token_revoke": Row(
        roles(403, centre_admin=302, counsellor=404, schulamt=404, school_staff=404),
        kwargs=lambda w: {"pk": _api_token(w.staff.centre_admin)},
        foreign=lambda w: {"pk": _api_token(w.other.centre_admin)},
        method="post",
    ),
    "api:schema": Row(EVERYONE),
    "api:docs": Row(EVERYONE),
    **{
        f"api:{name}": Row(API_ONLY_BEARER, kwargs=kwargs, method=method)
        for name, kwargs, method in (
            ("case-list", None, "get"),
            ("case-detail", lambda w: {"pk": w.child.pk}, "get"),
            ("appointment-list", None, "get"),
            ("appointment-detail", lambda w: {"pk": w.appointment.pk}, "get"),
            ("free-slot-list", None, "get"),
            ("free-slot-detail", lambda w: {"pk": w.slot.pk}, "get"),
            ("school-list", None, "get"),
            ("school-detail", lambda w: {"pk": w.school.pk}, "get"),
            ("seat-report-list", None, "get"),
            ("seat-report-detail", lambda w: {"pk": w.offer.pk}, "get"),
            ("offer-list", None, "get"),
            ("offer-detail", lambda w: {"pk": w.portal_offer.pk}, "get"),
            ("placement-list", None, "get"),
            ("placement-detail", lambda w: {"pk": w.placement.pk}, "get"),
            ("placement-accept", lambda w: {"pk": w.placement.pk}, "post"),
            ("placement-decline", lambda w: {"pk": w.placement.pk}, "post"),
        )
    },
    # each role finalises a fresh draft (the previous role finished it)
    "oeffnung:report_finalise": Row(
        roles(403, **{r: 302 for r in ("centre_admin", "counsellor")}),
        kwargs=lambda w: {"pk": w.report.pk},
        foreign=lambda w: {"pk": w.other_report.pk},
        method="post",
    ),
    # foerderung: staff pages (German) and the applicants' public pages
    "foerderung:overview": Row(FUND_READERS),
    "foerderung:year_create": Row(ADMIN_ONLY),
    "foerderung:year_detail": Row(
        FUND_READERS, kwargs=_fund("year"), foreign=_fund("year", "other_")
    ),
    "foerderung:year_export": Row(
        FUND_READERS, kwargs=_fund("year"), foreign=_fund("year", "other_")
    ),
    "foerderung:call_create": Row(ADMIN_ONLY),
    "foerderung:call_detail": Row(
        FUND_READERS, kwargs=_fund("call"), foreign=_fund("call", "other_")
    ),
    "foerderung:call_status": Row(
        ADMIN_POST,
        kwargs=_fund("call"),
        foreign=_fund("call", "other_"),
        method="post",
        data=lambda w: {"status": "open"},
    ),
    "foerderung:call_form": Row(ADMIN_ONLY, kwargs=_fund("call"), foreign=_fund("call", "other_")),
    "foerderung:application_detail": Row(
        FUND_READERS, kwargs=_fund("application"), foreign=_fund("application", "other_")
    ),
    "foerderung:application_review": Row(
        FUND_REVIEW_POST,
        kwargs=_fund("application"),
        foreign=_fund("application", "other_"),
        method="post",
        data=lambda w: {"step": "changes", "note": ""},
    ),
    "foerderung:application_decide": Row(
        ADMIN_POST,
        kwargs=_fund("application"),
        foreign=_fund("application", "other_"),
        method="post",
        data=lambda w: {"approve": "0", "reasons": ""},
    ),
    "foerderung:application_letter": Row(
        FUND_READERS, kwargs=_fund("application"), foreign=_fund("application", "other_")
    ),
    "foerderung:attachment_download": Row(
        FUND_READERS, kwargs=_fund_attachment(), foreign=_fund_attachment("other_")
    ),
    "foerderung:proof_due": Row(
        ADMIN_POST,
        kwargs=_fund("approved"),
        foreign=_fund("approved", "other_"),
        method="post",
        data=lambda w: {"due": "2027-04-30"},
    ),
    "foerderung:proof_check": Row(
        ADMIN_POST, kwargs=_fund("approved"), foreign=_fund("approved", "other_"), method="post"
    ),
    "foerderung:payment_pay": Row(
        ADMIN_POST, kwargs=_fund("payment"), foreign=_fund("payment", "other_"), method="post"
    ),
    "foerderung:letter_templates": Row(ADMIN_ONLY),
    "foerderung_public:calls": Row(PUBLIC, kwargs=_fund_public),
    "foerderung_public:call": Row(
        PUBLIC,
        kwargs=lambda w: _fund_public(w, pk=w.foerderung["call"].pk),
        foreign=lambda w: _fund_public(w, pk=w.other_foerderung["call"].pk),
    ),
    "foerderung_public:application": Row(PUBLIC, kwargs=_fund_token, foreign=_fund_foreign_token),
    "foerderung_public:attachment": Row(
        PUBLIC, kwargs=_fund_token, foreign=_fund_foreign_token, method="post"
    ),
    "foerderung_public:letter": Row(PUBLIC, kwargs=_fund_token, foreign=_fund_foreign_token),
    "foerderung_public:payment": Row(
        PUBLIC, kwargs=_fund_token, foreign=_fund_foreign_token, method="post"
    ),
    "foerderung_public:receipt": Row(
        PUBLIC, kwargs=_fund_token, foreign=_fund_foreign_token, method="post"
    ),
    "foerderung_public:proof": Row(
        PUBLIC, kwargs=_fund_token, foreign=_fund_foreign_token, method="post"
    ),
    # portal: the public site answers everyone, without login, in the URL's language
    "portal:choose_language": Row(PUBLIC, kwargs=lambda w: {"centre": w.staff.centre.slug}),
    "portal:home": Row(PUBLIC, kwargs=_portal),
    "portal:offers": Row(PUBLIC, kwargs=_portal),
    "portal:offer": Row(
        PUBLIC,
        kwargs=lambda w: _portal(w, pk=w.portal_offer.pk),
        foreign=lambda w: _portal(w, pk=w.other_portal_offer.pk),
    ),
    "portal:events": Row(PUBLIC, kwargs=_portal),
    "portal:documents": Row(PUBLIC, kwargs=_portal),
    "portal:contact": Row(PUBLIC, kwargs=_portal),
    "portal:accessibility": Row(PUBLIC, kwargs=_portal),
    # portal: staff edit the public site (centre admin and counsellors)
    "portal_staff:overview": Row(roles(403, **PORTAL_STAFF)),
    "portal_staff:page_edit": Row(
        roles(403, **PORTAL_STAFF), kwargs=lambda w: {"kind": "about", "lang": "ar"}
    ),
    "portal_staff:translation": Row(
        roles(403, **PORTAL_STAFF),
        kwargs=lambda w: {"kind": "angebot", "pk": w.portal_offer.pk, "lang": "tr"},
        foreign=lambda w: {"kind": "angebot", "pk": w.other_portal_offer.pk, "lang": "tr"},
    ),
    "portal_staff:offer_list": Row(roles(403, **PORTAL_STAFF)),
    "portal_staff:offer_edit": Row(
        roles(403, **PORTAL_STAFF),
        kwargs=lambda w: {"pk": w.portal_offer.pk},
        foreign=lambda w: {"pk": w.other_portal_offer.pk},
    ),
    "portal_staff:offer_delete": Row(
        roles(403, **PORTAL_POSTS),
        kwargs=lambda w: {"pk": w.portal_offer.pk},
        foreign=lambda w: {"pk": w.other_portal_offer.pk},
        method="post",
        data=_portal_put_back("offer"),
    ),
    "portal_staff:event_list": Row(roles(403, **PORTAL_STAFF)),
    "portal_staff:event_edit": Row(
        roles(403, **PORTAL_STAFF),
        kwargs=lambda w: {"pk": w.portal_event.pk},
        foreign=lambda w: {"pk": w.other_portal_event.pk},
    ),
    "portal_staff:event_delete": Row(
        roles(403, **PORTAL_POSTS),
        kwargs=lambda w: {"pk": w.portal_event.pk},
        foreign=lambda w: {"pk": w.other_portal_event.pk},
        method="post",
        data=_portal_put_back("event"),
    ),
    "portal_staff:document_list": Row(roles(403, **PORTAL_STAFF)),
    "portal_staff:document_edit": Row(
        roles(403, **PORTAL_STAFF),
        kwargs=lambda w: {"pk": w.portal_document.pk},
        foreign=lambda w: {"pk": w.other_portal_document.pk},
    ),
    "portal_staff:document_delete": Row(
        roles(403, **PORTAL_POSTS),
        kwargs=lambda w: {"pk": w.portal_document.pk},
        foreign=lambda w: {"pk": w.other_portal_document.pk},
        method="post",
        data=_portal_put_back("document"),
    ),
    "portal_staff:feedback_list": Row(roles(403, **PORTAL_STAFF)),
}


# engagement (volunteers, needs, organisations)
def _add_engagement(world: World) -> None:
    from django.utils import timezone

    from tests.engagement.factories import make_need, make_organisation, make_volunteer

    for staff, prefix in ((world.staff, ""), (world.other, "other_")):
        volunteer = make_volunteer(staff.centre)
        need = make_need(staff.centre)
        world.objects[f"{prefix}volunteer"] = volunteer
        world.objects[f"{prefix}need"] = need
        world.objects[f"{prefix}organisation"] = make_organisation(staff.centre)
        world.objects[f"{prefix}assignment"] = need.assignments.create(
            volunteer=volunteer,
            status="requested",
            requested_at=timezone.now(),
            answer_due=timezone.now() + dt.timedelta(days=1),
        )


WORLD_HOOKS.append(_add_engagement)


def _org_token(world: World, prefix: str = "") -> dict[str, str]:
    from teilhabe.engagement.links import ORGANISATION_SALT, make_token

    org = world.objects[f"{prefix}organisation"]
    return _engagement_public(world, token=make_token(ORGANISATION_SALT, org.pk, org.link_nonce))


def _volunteer_token(world: World) -> dict[str, str]:
    from teilhabe.engagement.links import VOLUNTEER_SALT, make_token

    v = world.volunteer
    return _engagement_public(world, token=make_token(VOLUNTEER_SALT, v.pk, v.login_nonce))


def _answer_token(world: World, prefix: str = "") -> dict[str, str]:
    from teilhabe.engagement.services.needs import answer_token

    return _engagement_public(world, token=answer_token(world.objects[f"{prefix}assignment"]))


def _engagement_public(world: World, **kwargs: Any) -> dict[str, Any]:
    return {"centre": world.staff.centre.slug, "lang": "de", **kwargs}


EVERYONE_302 = {role: 302 for role in ROLES}
KI_302 = {"centre_admin": 302, "counsellor": 302}
MATRIX.update(
    {
        "engagement:organisation_list": Row(roles(403, **KI, statistics=200, council_office=200)),
        "engagement:organisation_edit": Row(
            roles(403, **KI),
            kwargs=lambda w: {"pk": w.organisation.pk},
            foreign=lambda w: {"pk": w.other_organisation.pk},
        ),
        "engagement:organisation_send_link": Row(
            roles(403, **KI_302),
            kwargs=lambda w: {"pk": w.organisation.pk},
            foreign=lambda w: {"pk": w.other_organisation.pk},
            method="post",
        ),
        "engagement:volunteer_list": Row(roles(403, **KI)),
        "engagement:volunteer_detail": Row(
            roles(403, **KI),
            kwargs=lambda w: {"pk": w.volunteer.pk},
            foreign=lambda w: {"pk": w.other_volunteer.pk},
        ),
        "engagement:volunteer_confirm": Row(
            roles(403, **KI_302),
            kwargs=lambda w: {"pk": w.volunteer.pk},
            foreign=lambda w: {"pk": w.other_volunteer.pk},
            method="post",
        ),
        "engagement:volunteer_certificate": Row(
            roles(403, **KI_302),
            kwargs=lambda w: {"pk": w.volunteer.pk},
            foreign=lambda w: {"pk": w.other_volunteer.pk},
            method="post",
            data=lambda w: {"seen_on": "2025-01-01"},
        ),
        "engagement:need_list": Row(roles(403, **KI)),
        "engagement:week_match": Row(
            roles(403, **KI_302), method="post", data=lambda w: {"week": "2026-03-02"}
        ),
        "engagement:need_detail": Row(
            roles(403, **KI),
            kwargs=lambda w: {"pk": w.need.pk},
            foreign=lambda w: {"pk": w.other_need.pk},
        ),
        "engagement:need_request": Row(
            roles(403, **KI_302),
            kwargs=lambda w: {"pk": w.need.pk},
            foreign=lambda w: {"pk": w.other_need.pk},
            method="post",
        ),
        "engagement:need_cancel": Row(
            roles(403, **KI_302),
            kwargs=lambda w: {"pk": w.need.pk},
            foreign=lambda w: {"pk": w.other_need.pk},
            method="post",
        ),
        "engagement:assignment_no_show": Row(
            roles(403, **KI_302),
            kwargs=lambda w: {"pk": w.assignment.pk},
            foreign=lambda w: {"pk": w.other_assignment.pk},
            method="post",
        ),
        # public: no login; links carry signed tokens, the volunteer's own pages a session
        "engagement_public:organisation_map": Row(PUBLIC, kwargs=_engagement_public),
        "engagement_public:organisation_edit": Row(
            PUBLIC, kwargs=_org_token, foreign=lambda w: _org_token(w, "other_")
        ),
        "engagement_public:organisation_confirm": Row(
            EVERYONE_302,
            kwargs=_org_token,
            foreign=lambda w: _org_token(w, "other_"),
            method="post",
        ),
        "engagement_public:volunteer_register": Row(PUBLIC, kwargs=_engagement_public),
        "engagement_public:volunteer_login_request": Row(PUBLIC, kwargs=_engagement_public),
        "engagement_public:volunteer_login": Row(EVERYONE_302, kwargs=_volunteer_token),
        "engagement_public:volunteer_home": Row(EVERYONE_302, kwargs=_engagement_public),
        "engagement_public:hours_log": Row(
            EVERYONE_302,
            kwargs=lambda w: _engagement_public(w, pk=w.assignment.pk),
            method="post",
        ),
        "engagement_public:profile_delete": Row(EVERYONE_302, kwargs=_engagement_public),
        "engagement_public:profile_edit": Row(EVERYONE_302, kwargs=_engagement_public),
        "engagement_public:certificate_pdf": Row(EVERYONE_302, kwargs=_engagement_public),
        "engagement_public:volunteer_logout": Row(
            EVERYONE_302, kwargs=_engagement_public, method="post"
        ),
        "engagement_public:assignment_answer": Row(
            PUBLIC, kwargs=_answer_token, foreign=lambda w: _answer_token(w, "other_")
        ),
    }
)


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
