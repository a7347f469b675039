"""Shared fixtures: a centre with one user per role, and a second centre for 404 checks."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from teilhabe.centres.models import Centre, User
from teilhabe.centres.roles import STATEWIDE_ROLES, Role
from tests.factories import CentreFactory, UserFactory


@dataclass
class Staff:
    centre: Centre
    centre_admin: User
    counsellor: User
    schulamt: User
    school_staff: User
    statistics: User
    department_contact: User
    state_office: User

    def by_role(self, role: str) -> User:
        return getattr(self, role)


def make_staff(slug: str) -> Staff:
    centre = CentreFactory(slug=slug, name=f"KI {slug}")
    users = {
        role.value: UserFactory(
            centre=None if role in STATEWIDE_ROLES else centre,
            role=role,
            username=f"{slug}-{role.value}",
        )
        for role in Role
    }
    return Staff(centre=centre, **users)


@pytest.fixture
def staff(db) -> Staff:
    return make_staff("koeln")


@pytest.fixture
def other_staff(db) -> Staff:
    return make_staff("dortmund")


@pytest.fixture
def login(client: Client):
    """Log a user in (force_login: the login form itself is tested in tests/centres)."""

    def _login(user: User) -> Client:
        client.force_login(user)
        return client

    return _login
