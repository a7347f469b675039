"""Forms of the schools pages: they validate input; rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.core.forms import BoundedText, SafeModelChoiceField
from teilhabe.schulen.choices import SchoolLevel
from teilhabe.schulen.models import Offer, OfferKind

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class SchoolFilterForm(BoundedText, forms.Form):
    q = forms.CharField(
        label=_("Suche"), required=False, help_text=_("Name, Schulnummer, Schulform oder Straße")
    )
    only_offers = forms.BooleanField(label=_("Nur Schulen mit Angeboten"), required=False)


class OfferForm(BoundedText, forms.Form):
    kind = forms.ChoiceField(label=_("Angebot"), choices=OfferKind.choices)
    level = forms.ChoiceField(
        label=_("Stufe"),
        choices=[("", _("– ergibt sich aus dem Angebot –")), *SchoolLevel.choices],
        required=False,
        help_text=_("Nur bei Regelklassen nötig."),
    )
    grade_from = forms.IntegerField(label=_("Ab Klasse"), min_value=1, max_value=11)
    grade_to = forms.IntegerField(label=_("Bis Klasse"), min_value=1, max_value=11)
    seats_total = forms.IntegerField(label=_("Plätze insgesamt"), min_value=0, max_value=500)


class OfferEditForm(OfferForm):
    active = forms.BooleanField(label=_("Angebot aktiv"), required=False)


class SeatReportForm(BoundedText, forms.Form):
    """One number per offer: the seats free today."""

    def __init__(self, *args: Any, offers: list[Offer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offers = offers
        for offer in offers:
            self.fields[f"free_{offer.pk}"] = forms.IntegerField(
                label=_("%(kind)s, Klasse %(a)s–%(b)s")
                % {"kind": offer.get_kind_display(), "a": offer.grade_from, "b": offer.grade_to},
                min_value=0,
                max_value=500,
                initial=offer.seats_free,
                help_text=_("%(taken)s Plätze belegt oder vorgeschlagen")
                % {"taken": offer.seats_taken},
            )

    def free_by_offer(self) -> dict[int, int]:
        return {o.pk: self.cleaned_data[f"free_{o.pk}"] for o in self.offers}

    def rows(self) -> list[tuple[Offer, forms.BoundField]]:
        return [(o, self[f"free_{o.pk}"]) for o in self.offers]


class UploadForm(BoundedText, forms.Form):
    file = forms.FileField(label=_("Datei"))

    def clean_file(self) -> Any:
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Die Datei ist größer als 20 MB."))
        return file


class StaffLinkForm(BoundedText, forms.Form):
    user = SafeModelChoiceField(label=_("Konto der Schule"), queryset=None)
    schulnummer = forms.RegexField(
        label=_("Schulnummer"), regex=r"^\d{6}$", error_messages={"invalid": _("Sechs Ziffern.")}
    )

    def __init__(self, *args: Any, users: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users


class AreaForm(BoundedText, forms.Form):
    schulnummer = forms.RegexField(
        label=_("Schulnummer"), regex=r"^\d{6}$", error_messages={"invalid": _("Sechs Ziffern.")}
    )
    included = forms.TypedChoiceField(
        label=_("Änderung"),
        choices=[("1", _("ins Gebiet aufnehmen")), ("0", _("aus dem Gebiet nehmen"))],
        coerce=lambda v: v == "1",
    )


class DirectoryConfirmForm(BoundedText, forms.Form):
    """The confirmation under a preview: which file (its hash) and which plan was seen."""

    sha256 = forms.RegexField(regex=r"^[0-9a-f]{64}$", widget=forms.HiddenInput)
    fingerprint = forms.RegexField(regex=r"^[0-9a-f]{64}$", widget=forms.HiddenInput)
    confirm_closings = forms.BooleanField(
        label=_(
            "Ich habe die Schließungen geprüft: Diese Schulen sind nicht mehr im Verzeichnis "
            "und sollen geschlossen werden."
        ),
        required=False,
    )
