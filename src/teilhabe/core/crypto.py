"""Encryption at rest of the most sensitive free text (GDPR Art. 32).

A few fields hold what a counsellor writes about a child or a family: special needs (often
health data, Art. 9), notes of a counselling appointment, remarks on an assessment. A stolen
database dump or backup must not show them. :class:`EncryptedTextField` stores them as
Fernet tokens (AES-128-CBC with HMAC-SHA256) behind the marker ``MARKER``; the page, the
export and the right-of-access ZIP read plaintext as before.

Keys come from ``settings.TEILHABE_FIELD_KEYS`` (env ``TEILHABE_FIELD_KEYS``: comma-separated
Fernet keys, the first encrypts, every one decrypts; see ``settings.py``). Changing keys:
put the new key first, keep the old one behind it, run ``teilhabe rotate_field_keys``, then
drop the old key.

Rules of use:

- The empty string stays an empty string (not encrypted), so ``filter(notes="")`` and
  ``exclude(notes="")`` keep working; every other lookup on an encrypted column is refused
  (the same text encrypts differently each time, so it could never match).
- A stored value without the marker is plaintext from before the encryption (read as is,
  encrypted on the next write or by the data migration / ``rotate_field_keys``).
- A token no configured key opens raises :class:`FieldDecryptionError`: never silent garbage.

This module is imported by ``settings.py`` (``derived_key``): keep it free of app imports.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import models, transaction
from django.db.models import lookups

MARKER = "fernet1:"
KEYS_SETTING = "TEILHABE_FIELD_KEYS"


class FieldDecryptionError(RuntimeError):
    """A stored token that no key in ``TEILHABE_FIELD_KEYS`` opens (or a damaged token)."""


def derived_key(secret: str) -> str:
    """A Fernet key derived from ``SECRET_KEY``: for development and tests only.

    Anyone who knows the secret key can derive it, and changing the secret key would make
    the data unreadable; production sets ``TEILHABE_FIELD_KEYS`` (settings refuse to start
    without it outside debug mode).
    """
    digest = hashlib.sha256(b"teilhabe.core.crypto:" + secret.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def parse_keys(value: str) -> list[str]:
    """The comma-separated keys of ``TEILHABE_FIELD_KEYS``, each checked to be a Fernet key."""
    keys = [item.strip() for item in value.split(",") if item.strip()]
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode())
        except (ValueError, TypeError) as exc:
            raise ImproperlyConfigured(
                f"{KEYS_SETTING}: key {position} is not a Fernet key (32 bytes, url-safe "
                "base64; make one with python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())')."
            ) from exc
    return keys


def configured_keys() -> tuple[str, ...]:
    from django.conf import settings

    keys = tuple(getattr(settings, KEYS_SETTING, ()) or ())
    if not keys:
        raise ImproperlyConfigured(f"{KEYS_SETTING} is empty: encrypted fields cannot be used.")
    return keys


@functools.lru_cache(maxsize=8)
def _fernets(keys: tuple[str, ...]) -> tuple[MultiFernet, Fernet]:
    fernets = [Fernet(key.encode()) for key in keys]
    return MultiFernet(fernets), fernets[0]


def _all_keys() -> MultiFernet:
    return _fernets(configured_keys())[0]


def _current_key() -> Fernet:
    return _fernets(configured_keys())[1]


def is_encrypted(stored: str | None) -> bool:
    return bool(stored) and stored.startswith(MARKER)  # type: ignore[union-attr]


def encrypt(text: str | None) -> str | None:
    """``text`` as stored: empty stays empty, anything else a marked token of the current key."""
    if not text:
        return text
    return MARKER + _all_keys().encrypt(text.encode()).decode()


def decrypt(stored: str | None) -> str | None:
    """The plaintext of a stored value; unmarked values are plaintext from before encryption."""
    if not is_encrypted(stored):
        return stored
    token = stored[len(MARKER) :].encode()  # type: ignore[index]
    try:
        return _all_keys().decrypt(token).decode()
    except InvalidToken as exc:
        raise FieldDecryptionError(
            "An encrypted field cannot be decrypted with any key in "
            f"{KEYS_SETTING}: the key it was written with is missing (or the value is "
            "damaged). Add the old key behind the current one."
        ) from exc


def needs_rotation(stored: str | None) -> bool:
    """Whether a stored value is plaintext or a token of a key other than the current one."""
    if not stored:
        return False
    if not is_encrypted(stored):
        return True
    try:
        _current_key().decrypt(stored[len(MARKER) :].encode())
    except InvalidToken:
        return True
    return False


class _EmptyOnlyExact(lookups.Exact):
    """``field=""`` (is it empty?) is the only comparison an encrypted column answers."""

    def get_prep_lookup(self) -> Any:
        if self.rhs not in ("", None):
            raise FieldError(
                f"{self.lhs.target.model.__name__}.{self.lhs.target.name} is encrypted: "
                'only emptiness (="") can be filtered on, never its text.'
            )
        return super().get_prep_lookup()


class EncryptedTextField(models.TextField):
    """A ``TextField`` stored encrypted (see the module docstring). Not searchable, not orderable
    by meaning; empty values stay empty so emptiness can be filtered on."""

    description = "Text (encrypted at rest)"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return encrypt(value) if value else value

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name == "exact":
            return _EmptyOnlyExact
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        return None  # Django answers "Unsupported lookup" (a FieldError)

    def get_transform(self, lookup_name: str) -> Any:
        return None


# --- carrying out: encrypting old rows, rotating keys ----------------------------------------


def encrypted_fields(model: type[models.Model]) -> list[str]:
    """The names of a model's encrypted columns (concrete fields of this model only)."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, EncryptedTextField) and f.model is model
    ]


def encrypted_models() -> list[tuple[type[models.Model], list[str]]]:
    """Every installed model with encrypted columns, and those columns."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        names = encrypted_fields(model)
        if names:
            found.append((model, names))
    return found


def _raw_batches(
    model: type[models.Model], names: Iterable[str], batch_size: int
) -> Iterator[list[tuple[Any, ...]]]:
    """``(pk, stored value, …)`` as in the column (not decrypted), in batches by primary key."""
    names = list(names)
    raw = {
        f"_stored_{name}": models.ExpressionWrapper(models.F(name), output_field=models.TextField())
        for name in names
    }
    last = None
    while True:
        rows = model._base_manager.order_by("pk").annotate(**raw)
        if last is not None:
            rows = rows.filter(pk__gt=last)
        batch = list(rows.values_list("pk", *raw)[:batch_size])
        if not batch:
            return
        yield batch
        last = batch[-1][0]


def rotate_model(
    model: type[models.Model],
    names: Iterable[str] | None = None,
    *,
    batch_size: int = 500,
    dry_run: bool = False,
) -> int:
    """Encrypt every value of ``model``'s encrypted columns with the current key.

    Plaintext from before the encryption and tokens of an older key are written again;
    values already under the current key are left alone (so running it twice changes
    nothing). One transaction per batch. Returns how many rows needed it.
    """
    names = list(names if names is not None else encrypted_fields(model))
    changed = 0
    for batch in _raw_batches(model, names, batch_size):
        updates = []
        for pk, *stored in batch:
            fresh = {
                name: decrypt(value)
                for name, value in zip(names, stored, strict=True)
                if needs_rotation(value)
            }
            if fresh:
                updates.append((pk, fresh))
        changed += len(updates)
        if dry_run or not updates:
            continue
        with transaction.atomic():
            for pk, fresh in updates:
                # QuerySet.update: no save(), no auto_now; get_prep_value encrypts afresh
                model._base_manager.filter(pk=pk).update(**fresh)
    return changed


def decrypt_model(model: type[models.Model], names: Iterable[str], *, batch_size: int = 500) -> int:
    """Write plaintext back into ``model``'s columns (the data migration's way back)."""
    names = list(names)
    changed = 0
    for batch in _raw_batches(model, names, batch_size):
        with transaction.atomic():
            for pk, *stored in batch:
                plain = {
                    name: models.Value(decrypt(value), output_field=models.TextField())
                    for name, value in zip(names, stored, strict=True)
                    if is_encrypted(value)
                }
                if plain:
                    model._base_manager.filter(pk=pk).update(**plain)
                    changed += 1
    return changed
