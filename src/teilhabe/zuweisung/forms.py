"""Forms of the placement pages (German messages; services check the rules again)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.core.forms import BoundedText
from teilhabe.zuweisung.models import DeclineReason

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AcceptForm(BoundedText, forms.Form):
    start_date = forms.DateField(
        label=_("Erster Schultag"),
        widget=DATE_WIDGET,
        error_messages={"invalid": _("Bitte ein Datum angeben, z. B. 07.12.2026.")},
    )
    confirm = forms.BooleanField(
        label=_("Ich bestätige: die Schule nimmt das Kind zu diesem Tag auf."),
        error_messages={"required": _("Bitte bestätigen Sie die Aufnahme.")},
    )


class DeclineForm(BoundedText, forms.Form):
    reason = forms.ChoiceField(
        label=_("Grund"),
        choices=[("", _("Bitte auswählen")), *DeclineReason.choices],
        error_messages={"required": _("Bitte einen Grund auswählen.")},
    )
    note = forms.CharField(
        label=_("Erläuterung"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bei „Anderer Grund“ bitte angeben."),
    )
    confirm = forms.BooleanField(
        label=_("Ich bestätige die Ablehnung. Das Kind wird einer anderen Schule vorgeschlagen."),
        error_messages={"required": _("Bitte bestätigen Sie die Ablehnung.")},
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("reason") == DeclineReason.OTHER and not (data.get("note") or "").strip():
            self.add_error("note", _("Bitte den Grund kurz erläutern."))
        return data


class FirstDayForm(BoundedText, forms.Form):
    attended_on = forms.DateField(
        label=_("Erster Schultag (tatsächlich)"),
        widget=DATE_WIDGET,
        initial=timezone.localdate,
        error_messages={"invalid": _("Bitte ein Datum angeben, z. B. 07.12.2026.")},
    )


class OfferChoiceForm(BoundedText, forms.Form):
    child = forms.IntegerField(widget=forms.HiddenInput)
    offer = forms.IntegerField(
        label=_("Anderes Angebot"), error_messages={"required": _("Bitte ein Angebot wählen.")}
    )


class ExcludeForm(BoundedText, forms.Form):
    child = forms.IntegerField(widget=forms.HiddenInput)
    school = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Grund"), required=False, max_length=200)


class LockForm(BoundedText, forms.Form):
    locked = forms.TypedChoiceField(
        choices=[("1", _("festhalten")), ("0", _("lösen"))], coerce=lambda v: v == "1"
    )


class UploadForm(BoundedText, forms.Form):
    file = forms.FileField(label=_("Antwortdatei (JSON)"))
