"""Template helpers for letters: ``{% load letters %}`` then ``{{ phone|ltr }}``."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from teilhabe.letters import languages

register = template.Library()


@register.filter
def ltr(value: object) -> SafeString:
    """Keep numbers, dates and addresses left to right inside right-to-left text."""
    return languages.ltr(value)


@register.filter
def autonym(code: str) -> str:
    return languages.autonym(code)
