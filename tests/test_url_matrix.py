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
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import Staff, make_staff
from tests.factories import (
    AppointmentFactory,
    AssessmentFactory,
    ChildFactory,
    FamilyFactory,
    SlotFactory,
)

ROLES = ("anonymous", "centre_admin", "counsellor", "schulamt", "school_staff", "statistics")


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
    expect.update(overrides)
    return expect


CASEWORK_ONLY = {"schulamt": 403, "school_staff": 403, "statistics": 403}

MATRIX: dict[str, Row] = {
    # core
    "core:home": Row(roles(200)),
    "core:healthz": Row(roles(200, anonymous=200)),
    # accounts
    "centres:login": Row(roles(302, anonymous=200)),
    "centres:logout": Row(roles(302, anonymous=302), method="post"),
    "centres:otp_setup": Row(roles(200)),
    "centres:otp_verify": Row(roles(302)),  # without 2FA required a user counts as verified
    "set_language": Row(
        roles(302, anonymous=302), method="post", data=lambda w: {"language": "en", "next": "/"}
    ),
    # audit
    "audit:list": Row(roles(403, centre_admin=200)),
    # seiteneinstieg: cases
    "seiteneinstieg:child_detail": Row(
        roles(200, **{"school_staff": 403, "statistics": 403}),
        kwargs=lambda w: {"pk": w.child.pk},
        foreign=lambda w: {"pk": w.other_child.pk},
    ),
    # seiteneinstieg: appointments
    # seiteneinstieg: assessments
    # seiteneinstieg: waiting list
    # schulen
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
