"""What the work areas plug into the API: scopes and endpoints, filled in ``AppConfig.ready()``.

The API layer knows no work area. Each area declares its scopes (a name a token carries and
the permission of the one table a user must hold to use it) and registers its viewsets,
which live in ``<app>/api.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Scope:
    name: str  # "cases:read"
    label: Any
    permission: str  # the permission of the one table a user must hold for it


@dataclass(frozen=True)
class Endpoint:
    prefix: str
    viewset: Any
    basename: str


_SCOPES: dict[str, Scope] = {}
_ENDPOINTS: dict[str, Endpoint] = {}


def register_scope(name: str, *, label: Any, permission: str) -> None:
    """Declare a scope; ``permission`` is what a user needs to hold to give it to a token."""
    if ":" not in name:
        raise ValueError(f"scope {name!r} must read area:access")
    _SCOPES[name] = Scope(name=name, label=label, permission=permission)


def scopes() -> dict[str, Scope]:
    return dict(sorted(_SCOPES.items()))


def scope(name: str) -> Scope | None:
    return _SCOPES.get(name)


def register_endpoint(prefix: str, viewset: Any, *, basename: str) -> None:
    """Register a viewset at ``/api/v1/<prefix>/`` (URL names ``api:<basename>-list`` …)."""
    if basename in _ENDPOINTS and _ENDPOINTS[basename].viewset is not viewset:
        raise ValueError(f"API endpoint {basename!r} registered twice")
    _ENDPOINTS[basename] = Endpoint(prefix=prefix, viewset=viewset, basename=basename)


def endpoints() -> list[Endpoint]:
    return sorted(_ENDPOINTS.values(), key=lambda e: e.prefix)
