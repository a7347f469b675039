"""The Protokoll's filter form: person, kind of object, action and a date range."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from teilhabe.audit.registry import registered_actions, target_types
from teilhabe.audit.selectors import AuditFilters
from teilhabe.core.forms import SafeModelChoiceField

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]


class AuditFilterForm(forms.Form):
    person = SafeModelChoiceField(
        label=_("Person"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Alle"),
    )
    objekt = forms.ChoiceField(label=_("Objektart"), required=False)
    aktion = forms.ChoiceField(label=_("Aktion"), required=False)
    von = forms.DateField(
        label=_("Von"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    bis = forms.DateField(
        label=_("Bis"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (
            get_user_model()
            .objects.filter(centre_id=user.centre_id)
            .order_by("last_name", "first_name")
        )
        self.fields["person"].label_from_instance = lambda u: u.get_full_name() or u.username
        types = sorted(
            ((key, str(t.label)) for key, t in target_types().items()), key=lambda c: c[1]
        )
        self.fields["objekt"].choices = [("", _("Alle"))] + types
        actions = sorted(
            ((code, str(label)) for code, label in registered_actions().items()),
            key=lambda c: c[1],
        )
        self.fields["aktion"].choices = [("", _("Alle"))] + actions

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("von"), data.get("bis")
        if start and end and end < start:
            self.add_error("bis", _("Das Enddatum liegt vor dem Anfangsdatum."))
        return data

    def filters(self) -> AuditFilters:
        data = self.cleaned_data
        return AuditFilters(
            actor_id=data["person"].pk if data.get("person") else None,
            target_type=data.get("objekt") or "",
            action=data.get("aktion") or "",
            date_from=data.get("von"),
            date_to=data.get("bis"),
        )
