"""The one role × permission table, tested as a table: every permission of every app ×
every role, model-level and against objects.

Deny by default: a user without a centre or role, or an inactive user, holds no permission.
A permission that an app declares but this table does not list fails
``test_the_table_lists_every_permission``, so no permission ships without a decision here.
"""

from __future__ import annotations

import pytest

from teilhabe.centres.permissions import table
from teilhabe.centres.roles import Role
from tests.factories import (
    ChildFactory,
    DepartmentFactory,
    FamilyFactory,
    MeasureFactory,
    OfferFactory,
    SchoolFactory,
    UserFactory,
    link_department,
    link_school,
)

pytestmark = pytest.mark.django_db

A, C, S, SS, ST, LA, CO, DC = (
    Role.CENTRE_ADMIN,
    Role.COUNSELLOR,
    Role.SCHULAMT,
    Role.SCHOOL_STAFF,
    Role.STATISTICS,
    Role.STATE_OFFICE,
    Role.COUNCIL_OFFICE,
    Role.DEPARTMENT_CONTACT,
)

# permission → roles that hold it (model level; school staff linked to a school)
TABLE: dict[str, set[Role]] = {
    "centres.view_audit": {A},
    "audit.view_read_log": {A},
    "audit.view_processing_record": {A},
    "centres.manage_users": {A},
    "centres.manage_centres": {LA},
    "centres.view_statewide_figures": {LA},
    "centres.manage_privacy_notices": {A},
    "seiteneinstieg.register_family": {A, C},
    "seiteneinstieg.view_case": {A, C, S},
    "seiteneinstieg.change_case": {A, C},
    "seiteneinstieg.assess_child": {A, C},
    "seiteneinstieg.view_documents": {A, C},
    "seiteneinstieg.manage_appointments": {A, C},
    "seiteneinstieg.manage_all_slots": {A},
    "seiteneinstieg.view_waiting_list": {A, C, S},
    "seiteneinstieg.export_waiting_list": {A, C, S},
    "seiteneinstieg.export_personal_data": {A, C},
    "seiteneinstieg.view_statistics": {A, C, S, ST},
    "seiteneinstieg.view_exact_figures": {A, C, S},
    "seiteneinstieg.plan_placements": {A, S},
    "schulen.view_schools": {A, C, S, SS},
    "schulen.view_area_schools": {A, C, S},
    "schulen.manage_offers": {A, S, SS},
    "schulen.report_seats": {A, S, SS},
    "schulen.manage_area": {A},
    "schulen.manage_school_staff": {A},
    "schulen.act_for_school": {SS},
    "schulen.import_directory": {LA},
    "zuweisung.decide_placement": {A, S, SS},
    "zuweisung.view_map": {A, C, S, ST},
    "zuweisung.export_placement": {A, C, S},
    "zuweisung.import_proposals": {A, S},
    "zuweisung.view_runs": {A, C, S},
    "zuweisung.run_engine": {A, C, S},
    "zuweisung.request_single": {A, C, S},
    "zuweisung.review_runs": {A, S},
    "zuweisung.view_metrics": {A, C, S, ST},
    # every staff member sees their own background jobs (exports/rules.py)
    "exports.view_jobs": {A, C, S, SS, ST, CO, DC},
    "integrationsrat.manage": {A, CO},
    "integrationsrat.view": {A, CO, C, ST},
    "oeffnung.view_departments": {A, C, ST, DC},
    "oeffnung.manage_departments": {A},
    "oeffnung.manage_survey": {A, C},
    "oeffnung.view_survey_results": {A, C, ST},
    "oeffnung.view_measures": {A, C, ST, DC},
    "oeffnung.change_measure": {A, C, DC},
    "oeffnung.import_measures": {A, C},
    "oeffnung.manage_council_report": {A, C},
    "oeffnung.manage_training": {A, C},
    "oeffnung.view_training_figures": {A, C, ST},
    "engagement.manage": {A, C},
    "engagement.view_organisations": {A, C, ST, CO},
    "foerderung.view": {A, C, ST},
    "foerderung.manage_calls": {A},
    "foerderung.review": {A, C},
    "foerderung.decide": {A},
    "foerderung.pay": {A},
    "portal.manage_content": {A, C},
    "portal.view_feedback": {A, C},
    # API tokens: roles that hold a permission some scope needs (school accounts: with a school)
    "api.manage_tokens": {A, C, S, SS},
}
# Object rules: the centre's own objects only (checked against another centre's object).
CASE_PERMS = [
    "seiteneinstieg.view_case",
    "seiteneinstieg.change_case",
    "seiteneinstieg.assess_child",
    "seiteneinstieg.view_documents",
]
OFFER_PERMS = ["schulen.manage_offers", "zuweisung.decide_placement"]
COUNCIL_PERMS = ["integrationsrat.manage", "integrationsrat.view"]
PORTAL_PERMS = ["portal.manage_content", "portal.view_feedback"]


@pytest.fixture
def linked(staff):
    link_school(staff.school_staff, SchoolFactory())
    link_department(staff.department_contact, DepartmentFactory(centre=staff.centre))
    return staff


def test_the_table_lists_every_permission():
    assert set(table()) == set(TABLE), "declare each permission's roles in TABLE"


def test_the_compiled_rules_agree_with_the_declared_table():
    assert {perm: set(roles) for perm, roles in table().items()} == {
        perm: {str(r) for r in roles} for perm, roles in TABLE.items()
    }


@pytest.mark.parametrize("perm", sorted(TABLE))
@pytest.mark.parametrize("role", list(Role))
def test_model_level(perm: str, role: Role, linked):
    assert linked.by_role(role.value).has_perm(perm) == (role in TABLE[perm])


@pytest.mark.parametrize("perm", CASE_PERMS)
def test_case_rules_stop_at_the_centre_border(perm: str, staff, other_staff):
    own = ChildFactory(family=FamilyFactory(centre=staff.centre))
    foreign = ChildFactory(family=FamilyFactory(centre=other_staff.centre))
    for role in TABLE[perm]:
        user = staff.by_role(role.value)
        assert user.has_perm(perm, own)
        assert not user.has_perm(perm, foreign)


@pytest.mark.parametrize("perm", OFFER_PERMS)
def test_offer_rules_stop_at_the_centre_and_the_school(perm: str, linked, other_staff):
    from teilhabe.schulen.rules import school_id_of

    own_school = school_id_of(linked.school_staff)
    mine = OfferFactory(centre=linked.centre, school_id=own_school)
    other_school = OfferFactory(centre=linked.centre, school=SchoolFactory())
    foreign = OfferFactory(centre=other_staff.centre, school_id=own_school)
    for role in TABLE[perm] - {SS}:
        user = linked.by_role(role.value)
        assert user.has_perm(perm, mine) and user.has_perm(perm, other_school)
        assert not user.has_perm(perm, foreign)
    school_user = linked.school_staff
    assert school_user.has_perm(perm, mine)
    assert not school_user.has_perm(perm, other_school)


def test_school_account_without_school_holds_nothing(staff):
    """Nothing but its own (empty) list of background jobs."""
    user = staff.school_staff
    assert [perm for perm in TABLE if user.has_perm(perm)] == ["exports.view_jobs"]


def test_statewide_office_never_sees_a_case(staff):
    child = ChildFactory(family=FamilyFactory(centre=staff.centre))
    office = staff.state_office
    assert office.centre_id is None
    assert not any(office.has_perm(perm, child) for perm in CASE_PERMS)


@pytest.mark.parametrize("perm", sorted(TABLE))
def test_deny_by_default(perm: str, staff):
    no_role = UserFactory(centre=staff.centre, role="")
    inactive = UserFactory(centre=staff.centre, role=Role.CENTRE_ADMIN, is_active=False)
    superuser = UserFactory(centre=staff.centre, role="", is_superuser=True)
    for user in (no_role, inactive, superuser):
        assert not user.has_perm(perm)


def test_a_centre_role_without_a_centre_holds_nothing():
    """The database refuses such an account; should one exist, it may do nothing."""
    from teilhabe.centres.models import User

    user = User(username="broken", role=Role.COUNSELLOR, centre=None, is_active=True)
    assert not any(user.has_perm(perm) for perm in TABLE)


@pytest.mark.parametrize("perm", COUNCIL_PERMS)
def test_council_rules_stop_at_the_centre_border(perm: str, staff, other_staff):
    from teilhabe.integrationsrat.models import Meeting

    own = Meeting(centre=staff.centre)
    foreign = Meeting(centre=other_staff.centre)
    for role in TABLE[perm]:
        user = staff.by_role(role.value)
        assert user.has_perm(perm, own)
        assert not user.has_perm(perm, foreign)


def test_department_contacts_change_only_their_own_departments_measures(linked, other_staff):
    from teilhabe.oeffnung.rules import department_id_of

    contact = linked.department_contact
    own = department_id_of(contact)
    unit = DepartmentFactory(centre=linked.centre, parent_id=own, level="abteilung")
    mine = MeasureFactory(department=unit.parent)
    below = MeasureFactory(department=unit)
    colleague = MeasureFactory(department=DepartmentFactory(centre=linked.centre))
    foreign = MeasureFactory(department=DepartmentFactory(centre=other_staff.centre))
    assert contact.has_perm("oeffnung.change_measure", mine)
    assert contact.has_perm("oeffnung.change_measure", below)
    assert not contact.has_perm("oeffnung.change_measure", colleague)
    assert contact.has_perm("oeffnung.view_measures", colleague)
    assert not contact.has_perm("oeffnung.change_measure", foreign)
    assert not contact.has_perm("oeffnung.view_measures", foreign)
    for role in TABLE["oeffnung.change_measure"] - {DC}:
        user = linked.by_role(role.value)
        assert user.has_perm("oeffnung.change_measure", colleague)
        assert not user.has_perm("oeffnung.change_measure", foreign)


def test_department_contact_without_department_changes_nothing(staff):
    assert not staff.department_contact.has_perm("oeffnung.change_measure")


@pytest.mark.parametrize("perm", PORTAL_PERMS)
def test_portal_rules_stop_at_the_centre_border(perm: str, staff, other_staff):
    from teilhabe.portal.models import Offer

    own = Offer(centre=staff.centre)
    foreign = Offer(centre=other_staff.centre)
    for role in TABLE[perm]:
        user = staff.by_role(role.value)
        assert user.has_perm(perm, own)
        assert not user.has_perm(perm, foreign)
