"""Forms of engagement. Public forms carry gettext_lazy labels (seven languages)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.engagement.choices import (
    FieldOfWork,
    HelpKind,
    LanguageLevel,
    OrganisationKind,
    Recurrence,
)

WEEKDAYS = [
    ("", "–"),
    ("0", _("Montag")),
    ("1", _("Dienstag")),
    ("2", _("Mittwoch")),
    ("3", _("Donnerstag")),
    ("4", _("Freitag")),
    ("5", _("Samstag")),
    ("6", _("Sonntag")),
]
LANGUAGES = [
    ("", "–"),
    ("de", _("Deutsch")),
    ("en", _("Englisch")),
    ("uk", _("Ukrainisch")),
    ("ru", _("Russisch")),
    ("ar", _("Arabisch")),
    ("tr", _("Türkisch")),
    ("fa", _("Persisch (Farsi/Dari)")),
    ("ps", _("Paschtu")),
    ("ku", _("Kurdisch")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("ro", _("Rumänisch")),
    ("bg", _("Bulgarisch")),
    ("sq", _("Albanisch")),
    ("fr", _("Französisch")),
    ("es", _("Spanisch")),
    ("pl", _("Polnisch")),
]
LEVELS = [("", "–"), *[(str(v), label) for v, label in LanguageLevel.choices]]
WINDOW_ROWS = 3
LANGUAGE_ROWS = 3


class VolunteerForm(forms.Form):
    """Registration on the public page; rows for languages and weekly times."""

    first_name = forms.CharField(label=_("Vorname"), max_length=100)
    last_name = forms.CharField(label=_("Nachname"), max_length=100)
    email = forms.CharField(label=_("E-Mail"), max_length=254)
    phone = forms.CharField(label=_("Telefon"), max_length=50, required=False)
    postcode = forms.CharField(label=_("PLZ"), max_length=5)
    city = forms.CharField(label=_("Ort"), max_length=100, required=False)
    max_km = forms.IntegerField(
        label=_("Höchstens km entfernt"), min_value=1, max_value=50, initial=10
    )
    offers = forms.MultipleChoiceField(
        label=_("Ich helfe bei"), choices=HelpKind.choices, widget=forms.CheckboxSelectMultiple
    )
    unavailable = forms.CharField(
        label=_("Nicht verfügbar an (Daten, z. B. 24.12.2026)"), required=False, max_length=500
    )
    certificate_seen_on = forms.DateField(
        label=_("Erweitertes Führungszeugnis ausgestellt am"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "Nur das Datum; bitte zeigen Sie das Zeugnis dem Team. Wir speichern es nicht."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, LANGUAGE_ROWS + 1):
            self.fields[f"language_{i}"] = forms.ChoiceField(
                label=_("Sprache %(n)s") % {"n": i}, choices=LANGUAGES, required=i == 1
            )
            self.fields[f"level_{i}"] = forms.ChoiceField(
                label=_("Niveau"), choices=LEVELS, required=i == 1
            )
        for i in range(1, WINDOW_ROWS + 1):
            self.fields[f"weekday_{i}"] = forms.ChoiceField(
                label=_("Wochentag"), choices=WEEKDAYS, required=i == 1
            )
            self.fields[f"start_{i}"] = forms.CharField(
                label=_("von"),
                max_length=5,
                required=i == 1,
                widget=forms.TextInput(attrs={"placeholder": "16:00", "inputmode": "numeric"}),
            )
            self.fields[f"end_{i}"] = forms.CharField(
                label=_("bis"),
                max_length=5,
                required=i == 1,
                widget=forms.TextInput(attrs={"placeholder": "19:00", "inputmode": "numeric"}),
            )

    def language_rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"language_{i}"], self[f"level_{i}"]) for i in range(1, LANGUAGE_ROWS + 1)]

    def window_rows(self) -> list[tuple[Any, Any, Any]]:
        return [
            (self[f"weekday_{i}"], self[f"start_{i}"], self[f"end_{i}"])
            for i in range(1, WINDOW_ROWS + 1)
        ]

    def clean_unavailable(self) -> list[str]:
        import datetime as dt

        result = []
        for part in (self.cleaned_data.get("unavailable") or "").replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
                try:
                    result.append(dt.datetime.strptime(part, fmt).date().isoformat())
                    break
                except ValueError:
                    continue
            else:
                raise forms.ValidationError(_("Bitte Daten wie 24.12.2026 angeben."))
        return result

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        languages = {}
        for i in range(1, LANGUAGE_ROWS + 1):
            code, level = data.get(f"language_{i}"), data.get(f"level_{i}")
            if code:
                languages[code] = level or 0
        windows = [
            {
                "weekday": data.get(f"weekday_{i}"),
                "start": data.get(f"start_{i}", ""),
                "end": data.get(f"end_{i}", ""),
            }
            for i in range(1, WINDOW_ROWS + 1)
            if data.get(f"weekday_{i}") or data.get(f"start_{i}") or data.get(f"end_{i}")
        ]
        return {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "email": data["email"],
            "phone": data.get("phone", ""),
            "postcode": data["postcode"],
            "city": data.get("city", ""),
            "max_km": data.get("max_km") or 10,
            "offers": data["offers"],
            "languages": languages,
            "windows": windows,
            "unavailable": data.get("unavailable") or [],
            "certificate_seen_on": data.get("certificate_seen_on"),
        }

    @staticmethod
    def initial_for(volunteer: Any) -> dict[str, Any]:
        """The form's values from a stored profile (rows for languages and times)."""
        initial: dict[str, Any] = {
            f: getattr(volunteer, f)
            for f in ("first_name", "last_name", "email", "phone", "postcode", "city", "max_km")
        }
        initial["offers"] = volunteer.offers
        initial["certificate_seen_on"] = volunteer.certificate_seen_on
        initial["unavailable"] = ", ".join(
            ".".join(reversed(day.split("-"))) for day in volunteer.unavailable
        )
        for i, (code, level) in enumerate(list(volunteer.languages.items())[:LANGUAGE_ROWS], 1):
            initial[f"language_{i}"], initial[f"level_{i}"] = code, str(level)
        for i, window in enumerate(volunteer.windows[:WINDOW_ROWS], 1):
            initial[f"weekday_{i}"] = str(window["weekday"])
            initial[f"start_{i}"], initial[f"end_{i}"] = window["start"], window["end"]
        return initial

    def add_service_error(self, name: str, messages: list[str]) -> None:
        target = {"windows": "start_1", "languages": "language_1"}.get(name, name)
        if target not in self.fields:
            target = None
        for message in messages:
            self.add_error(target, message)


class RegisterForm(VolunteerForm):
    consent = forms.BooleanField(
        label=_("Ich willige in die Verarbeitung meiner Angaben zur Vermittlung ein."),
        required=False,
    )
    confirm_duplicate = forms.BooleanField(
        label=_("Ich bin sicher: bitte trotzdem registrieren."), required=False
    )


class LoginRequestForm(forms.Form):
    email = forms.CharField(label=_("E-Mail"), max_length=254)


class HoursForm(forms.Form):
    date = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.DecimalField(
        label=_("Stunden"), min_value=0, max_value=24, decimal_places=2, max_digits=4
    )


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Art"), choices=OrganisationKind.choices)
    email = forms.CharField(label=_("E-Mail"), max_length=254)
    phone = forms.CharField(label=_("Telefon"), max_length=50, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    street = forms.CharField(label=_("Straße"), max_length=200, required=False)
    postcode = forms.CharField(label=_("PLZ"), max_length=5, required=False)
    city = forms.CharField(label=_("Ort"), max_length=100, required=False)
    languages = forms.CharField(label=_("Sprachen (kommagetrennt)"), max_length=300, required=False)
    fields_of_work = forms.MultipleChoiceField(
        label=_("Arbeitsfelder"),
        choices=FieldOfWork.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    districts = forms.CharField(
        label=_("Stadtteile oder Orte (kommagetrennt)"), max_length=500, required=False
    )
    description = forms.CharField(
        label=_("Kurzbeschreibung"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_name = forms.CharField(label=_("Ansprechperson"), max_length=200, required=False)
    contact_role = forms.CharField(label=_("Funktion"), max_length=200, required=False)
    contact_email = forms.CharField(
        label=_("E-Mail der Ansprechperson"), max_length=254, required=False
    )
    contact_consent = forms.BooleanField(
        label=_("Die Ansprechperson ist mit der Veröffentlichung einverstanden."), required=False
    )

    @staticmethod
    def initial_for(organisation: Any) -> dict[str, Any]:
        contact = (organisation.contact_persons or [{}])[0]
        return {
            **{
                f: getattr(organisation, f)
                for f in (
                    "name",
                    "kind",
                    "email",
                    "phone",
                    "website",
                    "street",
                    "postcode",
                    "city",
                    "description",
                    "fields_of_work",
                )
            },
            "languages": ", ".join(organisation.languages),
            "districts": ", ".join(organisation.districts),
            "contact_name": contact.get("name", ""),
            "contact_role": contact.get("role", ""),
            "contact_email": contact.get("email", ""),
            "contact_consent": bool(contact.get("consent_at")),
        }

    def values(self) -> dict[str, Any]:
        d = self.cleaned_data
        contacts = []
        if d.get("contact_name"):
            contacts.append(
                {
                    "name": d["contact_name"],
                    "role": d.get("contact_role", ""),
                    "email": d.get("contact_email", ""),
                    "consent": d.get("contact_consent"),
                }
            )
        return {
            **{
                f: d.get(f) or ""
                for f in (
                    "name",
                    "kind",
                    "email",
                    "phone",
                    "website",
                    "street",
                    "postcode",
                    "city",
                    "description",
                )
            },
            "fields_of_work": d.get("fields_of_work") or [],
            "languages": [
                s.strip().lower() for s in (d.get("languages") or "").split(",") if s.strip()
            ],
            "districts": [s.strip() for s in (d.get("districts") or "").split(",") if s.strip()],
            "contact_persons": contacts,
        }

    def add_service_error(self, name: str, messages: list[str]) -> None:
        target = {"contact_persons": "contact_name"}.get(name, name)
        if target not in self.fields:
            target = None
        for message in messages:
            self.add_error(target, message)


class StaffOrganisationForm(OrganisationForm):
    is_public = forms.BooleanField(label=_("Auf den öffentlichen Seiten zeigen"), required=False)


class NeedForm(forms.Form):
    kind = forms.ChoiceField(label=_("Art"), choices=HelpKind.choices)
    language = forms.ChoiceField(label=_("Sprache"), choices=LANGUAGES, required=False)
    description = forms.CharField(label=_("Beschreibung"), max_length=300, required=False)
    starts_at = forms.DateTimeField(
        label=_("Beginn"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Ende"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    recurrence = forms.ChoiceField(label=_("Wiederholung"), choices=Recurrence.choices)
    repeat_until = forms.DateField(
        label=_("Wiederholen bis"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    place = forms.CharField(label=_("Ort"), max_length=200)
    postcode = forms.CharField(label=_("PLZ"), max_length=5, required=False)
    contact_first_name = forms.CharField(
        label=_("Vorname der Kontaktperson (sieht die/der Ehrenamtliche)"),
        max_length=100,
        required=False,
    )
    child_contact = forms.BooleanField(label=_("Kontakt zu Kindern"), required=False)


class CertificateForm(forms.Form):
    seen_on = forms.DateField(
        label=_("Erweitertes Führungszeugnis: Ausstellungsdatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class WeekForm(forms.Form):
    week = forms.DateField(
        label=_("Woche ab (Montag)"), widget=forms.DateInput(attrs={"type": "date"})
    )
