"""The meeting packet (Sitzungsmappe) for members: invitation, agenda and papers in one PDF.

WeasyPrint renders the invitation and the papers' texts; the papers' attached PDFs are
appended with pypdf. A damaged attachment is named in the packet instead of breaking it.
"""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils import timezone

from teilhabe.integrationsrat import services
from teilhabe.integrationsrat.models import Meeting


def render_packet(meeting: Meeting, *, confidential: bool) -> bytes:
    """The packet; without ``confidential`` only the public items and papers."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError
    from weasyprint import HTML

    items = meeting.agenda_items.filter(deleted_at__isnull=True)
    if not confidential:
        items = items.filter(public=True)
    items = list(items.select_related("consultation__paper").order_by("order"))
    papers = []
    for item in items:
        consultation = getattr(item, "consultation", None)
        if (
            consultation is not None
            and not consultation.paper.deleted
            and (confidential or consultation.paper.public)
        ):
            paper = consultation.paper
            files = list(paper.files.filter(deleted_at__isnull=True))
            papers.append((item, paper, files))
    html = render_to_string(
        "integrationsrat/packet.html",
        {
            "meeting": meeting,
            "centre": meeting.centre,
            "items": items,
            "papers": papers,
            "members": sorted(
                services.members_on(meeting),
                key=lambda m: (m.person.family_name, m.person.given_name),
            ),
            "start": timezone.localtime(meeting.start),
            "end": timezone.localtime(meeting.end),
        },
    )
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(HTML(string=html).write_pdf())))
    for _item, _paper, files in papers:
        for f in files:
            try:
                with f.content.open("rb") as handle:
                    writer.append(PdfReader(io.BytesIO(handle.read())))
            except (PdfReadError, OSError, ValueError):
                continue  # the packet lists the file; a broken PDF is not appended
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
