"""Reading accounts: a centre administrator sees the accounts of their own centre only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core import signing
from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.crypto import constant_time_compare
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.centres.models import Centre, PrivacyNotice, User

INVITATION_SALT = "teilhabe.centres.invitation"


def accounts(*, user: User) -> QuerySet[User]:
    """The accounts of the user's centre, with ``has_2fa``; empty without the permission."""
    if not _may_list(user):
        return User.objects.none()
    return (
        User.objects.filter(centre_id=user.centre_id)
        .annotate(has_2fa=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
        .order_by("-is_active", "last_name", "first_name", "username")
    )


def _may_list(user: User) -> bool:
    return user.centre_id is not None and user.has_perm("centres.manage_users")


def account(*, user: User, pk: int) -> User:
    """One account of the user's centre; another centre's account answers 404."""
    return get_object_or_404(accounts(user=user), pk=pk)


def account_figures(*, user: User) -> dict[str, Any] | None:
    """The administrator's start-page tile: accounts, open invitations, accounts without 2FA."""
    if not _may_list(user):
        return None
    rows = list(accounts(user=user).values("is_active", "invitation_nonce", "has_2fa"))
    active = [r for r in rows if r["is_active"]]
    return {
        "active": len(active),
        "invited": sum(1 for r in rows if not r["is_active"] and r["invitation_nonce"]),
        "without_2fa": sum(1 for r in active if not r["has_2fa"]),
    }


def invitation_max_age() -> dt.timedelta:
    return dt.timedelta(days=settings.TEILHABE_INVITATION_DAYS)


def invitation_token(user: User) -> str:
    """The signed link token of the user's current invitation (it names the nonce)."""
    return signing.dumps({"u": user.pk, "n": user.invitation_nonce}, salt=INVITATION_SALT)


def invited_user(token: str) -> User | None:
    """The invited account a link token belongs to, or None.

    None when the signature is wrong, the link is older than the invitation period, the
    invitation was accepted or withdrawn, or a newer invitation replaced it (other nonce).
    """
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=invitation_max_age())
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = (
        User.objects.filter(pk=data["u"], is_active=False)
        .exclude(invitation_nonce="")
        .exclude(centre__is_active=False)  # a deactivated centre takes no new accounts
        .select_related("centre")
        .first()
    )
    if user is None or not constant_time_compare(user.invitation_nonce, str(data.get("n", ""))):
        return None
    return user


def current_privacy_notice(centre: Centre, purpose: str) -> PrivacyNotice | None:
    """The latest published version of a centre's privacy text for ``purpose``, or None."""
    return PrivacyNotice.objects.filter(centre=centre, purpose=purpose).order_by("-version").first()


def privacy_notices(*, user: User) -> QuerySet[PrivacyNotice]:
    """Every version of the user's centre's privacy texts (for the staff page)."""
    if user.centre_id is None or not user.has_perm("centres.manage_privacy_notices"):
        return PrivacyNotice.objects.none()
    return PrivacyNotice.objects.filter(centre_id=user.centre_id).select_related("published_by")
