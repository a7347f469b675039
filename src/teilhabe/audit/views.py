from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from teilhabe.audit.selectors import audit_entries_for_centre
from teilhabe.core.decorators import staff_view


@staff_view("centres.view_audit")
def audit_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(audit_entries_for_centre(user=request.user), 50).get_page(
        request.GET.get("seite")
    )
    return render(request, "audit/list.html", {"page": page})
