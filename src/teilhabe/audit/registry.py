"""The action codes the audit trail knows. Each app registers its own in ``ready()``.

An unregistered code is a programming error: ``record()`` refuses it, so the Protokoll can
always name an action in words and a typo never slips into the trail.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_ACTIONS: dict[str, Any] = {}


def register_actions(codes: Mapping[str, Any]) -> None:
    """Register ``{"app.object.verb": gettext_lazy("label")}``; codes are namespaced."""
    for code, label in codes.items():
        if code.count(".") < 2:
            raise ValueError(f"audit action {code!r} must read app.object.verb")
        _ACTIONS[code] = label


def is_registered(code: str) -> bool:
    return code in _ACTIONS


def action_label(code: str) -> str:
    """The action in words for the Protokoll; the code itself when unknown (old entries)."""
    label = _ACTIONS.get(code)
    return str(label) if label is not None else code


def registered_actions() -> dict[str, Any]:
    return dict(_ACTIONS)
