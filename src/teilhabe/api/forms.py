from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.api.selectors import allowed_scopes
from teilhabe.core.forms import BoundedText


class TokenCreateForm(BoundedText, forms.Form):
    name = forms.CharField(
        label=_("Bezeichnung"),
        max_length=100,
        help_text=_("Wofür der Zugang ist, z. B. „Schulverwaltungsprogramm“."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Bereiche"), widget=forms.CheckboxSelectMultiple, required=True
    )
    expires_on = forms.DateField(
        label=_("Gültig bis (einschließlich)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leer lassen für unbegrenzt; höchstens ein Jahr."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scopes"].choices = [
            (s.name, f"{s.label} ({s.name})") for s in allowed_scopes(user)
        ]
