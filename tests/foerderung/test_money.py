from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from teilhabe.foerderung.money import format_euros, parse_euros, percent_of


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1.234,56", 123456),
        ("1234,56", 123456),
        ("1234.56", 123456),
        ("1234", 123400),
        ("1.250", 125000),
        ("0,5", 50),
        ("3.000,00 €", 300000),
        (Decimal("12.34"), 1234),
        (7, 700),
    ],
)
def test_parse_euros(text, cents):
    assert parse_euros(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "1,234", "12,345", "1.2.3,4", 1.5, Decimal("0.001")])
def test_parse_euros_refuses(text):
    with pytest.raises(ValidationError):
        parse_euros(text)


def test_format_and_share():
    assert format_euros(123456) == "1.234,56 €"
    assert format_euros(-5) == "-0,05 €"
    assert percent_of(10001, Decimal("50")) == 5000  # rounded down, never up
