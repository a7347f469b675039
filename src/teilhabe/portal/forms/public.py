"""Forms families fill in on the public site (labels and errors in their language)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.portal.choices import OFFER_LANGUAGES, OfferCategory


class OfferFilterForm(forms.Form):
    """The offers list's filters; unknown values are ignored rather than refused."""

    category = forms.ChoiceField(label=_("Bereich"), required=False)
    district = forms.ChoiceField(label=_("Stadtteil"), required=False)
    language = forms.ChoiceField(label=_("Sprache im Angebot"), required=False)

    def __init__(self, *args: object, districts: list[str] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        every = [("", _("alle"))]
        self.fields["category"].choices = every + list(OfferCategory.choices)
        self.fields["district"].choices = every + [(d, d) for d in districts]
        self.fields["language"].choices = every + list(OFFER_LANGUAGES.items())

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {"category": "", "district": "", "language": ""}
        return {k: self.cleaned_data.get(k) or "" for k in ("category", "district", "language")}


class FeedbackForm(forms.Form):
    """The accessibility feedback form; ``website`` is the honeypot people never see."""

    message = forms.CharField(
        label=_("Ihre Nachricht"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Was war schwer zu benutzen? Auf welcher Seite?"),
        error_messages={
            "required": _("Bitte schreiben Sie eine Nachricht."),
            "max_length": _(
                "Die Nachricht ist zu lang. Bitte schreiben Sie höchstens 5000 Zeichen."
            ),
        },
    )
    page = forms.CharField(
        label=_("Seite (wenn Sie wissen, welche)"), max_length=300, required=False
    )
    name = forms.CharField(label=_("Ihr Name (freiwillig)"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse (freiwillig, für eine Antwort)"),
        required=False,
        error_messages={"invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse ein.")},
    )
    website = forms.CharField(
        label=_("Dieses Feld bitte leer lassen"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
