"""Private storage for job results: the ``exports`` alias of ``STORAGES`` (never a public URL).

A lazy proxy, so tests can swap the backend with ``override_settings(STORAGES=...)``.
"""

from __future__ import annotations

from typing import Any

from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

ALIAS = "exports"


class _ExportsStorage(LazyObject):
    def _setup(self) -> None:
        self._wrapped = storages[ALIAS]


exports_storage: Storage = _ExportsStorage()  # type: ignore[assignment]


def get_storage() -> Storage:
    """The callable the model field names, so migrations do not freeze a backend."""
    return exports_storage


@receiver(setting_changed)
def _reset(*, setting: str, **kwargs: Any) -> None:
    if setting == "STORAGES":
        exports_storage._wrapped = empty  # type: ignore[attr-defined]
