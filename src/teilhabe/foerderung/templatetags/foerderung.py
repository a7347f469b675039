"""``{{ cents|euros }}``: integer cents in German notation."""

from django import template

from teilhabe.foerderung.money import format_euros

register = template.Library()


@register.filter
def euros(cents: int | None) -> str:
    return format_euros(cents)
