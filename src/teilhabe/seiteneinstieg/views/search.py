"""The search page behind the header's search box."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from teilhabe.core.decorators import staff_view
from teilhabe.seiteneinstieg.choices import CLOSED_STATUSES
from teilhabe.seiteneinstieg.selectors.search import RESULT_LIMIT, SearchResult, search


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Suche"),
        max_length=100,
        required=False,
        help_text=_(
            "Name (jede Schreibweise), Aktenzeichen, Geburtsdatum (03.05.2015), "
            "Name oder Telefon einer sorgeberechtigten Person"
        ),
    )


@staff_view("seiteneinstieg.view_case")
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    result: SearchResult | None = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        try:
            result = search(user=request.user, text=form.cleaned_data["q"])
        except ValidationError as exc:
            form.add_error("q", exc.messages)
    return render(
        request,
        "seiteneinstieg/search.html",
        {"form": form, "result": result, "limit": RESULT_LIMIT, "closed": CLOSED_STATUSES},
    )
