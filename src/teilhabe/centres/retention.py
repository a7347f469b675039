"""Accounts due for anonymisation: deactivated three years ago (the last sign of use, last
login or, without one, the invitation, stands in for the deactivation date, which is not
stored). The row stays so that audit entries keep pointing at "someone"; the name goes."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from teilhabe.centres.models import User
from teilhabe.core.registry import years

ACCOUNT_PERIOD = years(3)
ANONYMOUS_PREFIX = "geloescht-"


def deactivated_before(cutoff: dt.datetime) -> QuerySet[User]:
    """Accounts deactivated before ``cutoff`` (by the last sign of use, see above). The
    rules of the apps that attach rows to an account (a school's or department's contact)
    count their periods from here too."""
    return User._base_manager.filter(
        Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff),
        is_active=False,
    )


def due_accounts(now: dt.datetime) -> QuerySet[User]:
    return deactivated_before(now - ACCOUNT_PERIOD).exclude(username__startswith=ANONYMOUS_PREFIX)


def anonymise_accounts(accounts: QuerySet[User]) -> int:
    changed = 0
    for account in accounts:
        account.username = f"{ANONYMOUS_PREFIX}{account.pk}"
        account.first_name = account.last_name = account.email = account.languages = ""
        account.set_unusable_password()
        account.save(
            update_fields=["username", "first_name", "last_name", "email", "languages", "password"]
        )
        changed += 1
    return changed
