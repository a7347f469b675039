"""The Einstufung form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.core.forms import BoundedText
from teilhabe.seiteneinstieg.choices import (
    GermanLevel,
    PriorSchoolType,
    SchoolForm,
    SchoolLevel,
    SkillLevel,
)


def _choose(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """An empty first option, so that nothing is recorded that nobody chose."""
    return [("", _("– bitte wählen –")), *choices]


class AssessmentForm(BoundedText, forms.Form):
    german_level = forms.ChoiceField(
        label=_("Deutschkenntnisse"), choices=_choose(GermanLevel.choices)
    )
    maths_level = forms.ChoiceField(label=_("Mathematik"), choices=_choose(SkillLevel.choices))
    first_language_literacy = forms.ChoiceField(
        label=_("Lesen und Schreiben in der Erstsprache"), choices=_choose(SkillLevel.choices)
    )
    prior_school_type = forms.ChoiceField(
        label=_("Bisherige Schulart"), choices=_choose(PriorSchoolType.choices)
    )
    recommended_level = forms.ChoiceField(
        label=_("Empfohlene Stufe"), choices=_choose(SchoolLevel.choices)
    )
    recommended_grade = forms.IntegerField(
        label=_("Empfohlene Klasse"),
        min_value=1,
        max_value=11,
        help_text=_("Primarstufe 1–4, Sekundarstufe I 5–10, Berufskolleg 11."),
    )
    recommended_school_forms = forms.MultipleChoiceField(
        label=_("Empfohlene Schulformen"),
        choices=SchoolForm.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Bemerkungen"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
