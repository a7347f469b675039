"""Permissions as a table: every rule × every role, model-level and against objects.

Deny by default: a user without a centre or role, or an inactive user, holds no permission.
"""

from __future__ import annotations

import pytest

from teilhabe.centres.roles import Role
from tests.factories import ChildFactory, FamilyFactory, UserFactory

pytestmark = pytest.mark.django_db

A, C, S, SS, ST = (
    Role.CENTRE_ADMIN,
    Role.COUNSELLOR,
    Role.SCHULAMT,
    Role.SCHOOL_STAFF,
    Role.STATISTICS,
)

# permission → roles that hold it (model level)
TABLE: dict[str, set[Role]] = {
    "centres.view_audit": {A},
    "centres.manage_users": {A},
    "seiteneinstieg.register_family": {A, C},
    "seiteneinstieg.view_case": {A, C, S},
    "seiteneinstieg.change_case": {A, C},
    "seiteneinstieg.assess_child": {A, C},
    "seiteneinstieg.view_documents": {A, C},
    "seiteneinstieg.manage_appointments": {A, C},
    "seiteneinstieg.view_waiting_list": {A, C, S},
    "seiteneinstieg.export_waiting_list": {A, C, S},
    "seiteneinstieg.view_statistics": {A, C, S, ST},
    # every staff member sees their own background jobs (exports/rules.py)
    "exports.view_jobs": {A, C, S, SS, ST},
}
OBJECT_PERMS = ["seiteneinstieg.view_case", "seiteneinstieg.change_case"]


@pytest.mark.parametrize("perm", sorted(TABLE))
@pytest.mark.parametrize("role", list(Role))
def test_model_level(perm: str, role: Role, staff):
    assert staff.by_role(role.value).has_perm(perm) == (role in TABLE[perm])


@pytest.mark.parametrize("perm", OBJECT_PERMS)
def test_object_rules_stop_at_the_centre_border(perm: str, staff, other_staff):
    own = ChildFactory(family=FamilyFactory(centre=staff.centre))
    foreign = ChildFactory(family=FamilyFactory(centre=other_staff.centre))
    for role in TABLE[perm]:
        user = staff.by_role(role.value)
        assert user.has_perm(perm, own)
        assert not user.has_perm(perm, foreign)


@pytest.mark.parametrize("perm", sorted(TABLE))
def test_deny_by_default(perm: str, staff):
    no_role = UserFactory(centre=staff.centre, role="")
    inactive = UserFactory(centre=staff.centre, role=Role.CENTRE_ADMIN, is_active=False)
    superuser = UserFactory(centre=staff.centre, role="", is_superuser=True)
    for user in (no_role, inactive, superuser):
        assert not user.has_perm(perm)
