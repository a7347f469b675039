"""A test URLconf: one public page under the frame, one in header navigation."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

import teilhabe.centres.public  # noqa: F401  (registers the ``lang`` converter)
from teilhabe.centres.public import public_page


@public_page
def page(request: HttpRequest, *, centre, lang: str) -> HttpResponse:
    return render(request, "public_base.html", {})


urlpatterns = [path("<slug:centre>/<lang:lang>/seite/", page, name="public_test_page")]
