"""The council progress report: a draft with the centre's own chapter texts, then final.

Finishing stores the data snapshot and the rendered PDF and xlsx: a final report is kept as
the council received it, whatever happens to the measures afterwards.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.oeffnung import council_report
from teilhabe.oeffnung.models import CouncilReport


def _check(actor: User, report: CouncilReport | None = None) -> None:
    if actor.centre is None or not actor.has_perm("oeffnung.manage_council_report", report):
        raise PermissionDenied


@transaction.atomic
def create_report(*, actor: User, title: str, year: int) -> CouncilReport:
    _check(actor)
    this_year = timezone.localdate().year
    if not 2000 <= year <= this_year + 1:
        raise ValidationError(
            {"year": [_("Bitte ein Berichtsjahr zwischen 2000 und %(y)s.") % {"y": this_year + 1}]}
        )
    report = CouncilReport(centre=actor.centre, title=title, year=year)
    report.full_clean()
    report.save()
    record(
        actor=actor,
        centre=actor.centre,
        action="oeffnung.report.created",
        target=report,
        summary=_("Fortschrittsbericht „%(title)s“ angelegt") % {"title": title},
    )
    return report


def _refuse_final(report: CouncilReport) -> None:
    if report.status == CouncilReport.Status.FINAL:
        raise ValidationError(
            _("Der Bericht ist abgeschlossen und kann nicht mehr geändert werden.")
        )


@transaction.atomic
def update_chapters(*, actor: User, report: CouncilReport, texts: dict[str, str]) -> CouncilReport:
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    _check(actor, report)
    _refuse_final(report)
    keys = {key for key, _title in council_report.CHAPTERS}
    report.chapter_texts = {k: v.strip() for k, v in texts.items() if k in keys}
    report.full_clean()
    report.save(update_fields=["chapter_texts"])
    record(
        actor=actor,
        centre=report.centre,
        action="oeffnung.report.updated",
        target=report,
        summary=_("Texte des Fortschrittsberichts bearbeitet"),
        data={"chapters": sorted(k for k, v in report.chapter_texts.items() if v)},
    )
    return report


@transaction.atomic
def finalise_report(*, actor: User, report: CouncilReport) -> CouncilReport:
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    _check(actor, report)
    _refuse_final(report)
    snapshot = council_report.build_snapshot(report)
    report.snapshot = snapshot
    report.final_pdf = council_report.render_pdf(snapshot, final=True)
    report.final_xlsx = council_report.render_xlsx(snapshot)
    report.status = CouncilReport.Status.FINAL
    report.finalised_on = timezone.localdate()
    report.save()
    record(
        actor=actor,
        centre=report.centre,
        action="oeffnung.report.finalised",
        target=report,
        summary=_("Fortschrittsbericht „%(title)s“ abgeschlossen") % {"title": report.title},
        data={"measures": len(snapshot["measures"])},
    )
    return report
