"""A school sees what it needs to plan a class and nothing more: the pages and the
section on its school page carry only the fields of ``SchoolProposal``."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse

from teilhabe.seiteneinstieg.models import Child
from teilhabe.zuweisung.models import Placement
from teilhabe.zuweisung.selectors.school import SCHOOL_FIELDS, SchoolProposal
from teilhabe.zuweisung.services import runs

pytestmark = pytest.mark.django_db


def test_the_view_model_has_exactly_the_agreed_fields():
    bookkeeping = {"pk", "status", "status_label", "school_id", "offer_label", "waiting_days"}
    fields = {f.name for f in dataclasses.fields(SchoolProposal)}
    assert fields - bookkeeping == set(SCHOOL_FIELDS)


def test_school_pages_show_nothing_beyond_the_list(staff, area, login):
    run = runs.compute_run(run_id=runs.start_run(actor=staff.schulamt).pk)
    runs.release_run(actor=staff.schulamt, run=run)
    placement = Placement.objects.filter(run=run, offer=area["far"]).first()
    child = Child.objects.select_related("family").get(pk=placement.child_id)
    child.special_needs = "Hörgerät links"
    child.notes = "Vater arbeitet nachts"
    child.save()
    family = child.family
    guardian = family.guardians.first()
    guardian.phone = "0176 5550199"
    guardian.save()
    secret = [
        child.birth_date.strftime("%d.%m.%Y"),
        family.street,
        family.reference,
        "Hörgerät",
        "Vater arbeitet",
        guardian.last_name if guardian.last_name != child.last_name else "0176 5550199",
        "0176 5550199",
    ]
    client = login(staff.school_staff)
    pages = [
        client.get(reverse("zuweisung:school_proposals")),
        client.get(reverse("zuweisung:placement_accept", args=[placement.pk])),
        client.get(reverse("zuweisung:placement_decline", args=[placement.pk])),
        client.get(reverse("schulen:school_detail", args=[area["far"].school.pk])),
        client.get(reverse("core:home")),
    ]
    for page in pages:
        assert page.status_code == 200
        assert child.first_name in page.text
        for value in secret:
            assert value not in page.text, (page.request["PATH_INFO"], value)
