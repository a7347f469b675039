"""Declared filters of a list endpoint: parsed strictly, documented in the schema.

A viewset lists its filters (``filters = [ChoiceFilter("status", ...), ...]``). A value that
does not parse, a repeated parameter or a parameter nobody declared is refused with a
German 400 message; nothing is silently ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request

MAX_ID = 2**31 - 1
PAGING = ("page", "page_size")


@dataclass(frozen=True)
class Filter:
    name: str
    description: str
    # builds the condition from the parsed value; a list endpoint over plain lists
    # (e.g. the placements' school view) filters its rows with ``test`` instead
    lookup: Callable[[Any], Q] | None = None
    test: Callable[[Any, Any], bool] | None = None

    def parse(self, raw: str) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError


@dataclass(frozen=True)
class ChoiceFilter(Filter):
    choices: Sequence[tuple[str, Any]] = field(default_factory=tuple)

    def parse(self, raw: str) -> str:
        values = [value for value, _label in self.choices]
        if raw not in values:
            raise ValidationError(
                {
                    self.name: [
                        _("Unbekannter Wert. Erlaubt: %(list)s") % {"list": ", ".join(values)}
                    ]
                }
            )
        return raw

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": [value for value, _label in self.choices]}


@dataclass(frozen=True)
class IdFilter(Filter):
    def parse(self, raw: str) -> int:
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_ID):
            raise ValidationError(
                {self.name: [_("Bitte eine Kennnummer (ganze Zahl ≥ 1) angeben.")]}
            )
        return int(raw)

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 1, "maximum": MAX_ID}


@dataclass(frozen=True)
class TextFilter(Filter):
    max_length: int = 100

    def parse(self, raw: str) -> str:
        if not raw or len(raw) > self.max_length or "\x00" in raw:
            raise ValidationError(
                {self.name: [_("Bitte 1 bis %(n)s Zeichen angeben.") % {"n": self.max_length}]}
            )
        return raw

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length}


AWARE_MIN = dt.datetime.min.replace(tzinfo=dt.UTC) + dt.timedelta(days=1)
AWARE_MAX = dt.datetime.max.replace(tzinfo=dt.UTC) - dt.timedelta(days=1)


@dataclass(frozen=True)
class SinceFilter(Filter):
    """A point in time (RFC 3339, e.g. ``2026-03-01T08:00:00+01:00``) or a day."""

    def parse(self, raw: str) -> dt.datetime:
        text = raw.strip().upper()
        value: dt.datetime | None = None
        try:
            value = parse_datetime(text)
            if value is None:
                day = parse_date(text)
                if day is not None:
                    value = dt.datetime.combine(day, dt.time.min)
        except (ValueError, OverflowError):
            value = None
        if value is None:
            raise ValidationError(
                {
                    self.name: [
                        _("Bitte Datum und Uhrzeit nach RFC 3339 angeben, z. B. %(example)s.")
                        % {"example": "2026-03-01T08:00:00+01:00"}
                    ]
                }
            )
        if timezone.is_naive(value):
            value = value.replace(tzinfo=timezone.get_current_timezone())
        try:
            return value.astimezone(dt.UTC)
        except OverflowError:  # the first or last day of the calendar in a far time zone
            return AWARE_MIN if value.year < 2 else AWARE_MAX

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date-time"}


def parse_filters(request: Request, filters: Sequence[Filter]) -> dict[str, Any]:
    """The request's filter values by name; a German 400 for anything not understood."""
    declared = {f.name: f for f in filters}
    errors: dict[str, list[str]] = {}
    values: dict[str, Any] = {}
    for name in request.query_params:
        if name in PAGING:
            if len(request.query_params.getlist(name)) > 1:
                errors[name] = [_("Bitte nur einmal angeben.")]
            continue
        if name not in declared:
            errors[name] = [
                _("Unbekannter Filter. Erlaubt: %(list)s")
                % {"list": ", ".join([*declared, *PAGING])}
            ]
            continue
        raw = request.query_params.getlist(name)
        if len(raw) > 1:
            errors[name] = [_("Bitte nur einmal angeben.")]
            continue
        try:
            values[name] = declared[name].parse(raw[0])
        except ValidationError as exc:
            errors.update(exc.detail)
    if errors:
        raise ValidationError(errors)
    return values


class DeclaredFilters(BaseFilterBackend):
    """Applies the view's ``filters`` (querysets) and documents them for the schema."""

    def filter_queryset(self, request: Request, queryset: Any, view: Any) -> Any:
        # a single object (get_object) takes no filters: any query parameter is unknown
        filters = getattr(view, "filters", ()) if getattr(view, "action", None) == "list" else ()
        values = parse_filters(request, filters)
        for f in filters:
            if f.name in values and f.lookup is not None:
                queryset = queryset.filter(f.lookup(values[f.name]))
        return queryset

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": f.name,
                "required": False,
                "in": "query",
                "description": f.description,
                "schema": f.schema(),
            }
            for f in getattr(view, "filters", ())
        ]
