"""Forms of the office pages. They check input shape; the rules live in ``services``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.core.forms import BoundedText, SafeModelChoiceField
from teilhabe.integrationsrat.choices import (
    ConsultationRole,
    MembershipKind,
    MembershipRole,
    Outcome,
    PaperType,
)
from teilhabe.integrationsrat.models import LegislativeTerm, Location, Meeting, Paper

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class TermForm(BoundedText, forms.Form):
    name = forms.CharField(label=_("Bezeichnung"), max_length=100, initial="Wahlperiode 2025–2030")
    start_date = forms.DateField(label=_("Beginn"), widget=DATE)
    end_date = forms.DateField(label=_("Ende"), widget=DATE)


class MemberForm(BoundedText, forms.Form):
    term = SafeModelChoiceField(label=_("Wahlperiode"), queryset=LegislativeTerm.objects.none())
    given_name = forms.CharField(label=_("Vorname"), max_length=100)
    family_name = forms.CharField(label=_("Nachname"), max_length=100)
    form_of_address = forms.CharField(label=_("Anrede"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-Mail"), required=False)
    role = forms.ChoiceField(label=_("Funktion"), choices=MembershipRole.choices)
    kind = forms.ChoiceField(label=_("Art"), choices=MembershipKind.choices)
    group = forms.CharField(label=_("Liste oder Fraktion"), max_length=100, required=False)
    start_date = forms.DateField(label=_("Beginn"), widget=DATE)
    end_date = forms.DateField(label=_("Ende"), widget=DATE, required=False)
    consent_name = forms.BooleanField(label=_("Name darf veröffentlicht werden"), required=False)
    consent_group = forms.BooleanField(
        label=_("Liste/Fraktion darf veröffentlicht werden"), required=False
    )

    def __init__(self, *args: Any, terms: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = terms


class PersonForm(BoundedText, forms.Form):
    given_name = forms.CharField(label=_("Vorname"), max_length=100)
    family_name = forms.CharField(label=_("Nachname"), max_length=100)
    form_of_address = forms.CharField(label=_("Anrede"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-Mail"), required=False)
    consent_name = forms.BooleanField(label=_("Name darf veröffentlicht werden"), required=False)
    consent_group = forms.BooleanField(
        label=_("Liste/Fraktion darf veröffentlicht werden"), required=False
    )


class EndMembershipForm(BoundedText, forms.Form):
    end_date = forms.DateField(label=_("Ende"), widget=DATE)


class LocationForm(BoundedText, forms.Form):
    description = forms.CharField(label=_("Bezeichnung"), max_length=200)
    street_address = forms.CharField(label=_("Straße und Hausnummer"), required=False)
    room = forms.CharField(label=_("Raum"), required=False)
    postal_code = forms.RegexField(label=_("PLZ"), regex=r"^\d{5}$", required=False)
    locality = forms.CharField(label=_("Ort"), required=False)
    latitude = forms.DecimalField(
        label=_("Breitengrad"), required=False, min_value=-90, max_value=90, decimal_places=6
    )
    longitude = forms.DecimalField(
        label=_("Längengrad"), required=False, min_value=-180, max_value=180, decimal_places=6
    )


class MeetingForm(BoundedText, forms.Form):
    name = forms.CharField(label=_("Bezeichnung"), max_length=200)
    start = forms.DateTimeField(label=_("Beginn"), widget=DATETIME)
    end = forms.DateTimeField(label=_("Ende"), widget=DATETIME)
    location = SafeModelChoiceField(
        label=_("Ort"), queryset=Location.objects.none(), required=False
    )

    def __init__(self, *args: Any, locations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations


class AgendaItemForm(BoundedText, forms.Form):
    name = forms.CharField(label=_("Gegenstand"), max_length=300)
    public = forms.BooleanField(label=_("öffentlich"), required=False, initial=True)
    paper = SafeModelChoiceField(label=_("Vorlage"), queryset=Paper.objects.none(), required=False)

    def __init__(self, *args: Any, papers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paper"].queryset = papers


class ResultForm(BoundedText, forms.Form):
    outcome = forms.ChoiceField(label=_("Ergebnis"), choices=Outcome.choices, required=False)
    yes = forms.IntegerField(label=_("Ja"), min_value=0, required=False)
    no = forms.IntegerField(label=_("Nein"), min_value=0, required=False)
    abstain = forms.IntegerField(label=_("Enthaltung"), min_value=0, required=False)
    resolution_text = forms.CharField(
        label=_("Beschlusstext"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class MinutesForm(BoundedText, forms.Form):
    # minutes of a whole meeting are long; still bounded
    text = forms.CharField(
        label=_("Niederschrift"), max_length=100_000, widget=forms.Textarea(attrs={"rows": 14})
    )
    public_text = forms.CharField(
        label=_("Öffentlicher Teil"),
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("Wird nach der Genehmigung veröffentlicht; ohne nichtöffentliche Punkte."),
    )


class ApproveForm(BoundedText, forms.Form):
    approved_in = SafeModelChoiceField(
        label=_("Genehmigt in der Sitzung"), queryset=Meeting.objects.none()
    )

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approved_in"].queryset = meetings


class PaperForm(BoundedText, forms.Form):
    reference = forms.CharField(label=_("Drucksachennummer"), max_length=50)
    name = forms.CharField(label=_("Titel"), max_length=300)
    paper_type = forms.ChoiceField(label=_("Art"), choices=PaperType.choices)
    date = forms.DateField(label=_("Datum"), widget=DATE)
    originator = forms.CharField(label=_("Einreicher"), max_length=200, required=False)
    text = forms.CharField(
        label=_("Text"),
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )
    public = forms.BooleanField(label=_("öffentlich"), required=False, initial=True)


class FileForm(BoundedText, forms.Form):
    upload = forms.FileField(label=_("PDF-Datei"))
    name = forms.CharField(label=_("Bezeichnung"), max_length=200, required=False)
    main = forms.BooleanField(label=_("Hauptdokument"), required=False)


class ConsultationForm(BoundedText, forms.Form):
    committee = forms.CharField(label=_("Gremium"), max_length=200)
    role = forms.ChoiceField(label=_("Beratungsart"), choices=ConsultationRole.choices)
    authoritative = forms.BooleanField(label=_("entscheidend"), required=False)
