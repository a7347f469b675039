"""The record of processing activities (Art. 30 DSGVO) covers every declared model."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse

from teilhabe.audit.processing import as_markdown, describe_period, processing_record
from teilhabe.core.registry import RetentionAction, not_personal_models, retention_rules, years

pytestmark = pytest.mark.django_db


def test_every_registered_model_is_in_the_record():
    record = processing_record()
    assert record.models() == set(retention_rules()) | set(not_personal_models())
    # and the registry covers every installed model of ours (tests/core/test_retention.py)
    ours = {m._meta.label_lower for m in apps.get_models() if m.__module__.startswith("teilhabe.")}
    assert ours <= record.models()


def test_every_rule_says_whose_data_which_data_and_who_receives_it():
    missing = {
        key: [name for name in ("subjects", "categories", "recipients") if not getattr(rule, name)]
        for key, rule in retention_rules().items()
    }
    assert {key: names for key, names in missing.items() if names} == {}


def test_periods_and_actions_in_words():
    assert describe_period(years(3)) == "3 Jahre"
    assert describe_period(years(1)) == "1 Jahr"
    record = processing_record()
    rows = {row.model: row for activity in record.activities for row in activity.rows}
    assert rows["seiteneinstieg.child"].retention.endswith("dann gelöscht")
    assert "Besonderer Förderbedarf" in rows["seiteneinstieg.child"].fields
    assert rows["integrationsrat.person"].retention.endswith("dann anonymisiert")
    assert rows["audit.auditentry"].retention.startswith("10 Jahre")
    for activity in record.activities:
        keys = {row.model for row in activity.rows}
        bases = {str(retention_rules()[key].legal_basis) for key in keys}
        assert bases == {activity.legal_basis}
    kept = [key for key, rule in retention_rules().items() if rule.action == RetentionAction.KEEP]
    assert all(
        "aufbewahrt" in rows[key].retention or "geschwärzt" in rows[key].retention for key in kept
    )


def test_page_and_download_for_the_centre_admin(staff, login):
    client = login(staff.centre_admin)
    page = client.get(reverse("audit:processing_record"))
    assert page.status_code == 200
    text = page.content.decode()
    assert staff.centre.name in text
    assert "Beratung und Vermittlung eines Schulplatzes" in text
    assert "seiteneinstieg.child" in text
    assert reverse("audit:processing_record") in client.get(reverse("audit:list")).content.decode()

    download = client.get(reverse("audit:processing_record_download"))
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/markdown")
    assert "attachment;" in download["Content-Disposition"]
    body = download.content.decode()
    assert body.startswith("# Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)")
    assert staff.centre.name in body and "Förderbedarf" in body
    for key in retention_rules():
        assert f"`{key}`" in body


def test_other_roles_get_no_record(staff, login):
    client = login(staff.counsellor)
    assert client.get(reverse("audit:processing_record")).status_code == 403
    assert client.get(reverse("audit:processing_record_download")).status_code == 403


def test_markdown_has_one_section_per_activity():
    record = processing_record()
    body = as_markdown(record)
    assert body.count("\n### ") == len(record.activities)
