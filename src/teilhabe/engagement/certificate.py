"""The certificate of voluntary work (PDF): the hours by kind, the centre's confirmation."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation

from teilhabe.engagement.choices import HelpKind
from teilhabe.engagement.models import HoursEntry, Volunteer
from teilhabe.engagement.selectors.volunteers import hours_summary


def volunteer_certificate_pdf(volunteer: Volunteer) -> bytes:
    """German (it is shown to employers and authorities), A4, one page."""
    from weasyprint import HTML  # imported late: WeasyPrint loads Pango at import time

    by_kind: dict[str, int] = defaultdict(int)
    first = last = None
    for entry in HoursEntry.objects.filter(volunteer=volunteer):
        by_kind[entry.kind] += entry.minutes
        first = entry.date if first is None or entry.date < first else first
        last = entry.date if last is None or entry.date > last else last
    with translation.override("de"):
        rows = [
            (HelpKind(kind).label, (Decimal(m) / 60).quantize(Decimal("0.1")))
            for kind, m in sorted(by_kind.items())
        ]
        html = render_to_string(
            "engagement/certificate.html",
            {
                "volunteer": volunteer,
                "centre": volunteer.centre,
                "rows": rows,
                "summary": hours_summary(volunteer),
                "first": first,
                "last": last,
                "today": timezone.localdate(),
            },
        )
    return HTML(string=html).write_pdf()
