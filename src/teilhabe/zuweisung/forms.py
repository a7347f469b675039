"""Forms of the placement pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Entscheidung"), choices=[("accept", _("aufnehmen")), ("decline", _("ablehnen"))]
    )
