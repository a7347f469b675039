"""Every text field of every form is bounded: a 5 MB note was once accepted."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.urls import reverse

import teilhabe
from teilhabe.core.forms import MAX_TEXT_LENGTH, BoundedText
from teilhabe.seiteneinstieg.models import Family
from tests.factories import FamilyFactory


def _form_classes() -> list[type]:
    found = []
    for module in pkgutil.walk_packages(teilhabe.__path__, "teilhabe."):
        if ".forms" not in module.name:
            continue
        loaded = importlib.import_module(module.name)
        for _name, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == loaded.__name__:
                found.append(cls)
    return found


def test_every_text_field_has_a_maximum_length():
    unbounded = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _form_classes()
        if not issubclass(cls, BoundedText)
        for name, field in getattr(cls, "base_fields", {}).items()
        if isinstance(field, forms.CharField) and field.max_length is None
    ]
    assert unbounded == []


@pytest.mark.django_db
def test_a_huge_note_is_refused_in_german(staff, login):
    family = FamilyFactory(centre=staff.centre, notes="alt")
    url = reverse("seiteneinstieg:family_edit", args=[family.pk])
    page = login(staff.counsellor).get(url)
    assert page.status_code == 200
    assert f'maxlength="{MAX_TEXT_LENGTH}"' in page.content.decode()
    form = page.context["form"]
    data = {
        name: ("" if value is None else value)
        for name, value in ((n, form[n].value()) for n in form.fields)
    }
    data["notes"] = "x" * (5 * 1024 * 1024)
    response = login(staff.counsellor).post(url, data)
    assert response.status_code in (200, 400)
    assert "höchstens 5000 Zeichen" in response.content.decode()
    assert Family.objects.get(pk=family.pk).notes == "alt"
