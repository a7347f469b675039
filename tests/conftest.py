"""Shared fixtures: a centre with one user per role, and a second centre for 404 checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
    council_office: User

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


@dataclass
class Download:
    """A job's file as the owner gets it: the response and the whole content."""

    response: Any
    content: bytes

    def __getitem__(self, header: str) -> str:
        return self.response[header]


@pytest.fixture
def run_job_via(django_capture_on_commit_callbacks):
    """POST to a view that starts a job, run the job as its transaction commits (tests run
    jobs synchronously: ``TEILHABE_JOBS_EAGER``), follow to the job page and download."""

    def _run(client: Client, url: str, data: dict[str, Any] | None = None) -> Download:
        with django_capture_on_commit_callbacks(execute=True):
            started = client.post(url, data or {})
        assert started.status_code == 302, started.status_code
        page = client.get(started["Location"])
        assert page.status_code == 200
        state = page.context["state"]
        assert state["download_url"], f"job did not finish with a file: {state}"
        response = client.get(state["download_url"])
        assert response.status_code == 200
        return Download(response=response, content=b"".join(response.streaming_content))

    return _run
