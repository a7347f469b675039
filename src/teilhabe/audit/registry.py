"""The action codes the audit trail knows. Each app registers its own in ``ready()``.

An unregistered code is a programming error: ``record()`` refuses it, so the Protokoll can
always name an action in words and a typo never slips into the trail.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
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


# --- objects in words ---------------------------------------------------------------------
# The Protokoll names each entry's object ("Ali Yilmaz", "Familie F-2026-00012") and links
# to its page. The audit layer knows no app above it, so each app registers, per model,
# a function that describes many objects at once (one query per model and page, no N+1).

Describe = Callable[[list[str]], dict[str, tuple[str, str]]]


@dataclass(frozen=True)
class TargetType:
    model_label: str
    label: Any
    describe: Describe


_TARGETS: dict[str, TargetType] = {}


def register_target(model_label: str, describe: Describe, *, label: Any = None) -> None:
    """Register ``describe(ids) -> {id: (text, url)}`` for objects of ``model_label``.

    ``ids`` are the entries' ``target_id`` strings; ids that no longer exist are simply
    missing from the answer (the Protokoll then names the kind of object and the id).
    ``label`` names the kind of object in the filter (default: the model's verbose name).
    """
    key = model_label.lower()
    if label is None:
        from django.apps import apps

        label = apps.get_model(key)._meta.verbose_name
    _TARGETS[key] = TargetType(key, label, describe)


def target_types() -> dict[str, TargetType]:
    return dict(_TARGETS)
