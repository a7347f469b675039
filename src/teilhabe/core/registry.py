"""Registries that upper apps fill from their ``AppConfig.ready()``.

``core`` is the bottom layer: it names no app above it. Navigation entries, start-page tiles
and retention rules are declared by the app that owns them, so adding a work area never
means editing a list down here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# --- navigation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: Any
    permission: str  # "" = every logged-in user
    order: int = 100


_NAVIGATION: dict[str, NavEntry] = {}


def register_navigation(url_name: str, *, label: Any, permission: str, order: int = 100) -> None:
    """Add an entry to the staff navigation; shown to users holding ``permission``."""
    _NAVIGATION[url_name] = NavEntry(url_name, label, permission, order)


def navigation_entries() -> list[NavEntry]:
    return sorted(_NAVIGATION.values(), key=lambda e: (e.order, e.url_name))


# --- start-page tiles ---------------------------------------------------------------------


@dataclass(frozen=True)
class Tile:
    """One tile of the start page.

    ``context(user)`` returns the template context, or ``None`` when the tile has nothing
    to say to this user (then it is not shown). It runs only for holders of ``permission``.

    ``shared_seconds``: for figures over the whole centre that depend only on the centre
    and the user's role (counts by status, metrics): the start page reuses the context for
    that long for every user of the centre with that role, so it does not aggregate 50,000
    cases on every request. Personal tiles (my children, my appointments) leave it at 0.
    """

    key: str
    template: str
    permission: str
    context: Callable[[Any], dict[str, Any] | None]
    order: int = 100
    shared_seconds: int = 0


_TILES: dict[str, Tile] = {}


def register_tile(
    key: str,
    *,
    template: str,
    permission: str,
    context: Callable[[Any], dict[str, Any] | None],
    order: int = 100,
    shared_seconds: int = 0,
) -> None:
    _TILES[key] = Tile(key, template, permission, context, order, shared_seconds)


def tiles() -> list[Tile]:
    return sorted(_TILES.values(), key=lambda t: (t.order, t.key))


# --- retention ----------------------------------------------------------------------------


class RetentionAction(StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    KEEP = "keep"  # kept as the record (e.g. the audit trail, redacted instead of deleted)


@dataclass(frozen=True)
class RetentionRule:
    """How long a model's personal data is kept, and why (GDPR Art. 5(1)(e), Art. 30).

    ``trigger`` names the event that starts the period in words; ``trigger_field`` the field
    that carries its date (``""`` when the period runs from a related record's event, which
    ``trigger`` then names).

    Carrying a rule out (``teilhabe apply_retention``, ``teilhabe.audit.retention``):
    ``due(now)`` returns the queryset of rows whose time is up (default: ``trigger_field``
    older than ``period``); ``anonymise(queryset)`` blanks the personal fields of those rows
    for ANONYMISE rules and returns how many it changed; rules run in ``order`` (rows that
    others protect go first). ``subjects`` (whose data), ``categories`` (which data) and
    ``recipients`` (who receives it) describe the processing for the record of processing
    activities (Art. 30 GDPR, ``teilhabe.audit.processing``).
    """

    model: str  # "app_label.ModelName"
    purpose: str
    legal_basis: str
    trigger: str
    period: dt.timedelta
    action: RetentionAction
    trigger_field: str = ""
    personal_fields: tuple[str, ...] = field(default=())
    due: Callable[[dt.datetime], Any] | None = None
    anonymise: Callable[[Any], int] | None = None
    order: int = 100
    categories: str = ""
    recipients: str = ""
    subjects: str = ""

    def due_rows(self, now: dt.datetime) -> Any:
        """The rows whose retention period is over at ``now`` (a queryset), or None when the
        rule names no way to find them (then it is carried out by hand and reported)."""
        if self.action == RetentionAction.KEEP:
            return None
        if self.due is not None:
            return self.due(now)
        if self.trigger_field:
            from django.apps import apps

            model = apps.get_model(self.model)
            return model._base_manager.filter(**{f"{self.trigger_field}__lt": now - self.period})
        return None


_RETENTION: dict[str, RetentionRule] = {}


def register_retention(
    model: str,
    *,
    purpose: str,
    legal_basis: str,
    trigger: str,
    period: dt.timedelta,
    action: RetentionAction,
    trigger_field: str = "",
    personal_fields: tuple[str, ...] = (),
    due: Callable[[dt.datetime], Any] | None = None,
    anonymise: Callable[[Any], int] | None = None,
    order: int = 100,
    categories: str = "",
    recipients: str = "",
    subjects: str = "",
) -> None:
    """Declare a model's retention rule; a model is declared once.

    See :class:`RetentionRule` for ``due``, ``anonymise`` and ``order``.
    """
    key = model.lower()
    if key in _RETENTION:
        raise ValueError(f"retention rule for {model} declared twice")
    if period <= dt.timedelta(0) and action != RetentionAction.KEEP:
        raise ValueError(f"retention period of {model} must be positive")
    _RETENTION[key] = RetentionRule(
        model=key,
        purpose=purpose,
        legal_basis=legal_basis,
        trigger=trigger,
        period=period,
        action=action,
        trigger_field=trigger_field,
        personal_fields=personal_fields,
        due=due,
        anonymise=anonymise,
        order=order,
        categories=categories,
        recipients=recipients,
        subjects=subjects,
    )


def retention_rules() -> dict[str, RetentionRule]:
    return dict(_RETENTION)


def retention_rule(model_label: str) -> RetentionRule | None:
    return _RETENTION.get(model_label.lower())


def years(n: int) -> dt.timedelta:
    """A retention period in (365-day) years, as the rules are written."""
    return dt.timedelta(days=365 * n)


def months(n: int) -> dt.timedelta:
    return dt.timedelta(days=30 * n)


_NOT_PERSONAL: dict[str, str] = {}


def register_not_personal(model: str, *, reason: str) -> None:
    """Declare that a model holds no personal data (institutions, reference data)."""
    _NOT_PERSONAL[model.lower()] = reason


def not_personal_models() -> dict[str, str]:
    return dict(_NOT_PERSONAL)


# --- statewide figures --------------------------------------------------------------------


@dataclass(frozen=True)
class FigureColumn:
    """One column of a statewide table of figures.

    Counts that share a ``group`` are protected together as one row (their sum is the
    group's total, shown in a column named by the group); ``basis`` marks a value that is
    not a count (a median, say): it is shown only when the count named by ``basis`` is
    shown and at least the small-group threshold, so it never describes one or two cases.
    """

    key: str
    label: Any
    group: str = ""
    basis: str = ""


@dataclass(frozen=True)
class StatewideFigures:
    """A work area's figures per centre for the statewide office (aggregates only).

    ``compute()`` returns ``{centre_id: {column key: int}}`` from a fixed number of
    aggregate queries (never one per case or per centre); ``group_labels`` names the total
    column of each group.
    """

    key: str
    label: Any
    columns: tuple[FigureColumn, ...]
    compute: Callable[[], dict[int, dict[str, int]]]
    group_labels: dict[str, Any] = field(default_factory=dict)
    order: int = 100


_STATEWIDE_FIGURES: dict[str, StatewideFigures] = {}


def register_statewide_figures(
    key: str,
    *,
    label: Any,
    columns: tuple[FigureColumn, ...] | list[FigureColumn],
    compute: Callable[[], dict[int, dict[str, int]]],
    group_labels: dict[str, Any] | None = None,
    order: int = 100,
) -> None:
    """Offer a work area's per-centre figures to the statewide office's figures page."""
    keys = [c.key for c in columns]
    if len(set(keys)) != len(keys):
        raise ValueError(f"statewide figures {key}: column keys must be unique")
    for column in columns:
        if column.basis and column.basis not in keys:
            raise ValueError(f"statewide figures {key}: unknown basis {column.basis!r}")
    _STATEWIDE_FIGURES[key] = StatewideFigures(
        key, label, tuple(columns), compute, dict(group_labels or {}), order
    )


def statewide_figures() -> list[StatewideFigures]:
    return sorted(_STATEWIDE_FIGURES.values(), key=lambda f: (f.order, f.key))


# --- mail ---------------------------------------------------------------------------------

_MAIL_QUEUE: list[Callable[..., Any]] = []


def register_mail_queue(queue: Callable[..., Any]) -> None:
    """The shared-services layer (``notify``) hands its ``queue_mail`` down to here.

    Apps below ``notify`` (``centres``: invitations, password reset) queue mail through
    :func:`queue_mail` without importing a layer above them.
    """
    _MAIL_QUEUE[:] = [queue]


def queue_mail(**kwargs: Any) -> Any:
    """Queue a mail in the caller's transaction (``notify.services.queue_mail``'s arguments)."""
    if not _MAIL_QUEUE:
        raise RuntimeError("no mail queue registered: is teilhabe.notify installed?")
    return _MAIL_QUEUE[0](**kwargs)


# --- public pages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicNavEntry:
    """A link in the public site's header (``place="header"``) or footer (``"footer"``).

    ``url_name`` must take the URL arguments ``centre`` (slug) and ``lang``.
    """

    url_name: str
    label: Any
    place: str = "header"
    order: int = 100


_PUBLIC_NAVIGATION: dict[str, PublicNavEntry] = {}


def register_public_navigation(
    url_name: str, *, label: Any, place: str = "header", order: int = 100
) -> None:
    """Add a link to every centre's public site (header or footer)."""
    if place not in ("header", "footer"):
        raise ValueError(f"place must be 'header' or 'footer', not {place!r}")
    _PUBLIC_NAVIGATION[url_name] = PublicNavEntry(url_name, label, place, order)


def public_navigation_entries(place: str) -> list[PublicNavEntry]:
    entries = [e for e in _PUBLIC_NAVIGATION.values() if e.place == place]
    return sorted(entries, key=lambda e: (e.order, e.url_name))


# --- personal data (GDPR Art. 15 access, Art. 30 record) -------------------------------------

_PERSONAL_DATA: dict[str, Callable[[Any], Any]] = {}


def register_personal_data(model: str, *, collect: Callable[[Any], Any]) -> None:
    """Declare how to find a model's rows about one data subject (a child or a guardian).

    ``collect(subject)`` returns the rows (a queryset or list; empty when the model holds
    nothing about that kind of subject). The right-of-access export walks this registry, and
    a meta-test checks that every model related to a case is in it.
    """
    _PERSONAL_DATA[model.lower()] = collect


def personal_data_collectors() -> dict[str, Callable[[Any], Any]]:
    return dict(_PERSONAL_DATA)


# --- public sources (their gettext strings need all seven languages) -----------------------

_PUBLIC_SOURCES: list[str] = ["templates/public_base.html"]


def register_public_sources(*patterns: str) -> None:
    """Declare source files (glob patterns relative to ``src/teilhabe``) whose translatable
    strings families read. A test fails when any of their catalogue entries is empty or
    fuzzy in one of the seven public languages."""
    for pattern in patterns:
        if pattern not in _PUBLIC_SOURCES:
            _PUBLIC_SOURCES.append(pattern)


def public_sources() -> list[str]:
    return list(_PUBLIC_SOURCES)
