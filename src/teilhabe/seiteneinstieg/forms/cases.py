"""Forms of the casework pages: registering a family, changing a status, uploading a document.

The forms check input shape (required fields, dates, numbers); the services decide what is
plausible and allowed, and the views put the services' messages back onto these forms.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.forms import BaseFormSet, formset_factory
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from teilhabe import geo
from teilhabe.core.forms import BoundedText, SafeModelChoiceField
from teilhabe.seiteneinstieg.choices import LANGUAGE_CHOICES, DocumentKind, LanguageLevel, Status
from teilhabe.seiteneinstieg.models import Child, Family, Guardian
from teilhabe.seiteneinstieg.services.cases import AddressData, ChildData, GuardianData

EXTRA_LANGUAGES = 3
MAX_CHILDREN = 10
MAX_GUARDIANS = 4
BLANK = [("", "—")]


class DateInput(forms.DateInput):
    """The browser's own date picker; it sends ISO dates whatever the locale."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        error_messages={"invalid": _("Bitte ein gültiges Datum angeben.")},
    )


class FamilyForm(BoundedText, forms.Form):
    street = forms.CharField(label=_("Straße und Hausnummer"), max_length=200)
    postcode = forms.CharField(
        label=_("PLZ"),
        max_length=5,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    city = forms.CharField(
        label=_("Ort"),
        max_length=100,
        help_text=_("Entscheidet, wenn eine Postleitzahl zu mehreren Gemeinden gehört."),
    )
    notes = forms.CharField(
        label=_("Notizen zur Familie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm_duplicates = forms.BooleanField(
        label=_("Trotzdem registrieren und verknüpfen"), required=False
    )

    def __init__(self, *args: Any, area: geo.Area | None = None, **kwargs: Any) -> None:
        """``area``: the centre's; an area of one town (Köln) fills in the Ort."""
        super().__init__(*args, **kwargs)
        towns = area.municipalities() if area is not None else []
        if len(towns) == 1:
            self.fields["city"].initial = towns[0][1]

    def address(self) -> AddressData:
        data = self.cleaned_data
        return AddressData(street=data["street"], postcode=data["postcode"], city=data["city"])


class GuardianForm(BoundedText, forms.Form):
    first_name = forms.CharField(label=_("Vorname"), max_length=100)
    last_name = forms.CharField(label=_("Nachname"), max_length=100)
    relation = forms.CharField(
        label=_("Beziehung zum Kind"),
        max_length=50,
        required=False,
        help_text=_("z. B. Mutter, Vater, Vormund"),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("E-Mail"), required=False)
    language = forms.ChoiceField(label=_("Sprache"), choices=LANGUAGE_CHOICES, initial="de")
    interpreter_needed = forms.BooleanField(label=_("Dolmetschung nötig"), required=False)

    def to_data(self) -> GuardianData:
        return GuardianData(**self.cleaned_data)


class ChildForm(BoundedText, forms.Form):
    first_name = forms.CharField(label=_("Vorname"), max_length=100)
    last_name = forms.CharField(label=_("Nachname"), max_length=100)
    birth_date = date_field(_("Geburtsdatum"))
    nationality = forms.ChoiceField(label=_("Staatsangehörigkeit"), required=False)
    first_language = forms.ChoiceField(label=_("Erstsprache"), choices=BLANK + LANGUAGE_CHOICES)
    arrived_in_germany_on = date_field(_("Ankunft in Deutschland"))
    arrived_in_city_on = date_field(_("Zuzug nach Köln"))
    school_years = forms.IntegerField(
        label=_("Schulbesuchsjahre"), min_value=0, max_value=14, initial=0
    )
    last_grade = forms.IntegerField(
        label=_("Zuletzt besuchte Klasse"), min_value=1, max_value=13, required=False
    )
    special_needs = forms.CharField(
        label=_("Besonderer Förderbedarf"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    notes = forms.CharField(
        label=_("Notizen"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nationality"].choices = BLANK + list(countries)
        for n in range(1, EXTRA_LANGUAGES + 1):
            self.fields[f"language_{n}"] = forms.ChoiceField(
                label=_("Weitere Sprache %(n)d") % {"n": n},
                choices=BLANK + LANGUAGE_CHOICES,
                required=False,
            )
            self.fields[f"level_{n}"] = forms.ChoiceField(
                label=_("Niveau Sprache %(n)d") % {"n": n},
                choices=BLANK + list(LanguageLevel.choices),
                required=False,
            )

    def language_pairs(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        """(language, level) fields side by side for the template."""
        return [(self[f"language_{n}"], self[f"level_{n}"]) for n in range(1, EXTRA_LANGUAGES + 1)]

    def main_fields(self) -> list[forms.BoundField]:
        return [f for f in self if not f.name.startswith(("language_", "level_"))]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for n in range(1, EXTRA_LANGUAGES + 1):
            language, level = data.get(f"language_{n}"), data.get(f"level_{n}")
            if level and not language:
                self.add_error(f"language_{n}", _("Bitte die Sprache zum Niveau auswählen."))
            if language and not level:
                self.add_error(f"level_{n}", _("Bitte das Niveau der Sprache angeben."))
        return data

    def add_service_error(self, field: str, messages: list[str]) -> None:
        """Put a service's message on the matching field; ``languages`` on the first pair."""
        if field == "languages":
            field = "language_1"
        self.add_error(field if field in self.fields else None, messages)

    def to_data(self) -> ChildData:
        data = self.cleaned_data
        languages = []
        for n in range(1, EXTRA_LANGUAGES + 1):
            if data.get(f"language_{n}"):
                languages.append((data[f"language_{n}"], data[f"level_{n}"]))
        return ChildData(
            first_name=data["first_name"],
            last_name=data["last_name"],
            birth_date=data["birth_date"],
            first_language=data["first_language"],
            arrived_in_germany_on=data["arrived_in_germany_on"],
            arrived_in_city_on=data["arrived_in_city_on"],
            nationality=data.get("nationality") or "",
            school_years=data["school_years"],
            last_grade=data.get("last_grade"),
            special_needs=data.get("special_needs", ""),
            notes=data.get("notes", ""),
            languages=languages,
        )


class _RequiredFormSet(BaseFormSet):
    def filled_forms(self) -> list[forms.Form]:
        """The forms that carry data (an untouched extra form is left out)."""
        return [f for f in self.forms if f.cleaned_data]


GuardianFormSet = formset_factory(
    GuardianForm,
    formset=_RequiredFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_GUARDIANS,
    validate_max=True,
    # a forged TOTAL_FORMS must not make Django build (and render) 1000 extra forms
    absolute_max=MAX_GUARDIANS,
)
ChildFormSet = formset_factory(
    ChildForm,
    formset=_RequiredFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_CHILDREN,
    validate_max=True,
    # a forged TOTAL_FORMS must not make Django build (and render) 1000 extra forms
    absolute_max=MAX_CHILDREN,
)


class FamilyEditForm(FamilyForm):
    """Address and notes of a registered family; no new child, so no duplicate question."""

    confirm_duplicates = None

    @staticmethod
    def initial_for(family: Family) -> dict[str, Any]:
        return {name: getattr(family, name) for name in ("street", "postcode", "city", "notes")}


class ChildAddForm(ChildForm):
    """A sibling reported later; the checkbox confirms a possible duplicate after the warning."""

    confirm_duplicates = forms.BooleanField(
        label=_("Trotzdem hinzufügen und verknüpfen"), required=False
    )


class ChildEditForm(ChildForm):
    """A child's data corrected; the checkbox confirms a possible duplicate after the warning."""

    confirm_duplicates = forms.BooleanField(
        label=_("Trotzdem speichern und verknüpfen"), required=False
    )


def child_initial(child: Child) -> dict[str, Any]:
    """A child's saved data as the initial values of a ChildForm (languages into the pairs)."""
    initial: dict[str, Any] = {
        name: getattr(child, name)
        for name in (
            "first_name",
            "last_name",
            "birth_date",
            "first_language",
            "arrived_in_germany_on",
            "arrived_in_city_on",
            "school_years",
            "last_grade",
            "special_needs",
            "notes",
        )
    }
    initial["nationality"] = child.nationality.code or ""
    for n, entry in enumerate(child.languages.all()[:EXTRA_LANGUAGES], start=1):
        initial[f"language_{n}"] = entry.language
        initial[f"level_{n}"] = entry.level
    return initial


def guardian_initial(guardian: Guardian) -> dict[str, Any]:
    return {name: getattr(guardian, name) for name in GuardianForm.base_fields}


class StatusChangeForm(BoundedText, forms.Form):
    """A counsellor's manual move: close the case or send it back a step."""

    to = forms.ChoiceField(
        label=_("Neuer Status"), error_messages={"required": _("Bitte einen Status auswählen.")}
    )
    reason = forms.CharField(
        label=_("Grund"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Bitte einen Grund angeben.")},
    )

    def __init__(self, *args: Any, targets: list[Status], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # No default: closing a case must be a deliberate choice.
        self.fields["to"].choices = [("", _("– bitte wählen –"))] + [
            (s.value, _label_for(s)) for s in targets
        ]


def _label_for(status: Status) -> str:
    if status in (Status.WITHDRAWN, Status.MOVED_AWAY):
        return str(status.label)
    return str(_("Zurück zu „%(status)s“") % {"status": status.label})


class DocumentForm(BoundedText, forms.Form):
    kind = forms.ChoiceField(label=_("Art des Dokuments"), choices=DocumentKind.choices)
    child = SafeModelChoiceField(
        label=_("Betrifft Kind"),
        queryset=Child.objects.none(),
        required=False,
        empty_label=_("Ganze Familie"),
    )
    file = forms.FileField(
        label=_("Datei"),
        help_text=_("PDF, JPEG oder PNG"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
        error_messages={"required": _("Bitte eine Datei auswählen.")},
    )

    def __init__(self, *args: Any, family: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = family.children.all()
        self.fields["file"].help_text = _("PDF, JPEG oder PNG, höchstens %(limit)s") % {
            "limit": filesizeformat(settings.TEILHABE_MAX_DOCUMENT_BYTES)
        }
