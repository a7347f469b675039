"""Making and revoking API tokens; each write one audit entry."""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.api.models import ApiToken
from teilhabe.api.selectors import SECRET_PREFIX, allowed_scopes, hash_secret
from teilhabe.audit.services import record
from teilhabe.centres.models import User

MAX_DAYS = 366
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


@transaction.atomic
def create_token(
    *,
    actor: User | None,
    user: User,
    name: str,
    scopes: list[str],
    expires_at: dt.datetime | None = None,
) -> tuple[ApiToken, str]:
    """Make a token for ``user`` and return it with its secret (shown once, never stored).

    A person makes tokens for themselves; the operator's command line (``teilhabe
    api_token``, ``actor=None``: the trail names no person) makes them for anyone. Scopes
    beyond what the user's role holds are refused either way.
    """
    if actor is not None and actor.pk != user.pk:
        raise PermissionDenied
    if not user.is_active or not user.has_perm("api.manage_tokens"):
        raise ValidationError(_("Dieses Konto kann keine API-Zugänge erhalten."))
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Bitte eine Bezeichnung angeben.")})
    allowed = {s.name for s in allowed_scopes(user)}
    chosen = sorted(set(scopes))
    if not chosen:
        raise ValidationError({"scopes": _("Bitte mindestens einen Bereich wählen.")})
    refused = [s for s in chosen if s not in allowed]
    if refused:
        raise ValidationError(
            {
                "scopes": _("Diese Bereiche stehen dem Konto nicht zu: %(list)s")
                % {"list": ", ".join(refused)}
            }
        )
    now = timezone.now()
    if expires_at is not None and not (now < expires_at <= now + dt.timedelta(days=MAX_DAYS)):
        raise ValidationError(
            {"expires_at": _("Das Ablaufdatum muss in den nächsten 366 Tagen liegen.")}
        )
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name,
        prefix=secret[:10],
        secret_hash=hash_secret(secret),
        scopes=chosen,
        expires_at=expires_at,
    )
    token.full_clean()
    token.save()
    record(
        actor=actor,
        centre=user.centre,
        action="api.token.created",
        target=token,
        summary=_("API-Zugang „%(name)s“ angelegt für %(user)s: %(scopes)s")
        % {"name": name, "user": user, "scopes": ", ".join(chosen)},
        data={
            "scopes": chosen,
            "user": user.pk,
            "expires_at": expires_at and expires_at.isoformat(),
        },
    )
    return token, secret


@transaction.atomic
def revoke_token(*, actor: User, token: ApiToken) -> ApiToken:
    """The token stops working at once; the row stays as the record."""
    token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    if token.user_id != actor.pk:
        raise PermissionDenied
    if token.revoked_at is not None:
        raise ValidationError(_("Dieser Zugang ist bereits widerrufen."))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(
        actor=actor,
        centre=token.user.centre,
        action="api.token.revoked",
        target=token,
        summary=_("API-Zugang „%(name)s“ widerrufen") % {"name": token.name},
        data={"user": token.user_id},
    )
    return token


def note_use(token: ApiToken) -> None:
    """Keep ``last_used_at`` roughly current (one write a minute, not one per request).

    Not audited: the read or write the request makes is.
    """
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
