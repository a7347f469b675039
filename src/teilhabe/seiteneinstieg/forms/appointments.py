"""Forms of the appointment pages: offering slots and booking a family."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.models import User
from teilhabe.centres.permissions import roles_holding
from teilhabe.core.forms import SafeModelChoiceField
from teilhabe.seiteneinstieg.choices import LANGUAGE_CHOICES
from teilhabe.seiteneinstieg.models import CounsellingSlot, Family


class SlotForm(forms.Form):
    """One slot (no duration) or a series of slots of ``duration`` minutes between start and end."""

    date = forms.DateField(
        label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start = forms.TimeField(label=_("Beginn"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Ende"), widget=forms.TimeInput(attrs={"type": "time"}))
    duration = forms.IntegerField(
        label=_("Dauer je Termin (Minuten)"),
        required=False,
        min_value=10,
        max_value=240,
        help_text=_("Leer lassen für einen einzelnen Termin von Beginn bis Ende."),
    )
    location = forms.CharField(label=_("Ort"), max_length=200, required=False)
    counsellor = SafeModelChoiceField(
        label=_("Beraterin / Berater"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate() + dt.timedelta(days=1)
        if user.has_perm("seiteneinstieg.manage_all_slots"):
            self.fields["counsellor"].queryset = User.objects.filter(
                centre_id=user.centre_id,
                role__in=roles_holding("seiteneinstieg.manage_appointments"),
                is_active=True,
            ).order_by("last_name", "first_name")
            self.fields["counsellor"].initial = user.pk
            self.fields["counsellor"].empty_label = None
        else:
            del self.fields["counsellor"]


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: CounsellingSlot) -> str:
        local = timezone.localtime(obj.starts_at)
        end = timezone.localtime(obj.ends_at)
        where = f", {obj.location}" if obj.location else ""
        return f"{local:%d.%m.%Y %H:%M}–{end:%H:%M} · {obj.counsellor}{where}"


class BookingForm(forms.Form):
    slot = SlotChoiceField(
        label=_("Freier Termin"),
        queryset=CounsellingSlot.objects.none(),
        empty_label=_("Bitte wählen"),
        error_messages={"invalid_choice": _("Dieser Termin ist nicht mehr frei.")},
    )
    interpreter_language = forms.ChoiceField(
        label=_("Dolmetschung"),
        choices=[("", _("Keine Dolmetschung"))] + [c for c in LANGUAGE_CHOICES if c[0] != "de"],
        required=False,
    )

    def __init__(self, *args: Any, slots: Any, family: Family | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots
        if family is not None and not self.is_bound:
            # Suggest the language of the first guardian who asked for an interpreter.
            for guardian in family.guardians.all():
                if guardian.interpreter_needed and guardian.language != "de":
                    self.fields["interpreter_language"].initial = guardian.language
                    break


class WalkInForm(forms.Form):
    """A counselling without an appointment: the family came in and was counselled now."""

    interpreter_language = forms.ChoiceField(
        label=_("Dolmetschung"),
        choices=[("", _("Keine"))] + [c for c in LANGUAGE_CHOICES if c[0] != "de"],
        required=False,
    )
    notes = forms.CharField(
        label=_("Notizen zur Beratung"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
