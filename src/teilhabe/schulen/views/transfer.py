"""Files in and out: the placement export, proposals from an answer.

The directory import is the statewide office's (``views/statewide.py``, under ``/land/``).
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.schulen.exports import build_instance
from teilhabe.schulen.forms.schools import UploadForm
from teilhabe.schulen.services.placements import EngineRun, import_proposals, propose_with_engine


@staff_view("zuweisung.export_placement")
@require_GET
def placement_export(request: HttpRequest) -> HttpResponse:
    instance = build_instance(centre=request.user.centre)
    response = HttpResponse(
        json.dumps(instance, ensure_ascii=False, indent=1), content_type="application/json"
    )
    name = f"platzierung-{request.user.centre.slug}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@staff_view("zuweisung.import_proposals")
@require_http_methods(["GET", "POST"])
def proposals_import(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            placements = import_proposals(actor=request.user, data=form.cleaned_data["file"].read())
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(
                request, _("%(n)s Platzvorschläge übernommen.") % {"n": len(placements)}
            )
            return redirect("schulen:school_list")
    return render(request, "schulen/proposals_import.html", {"form": form})


def _run_message(run: EngineRun) -> str:
    """One German sentence: how many proposals, and why the rest got none."""
    parts = [
        ngettext(
            "%(n)s Platzvorschlag berechnet",
            "%(n)s Platzvorschläge berechnet",
            run.placed,
        )
        % {"n": run.placed}
    ]
    if run.unplaced_no_seat_in_reach:
        parts.append(
            ngettext(
                "%(n)s Kind ohne Platz in Reichweite",
                "%(n)s Kinder ohne Platz in Reichweite",
                run.unplaced_no_seat_in_reach,
            )
            % {"n": run.unplaced_no_seat_in_reach}
        )
    if run.unplaced_capacity:
        parts.append(
            ngettext(
                "%(n)s Kind wartet auf einen freien Platz",
                "%(n)s Kinder warten auf einen freien Platz",
                run.unplaced_capacity,
            )
            % {"n": run.unplaced_capacity}
        )
    if run.proven_optimal:
        quality = _("nachweislich optimal")
    elif run.gap is not None:
        quality = _("höchstens %(gap)s %% vom Optimum entfernt") % {
            "gap": f"{run.gap * 100:.1f}".replace(".", ",")
        }
    else:
        quality = _("beste Lösung innerhalb des Zeitlimits")
    return _("%(parts)s (%(quality)s, %(s)s s).") % {
        "parts": "; ".join(parts),
        "quality": quality,
        "s": f"{run.seconds:.1f}".replace(".", ","),
    }


@staff_view("zuweisung.import_proposals")
@require_POST
def proposals_compute(request: HttpRequest) -> HttpResponse:
    """The button next to the upload: export, solve and propose in one step."""
    try:
        run = propose_with_engine(actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _run_message(run))
    return redirect("schulen:proposals_import")
