"""The waiting list's filter and sort form (GET), so that only known values reach the query."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe import geo
from teilhabe.geo import koeln
from teilhabe.seiteneinstieg.choices import LANGUAGE_CHOICES, WAITING_STATUSES, SchoolLevel, Status
from teilhabe.seiteneinstieg.selectors.waiting_list import DEFAULT_SORT, SORTS, WaitingListFilters

ALL = ("", _("Alle"))


# The place column and its sort: heading, ascending, descending; by what the area has.
PLACE_LABELS: dict[str, tuple[Any, Any, Any]] = {
    "district": (_("Stadtteil"), _("Stadtteil (A–Z)"), _("Stadtteil (Z–A)")),
    "town": (_("Ort"), _("Ort (A–Z)"), _("Ort (Z–A)")),
    "both": (_("Ort / Stadtteil"), _("Ort und Stadtteil (A–Z)"), _("Ort und Stadtteil (Z–A)")),
}


def place_kind(area: geo.Area | None) -> str:
    """What the list's place column shows: Stadtteil (Köln), Ort (a Kreis), or both."""
    towns = area.municipalities() if area is not None else []
    polygons = area is None or any(geo.has_polygons(key) for key, _name in towns)
    if len(towns) <= 1:
        return "district" if polygons else "town"
    return "both" if polygons else "town"


SORT_LABELS: dict[str, Any] = {
    "days": _("Wartezeit (längste zuerst)"),
    "-days": _("Wartezeit (kürzeste zuerst)"),
    "name": _("Name (A–Z)"),
    "-name": _("Name (Z–A)"),
    "birth_date": _("Geburtsdatum (älteste zuerst)"),
    "-birth_date": _("Geburtsdatum (jüngste zuerst)"),
    "stadtteil": _("Stadtteil (A–Z)"),
    "-stadtteil": _("Stadtteil (Z–A)"),
    "status": _("Status (Anfang der Kette zuerst)"),
    "-status": _("Status (Ende der Kette zuerst)"),
}


def _stadtteil_choices() -> list[Any]:
    """Stadtteile grouped by Stadtbezirk, as <optgroup>s."""
    groups: list[Any] = [ALL]
    for number, name in koeln.all_stadtbezirke():
        parts = [(s.number, s.name) for s in koeln.all_stadtteile() if s.bezirk_number == number]
        groups.append((f"{number} {name}", sorted(parts, key=lambda p: p[1])))
    return groups


class WaitingListFilterForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Empfohlene Stufe"), required=False, choices=[ALL, *SchoolLevel.choices]
    )
    town = forms.ChoiceField(label=_("Ort"), required=False)
    stadtbezirk = forms.ChoiceField(label=_("Stadtbezirk"), required=False)
    stadtteil = forms.ChoiceField(label=_("Stadtteil"), required=False)
    language = forms.ChoiceField(
        label=_("Sprache"),
        required=False,
        choices=[ALL, *LANGUAGE_CHOICES],
        help_text=_("Erstsprache oder weitere Sprache"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[ALL, *((s, Status(s).label) for s in WAITING_STATUSES)],
    )
    sort = forms.ChoiceField(
        label=_("Sortierung"), required=False, choices=[(k, SORT_LABELS[k]) for k in SORTS]
    )

    def __init__(self, *args: Any, area: geo.Area | None = None, **kwargs: Any) -> None:
        """``area``: the centre's; its towns fill the Ort filter when it has several, and the
        Stadtbezirk/Stadtteil filters appear only where it has district polygons (Köln)."""
        super().__init__(*args, **kwargs)
        towns = area.municipalities() if area is not None else []
        if len(towns) > 1:
            self.fields["town"].choices = [ALL, *towns]
        else:
            del self.fields["town"]
        if area is None or any(geo.has_polygons(key) for key, _name in towns):
            self.fields["stadtbezirk"].choices = [
                ALL,
                *((n, f"{n} {name}") for n, name in koeln.all_stadtbezirke()),
            ]
            self.fields["stadtteil"].choices = _stadtteil_choices()
        else:
            del self.fields["stadtbezirk"]
            del self.fields["stadtteil"]
        _heading, ascending, descending = PLACE_LABELS[place_kind(area)]
        labels = {**SORT_LABELS, "stadtteil": ascending, "-stadtteil": descending}
        self.fields["sort"].choices = [(k, labels[k]) for k in SORTS]

    def filters(self) -> WaitingListFilters:
        """The validated filters; an invalid form filters nothing (its errors are shown)."""
        if not self.is_valid():
            return WaitingListFilters()
        data = self.cleaned_data
        return WaitingListFilters(
            level=data["level"],
            town=data.get("town", ""),
            stadtbezirk=data.get("stadtbezirk", ""),
            stadtteil=data.get("stadtteil", ""),
            language=data["language"],
            status=data["status"],
            sort=data["sort"] or DEFAULT_SORT,
        )
