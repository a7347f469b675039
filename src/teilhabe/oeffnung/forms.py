"""Forms of the Interkulturelle Öffnung (the questionnaire speaks German or English)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from teilhabe.core.forms import BoundedText, SafeModelChoiceField, SafeModelMultipleChoiceField
from teilhabe.oeffnung.choices import Category, FieldOfAction, FundingSource, MeasureStatus
from teilhabe.oeffnung.models import Department, Measure, SurveyWave
from teilhabe.oeffnung.services.measures import MeasureInput
from teilhabe.oeffnung.services.survey import AnswerInput, PersonAnswer
from teilhabe.oeffnung.survey_texts import TEXTS, WORK_LANGUAGES


class CodeForm(BoundedText, forms.Form):
    code = forms.CharField(max_length=40, strip=True)

    def __init__(self, *args: Any, lang: str = "de", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        t = TEXTS[lang]
        field = self.fields["code"]
        field.label = t["code_label"]
        field.help_text = t["code_help"]
        field.error_messages["required"] = t["code_required"]
        field.widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )


def _country_choices(lang: str, blank: str) -> list[tuple[str, str]]:
    with translation.override(lang):
        listed = [(code, str(name)) for code, name in countries]
    germany = [c for c in listed if c[0] == "DE"]
    return [("", blank), *germany, *[c for c in listed if c[0] != "DE"]]


class QuestionnaireForm(BoundedText, forms.Form):
    """The raw answers; every field has a label, radio groups are rendered as fieldsets."""

    PERSON_PREFIXES = ("", "parent_1_", "parent_2_")

    def __init__(self, *args: Any, wave: SurveyWave, lang: str = "de", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        t = TEXTS[lang]
        self.lang = lang
        yes_no = [("yes", t["yes"]), ("no", t["no"]), ("unknown", t["unknown"])]
        countries_ = _country_choices(lang, t["no_answer"])
        self.fields["code"] = forms.CharField(widget=forms.HiddenInput, max_length=40)
        self.fields["german_now"] = forms.ChoiceField(
            label=t["german_now"],
            choices=yes_no,
            widget=forms.RadioSelect,
            error_messages={"required": t["required"]},
        )
        for prefix in self.PERSON_PREFIXES:
            own = prefix == ""
            self.fields[f"{prefix}birth_country"] = forms.ChoiceField(
                label=t["birth_country" if own else "parent_birth_country"],
                choices=countries_,
                required=False,
            )
            self.fields[f"{prefix}german_at_birth"] = forms.ChoiceField(
                label=t["german_at_birth" if own else "parent_german_at_birth"],
                choices=yes_no,
                widget=forms.RadioSelect,
                required=own,
                error_messages={"required": t["required"]},
            )
            self.fields[f"{prefix}immigration_year"] = forms.IntegerField(
                label=t["immigration_year" if own else "parent_immigration_year"],
                help_text=t["immigration_year_help"] if own else "",
                required=False,
                min_value=1000,
                max_value=9999,
                error_messages={
                    "invalid": t["year_invalid"],
                    "min_value": t["year_invalid"],
                    "max_value": t["year_invalid"],
                },
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )
        if wave.ask_department:
            self.fields["department"] = SafeModelChoiceField(
                label=t["department"],
                queryset=Department.objects.filter(pk__in=wave.departments.all()),
                required=False,
                empty_label=t["no_answer"],
            )
        if wave.ask_age_band:
            self.fields["age_band"] = forms.ChoiceField(
                label=t["age_band"],
                choices=[
                    ("", t["no_answer"]),
                    *[(k, t[f"age_{k}"]) for k in ("u30", "30_44", "45_59", "60p")],
                ],
                widget=forms.RadioSelect,
                required=False,
            )
        if wave.ask_career_group:
            self.fields["career_group"] = forms.ChoiceField(
                label=t["career_group"],
                choices=[
                    ("", t["no_answer"]),
                    *[(k, t[f"career_{k}"]) for k in ("trainee", "lg1", "lg2_1", "lg2_2", "other")],
                ],
                widget=forms.RadioSelect,
                required=False,
            )
        if wave.ask_languages:
            index = 0 if lang == "de" else 1
            self.fields["languages"] = forms.MultipleChoiceField(
                label=t["languages"],
                choices=[(k, names[index]) for k, names in WORK_LANGUAGES.items()],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        self.fields["comment"] = forms.CharField(
            label=t["comment"],
            help_text=t["comment_help"],
            widget=forms.Textarea(attrs={"rows": 3}),
            max_length=2000,
            required=False,
        )

    def person(self, prefix: str) -> PersonAnswer:
        data = self.cleaned_data
        return PersonAnswer(
            birth_country=data.get(f"{prefix}birth_country") or "",
            german_at_birth=data.get(f"{prefix}german_at_birth") or "unknown",
            immigration_year=data.get(f"{prefix}immigration_year"),
        )

    def answer_input(self) -> AnswerInput:
        data = self.cleaned_data
        department = data.get("department")
        return AnswerInput(
            german_now=data["german_now"],
            person=self.person(""),
            parent_1=self.person("parent_1_"),
            parent_2=self.person("parent_2_"),
            department_id=department.pk if department else None,
            age_band=data.get("age_band") or "",
            career_group=data.get("career_group") or "",
            languages=list(data.get("languages") or []),
            comment=data.get("comment") or "",
        )

    def add_service_error(self, name: str, messages: list[str]) -> None:
        self.add_error(name if name in self.fields else None, messages)


# --- staff forms --------------------------------------------------------------------------


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class WaveForm(BoundedText, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    starts_on = forms.DateField(label=_("Beginn"), widget=DateInput)
    ends_on = forms.DateField(label=_("Ende"), widget=DateInput)
    departments = SafeModelMultipleChoiceField(
        label=_("Dienststellen"),
        queryset=Department.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    reference_share = forms.DecimalField(
        label=_("Vergleichswert Bevölkerung (%)"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
        help_text=_("leer lassen: Anteil mit Migrationshintergrund laut Statistik der Stadt"),
    )
    reference_label = forms.CharField(label=_("Quelle des Vergleichswerts"), required=False)
    ask_age_band = forms.BooleanField(label=_("Altersgruppe fragen"), required=False, initial=True)
    ask_career_group = forms.BooleanField(
        label=_("Laufbahngruppe fragen"), required=False, initial=True
    )
    ask_languages = forms.BooleanField(
        label=_("Sprachen bei der Arbeit fragen"), required=False, initial=True
    )
    ask_department = forms.BooleanField(
        label=_("Dienststelle fragen"), required=False, initial=True
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["departments"].queryset = Department.objects.for_user(user)


class CodesForm(BoundedText, forms.Form):
    department = SafeModelChoiceField(label=_("Dienststelle"), queryset=Department.objects.none())
    count = forms.IntegerField(
        label=_("Anzahl Briefe (eine pro beschäftigter Person)"),
        min_value=1,
        max_value=2000,
        help_text=_(
            "Höchstens 2.000 je PDF; größere Dienststellen drucken in mehreren Durchgängen."
        ),
    )

    def __init__(self, *args: Any, wave: SurveyWave, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = wave.departments.all()


# --- measures programme -------------------------------------------------------------------


class MeasureForm(BoundedText, forms.Form):
    """A measure's fields; the programme's rules (dates, costs, progress) live in the service."""

    title = forms.CharField(label=_("Titel"), max_length=300)
    description = forms.CharField(
        label=_("Beschreibung"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    department = SafeModelChoiceField(label=_("Federführung"), queryset=Department.objects.none())
    partners = SafeModelMultipleChoiceField(
        label=_("Beteiligte Dienststellen"),
        queryset=Department.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    external_partners = forms.CharField(label=_("Externe Partner"), max_length=300, required=False)
    category = forms.ChoiceField(label=_("Kategorie"), choices=Category.choices)
    field_of_action = forms.ChoiceField(label=_("Handlungsfeld"), choices=FieldOfAction.choices)
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    # no max_value here: the service says why 140 % is wrong, in its own words
    progress = forms.IntegerField(label=_("Fortschritt (%)"), min_value=0)
    starts_on = forms.DateField(label=_("Beginn"), widget=DateInput, required=False)
    ends_on = forms.DateField(label=_("Ende"), widget=DateInput, required=False)
    planned_cost = forms.DecimalField(
        label=_("Geplante Kosten (€)"), min_value=0, decimal_places=2, max_digits=12
    )
    spent_cost = forms.DecimalField(
        label=_("Ausgegeben (€)"), min_value=0, decimal_places=2, max_digits=12
    )
    funding_source = forms.ChoiceField(label=_("Finanzierung"), choices=FundingSource.choices)
    cost_note = forms.CharField(
        label=_("Anmerkung zu den Kosten"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Pflicht, wenn die Ausgaben über den geplanten Kosten liegen."),
    )
    parent = SafeModelChoiceField(
        label=_("Teil von"), queryset=Measure.objects.none(), required=False
    )
    weight = forms.IntegerField(
        label=_("Gewicht im übergeordneten Fortschritt"), min_value=0, initial=1
    )

    def __init__(
        self, *args: Any, user: Any, measure: Measure | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        departments = Department.objects.for_user(user)
        self.fields["department"].queryset = departments
        self.fields["partners"].queryset = departments
        parents = Measure.objects.for_user(user)
        if measure is not None:
            parents = parents.exclude(pk=measure.pk)
        self.fields["parent"].queryset = parents

    def measure_input(self) -> MeasureInput:
        data = dict(self.cleaned_data)
        data["partners"] = list(data.get("partners") or [])
        return MeasureInput(**data)


class MeasureFilterForm(BoundedText, forms.Form):
    department = SafeModelChoiceField(
        label=_("Dienststelle"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("alle"),
    )
    category = forms.ChoiceField(
        label=_("Kategorie"), choices=[("", _("alle")), *Category.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("alle")), *MeasureStatus.choices], required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.for_user(user)

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        department = data.get("department")
        return {
            "department_id": department.pk if department else None,
            "category": data.get("category") or "",
            "status": data.get("status") or "",
        }


class IndicatorForm(BoundedText, forms.Form):
    name = forms.CharField(label=_("Kennzahl"), max_length=200)
    unit = forms.CharField(label=_("Einheit"), max_length=40)
    baseline = forms.DecimalField(label=_("Ausgangswert"), max_digits=14, decimal_places=2)
    target = forms.DecimalField(label=_("Zielwert"), max_digits=14, decimal_places=2)


class IndicatorValueForm(BoundedText, forms.Form):
    year = forms.IntegerField(label=_("Jahr"))
    value = forms.DecimalField(label=_("Istwert"), max_digits=14, decimal_places=2)


class ImportForm(BoundedText, forms.Form):
    file = forms.FileField(label=_("Datei (xlsx oder csv)"))


class ReportForm(BoundedText, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    year = forms.IntegerField(label=_("Berichtsjahr"))


class ChaptersForm(BoundedText, forms.Form):
    def __init__(self, *args: Any, chapters: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, title in chapters:
            self.fields[key] = forms.CharField(
                label=title, widget=forms.Textarea(attrs={"rows": 5}), required=False
            )


# --- training -----------------------------------------------------------------------------


class CourseForm(BoundedText, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Beschreibung"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    capacity = forms.IntegerField(label=_("Plätze"), min_value=1, max_value=500)
    max_missed = forms.IntegerField(
        label=_("Höchstens versäumte Termine für die Bescheinigung"), min_value=0, initial=1
    )


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class SessionForm(BoundedText, forms.Form):
    starts_at = forms.DateTimeField(label=_("Beginn"), widget=DateTimeInput)
    ends_at = forms.DateTimeField(label=_("Ende"), widget=DateTimeInput)
    trainer = forms.CharField(label=_("Trainerin / Trainer"), max_length=200)
    place = forms.CharField(label=_("Ort"), max_length=200, required=False)
    online_url = forms.URLField(
        label=_("Online-Raum (Link)"), required=False, assume_scheme="https"
    )


class DomainsForm(BoundedText, forms.Form):
    domains = forms.CharField(
        label=_("Zugelassene E-Mail-Domains"),
        help_text=_("eine pro Zeile, z. B. stadt-koeln.de"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class RegistrationForm(BoundedText, forms.Form):
    first_name = forms.CharField(label=_("Vorname"), max_length=100)
    last_name = forms.CharField(label=_("Nachname"), max_length=100)
    email = forms.EmailField(label=_("Dienstliche E-Mail-Adresse"))
    department = SafeModelChoiceField(
        label=_("Dienststelle"), queryset=Department.objects.none(), required=False
    )

    def __init__(self, *args: Any, centre: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.for_centre(centre).exclude(
            level="dezernat"
        )
