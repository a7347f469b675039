"""The statewide office: creating and editing centres, and every centre's figures."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.centres.areas import validate_area
from teilhabe.centres.models import Centre, User
from teilhabe.centres.roles import Role
from teilhabe.centres.services import create_centre, update_centre
from teilhabe.core.registry import FigureColumn, register_statewide_figures
from teilhabe.notify.models import OutboxMail
from teilhabe.seiteneinstieg.selectors.statewide import figures_by_centre
from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db

SOEST = {
    "name": "KI Kreis Soest",
    "slug": "kreis-soest",
    "area_keys": ["05974"],
    "city": "Soest",
    "street": "Hoher Weg 1-3",
    "postcode": "59494",
    "admin_first_name": "Eva",
    "admin_last_name": "Berg",
    "admin_email": "eva.berg@kreis-soest.example",
}


def _counts() -> tuple[int, int, int, int]:
    return (
        Centre.objects.count(),
        User.objects.count(),
        OutboxMail.objects.count(),
        AuditEntry.objects.count(),
    )


def test_creating_a_centre_invites_its_first_administrator(staff):
    centre = create_centre(actor=staff.state_office, **SOEST)
    admin = User.objects.get(email="eva.berg@kreis-soest.example")
    assert (admin.centre, admin.role, admin.get_full_name()) == (
        centre,
        Role.CENTRE_ADMIN,
        "Eva Berg",
    )
    assert not admin.has_usable_password()
    [mail] = OutboxMail.objects.filter(to=["eva.berg@kreis-soest.example"])
    assert mail.centre_id == centre.pk and "KI Kreis Soest" in mail.subject
    assert "Benutzername: eva.berg@kreis-soest.example" in mail.body
    [entry] = AuditEntry.objects.filter(target_type="centres.centre", target_id=str(centre.pk))
    assert (entry.action, entry.centre_id, entry.actor_id) == (
        "centres.centre.created",
        centre.pk,
        staff.state_office.pk,
    )
    assert entry.data["first_admin"] == {"user_id": admin.pk, "email": admin.email}
    assert entry.data["area_keys"] == ["05974"]


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (["0597"], "„0597“ ist kein gültiger Gebietsschlüssel"),
        (["05974", "5974x"], "„5974x“ ist kein gültiger Gebietsschlüssel"),
        (["09162"], "Der Gebietsschlüssel 09162 ist in Nordrhein-Westfalen nicht bekannt"),
        ([], "mindestens einen Gebietsschlüssel"),
    ],
    ids=["short", "letters", "bavaria", "none"],
)
def test_bad_area_keys_are_refused_and_nothing_is_written(staff, keys, message):
    before = _counts()
    with pytest.raises(ValidationError) as exc:
        create_centre(actor=staff.state_office, **(SOEST | {"area_keys": keys}))
    assert message in " ".join(exc.value.message_dict["area_keys"])
    assert _counts() == before


def test_duplicate_slug_and_known_admin_address_are_refused(staff):
    create_centre(actor=staff.state_office, **SOEST)
    before = _counts()
    with pytest.raises(ValidationError) as exc:
        create_centre(actor=staff.state_office, **(SOEST | {"name": "Zweites Soest"}))
    errors = exc.value.message_dict
    assert errors["slug"] == ["Der Kurzname „kreis-soest“ ist schon vergeben."]
    assert errors["admin_email"] == ["Für eva.berg@kreis-soest.example gibt es schon ein Konto."]
    assert _counts() == before


def test_only_the_statewide_office_creates_and_changes_centres(staff):
    with pytest.raises(PermissionDenied):
        create_centre(actor=staff.centre_admin, **SOEST)
    with pytest.raises(PermissionDenied):
        update_centre(
            actor=staff.centre_admin, centre=staff.centre, name="X", area_keys=["05315"], city="K"
        )
    assert not Centre.objects.filter(slug="kreis-soest").exists()


def test_editing_a_centre_is_audited_with_the_centre(staff):
    centre = staff.centre
    update_centre(
        actor=staff.state_office,
        centre=centre,
        name=centre.name,
        area_keys="05315, 05362004",
        city=centre.city,
        street=centre.street,
        postcode=centre.postcode,
        phone=centre.phone,
        email=centre.email,
        is_active=False,
    )
    centre.refresh_from_db()
    assert centre.area_keys == ["05315", "05362004"] and not centre.is_active
    [entry] = AuditEntry.objects.filter(action="centres.centre.changed")
    assert entry.centre_id == centre.pk
    assert entry.data["after"] == {"area_keys": ["05315", "05362004"], "is_active": False}
    with pytest.raises(ValidationError):
        update_centre(
            actor=staff.state_office, centre=centre, name="K", area_keys=["1"], city="Köln"
        )


def test_the_pages_create_list_and_edit_a_centre(staff, login):
    client = login(staff.state_office)
    form = {k: (", ".join(v) if isinstance(v, list) else v) for k, v in SOEST.items()}
    bad = client.post(reverse("land:centre_create"), form | {"area_keys": "05974, 123"})
    assert "„123“ ist kein gültiger Gebietsschlüssel" in bad.text
    assert not Centre.objects.filter(slug="kreis-soest").exists()
    done = client.post(reverse("land:centre_create"), form, follow=True)
    assert "KI Kreis Soest ist angelegt" in done.text
    listing = client.get(reverse("land:centre_list")).text
    assert "KI Kreis Soest" in listing and "05974" in listing
    centre = Centre.objects.get(slug="kreis-soest")
    edit = reverse("land:centre_edit", args=[centre.pk])
    assert 'value="05974"' in client.get(edit).text
    client.post(edit, form | {"name": "KI Soest", "is_active": ""})
    centre.refresh_from_db()
    assert centre.name == "KI Soest" and not centre.is_active
    assert "deaktiviert" in client.get(reverse("land:centre_list")).text


def test_command_creates_a_centre_and_refuses_bad_keys(staff, capsys):
    args = [
        "--name=KI Kreis Soest",
        "--slug=kreis-soest",
        "--city=Soest",
        "--admin-first-name=Eva",
        "--admin-last-name=Berg",
        "--admin-email=eva.berg@kreis-soest.example",
    ]
    with pytest.raises(CommandError, match="„0597x“ ist kein"):
        call_command("create_centre", *args, "--area=0597x")
    call_command("create_centre", *args, "--area=05974")
    assert "invitation queued for eva.berg@kreis-soest.example" in capsys.readouterr().out
    centre = Centre.objects.get(slug="kreis-soest")
    assert User.objects.get(centre=centre).role == Role.CENTRE_ADMIN
    assert AuditEntry.objects.get(action="centres.centre.created").actor_id is None


def test_validate_area_names_the_area_from_geo():
    assert validate_area(["05974"]) == "Kreis Soest"
    with pytest.raises(ValidationError):
        validate_area(["5974"])


# statewide figures


def _children(centre, n: int, *, status: str = "registered", days_ago: int = 0, **kw) -> None:
    family = FamilyFactory(centre=centre)
    for _ in range(n):
        ChildFactory(
            family=family,
            status=status,
            registered_at=timezone.now() - dt.timedelta(days=days_ago),
            **kw,
        )


def test_figures_come_from_one_aggregate_query(staff, other_staff, django_assert_num_queries):
    now = timezone.now()
    _children(staff.centre, 4, days_ago=40)
    _children(staff.centre, 1, status="ready")
    _children(staff.centre, 3, status="placed", days_ago=30, placed_at=now - dt.timedelta(days=10))
    _children(other_staff.centre, 2, status="counselled")
    # one aggregate query (PostgreSQL; SQLite has no percentile_cont: one more for the median)
    queries = 1 if connection.vendor == "postgresql" else 2
    with django_assert_num_queries(queries):
        figures = figures_by_centre()
    assert figures[staff.centre.pk] == {
        "before_counselling": 4,
        "counselled": 0,
        "ready": 1,
        "over_four_weeks": 4,
        "placed_this_year": 3,
        "median_days": 20,
    }
    assert figures[other_staff.centre.pk]["counselled"] == 2
    _children(staff.centre, 20, days_ago=3)
    with django_assert_num_queries(queries):
        assert figures_by_centre()[staff.centre.pk]["before_counselling"] == 24


def test_figures_page_shows_no_count_below_three_and_no_name(staff, other_staff, login):
    now = timezone.now()
    _children(staff.centre, 4, days_ago=40)
    _children(staff.centre, 1, status="ready")
    _children(staff.centre, 2, status="placed", days_ago=30, placed_at=now - dt.timedelta(days=10))
    _children(other_staff.centre, 5, status="counselled")
    page = login(staff.state_office).get(reverse("land:figures")).text
    koeln_row = page.split("KI koeln</th>")[1].split("</tr>")[0]
    cells = [c.split("</td>")[0] for c in koeln_row.split('<td class="num">')[1:]]
    # vor der Beratung, beraten, bereit, insgesamt, > 4 Wochen, platziert, Median
    assert cells == ["4", "&lt; 3", "&lt; 3", "5", "4", "&lt; 3", "–"]
    dortmund_row = page.split("KI dortmund</th>")[1].split("</tr>")[0]
    assert '<td class="num">5</td>' in dortmund_row
    for number in ("1", "2"):
        assert f'<td class="num">{number}</td>' not in page
    assert "Kovalenko" not in page and not re.search(r"Kind\d", page)  # no child's name
    # statewide totals only under columns without a hidden cell (Dortmund's zeros are
    # hidden as "< 3" as well, so only "warten insgesamt" has a total: 5 + 5)
    totals = page.split("NRW (alle Zentren)</th>")[1].split("</tr>")[0]
    total_cells = [c.split("</td>")[0] for c in totals.split('<td class="num">')[1:]]
    assert total_cells == ["–", "–", "–", "10", "–", "–", "–"]


def test_registry_refuses_unknown_basis():
    with pytest.raises(ValueError, match="unknown basis"):
        register_statewide_figures(
            "test.broken",
            label="x",
            columns=[FigureColumn("median", "Median", basis="nothing")],
            compute=dict,
        )


def test_start_page_tile_for_the_statewide_office(staff, login):
    page = login(staff.state_office).get(reverse("core:home")).text
    assert "Zentren in NRW" in page and reverse("land:figures") in page
    assert "Noch kein Schulverzeichnis importiert" in page
    assert "Zentren in NRW" not in login(staff.centre_admin).get(reverse("core:home")).text


def test_accounts_of_a_deactivated_centre_are_shut_out(staff, client):
    from tests.factories import PASSWORD

    client.force_login(staff.counsellor)
    assert client.get(reverse("core:home")).status_code == 200
    update_centre(
        actor=staff.state_office,
        centre=staff.centre,
        name=staff.centre.name,
        area_keys=staff.centre.area_keys,
        city=staff.centre.city,
        is_active=False,
    )
    assert client.get(reverse("core:home")).status_code == 302  # the session ends
    client.logout()
    response = client.post(
        reverse("centres:login"), {"username": staff.counsellor.username, "password": PASSWORD}
    )
    assert response.status_code == 200 and not response.wsgi_request.user.is_authenticated
