"""Forms of the statewide office's pages: they validate input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.core.forms import BoundedText

AREA_HELP = _(
    "Amtliche Schlüssel, durch Komma oder Leerzeichen getrennt: Kreis oder kreisfreie Stadt "
    "(5 Ziffern, z. B. Kreis Soest 05974, Köln 05315) oder einzelne Gemeinden (8 Ziffern)."
)


class AreaKeysField(forms.CharField):
    """Keys typed as text; the list goes to the service, which checks them against NRW."""

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value)
        return list(dict.fromkeys(text.replace(",", " ").split()))

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list | tuple) else value


class CentreForm(BoundedText, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    area_keys = AreaKeysField(label=_("Gebiet (Gebietsschlüssel)"), help_text=AREA_HELP)
    street = forms.CharField(label=_("Straße"), max_length=200, required=False)
    postcode = forms.RegexField(
        label=_("PLZ"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": _("Fünf Ziffern.")},
    )
    city = forms.CharField(label=_("Ort"), max_length=100)
    phone = forms.CharField(label=_("Telefon"), max_length=50, required=False)
    email = forms.EmailField(label=_("E-Mail des Zentrums"), required=False)


class CentreCreateForm(CentreForm):
    slug = forms.SlugField(
        label=_("Kurzname"),
        max_length=50,
        help_text=_("Kleinbuchstaben, Ziffern und Bindestriche, z. B. kreis-soest. Bleibt fest."),
    )
    admin_first_name = forms.CharField(label=_("Vorname"), max_length=150)
    admin_last_name = forms.CharField(label=_("Nachname"), max_length=150)
    admin_email = forms.EmailField(
        label=_("E-Mail"),
        help_text=_("An diese Adresse geht der einmalige Link zum Festlegen des Passworts."),
    )

    field_order = [
        "name",
        "slug",
        "area_keys",
        "street",
        "postcode",
        "city",
        "phone",
        "email",
        "admin_first_name",
        "admin_last_name",
        "admin_email",
    ]

    def centre_fields(self) -> list[forms.BoundField]:
        return [self[n] for n in self.field_order if not n.startswith("admin_")]

    def admin_fields(self) -> list[forms.BoundField]:
        return [self[n] for n in self.field_order if n.startswith("admin_")]


class CentreEditForm(CentreForm):
    is_active = forms.BooleanField(
        label=_("Zentrum aktiv"),
        required=False,
        help_text=_("Ein deaktiviertes Zentrum bleibt mit seinen Daten erhalten."),
    )
