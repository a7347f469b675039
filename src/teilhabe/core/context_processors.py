"""Navigation entries shown to the logged-in user, filtered by permission."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from teilhabe.core.registry import navigation_entries


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    entries = []
    for entry in navigation_entries():
        if entry.permission and not user.has_perm(entry.permission):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        entries.append(
            {
                "url": url,
                "label": entry.label,
                "active": request.path == url or (url != "/" and request.path.startswith(url)),
            }
        )
    # Only the most specific match is current (/schulen/karte/ is "Karte", not also "Schulen").
    active = [e for e in entries if e["active"]]
    if len(active) > 1:
        best = max(active, key=lambda e: len(e["url"]))
        for entry in active:
            entry["active"] = entry is best
    return {"navigation": entries}
