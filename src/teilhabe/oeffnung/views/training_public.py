"""Public training pages: the catalogue, registration by work e-mail, the e-mail links.

The links confirm, accept or cancel only on POST (a button on the page): mail scanners that
open links must not change anything.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from teilhabe.centres.models import Centre
from teilhabe.core.forms import show_service_errors
from teilhabe.oeffnung.forms import RegistrationForm
from teilhabe.oeffnung.models import Registration
from teilhabe.oeffnung.selectors import training as selectors
from teilhabe.oeffnung.services import training as services


def _centre(slug: str) -> Centre:
    return get_object_or_404(Centre, slug=slug, is_active=True)


@require_http_methods(["GET"])
def catalogue(request: HttpRequest, centre: str) -> HttpResponse:
    centre_obj = _centre(centre)
    return render(
        request,
        "oeffnung/training_catalogue.html",
        {"centre": centre_obj, "courses": selectors.catalogue(centre=centre_obj)},
    )


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, centre: str, pk: int) -> HttpResponse:
    centre_obj = _centre(centre)
    course = selectors.public_course(centre=centre_obj, pk=pk)
    form = RegistrationForm(request.POST or None, centre=centre_obj)
    if request.method == "POST" and form.is_valid():
        try:
            services.register(centre=centre_obj, course=course, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            return render(
                request,
                "oeffnung/training_message.html",
                {"centre": centre_obj, "title": course.title, "state": "registered"},
            )
    return render(
        request,
        "oeffnung/training_register.html",
        {
            "centre": centre_obj,
            "course": course,
            "form": form,
            "sessions": list(course.sessions.all()),
        },
    )


ACTIONS = {
    "confirm": services.confirm,
    "accept": services.accept_offer,
    "cancel": services.cancel,
}


def _link_page(request: HttpRequest, centre: str, token: str, action: str) -> HttpResponse:
    centre_obj = _centre(centre)
    registration = get_object_or_404(
        Registration.objects.for_centre(centre_obj).select_related("course"), token=token
    )
    error = ""
    if request.method == "POST":
        try:
            registration = ACTIONS[action](token=token)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            return render(
                request,
                "oeffnung/training_message.html",
                {
                    "centre": centre_obj,
                    "title": registration.course.title,
                    "state": registration.status,
                    "registration": registration,
                },
            )
    return render(
        request,
        "oeffnung/training_link.html",
        {"centre": centre_obj, "registration": registration, "action": action, "error": error},
    )


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, centre: str, token: str) -> HttpResponse:
    return _link_page(request, centre, token, "confirm")


@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, centre: str, token: str) -> HttpResponse:
    return _link_page(request, centre, token, "accept")


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, centre: str, token: str) -> HttpResponse:
    return _link_page(request, centre, token, "cancel")
