"""``load_demo --children N`` fills Köln up to N children; a larger N later adds the rest."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.models import Child, Family

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    with override_settings(DEMO=True):
        call_command("load_demo", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_larger_number_adds_the_difference_with_new_references():
    run("--children", "12", "--children-soest", "2")
    koeln = Child.objects.filter(centre__slug="koeln")
    assert koeln.count() == 12
    run("--children", "30", "--children-soest", "2")
    assert koeln.count() == 30
    references = list(Family.objects.values_list("reference", flat=True))
    assert len(references) == len(set(references))
    assert AuditEntry.objects.filter(action="seiteneinstieg.demo.loaded").count() == (
        Family.objects.count()
    )
    assert all(c.search_name for c in koeln)  # the search keys the services write
    assert "nichts geändert" in run("--children", "30", "--children-soest", "2")
    assert koeln.count() == 30
