"""``{% described entries as rows %}``: audit entries with actions and objects in words."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from teilhabe.audit.models import AuditEntry
from teilhabe.audit.selectors import describe_entries

register = template.Library()


@register.simple_tag
def described(entries: Iterable[AuditEntry]) -> list[AuditEntry]:
    return describe_entries(entries)
