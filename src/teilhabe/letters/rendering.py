"""Render a letter template to PDF: one section per language, German first.

The caller's template is the content of one language part. It is rendered once per language
under ``translation.override(code)`` (so ``{% translate %}``, dates and number formats follow
the part's language) and the parts are set into one A4 document (``letters/document.html``):
letterhead and DIN 5008 address window on the first page, each further language on a new
page, right-to-left parts with ``dir="rtl"``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from teilhabe.letters.languages import autonym, direction, normalise


@dataclass(frozen=True)
class Letterhead:
    """First page: sender, the address window (DIN 5008 form B) and the information block."""

    sender: str  # e.g. the centre's name
    subtitle: str = ""  # e.g. "Kommunales Integrationszentrum"
    contact: Sequence[str] = ()  # lines at the right of the letterhead
    return_address: str = ""  # one small line above the recipient ("KI Köln · Straße · PLZ Ort")
    recipient: Sequence[str] = ()  # lines in the window
    info: Sequence[tuple[str, str]] = ()  # (label, value) right of the window: date, reference


@dataclass(frozen=True)
class Section:
    """One language part of a letter, as the section template sees it (``section``)."""

    code: str
    index: int
    dir: str = "ltr"
    autonym: str = ""
    html: SafeString = field(default_factory=lambda: mark_safe(""))

    @property
    def first(self) -> bool:
        return self.index == 0

    @property
    def rtl(self) -> bool:
        return self.dir == "rtl"


SectionContext = Callable[[str], Mapping[str, Any]]


def _clean_languages(languages: Sequence[str]) -> list[str]:
    codes: list[str] = []
    for code in languages:
        code = normalise(code)
        if code and code not in codes:
            codes.append(code)
    if not codes:
        raise ValueError("a letter needs at least one language")
    return codes


def render_sections(
    template: str,
    context: Mapping[str, Any],
    *,
    languages: Sequence[str],
    section_context: SectionContext | None = None,
) -> list[Section]:
    """Render ``template`` once per language, each under ``translation.override(code)``.

    The template gets ``context``, ``section`` (this part: code, dir, first, autonym) and
    what ``section_context(code)`` adds for that language (in-code texts, say).
    """
    sections = []
    for index, code in enumerate(_clean_languages(languages)):
        section = Section(code=code, index=index, dir=direction(code), autonym=autonym(code))
        values = {**context, **(section_context(code) if section_context else {})}
        with translation.override(code):
            html = render_to_string(template, {**values, "section": section})
        sections.append(
            Section(
                code=code,
                index=index,
                dir=section.dir,
                autonym=section.autonym,
                html=mark_safe(html),  # the template engine has escaped it
            )
        )
    return sections


def render_html(
    template: str,
    context: Mapping[str, Any],
    *,
    languages: Sequence[str],
    section_context: SectionContext | None = None,
    letterhead: Letterhead | None = None,
    title: str = "",
    footer: str = "",
) -> str:
    """The whole letter as one HTML document (what ``render_pdf`` prints)."""
    sections = render_sections(
        template, context, languages=languages, section_context=section_context
    )
    with translation.override(sections[0].code):
        return render_to_string(
            "letters/document.html",
            {"sections": sections, "letterhead": letterhead, "title": title, "footer": footer},
        )


def render_pdf(
    template: str,
    context: Mapping[str, Any],
    *,
    languages: Sequence[str],
    section_context: SectionContext | None = None,
    letterhead: Letterhead | None = None,
    title: str = "",
    footer: str = "",
) -> bytes:
    """The letter as PDF bytes: ``languages`` in order (German first), A4.

    ``footer`` is printed at the bottom of every page with "page / pages" (e.g. the case's
    reference, so a loose page finds its file).
    """
    from weasyprint import HTML  # imported late: WeasyPrint loads Pango at import time

    html = render_html(
        template,
        context,
        languages=languages,
        section_context=section_context,
        letterhead=letterhead,
        title=title,
        footer=footer,
    )
    return HTML(string=html).write_pdf()
