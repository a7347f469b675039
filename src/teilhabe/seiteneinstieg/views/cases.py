"""Pages of a case: registering a family, the child's case page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from teilhabe.audit.selectors import history_of
from teilhabe.core.decorators import staff_view
from teilhabe.seiteneinstieg.selectors import cases as case_selectors


@staff_view("seiteneinstieg.view_case")
@require_GET
def child_detail(request: HttpRequest, pk: int) -> HttpResponse:
    child = case_selectors.child_detail(user=request.user, pk=pk)
    history = history_of(user=request.user, targets=[child, child.family])
    return render(
        request, "seiteneinstieg/child_detail.html", {"child": child, "history": history[:100]}
    )
