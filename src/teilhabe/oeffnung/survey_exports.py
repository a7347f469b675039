"""Files of the staff survey: code letters (PDF), results as xlsx and as a PDF report.

Exports show exactly the protected figures of the results page: a file is published too.
"""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from teilhabe.oeffnung.models import Department, SurveyWave
from teilhabe.oeffnung.selectors.survey import THRESHOLD, Results
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


def results_pdf(results: Results) -> bytes:
    html = render_to_string(
        "oeffnung/results_report.html",
        {"results": results, "today": timezone.localdate(), "threshold": THRESHOLD},
    )
    return _pdf(html)
