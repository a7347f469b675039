"""Every model that holds personal data declares how long it is kept (the retention
registry); every other model says that it holds none. A new model without either fails."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps

from teilhabe.core.registry import (
    RetentionAction,
    not_personal_models,
    register_retention,
    retention_rules,
)

# Field names that mark personal data when a model has not declared itself.
PERSONAL_HINTS = ("name", "birth", "email", "phone", "street", "note", "address")


def teilhabe_models() -> list[str]:
    return sorted(
        m._meta.label_lower
        for m in apps.get_models()
        if m.__module__.startswith("teilhabe.") and not m._meta.abstract
    )


def test_every_model_declares_retention_or_no_personal_data():
    rules, not_personal = retention_rules(), not_personal_models()
    undeclared = [m for m in teilhabe_models() if m not in rules and m not in not_personal]
    assert not undeclared, f"declare retention (or register_not_personal) for: {undeclared}"


def test_declared_fields_exist_and_rules_are_complete():
    for label, rule in retention_rules().items():
        model = apps.get_model(label)
        names = {f.name for f in model._meta.get_fields()}
        assert set(rule.personal_fields) <= names, (label, set(rule.personal_fields) - names)
        if rule.trigger_field:
            assert rule.trigger_field in names, label
        assert rule.purpose and rule.legal_basis and rule.trigger, label


def test_models_with_personal_looking_fields_are_not_declared_free_of_them_by_accident():
    """Institutions (centres, schools) may have names and e-mails; anything else with such
    fields and no retention rule must say why in its not-personal reason."""
    for label, reason in not_personal_models().items():
        model = apps.get_model(label)
        hints = [
            f.name for f in model._meta.concrete_fields if any(h in f.name for h in PERSONAL_HINTS)
        ]
        if hints:
            assert any(w in reason for w in ("institution", "directory", "school")), (
                label,
                hints,
            )


def test_a_model_is_declared_once_and_periods_are_positive():
    with pytest.raises(ValueError):
        register_retention(
            "seiteneinstieg.child",
            purpose="x",
            legal_basis="x",
            trigger="x",
            period=dt.timedelta(days=1),
            action=RetentionAction.DELETE,
        )
    with pytest.raises(ValueError):
        register_retention(
            "test.nothing",
            purpose="x",
            legal_basis="x",
            trigger="x",
            period=dt.timedelta(0),
            action=RetentionAction.DELETE,
        )
