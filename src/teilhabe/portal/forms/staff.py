"""Staff forms for the public site's content (German)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.public import PUBLIC_LANGUAGES
from teilhabe.portal.choices import OFFER_LANGUAGES, OfferCategory
from teilhabe.portal.models import MAX_TEXT

TEXT = forms.Textarea(attrs={"rows": 8})


class TextForm(forms.Form):
    """One language's text of a page, offer, event or document."""

    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    body = forms.CharField(
        label=_("Text"),
        max_length=MAX_TEXT,
        required=False,
        widget=TEXT,
        help_text=_("Einfacher Text. Eine Leerzeile beginnt einen neuen Absatz."),
    )

    def __init__(self, *args: object, schedule: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if schedule:
            self.fields["schedule"] = forms.CharField(
                label=_("Zeiten (z. B. „Mo und Mi 9–12 Uhr“)"), max_length=200, required=False
            )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Sprache"), choices=list(PUBLIC_LANGUAGES.items()))


class OfferForm(forms.Form):
    title = forms.CharField(label=_("Titel (deutsch)"), max_length=200)
    category = forms.ChoiceField(label=_("Bereich"), choices=OfferCategory.choices)
    provider = forms.CharField(label=_("Anbieter"), max_length=200)
    description = forms.CharField(
        label=_("Beschreibung (deutsch)"), max_length=MAX_TEXT, required=False, widget=TEXT
    )
    schedule = forms.CharField(label=_("Zeiten (deutsch)"), max_length=200, required=False)
    street = forms.CharField(label=_("Straße und Hausnummer"), max_length=200, required=False)
    postcode = forms.CharField(label=_("PLZ"), max_length=5)
    place = forms.CharField(label=_("Ort"), max_length=100, initial="Köln")
    languages = forms.MultipleChoiceField(
        label=_("Sprachen im Angebot"),
        choices=list(OFFER_LANGUAGES.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    starts_on = forms.DateField(
        label=_("Beginn"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Ende"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    website = forms.URLField(
        label=_("Internetseite"), max_length=200, required=False, assume_scheme="https"
    )
    phone = forms.CharField(label=_("Telefon"), max_length=50, required=False)
    email = forms.EmailField(label=_("E-Mail"), required=False)
    is_published = forms.BooleanField(label=_("Veröffentlicht"), required=False, initial=True)


class EventForm(forms.Form):
    title = forms.CharField(label=_("Titel (deutsch)"), max_length=200)
    description = forms.CharField(
        label=_("Beschreibung (deutsch)"), max_length=MAX_TEXT, required=False, widget=TEXT
    )
    starts_at = forms.DateTimeField(
        label=_("Beginn"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Ende"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    venue = forms.CharField(label=_("Ort der Veranstaltung"), max_length=200, required=False)
    street = forms.CharField(label=_("Straße und Hausnummer"), max_length=200, required=False)
    postcode = forms.CharField(label=_("PLZ"), max_length=5, required=False)
    place = forms.CharField(label=_("Ort"), max_length=100, required=False)
    is_published = forms.BooleanField(label=_("Veröffentlicht"), required=False, initial=True)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Titel (deutsch)"), max_length=200)
    description = forms.CharField(
        label=_("Beschreibung (deutsch)"), max_length=MAX_TEXT, required=False, widget=TEXT
    )
    url = forms.URLField(label=_("Adresse (URL)"), max_length=500, assume_scheme="https")
    order = forms.IntegerField(label=_("Reihenfolge"), min_value=0, max_value=999, initial=100)
    is_published = forms.BooleanField(label=_("Veröffentlicht"), required=False, initial=True)
