"""Engine runs: start, progress (the job page), review, release."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.schulen.models import Offer
from teilhabe.schulen.selectors.schools import area_schools
from teilhabe.seiteneinstieg.selectors.cases import children_for_user
from teilhabe.zuweisung.forms import ExcludeForm, LockForm, OfferChoiceForm, UploadForm
from teilhabe.zuweisung.models import Placement, RunStatus
from teilhabe.zuweisung.selectors import review as selectors
from teilhabe.zuweisung.services import review as review_services
from teilhabe.zuweisung.services import runs as run_services
from teilhabe.zuweisung.services.placements import import_proposals


def _to_job_or_run(run: object) -> HttpResponse:
    if run.job_id:
        return redirect("exports:job_detail", pk=run.job_id)
    return redirect("zuweisung:run_detail", pk=run.pk)


@staff_view("zuweisung.view_runs")
@require_GET
def run_list(request: HttpRequest) -> HttpResponse:
    runs = selectors.runs_for_user(user=request.user)[:30]
    return render(
        request,
        "zuweisung/run_list.html",
        {
            "runs": runs,
            "upload": UploadForm(),
            "draft": next((r for r in runs if r.status == RunStatus.DRAFT), None),
        },
    )


@staff_view("zuweisung.run_engine")
@require_POST
def run_start(request: HttpRequest) -> HttpResponse:
    try:
        run = run_services.start_run(actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("zuweisung:run_list")
    return _to_job_or_run(run)


@staff_view("zuweisung.request_single")
@require_POST
def child_request(request: HttpRequest, pk: int) -> HttpResponse:
    """One ready child between batch runs (from the child's page)."""
    child = get_object_or_404(children_for_user(user=request.user), pk=pk)
    try:
        run = run_services.start_run(actor=request.user, child=child)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("seiteneinstieg:child_detail", pk=child.pk)
    return _to_job_or_run(run)


@staff_view("zuweisung.view_runs")
@require_GET
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = selectors.run_detail(user=request.user, pk=pk)
    rows = selectors.review_rows(run=run)
    can_review = (
        request.user.has_perm("zuweisung.review_runs", run) and run.status == RunStatus.DRAFT
    )
    raw = request.GET.get("kind", "")
    # isdigit() alone accepts "²" and 5,000-digit numbers, which int() refuses
    focus = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 12 else None
    options = {}
    if can_review and focus is not None:
        child = next((r.child for r in rows if r.child.pk == focus), None)
        if child is not None:
            options[child.pk] = selectors.compatible_offers(run=run, child=child)
    return render(
        request,
        "zuweisung/run_detail.html",
        {
            "run": run,
            "rows": rows,
            "can_review": can_review,
            "options": options,
            "focus": focus,
            "placed": sum(1 for r in rows if r.placement),
            "unplaced": sum(1 for r in rows if not r.placement),
        },
    )


def _run_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    run = selectors.run_detail(user=request.user, pk=pk)
    try:
        if action == "release":
            run_services.release_run(actor=request.user, run=run)
            messages.success(request, _("Die Vorschläge sind an die Schulen gegangen."))
        else:
            run_services.discard_run(actor=request.user, run=run)
            messages.success(request, _("Der Entwurf ist verworfen."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("zuweisung:run_detail", pk=run.pk)


@staff_view("zuweisung.review_runs")
@require_POST
def run_release(request: HttpRequest, pk: int) -> HttpResponse:
    return _run_action(request, pk, "release")


@staff_view("zuweisung.review_runs")
@require_POST
def run_discard(request: HttpRequest, pk: int) -> HttpResponse:
    return _run_action(request, pk, "discard")


@staff_view("zuweisung.review_runs")
@require_POST
def run_set_offer(request: HttpRequest, pk: int) -> HttpResponse:
    run = selectors.run_detail(user=request.user, pk=pk)
    form = OfferChoiceForm(request.POST)
    if form.is_valid():
        child = get_object_or_404(
            children_for_user(user=request.user), pk=form.cleaned_data["child"]
        )
        offer = get_object_or_404(
            Offer.objects.for_user(request.user), pk=form.cleaned_data["offer"]
        )
        try:
            review_services.set_offer(actor=request.user, run=run, child=child, offer=offer)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Der Vorschlag ist geändert."))
    else:
        messages.error(request, _("Bitte ein Angebot wählen."))
    return redirect("zuweisung:run_detail", pk=run.pk)


@staff_view("zuweisung.review_runs")
@require_POST
def run_exclude(request: HttpRequest, pk: int) -> HttpResponse:
    run = selectors.run_detail(user=request.user, pk=pk)
    form = ExcludeForm(request.POST)
    if form.is_valid():
        child = get_object_or_404(
            children_for_user(user=request.user), pk=form.cleaned_data["child"]
        )
        school = get_object_or_404(
            area_schools(centre=request.user.centre), pk=form.cleaned_data["school"]
        )
        try:
            review_services.exclude_school(
                actor=request.user,
                run=run,
                child=child,
                school=school,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("%(school)s ist für dieses Kind ausgeschlossen.") % {"school": school.name},
            )
    return redirect("zuweisung:run_detail", pk=run.pk)


@staff_view("zuweisung.review_runs")
@require_POST
def placement_lock(request: HttpRequest, pk: int) -> HttpResponse:
    placement = get_object_or_404(Placement.objects.for_user(request.user), pk=pk)
    form = LockForm(request.POST)
    if form.is_valid():
        try:
            review_services.set_lock(
                actor=request.user, placement=placement, locked=form.cleaned_data["locked"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("zuweisung:run_detail", pk=placement.run_id)


@staff_view("zuweisung.import_proposals")
@require_http_methods(["GET", "POST"])
def proposals_import(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = import_proposals(actor=request.user, data=form.cleaned_data["file"].read())
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Die Antwort ist als Entwurf übernommen."))
            return redirect("zuweisung:run_detail", pk=run.pk)
    return render(request, "zuweisung/proposals_import.html", {"form": form})
