"""The school's pages: proposals waiting for its answer, accept/decline with a
confirmation step, the first school day. The school sees only ``SchoolProposal`` fields."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from teilhabe.audit.reads import record_read
from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.documents.responses import file_response
from teilhabe.zuweisung.forms import AcceptForm, DeclineForm, FirstDayForm
from teilhabe.zuweisung.letters import render_placement_letter
from teilhabe.zuweisung.models import PlacementStatus
from teilhabe.zuweisung.selectors.school import proposal_for_decision, school_proposals
from teilhabe.zuweisung.services import decisions


def _view_of(request: HttpRequest, pk: int) -> object:
    """The school-facing view of one proposal (the same fields as the list)."""
    for proposal in school_proposals(user=request.user):
        if proposal.pk == pk:
            return proposal
    raise Http404


@staff_view("zuweisung.decide_placement")
@require_GET
def proposals(request: HttpRequest) -> HttpResponse:
    rows = school_proposals(user=request.user)
    return render(
        request,
        "zuweisung/school_proposals.html",
        {
            "waiting": [r for r in rows if r.status == PlacementStatus.PROPOSED],
            "accepted": [r for r in rows if r.status == PlacementStatus.ACCEPTED],
            "attending": [r for r in rows if r.status == PlacementStatus.ATTENDING],
        },
    )


def _decide(request: HttpRequest, pk: int, *, kind: str) -> HttpResponse:
    placement = proposal_for_decision(user=request.user, pk=pk)
    view = _view_of(request, pk)
    if kind == "accept":
        form = AcceptForm(request.POST or None, initial={"start_date": placement.start_date})
    elif kind == "decline":
        form = DeclineForm(request.POST or None)
    else:
        form = FirstDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if kind == "accept":
                decisions.accept_placement(
                    actor=request.user, placement=placement, start_date=data["start_date"]
                )
                messages.success(
                    request, _("Die Aufnahme ist gespeichert; die Familie erhält ihren Brief.")
                )
            elif kind == "decline":
                decisions.decline_placement(
                    actor=request.user,
                    placement=placement,
                    reason=data["reason"],
                    note=data["note"],
                )
                messages.success(request, _("Die Ablehnung ist gespeichert."))
            else:
                decisions.confirm_first_day(
                    actor=request.user, placement=placement, attended_on=data["attended_on"]
                )
                messages.success(request, _("Der erste Schultag ist bestätigt."))
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            return redirect("zuweisung:school_proposals")
    return render(
        request,
        f"zuweisung/school_{kind}.html",
        {"proposal": view, "form": form, "school": placement.offer.school},
    )


@staff_view("zuweisung.decide_placement")
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, kind="accept")


@staff_view("zuweisung.decide_placement")
@require_http_methods(["GET", "POST"])
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, kind="decline")


@staff_view("zuweisung.decide_placement")
@require_http_methods(["GET", "POST"])
def first_day(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, kind="first_day")


@staff_view("seiteneinstieg.view_case")
@require_GET
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The family's letter of an accepted placement, for the case file (staff of the centre)."""
    from django.shortcuts import get_object_or_404

    from teilhabe.zuweisung.models import Placement

    placement = get_object_or_404(
        Placement.objects.for_user(request.user)
        .filter(status__in=[PlacementStatus.ACCEPTED, PlacementStatus.ATTENDING])
        .select_related("offer__school", "child__family"),
        pk=pk,
    )
    if not request.user.has_perm("seiteneinstieg.view_case", placement.child):
        raise Http404
    pdf = render_placement_letter(placement=placement, child=placement.child)
    record_read(
        actor=request.user,
        action="audit.document.downloaded",
        target=placement.child,
        detail=_("Schulplatzbrief (PDF), Platzierung Nr. %(pk)s") % {"pk": placement.pk},
    )
    return file_response(
        pdf,
        f"Schulplatz-{placement.child.family.reference}-{placement.child.pk}.pdf",
        "application/pdf",
        inline=True,
    )
