"""Forms of the public registration and booking, in the family's language.

Labels and messages are gettext_lazy; the view renders them inside the page's language.
The forms check what a single field can tell (required, a real date, an e-mail); the
service checks the rest (ages, the address in the centre's area) and its messages are
put on the fields they name.
"""

from __future__ import annotations

import secrets
import time
from typing import Any

from django import forms
from django.core import signing
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from teilhabe.core.forms import BoundedText
from teilhabe.letters.languages import AUTONYMS
from teilhabe.seiteneinstieg.choices import LANGUAGE_CHOICES

FORM_SALT = "teilhabe.anmeldung.form"
MIN_FILL_SECONDS = 3  # a person needs longer than this for the form; a script does not
FORM_MAX_AGE = 60 * 60 * 24  # a form kept open for a day still works
MAX_CHILDREN = 6
MAX_GUARDIANS = 2

# Languages in their own names (no translation needed), "other" translated.
FIRST_LANGUAGES: list[tuple[str, Any]] = [("", "—")] + [
    (code, AUTONYMS.get(code, code)) for code, _label in LANGUAGE_CHOICES if code != "other"
]
FIRST_LANGUAGES.append(("other", _("Andere Sprache")))
INTERPRETER_LANGUAGES: list[tuple[str, Any]] = [("", _("Nein, wir sprechen Deutsch"))] + [
    (code, AUTONYMS[code]) for code in ("en", "uk", "ar", "tr", "fa", "ru")
]


def new_form_stamp() -> str:
    """The hidden field of a fresh form: a random token and the time the page was made."""
    return signing.dumps({"t": secrets.token_hex(16), "at": int(time.time())}, salt=FORM_SALT)


def read_form_stamp(value: str) -> tuple[str, float] | None:
    """Token and age in seconds of a form stamp, or None if forged or too old."""
    try:
        data = signing.loads(value or "", salt=FORM_SALT, max_age=FORM_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("t"), str):
        return None
    return data["t"], time.time() - float(data.get("at", 0))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        error_messages={
            "invalid": _("Dieses Datum gibt es nicht. Bitte prüfen Sie Tag, Monat und Jahr."),
            "required": _("Bitte ausfüllen."),
        },
    )


def _text(
    label: Any, *, required: bool = True, max_length: int = 100, **attrs: str
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        error_messages={"required": _("Bitte ausfüllen.")},
        widget=forms.TextInput(attrs=attrs),
    )


NOT_SENT = _("Die Anmeldung konnte nicht gesendet werden. Bitte versuchen Sie es noch einmal.")
EXPIRED = _("Das Formular ist abgelaufen. Bitte prüfen Sie Ihre Angaben und senden Sie erneut.")


class RegistrationForm(BoundedText, forms.Form):
    """Address, contact and consent, plus the spam guards (honeypot and form stamp)."""

    street = _text(_("Straße und Hausnummer"), max_length=200, autocomplete="street-address")
    postcode = _text(
        _("Postleitzahl"), max_length=5, autocomplete="postal-code", inputmode="numeric"
    )
    city = _text(_("Ort"), autocomplete="address-level2")
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        help_text=_("Hierhin schicken wir die Bestätigung und den Link für Ihren Termin."),
        error_messages={
            "required": _("Bitte ausfüllen."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = _text(_("Telefon (freiwillig)"), required=False, max_length=50, autocomplete="tel")
    consent = forms.BooleanField(
        label=_("Ich habe den Datenschutzhinweis gelesen und stimme der Verarbeitung zu."),
        error_messages={"required": _("Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")},
    )
    # Spam guards: people do not see this field (a script fills it) and need a few seconds.
    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    stamp = forms.CharField(widget=forms.HiddenInput, max_length=500)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(
                NOT_SENT,
                code="honeypot",
            )
        stamp = read_form_stamp(self.data.get(self.add_prefix("stamp"), ""))
        if stamp is None:
            raise forms.ValidationError(
                EXPIRED,
                code="stamp",
            )
        data["form_token"], age = stamp
        if age < MIN_FILL_SECONDS:
            raise forms.ValidationError(
                NOT_SENT,
                code="too_fast",
            )
        return data


class GuardianForm(BoundedText, forms.Form):
    first_name = _text(_("Vorname"), autocomplete="given-name")
    last_name = _text(_("Nachname"), autocomplete="family-name")
    relation = _text(_("Beziehung zum Kind (z. B. Mutter)"), required=False, max_length=50)


class ChildForm(BoundedText, forms.Form):
    first_name = _text(_("Vorname"))
    last_name = _text(_("Nachname"))
    birth_date = _date_field(_("Geburtsdatum"))
    first_language = forms.ChoiceField(
        label=_("Erstsprache"),
        choices=FIRST_LANGUAGES,
        error_messages={"required": _("Bitte ausfüllen.")},
    )
    arrived_in_germany_on = _date_field(_("In Deutschland seit"))
    arrived_in_city_on = _date_field(_("An der jetzigen Adresse seit"))
    school_years = forms.IntegerField(
        label=_("Wie viele Jahre ist das Kind schon zur Schule gegangen?"),
        min_value=0,
        max_value=14,
        required=False,
        error_messages={
            "invalid": _("Bitte eine Zahl von 0 bis 14 angeben."),
            "min_value": _("Bitte eine Zahl von 0 bis 14 angeben."),
            "max_value": _("Bitte eine Zahl von 0 bis 14 angeben."),
        },
    )


class _AtLeastOne(forms.BaseFormSet):
    """Formset whose empty extra blocks are ignored, but at least one block is filled."""

    def filled(self) -> list[dict[str, Any]]:
        return [f.cleaned_data for f in self.forms if f.cleaned_data]


ChildFormSet = formset_factory(
    ChildForm,
    formset=_AtLeastOne,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_CHILDREN,
    validate_max=True,
    absolute_max=MAX_CHILDREN,
)
GuardianFormSet = formset_factory(
    GuardianForm,
    formset=_AtLeastOne,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_GUARDIANS,
    validate_max=True,
    absolute_max=MAX_GUARDIANS,
)


class SlotForm(forms.Form):
    """The family's choice of a free slot (the slot ids offered on the page)."""

    slot = forms.TypedChoiceField(
        label=_("Termin"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie einen Termin."),
            "invalid_choice": _(
                "Dieser Termin ist nicht mehr frei. Bitte wählen Sie einen anderen."
            ),
        },
    )
    interpreter_language = forms.ChoiceField(
        label=_("Brauchen Sie eine Dolmetscherin oder einen Dolmetscher?"),
        choices=INTERPRETER_LANGUAGES,
        required=False,
    )

    def __init__(self, *args: Any, slots: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [(s.pk, s.pk) for s in slots]
