"""Forms of the funding pages. They check input shape; the rules live in ``services``.

The applicant's form is built from the call's form version (``ApplicationForm``), so a
new version changes the page without code, and an application keeps its own version.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.core.forms import BoundedText
from teilhabe.engagement.choices import OrganisationKind
from teilhabe.foerderung import formdef
from teilhabe.foerderung.choices import Baustein, FinancingType, LetterKind
from teilhabe.foerderung.models import Application, FundingYear
from teilhabe.foerderung.money import format_euros, parse_euros, to_decimal

DE_MINIMIS_ROWS = 3


class EuroField(forms.CharField):
    """An amount typed in euros ("1.250,00"), cleaned to integer cents."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # bounded in clean() on the typed text; no MaxLengthValidator: the value is cents
        self.max_length = 20
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("maxlength", "20")

    def clean(self, value: Any) -> int | None:
        if isinstance(value, str) and len(value) > 20:
            raise forms.ValidationError(_("Betrag zu lang."))
        return super().clean(value)

    def to_python(self, value: Any) -> int | None:
        value = super().to_python(value)
        if value in ("", None):
            return None
        try:
            return parse_euros(value, field="x")
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["x"]) from exc

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return f"{to_decimal(value):.2f}".replace(".", ",")
        return value


def euros_initial(cents: int | None) -> str:
    return "" if cents is None else format_euros(cents).replace(" €", "")


class YearForm(BoundedText, forms.Form):
    year = forms.IntegerField(label=_("Förderjahr"), min_value=2020, max_value=2100)
    period_start = forms.DateField(
        label=_("Förderzeitraum von"), widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Förderzeitraum bis"), widget=forms.DateInput(attrs={"type": "date"})
    )
    state_reference = forms.CharField(
        label=_("Aktenzeichen der Bewilligung"), required=False, max_length=100
    )
    grant_A = EuroField(label=_("Zuweisung Baustein A (€)"), required=False)
    grant_B = EuroField(label=_("Zuweisung Baustein B (€)"), required=False)
    grant_C = EuroField(label=_("Zuweisung Baustein C (€)"), required=False)
    grant_D = EuroField(label=_("Zuweisung Baustein D (€)"), required=False)


class CallForm(BoundedText, forms.Form):
    year = forms.ModelChoiceField(label=_("Förderjahr"), queryset=FundingYear.objects.none())
    baustein = forms.ChoiceField(label=_("Baustein"), choices=Baustein.choices)
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Was gefördert wird"), widget=forms.Textarea, max_length=5000
    )
    financing_type = forms.ChoiceField(label=_("Finanzierungsart"), choices=FinancingType.choices)
    flat_amount = EuroField(
        label=_("Pauschale (€)"),
        required=False,
        help_text=_("Bei Festbetrag: der Betrag je Einheit oder insgesamt."),
    )
    unit_label = forms.CharField(
        label=_("Pauschale je"),
        required=False,
        max_length=50,
        help_text=_("z. B. „Raum“; leer: ein fester Betrag"),
    )
    max_units = forms.IntegerField(label=_("Höchstens (Anzahl)"), required=False, min_value=1)
    max_amount = EuroField(label=_("Höchstbetrag je Antrag (€)"), required=False)
    share_percent = forms.DecimalField(
        label=_("Anteil in Prozent"), required=False, max_digits=5, decimal_places=2
    )
    opens_on = forms.DateField(
        label=_("Anträge ab"), widget=forms.DateInput(attrs={"type": "date"})
    )
    deadline = forms.DateField(
        label=_("Antragsfrist"), widget=forms.DateInput(attrs={"type": "date"})
    )
    proof_due_days = forms.IntegerField(
        label=_("Verwendungsnachweis fällig (Tage nach Ende des Förderzeitraums)"),
        initial=90,
        min_value=0,
        max_value=730,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = FundingYear.objects.for_user(user)


class FormDefinitionForm(BoundedText, forms.Form):
    """The form editor: three lists, one line per entry."""

    fields_text = forms.CharField(
        label=_("Felder"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_(
            "Eine Zeile je Feld: Typ | Bezeichnung | Pflicht oder optional | Hilfetext. "
            "Typen: %(types)s."
        )
        % {"types": ", ".join(formdef.FIELD_TYPES.values())},
    )
    attachments_text = forms.CharField(
        label=_("Anlagen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Eine Zeile je Anlage: Bezeichnung | Pflicht oder optional | Hilfetext"),
    )
    cost_lines_text = forms.CharField(
        label=_("Zeilen des Kostenplans"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eine Zeile je Kostenart: Bezeichnung | Hilfetext"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors:
            try:
                data["definition"] = formdef.parse(
                    data.get("fields_text", ""),
                    data.get("attachments_text", ""),
                    data.get("cost_lines_text", ""),
                )
            except forms.ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for key, errors in exc.message_dict.items():
                        self.add_error(
                            f"{key}_text" if f"{key}_text" in self.fields else None, errors
                        )
                else:
                    self.add_error(None, exc)
        return data


class TemplateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Art"), choices=LetterKind.choices)
    subject = forms.CharField(label=_("Betreff"), max_length=200)
    body = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 16}), max_length=20000
    )


class ReviewForm(forms.Form):
    step = forms.ChoiceField(
        label=_("Ergebnis"),
        choices=[
            ("formal_ok", _("Formal vollständig")),
            ("passed", _("Inhaltlich geprüft: entscheidungsreif")),
            ("changes", _("Nachbesserung anfordern")),
        ],
    )
    note = forms.CharField(
        label=_("Vermerk / was geändert werden soll"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )


class DecisionForm(BoundedText, forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Entscheidung"),
        choices=[("1", _("Bewilligen")), ("0", _("Ablehnen"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    amount = EuroField(
        label=_("Bewilligter Betrag (€)"), required=False, help_text=_("leer: wie beantragt")
    )
    conditions = forms.CharField(
        label=_("Auflagen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
    reasons = forms.CharField(
        label=_("Begründung"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
    proof_due = forms.DateField(
        label=_("Verwendungsnachweis fällig am"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class DueForm(forms.Form):
    due = forms.DateField(label=_("Neue Frist"), widget=forms.DateInput(attrs={"type": "date"}))


# --- public --------------------------------------------------------------------------------


class StartForm(forms.Form):
    organisation_name = forms.CharField(label=_("Name der Organisation"), max_length=200)
    organisation_kind = forms.ChoiceField(
        label=_("Art der Organisation"), choices=OrganisationKind.choices
    )
    organisation_email = forms.EmailField(label=_("E-Mail-Adresse der Organisation"))
    contact_name = forms.CharField(label=_("Ansprechperson"), max_length=200)
    contact_email = forms.EmailField(
        label=_("E-Mail-Adresse der Ansprechperson"),
        help_text=_("An diese Adresse schicken wir Ihren persönlichen Link."),
    )


class ApplicationForm(forms.Form):
    """The applicant's page, built from the form version the application was made with."""

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.application = application
        definition = application.form_version.definition
        call = application.call
        for spec in definition["fields"]:
            name = f"f_{spec['key']}"
            common = {"label": spec["label"], "required": False, "help_text": spec.get("help", "")}
            kind = spec["type"]
            if kind == "textarea":
                field: forms.Field = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}), **common
                )
            elif kind == "checkbox":
                field = forms.BooleanField(**common)
            elif kind == "date":
                field = forms.CharField(widget=forms.DateInput(attrs={"type": "date"}), **common)
            elif kind == "email":
                field = forms.CharField(widget=forms.EmailInput, **common)
            else:
                field = forms.CharField(**common)
            field.spec_required = spec["required"]
            self.fields[name] = field
            self.initial.setdefault(name, application.answers.get(spec["key"], ""))
        for line in definition["cost_lines"]:
            name = f"cost_{line['key']}"
            self.fields[name] = EuroField(
                label=line["label"], required=False, help_text=line.get("help", "")
            )
            self.fields[name].cost_line = True
            self.initial.setdefault(name, application.cost_plan.get(line["key"]))
        if call.unit_label:
            self.fields["units"] = forms.IntegerField(
                label=_("Anzahl (%(unit)s)") % {"unit": call.unit_label},
                required=False,
                min_value=0,
            )
            self.initial.setdefault("units", application.units or None)
        self.fields["own_funds"] = EuroField(label=_("Eigenmittel (€)"), required=False)
        self.fields["third_party"] = EuroField(label=_("Mittel Dritter (€)"), required=False)
        self.fields["requested"] = EuroField(label=_("Beantragte Zuwendung (€)"), required=False)
        for name in ("own_funds", "third_party", "requested"):
            self.initial.setdefault(name, getattr(application, name) or None)
        for index in range(DE_MINIMIS_ROWS):
            item = application.de_minimis[index] if index < len(application.de_minimis) else {}
            self.fields[f"dm_date_{index}"] = forms.DateField(
                label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
            )
            self.fields[f"dm_grantor_{index}"] = forms.CharField(
                label=_("Geber"), required=False, max_length=200
            )
            self.fields[f"dm_amount_{index}"] = EuroField(label=_("Betrag (€)"), required=False)
            self.initial.setdefault(f"dm_date_{index}", item.get("date"))
            self.initial.setdefault(f"dm_grantor_{index}", item.get("grantor", ""))
            self.initial.setdefault(f"dm_amount_{index}", item.get("amount"))
        self.fields["de_minimis_declared"] = forms.BooleanField(
            label=_(
                "Ich erkläre, dass die Organisation in den letzten drei Jahren keine weiteren "
                "De-minimis-Beihilfen erhalten hat als oben angegeben."
            ),
            required=False,
        )
        self.initial.setdefault("de_minimis_declared", application.de_minimis_declared)

    def content_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name.startswith("f_")]

    def cost_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name.startswith("cost_")]

    def de_minimis_rows(self) -> list[list[Any]]:
        return [
            [self[f"dm_date_{i}"], self[f"dm_grantor_{i}"], self[f"dm_amount_{i}"]]
            for i in range(DE_MINIMIS_ROWS)
        ]

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        definition = self.application.form_version.definition
        return {
            "answers": {s["key"]: data.get(f"f_{s['key']}") for s in definition["fields"]},
            "cost_plan": {
                c["key"]: data.get(f"cost_{c['key']}") or 0 for c in definition["cost_lines"]
            },
            "own_funds": data.get("own_funds") or 0,
            "third_party": data.get("third_party") or 0,
            "requested": data.get("requested") or 0,
            "units": data.get("units") or 0,
            "de_minimis": [
                {
                    "date": data.get(f"dm_date_{i}"),
                    "grantor": data.get(f"dm_grantor_{i}") or "",
                    "amount": data.get(f"dm_amount_{i}"),
                }
                for i in range(DE_MINIMIS_ROWS)
            ],
            "de_minimis_declared": bool(data.get("de_minimis_declared")),
        }

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        """Put a service's errors (keyed by answer, cost line or plan field) on the form."""
        for key, messages in errors.items():
            for name in (f"f_{key}", f"cost_{key}", key):
                if name in self.fields:
                    self.add_error(name, messages)
                    break
            else:
                self.add_error(None, messages)


class AttachmentForm(forms.Form):
    key = forms.ChoiceField(label=_("Anlage"))
    file = forms.FileField(label=_("Datei (PDF, JPEG oder PNG)"))

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].choices = [
            (a["key"], a["label"]) for a in application.form_version.definition["attachments"]
        ] + [("other", _("Sonstige Anlage"))]


class PaymentRequestForm(BoundedText, forms.Form):
    amount = EuroField(label=_("Betrag (€)"))
    purpose = forms.CharField(
        label=_("Wofür wird das Geld jetzt gebraucht?"), max_length=500, required=False
    )


class ReceiptForm(BoundedText, forms.Form):
    date = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    payee = forms.CharField(label=_("Empfänger"), max_length=200)
    purpose = forms.CharField(label=_("Zweck"), max_length=300)
    amount = EuroField(label=_("Betrag (€)"))


class ProofForm(forms.Form):
    report = forms.CharField(
        label=_("Sachbericht"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=20000,
    )
    report_file = forms.FileField(label=_("Sachbericht als Datei (optional)"), required=False)


def today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()
