"""Navigation entries shown to the logged-in user, filtered by permission."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (url name, label, permission). Apps add their entries here; unknown URLs are skipped.
NAVIGATION: list[tuple[str, Any, str]] = [
    ("core:home", _("Übersicht"), ""),
    ("seiteneinstieg:waiting_list", _("Warteliste"), "seiteneinstieg.view_waiting_list"),
    ("seiteneinstieg:family_create", _("Familie registrieren"), "seiteneinstieg.register_family"),
    ("seiteneinstieg:slot_list", _("Beratungstermine"), "seiteneinstieg.manage_appointments"),
    ("seiteneinstieg:statistics", _("Statistik"), "seiteneinstieg.view_statistics"),
    ("schulen:school_list", _("Schulen"), "schulen.view_schools"),
    ("schulen:map", _("Karte"), "schulen.view_map"),
    ("exports:job_list", _("Meine Aufträge"), "exports.view_jobs"),
    ("audit:list", _("Protokoll"), "centres.view_audit"),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    entries = []
    for name, label, perm in NAVIGATION:
        if perm and not user.has_perm(perm):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        entries.append(
            {
                "url": url,
                "label": label,
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
