"""``load_demo``: a realistic Köln demo, reproducible, idempotent, refused outside demo mode."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.test import override_settings
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.centres.models import User
from teilhabe.centres.roles import Role
from teilhabe.demo.management.commands.load_demo import DEMO_PASSWORD
from teilhabe.geo import koeln
from teilhabe.seiteneinstieg.choices import PIPELINE, Status
from teilhabe.seiteneinstieg.models import (
    Appointment,
    Assessment,
    Child,
    CounsellingSlot,
    Family,
    Guardian,
)
from teilhabe.zuweisung.models import Placement

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot() -> tuple[int, ...]:
    return (
        Family.objects.count(),
        Child.objects.count(),
        Guardian.objects.count(),
        Assessment.objects.count(),
        User.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.fixture
def demo() -> str:
    with override_settings(DEMO=True):
        return run()


def test_refuses_outside_demo_mode_unless_forced():
    with override_settings(DEMO=False):
        with pytest.raises(CommandError, match="TEILHABE_DEMO"):
            run()
        assert Child.objects.count() == 0
        run("--force", "--children", "5", "--children-soest", "3")
    assert Child.objects.filter(centre__slug="koeln").count() == 5
    assert Child.objects.filter(centre__slug="kreis-soest").count() == 3


def test_demo_covers_koeln_and_the_whole_pipeline(demo):
    children = Child.objects.filter(centre__slug="koeln")
    families = Family.objects.filter(centre__slug="koeln")
    assert 280 <= children.count() <= 320
    assert families.values("stadtteil_number").distinct().count() >= 30
    assert set(children.values_list("status", flat=True)) == set(Status.values)
    sizes = families.annotate(n=Count("children")).values_list("n", flat=True)
    assert min(sizes) >= 1 and max(sizes) <= 4
    assert sum(1 for n in sizes if n > 1) >= 30  # siblings
    assert {u.username: u.role for u in User.objects.all()} == {
        "verwaltung": Role.CENTRE_ADMIN,
        "beratung": Role.COUNSELLOR,
        "schulamt": Role.SCHULAMT,
        "schule": Role.SCHOOL_STAFF,
        "grundschule": Role.SCHOOL_STAFF,
        "berufskolleg": Role.SCHOOL_STAFF,
        "statistik": Role.STATISTICS,
        "geschaeftsstelle": Role.COUNCIL_OFFICE,
        "soest-verwaltung": Role.CENTRE_ADMIN,
        "soest-beratung": Role.COUNSELLOR,
        "soest-schulamt": Role.SCHULAMT,
        "soest-schule": Role.SCHOOL_STAFF,
        "soest-statistik": Role.STATISTICS,
        "soest-geschaeftsstelle": Role.COUNCIL_OFFICE,
        "land": Role.STATE_OFFICE,
    }
    assert User.objects.get(username="beratung").check_password(DEMO_PASSWORD)
    assert "Demo-Zugänge" in demo and "beratung" in demo and DEMO_PASSWORD in demo
    assert AuditEntry.objects.filter(action="seiteneinstieg.demo.loaded").count() == (
        Family.objects.count()
    )


def test_demo_data_is_plausible(demo):
    now = timezone.now()
    stadtteile = {s.number: s for s in koeln.all_stadtteile()}
    for family in Family.objects.filter(centre__slug="koeln"):
        assert koeln.is_koeln_postcode(family.postcode)
        assert koeln.stadtteil_at(family.lat, family.lon) == stadtteile[family.stadtteil_number]
        assert family.guardians.exists()
    order = ["registered_at", "invited_at", "counselled_at", "assessed_at", "ready_at"]
    order += ["proposed_at", "accepted_at", "placed_at"]
    for child in Child.objects.select_related("family"):
        child.full_clean()
        assert now - timezone.timedelta(days=171) <= child.registered_at <= now
        stamps = [getattr(child, f) for f in order if getattr(child, f)]
        assert stamps == sorted(stamps), child
        if child.status in PIPELINE:
            expected = order[: PIPELINE.index(child.status) + 1]
            assert [f for f in order if getattr(child, f)] == expected, child.status
        else:
            assert child.closed_at is not None and child.closed_at >= stamps[-1]
        assessed = child.status in PIPELINE[PIPELINE.index(Status.ASSESSED) :]
        assert child.assessments.exists() is assessed
        assert bool(child.recommended_level) is assessed


def test_second_run_changes_nothing_and_says_so(demo):
    before = snapshot()
    with override_settings(DEMO=True):
        out = run()
    assert snapshot() == before
    assert "nichts geändert" in out
    assert "Demo-Zugänge" in out


def test_same_seed_same_children():
    with override_settings(DEMO=True):
        run("--children", "20", "--children-soest", "5", "--seed", "7")
    first = list(Child.objects.order_by("id").values_list("first_name", "last_name", "birth_date"))
    Placement.objects.all().delete()  # placements protect their children
    Appointment.objects.all().delete()  # and appointments their families
    CounsellingSlot.objects.all().delete()
    Assessment.objects.all().delete()
    Child.objects.all().delete()
    Guardian.objects.all().delete()
    Family.objects.all().delete()
    with override_settings(DEMO=True):
        run("--children", "20", "--children-soest", "5", "--seed", "7")
    second = list(Child.objects.order_by("id").values_list("first_name", "last_name", "birth_date"))
    assert first == second
