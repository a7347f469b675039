"""The client's address, from the proxy only when the installation says it has one."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR; behind TEILHABE_TRUSTED_PROXY the last X-Forwarded-For entry.

    Our one proxy appends the address it saw, so the last entry is the only one it vouches
    for; anything before it was sent by the client and can be forged.
    """
    if settings.TEILHABE_TRUSTED_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
        if entries:
            return entries[-1]
    return request.META.get("REMOTE_ADDR")
