"""The council progress report: its data (a JSON snapshot), charts as SVG, PDF and xlsx.

A draft is built from the live programme each time; finishing the report stores the
snapshot and both files, so a final report stays exactly as the council received it.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Font

from teilhabe.oeffnung.choices import Category, MeasureStatus
from teilhabe.oeffnung.models import CouncilReport, Indicator, Measure
from teilhabe.oeffnung.selectors.measures import Node, weighted_progress

CHAPTERS: tuple[tuple[str, Any], ...] = (
    ("einleitung", _("Einleitung")),
    ("umsetzung", _("Stand der Umsetzung")),
    ("kosten", _("Kosten und Finanzierung")),
    ("kennzahlen", _("Kennzahlen")),
    ("ausblick", _("Ausblick")),
)
STATUS_COLOURS = {
    MeasureStatus.PLANNED: "#9db4c0",
    MeasureStatus.IN_PROGRESS: "#2a6f97",
    MeasureStatus.DONE: "#2a7f3f",
    MeasureStatus.PAUSED: "#d9a400",
    MeasureStatus.DROPPED: "#8c2d19",
}


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _progress_of(measure: Measure, children: dict[int, list[Measure]]) -> float:
    kids = [c for c in children.get(measure.pk, []) if c.status != MeasureStatus.DROPPED]
    mean = weighted_progress([(_progress_of(c, children), c.weight) for c in kids])
    return float(measure.progress) if mean is None else mean


def build_snapshot(report: CouncilReport) -> dict[str, Any]:
    """Everything the report shows, as JSON-safe values (money as strings in euros)."""
    items = list(
        Measure.objects.for_centre(report.centre)
        .select_related("department", "parent")
        .prefetch_related("partners")
        .order_by("department__number", "title")
    )
    children: dict[int, list[Measure]] = defaultdict(list)
    for m in items:
        if m.parent_id:
            children[m.parent_id].append(m)
    statuses = list(MeasureStatus)
    by_department: dict[str, Counter[str]] = defaultdict(Counter)
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    costs: dict[str, dict[str, Decimal]] = {
        c: {"planned": Decimal(0), "spent": Decimal(0)} for c in Category.values
    }
    measures = []
    for m in items:
        progress = _progress_of(m, children)
        measures.append(
            {
                "title": m.title,
                "parent": m.parent.title if m.parent else "",
                "department": str(m.department),
                "category": m.category,
                "field_of_action": m.get_field_of_action_display(),
                "status": m.status,
                "status_label": m.get_status_display(),
                "progress": round(progress, 1),
                "starts_on": m.starts_on.isoformat() if m.starts_on else "",
                "ends_on": m.ends_on.isoformat() if m.ends_on else "",
                "planned": _money(m.planned_cost),
                "spent": _money(m.spent_cost),
                "funding": m.get_funding_source_display(),
                "partners": "; ".join(
                    p
                    for p in (", ".join(str(d) for d in m.partners.all()), m.external_partners)
                    if p
                ),
                "cost_note": m.cost_note,
            }
        )
        if m.parent_id is None:  # the status tables count programme items, not their parts
            by_department[str(m.department)][m.status] += 1
            by_category[m.category][m.status] += 1
        costs[m.category]["planned"] += m.planned_cost
        costs[m.category]["spent"] += m.spent_cost
    indicators = []
    for ind in (
        Indicator.objects.filter(measure__centre=report.centre)
        .select_related("measure")
        .prefetch_related("values")
    ):
        values = list(ind.values.all())
        latest = values[-1] if values else None
        span = ind.target - ind.baseline
        reached = float((latest.value - ind.baseline) / span * 100) if latest and span else None
        indicators.append(
            {
                "measure": ind.measure.title,
                "name": ind.name,
                "unit": ind.unit,
                "baseline": str(ind.baseline),
                "target": str(ind.target),
                "values": {str(v.year): str(v.value) for v in values},
                "latest_year": latest.year if latest else None,
                "latest": str(latest.value) if latest else "",
                "reached": round(reached, 1) if reached is not None else None,
            }
        )
    return {
        "title": report.title,
        "year": report.year,
        "centre": report.centre.name,
        "generated_on": timezone.localdate().isoformat(),
        "statuses": [{"key": s.value, "label": str(s.label)} for s in statuses],
        "chapters": [
            {"key": key, "title": str(title), "text": (report.chapter_texts or {}).get(key, "")}
            for key, title in CHAPTERS
        ],
        "status_by_department": [
            {"label": name, "counts": [row[s.value] for s in statuses], "total": sum(row.values())}
            for name, row in sorted(by_department.items())
        ],
        "status_by_category": [
            {
                "label": str(Category(c).label),
                "key": c,
                "counts": [by_category[c][s.value] for s in statuses],
                "total": sum(by_category[c].values()),
            }
            for c in Category.values
        ],
        "costs": [
            {
                "category": str(Category(c).label),
                "planned": _money(v["planned"]),
                "spent": _money(v["spent"]),
            }
            for c, v in costs.items()
        ],
        "cost_total": {
            "planned": _money(sum((v["planned"] for v in costs.values()), Decimal(0))),
            "spent": _money(sum((v["spent"] for v in costs.values()), Decimal(0))),
        },
        "measures": measures,
        "indicators": indicators,
    }


# --- charts -------------------------------------------------------------------------------


def status_chart(snapshot: dict[str, Any]) -> str:
    """Stacked bars: the measures of each category by status (server-rendered SVG)."""
    rows = snapshot["status_by_category"]
    statuses = snapshot["statuses"]
    width, bar_h, left, top = 520, 22, 200, 10
    most = max([r["total"] for r in rows] + [1])
    height = top + len(rows) * (bar_h + 12) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Status nach Kategorie">'
    ]
    for i, row in enumerate(rows):
        y = top + i * (bar_h + 12)
        parts.append(
            f'<text x="0" y="{y + 15}" font-size="11" font-family="DejaVu Sans">'
            f"{escape(row['label'][:32])}</text>"
        )
        x = left
        for status, count in zip(statuses, row["counts"], strict=True):
            w = (width - left - 30) * count / most
            if count:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                    f'fill="{STATUS_COLOURS[status["key"]]}"/>'
                )
                if w > 14:
                    parts.append(
                        f'<text x="{x + w / 2:.1f}" y="{y + 15}" font-size="10" fill="#fff" '
                        f'text-anchor="middle" font-family="DejaVu Sans">{count}</text>'
                    )
            x += w
    legend_y = height - 14
    x = 0
    for status in statuses:
        parts.append(
            f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" '
            f'fill="{STATUS_COLOURS[status["key"]]}"/>'
            f'<text x="{x + 14}" y="{legend_y}" font-size="10" font-family="DejaVu Sans">'
            f"{escape(status['label'])}</text>"
        )
        x += 14 + 7 * len(status["label"]) + 14
    parts.append("</svg>")
    return "".join(parts)


def cost_chart(snapshot: dict[str, Any]) -> str:
    """Planned against spent costs per category (server-rendered SVG)."""
    rows = snapshot["costs"]
    width, left, bar_h = 520, 200, 12
    most = max([float(r["planned"]) for r in rows] + [float(r["spent"]) for r in rows] + [1.0])
    height = len(rows) * 40 + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Kosten nach Kategorie">'
    ]
    for i, row in enumerate(rows):
        y = 6 + i * 40
        parts.append(
            f'<text x="0" y="{y + 15}" font-size="11" font-family="DejaVu Sans">'
            f"{escape(row['category'][:32])}</text>"
        )
        for j, (key, colour) in enumerate((("planned", "#9db4c0"), ("spent", "#2a6f97"))):
            w = (width - left - 90) * float(row[key]) / most
            yy = y + j * (bar_h + 2)
            parts.append(
                f'<rect x="{left}" y="{yy}" width="{w:.1f}" height="{bar_h}" fill="{colour}"/>'
                f'<text x="{left + w + 4:.1f}" y="{yy + 10}" font-size="9" '
                f'font-family="DejaVu Sans">{euro(row[key])}</text>'
            )
    legend = height - 8
    parts.append(
        f'<rect x="0" y="{legend - 9}" width="10" height="10" fill="#9db4c0"/>'
        f'<text x="14" y="{legend}" font-size="10" font-family="DejaVu Sans">geplant</text>'
        f'<rect x="80" y="{legend - 9}" width="10" height="10" fill="#2a6f97"/>'
        f'<text x="94" y="{legend}" font-size="10" font-family="DejaVu Sans">ausgegeben</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _short(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def de_number(value: str) -> str:
    """A decimal string in German notation without needless decimals: 1234.50 → 1.234,5."""
    if value in ("", None):
        return ""
    number = Decimal(str(value)).normalize()
    text = f"{number:,f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return text


def indicator_chart(snapshot: dict[str, Any]) -> str:
    """How far each Kennzahl has come from its baseline to its target (0–100 %, SVG)."""
    rows = [i for i in snapshot["indicators"] if i["reached"] is not None]
    if not rows:
        return ""
    width, left, bar_h = 520, 230, 14
    height = len(rows) * 26 + 24
    scale = width - left - 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Zielerreichung der Kennzahlen">'
    ]
    for i, row in enumerate(rows):
        y = 4 + i * 26
        reached = max(0.0, min(100.0, row["reached"]))
        parts.append(
            f'<text x="0" y="{y + 11}" font-size="8.5" font-family="DejaVu Sans">'
            f"{escape(_short(row['name'], 46))}</text>"
            f'<rect x="{left}" y="{y}" width="{scale}" height="{bar_h}" fill="#e3e3e3"/>'
            f'<rect x="{left}" y="{y}" width="{scale * reached / 100:.1f}" height="{bar_h}" '
            f'fill="#2a6f97"/>'
            f'<text x="{left + scale + 6}" y="{y + 11}" font-size="9.5" '
            f'font-family="DejaVu Sans">{row["reached"]:.0f} %</text>'
        )
    parts.append(
        f'<text x="{left}" y="{height - 4}" font-size="9" font-family="DejaVu Sans">'
        "0 % = Ausgangswert, 100 % = Zielwert (letzter Istwert)</text></svg>"
    )
    return "".join(parts)


def euro(amount: str | Decimal) -> str:
    """German money format: 12.345,67 €."""
    value = Decimal(str(amount))
    text = f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{text} €"


# --- files --------------------------------------------------------------------------------


def render_pdf(snapshot: dict[str, Any], *, final: bool) -> bytes:
    from weasyprint import HTML  # imported late: WeasyPrint loads Pango at import time

    html = render_to_string(
        "oeffnung/council_report.html",
        {
            "s": snapshot,
            "final": final,
            "status_chart": status_chart(snapshot),
            "cost_chart": cost_chart(snapshot),
            "indicator_chart": indicator_chart(snapshot),
            "indicators": [
                {
                    **i,
                    "baseline_de": de_number(i["baseline"]),
                    "target_de": de_number(i["target"]),
                    "latest_de": de_number(i["latest"]),
                }
                for i in snapshot["indicators"]
            ],
            "costs": [
                {**row, "planned_eur": euro(row["planned"]), "spent_eur": euro(row["spent"])}
                for row in snapshot["costs"]
            ],
            "total_planned": euro(snapshot["cost_total"]["planned"]),
            "total_spent": euro(snapshot["cost_total"]["spent"]),
            "measures": [
                {**m, "planned_eur": euro(m["planned"]), "spent_eur": euro(m["spent"])}
                for m in snapshot["measures"]
            ],
        },
    )
    return HTML(string=html).write_pdf()


def render_xlsx(snapshot: dict[str, Any]) -> bytes:
    book = Workbook()
    bold = Font(bold=True)
    sheet = book.active
    sheet.title = "Maßnahmen"
    sheet.append(
        [
            "Maßnahme",
            "Teil von",
            "Federführung",
            "Kategorie",
            "Handlungsfeld",
            "Status",
            "Fortschritt (%)",
            "Beginn",
            "Ende",
            "Geplant (€)",
            "Ausgegeben (€)",
            "Finanzierung",
            "Externe Partner",
            "Anmerkung Kosten",
        ]
    )
    for m in snapshot["measures"]:
        sheet.append(
            [
                m["title"],
                m["parent"],
                m["department"],
                m["category"],
                m["field_of_action"],
                m["status_label"],
                m["progress"],
                m["starts_on"],
                m["ends_on"],
                Decimal(m["planned"]),
                Decimal(m["spent"]),
                m["funding"],
                m["partners"],
                m["cost_note"],
            ]
        )
    statuses = [s["label"] for s in snapshot["statuses"]]
    ws = book.create_sheet("Status")
    ws.append(["Dienststelle", *statuses, "gesamt"])
    for row in snapshot["status_by_department"]:
        ws.append([row["label"], *row["counts"], row["total"]])
    ws.append([])
    ws.append(["Kategorie", *statuses, "gesamt"])
    for row in snapshot["status_by_category"]:
        ws.append([row["label"], *row["counts"], row["total"]])
    ws = book.create_sheet("Kosten")
    ws.append(["Kategorie", "Geplant (€)", "Ausgegeben (€)"])
    for row in snapshot["costs"]:
        ws.append([row["category"], Decimal(row["planned"]), Decimal(row["spent"])])
    ws.append(
        [
            "gesamt",
            Decimal(snapshot["cost_total"]["planned"]),
            Decimal(snapshot["cost_total"]["spent"]),
        ]
    )
    ws = book.create_sheet("Kennzahlen")
    ws.append(
        [
            "Maßnahme",
            "Kennzahl",
            "Einheit",
            "Ausgangswert",
            "Zielwert",
            "Jahr",
            "Istwert",
            "Zielerreichung (%)",
        ]
    )
    for ind in snapshot["indicators"]:
        ws.append(
            [
                ind["measure"],
                ind["name"],
                ind["unit"],
                Decimal(ind["baseline"]),
                Decimal(ind["target"]),
                ind["latest_year"],
                Decimal(ind["latest"]) if ind["latest"] else None,
                ind["reached"],
            ]
        )
    ws = book.create_sheet("Texte")
    for chapter in snapshot["chapters"]:
        ws.append([chapter["title"], chapter["text"]])
    for name in book.sheetnames:
        for cell in book[name][1]:
            cell.font = bold
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def chapter_titles() -> list[tuple[str, str]]:
    return list(CHAPTERS)


def progress_total(nodes: list[Node]) -> float | None:
    return weighted_progress([(n.progress, n.measure.weight) for n in nodes])
