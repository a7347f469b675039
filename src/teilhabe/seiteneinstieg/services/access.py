"""The right-of-access export (Art. 15 GDPR) as one audited read."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.reads import record_read
from teilhabe.centres.models import User
from teilhabe.core.registry import retention_rule
from teilhabe.letters.rendering import render_pdf
from teilhabe.seiteneinstieg.models import Child, Guardian
from teilhabe.seiteneinstieg.personal_data import build_access_zip, collect, readable


def export_personal_data(*, actor: User, subject: Child | Guardian) -> bytes:
    """The ZIP for ``subject`` (a child or a guardian of the actor's centre; the caller's
    selector checked that). One audit entry, which is also a read in the case's read log."""
    rule = retention_rule("seiteneinstieg.child")
    pdf = render_pdf(
        "seiteneinstieg/letters/access.html",
        {
            "subject_name": str(subject),
            "today": timezone.localdate(),
            "parts": readable(collect(subject)),
            "purpose": rule.purpose if rule else "",
            "legal_basis": rule.legal_basis if rule else "",
            "recipients": rule.recipients if rule else "",
            "trigger": rule.trigger if rule else "",
            "years": rule.period.days // 365 if rule else "",
        },
        languages=["de"],
        title=_("Auskunft nach Art. 15 DSGVO"),
        footer=str(subject.family.reference),
    )
    content = build_access_zip(subject, pdf=pdf)
    record_read(
        actor=actor,
        action="audit.personal_data.exported",
        target=subject,
        detail=_("Auskunft nach Art. 15 DSGVO (ZIP mit JSON und PDF)"),
    )
    return content
