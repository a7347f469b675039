"""Files of the staff survey: code letters (PDF), results as xlsx and as a PDF report.

Exports show exactly the protected figures of the results page: a file is published too.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from teilhabe.oeffnung.classification import Definition
from teilhabe.oeffnung.models import Department, SurveyWave
from teilhabe.oeffnung.selectors.survey import THRESHOLD, DefinitionTable, Results
from teilhabe.oeffnung.survey_texts import TEXTS

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported late: WeasyPrint loads Pango at import time

    return HTML(string=html).write_pdf()


def code_letters_pdf(
    *, wave: SurveyWave, department: Department, codes: list[str], url: str
) -> bytes:
    """One page per code, German and English, addressed to nobody."""
    html = render_to_string(
        "oeffnung/code_letters.html",
        {
            "wave": wave,
            "department": department,
            "codes": codes,
            "url": url,
            "de": TEXTS["de"],
            "en": TEXTS["en"],
        },
    )
    return _pdf(html)


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def results_xlsx(results: Results) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Beteiligung")
    bold = Font(bold=True)
    sheet.append([results.wave.title])
    sheet["A1"].font = bold
    sheet.append([_("Dienststelle"), _("Codes"), _("genutzt"), _("Rücklauf (%)")])
    for row in results.participation:
        sheet.append(
            [
                row.department,
                row.issued,
                row.used,
                round(row.rate, 1) if row.rate is not None else None,
            ]
        )
    names = [t.definition.value for t in results.tables] + ["nrw-alter", "nrw-laufbahn"]
    for name, table in zip(names, [*results.tables, *results.breakdowns], strict=False):
        ws = book.create_sheet(name[:30])
        ws.append([table.label])
        ws["A1"].font = bold
        ws.append(
            [
                _("Dienststelle"),
                _("Antworten"),
                _("mit"),
                _("ohne"),
                _("nicht zuzuordnen"),
                _("Anteil (%)"),
                _("95-%-KI von"),
                _("95-%-KI bis"),
            ]
        )
        for row in [*table.rows, table.total]:
            ws.append(
                [
                    row.label,
                    *[
                        c.count if not c.hidden else c.shown
                        for c in (row.n, row.with_, row.without, row.unknown)
                    ],
                    *[
                        round(v, 1) if v is not None else None
                        for v in (row.share, row.low, row.high)
                    ],
                ]
            )
        ws.append([])
        ws.append(
            [_("„.“: weniger als %(n)s Antworten oder zum Schutz ausgeblendet.") % {"n": THRESHOLD}]
        )
        if results.reference.share is not None:
            ws.append(
                [
                    _("Vergleichswert Bevölkerung (%)"),
                    results.reference.share,
                    results.reference.label,
                ]
            )
    if results.languages:
        ws = book.create_sheet("sprachen")
        ws.append([_("Sprache"), _("Nennungen")])
        for f in results.languages:
            ws.append([f.label, "." if f.hidden else f.count])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def share_chart(table: DefinitionTable, reference: float | None) -> str:
    """Shares with their 95 % intervals per unit, and the population value as a line (SVG).

    Only rows whose share is published appear; hidden ones are not drawn at all.
    """
    rows = [r for r in [*table.rows, table.total] if r.share is not None]
    if not rows:
        return ""
    width, left, row_h = 560, 250, 20
    plot = width - left - 20
    height = len(rows) * row_h + 34

    def x(percent: float) -> float:
        return left + plot * percent / 100

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(table.label)}: Anteile mit 95-%-Konfidenzintervall">'
    ]
    for tick in range(0, 101, 20):
        parts.append(
            f'<line x1="{x(tick):.1f}" y1="0" x2="{x(tick):.1f}" y2="{height - 24}" '
            f'stroke="#ddd"/><text x="{x(tick):.1f}" y="{height - 12}" font-size="9" '
            f'text-anchor="middle" font-family="DejaVu Sans">{tick} %</text>'
        )
    for i, row in enumerate(rows):
        y = 6 + i * row_h
        bold = ' font-weight="bold"' if row is table.total else ""
        parts.append(
            f'<text x="0" y="{y + 10}" font-size="9.5"{bold} font-family="DejaVu Sans">'
            f"{escape(row.label[:42])}</text>"
            f'<line x1="{x(row.low):.1f}" y1="{y + 6}" x2="{x(row.high):.1f}" y2="{y + 6}" '
            f'stroke="#2a6f97" stroke-width="2"/>'
            f'<circle cx="{x(row.share):.1f}" cy="{y + 6}" r="4" fill="#2a6f97"/>'
        )
    if reference is not None:
        parts.append(
            f'<line x1="{x(reference):.1f}" y1="0" x2="{x(reference):.1f}" y2="{height - 24}" '
            f'stroke="#b03a2e" stroke-dasharray="4 3"/>'
            f'<text x="{x(reference) + 3:.1f}" y="{height - 26}" font-size="9" fill="#b03a2e" '
            f'font-family="DejaVu Sans">Bevölkerung</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def add_charts(results: Results) -> Results:
    """Draw each table's chart; the population line only beside the Mikrozensus table,
    whose definition the city's statistics use."""
    for table in results.tables:
        line = (
            results.reference.share
            if table.definition == Definition.MIGRATIONSHINTERGRUND
            else None
        )
        table.chart = share_chart(table, line)
    return results


def results_pdf(results: Results) -> bytes:
    html = render_to_string(
        "oeffnung/results_report.html",
        {
            "results": add_charts(results),
            "today": timezone.localdate(),
            "threshold": THRESHOLD,
            "chart": True,
        },
    )
    return _pdf(html)
