"""Money as integer cents. Never a float: amounts are parsed from German text or Decimal
and stored in ``BigIntegerField`` columns; only display turns them back into euros."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CENT = Decimal("0.01")
_AMOUNT = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$|^-?\d+([.,]\d{1,2})?$")


def parse_euros(text: str | Decimal | int, *, field: str = "amount") -> int:
    """Cents from "1.234,56", "1234,56", "1234.56", "1234" or a Decimal/int of euros.

    Refuses more than two decimal places and anything that is not a number (a float is
    refused too: its value may already be off by a fraction of a cent)."""
    if isinstance(text, bool | float):
        raise ValidationError({field: _("Betrag bitte als Zahl in Euro angeben.")})
    if isinstance(text, int):
        return text * 100
    if isinstance(text, Decimal):
        value = text
    else:
        raw = str(text).strip().replace(" ", "").replace("€", "")
        if not raw or not _AMOUNT.match(raw):
            raise ValidationError(
                {
                    field: _("„%(value)s“ ist kein Betrag in Euro (z. B. 1.250,00).")
                    % {"value": text}
                }
            )
        if "," in raw:
            raw = raw.replace(".", "").replace(",", ".")
        elif raw.count(".") > 1 or re.match(r"^-?\d{1,3}\.\d{3}$", raw):
            raw = raw.replace(".", "")  # "1.250" is thousands in German
        try:
            value = Decimal(raw)
        except InvalidOperation as exc:  # pragma: no cover - the pattern guards this
            raise ValidationError({field: _("Betrag bitte als Zahl in Euro angeben.")}) from exc
    if value != value.quantize(CENT):
        raise ValidationError({field: _("Beträge haben höchstens zwei Nachkommastellen.")})
    return int((value * 100).to_integral_value(rounding=ROUND_HALF_UP))


def to_decimal(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def format_euros(cents: int | None) -> str:
    """German notation: 1.234,56 €."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(int(cents)), 100)
    grouped = f"{euros:,}".replace(",", ".")
    return f"{sign}{grouped},{rest:02d} €"


def percent_of(cents: int, percent: Decimal) -> int:
    """``percent`` % of an amount, rounded down to the cent (a share never rounds up)."""
    return int((Decimal(cents) * percent / 100).to_integral_value(rounding="ROUND_FLOOR"))
