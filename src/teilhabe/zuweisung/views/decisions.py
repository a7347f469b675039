"""The school's decision on a proposal."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from teilhabe.core.decorators import staff_view
from teilhabe.zuweisung.forms import DecisionForm
from teilhabe.zuweisung.selectors.placements import placement_detail
from teilhabe.zuweisung.services import placements as placement_services


@staff_view("zuweisung.decide_placement")
@require_POST
def placement_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The school accepts or declines a proposed child (buttons on the school page)."""
    placement = placement_detail(user=request.user, pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            placement_services.decide_placement(
                actor=request.user,
                placement=placement,
                accept=form.cleaned_data["decision"] == "accept",
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Die Entscheidung ist gespeichert."))
    return redirect("schulen:school_detail", pk=placement.offer.school_id)
