"""Pages of the statewide office (``/land/``): centres and every centre's figures.

The school directory import of the statewide office lives in ``schulen`` (a layer above);
both are mounted under ``/land/`` by the root URLconf.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from teilhabe.centres import services
from teilhabe.centres import statewide as selectors
from teilhabe.centres.forms_statewide import CentreCreateForm, CentreEditForm
from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors


@staff_view("centres.manage_centres")
@require_GET
def centre_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "centres/statewide/centre_list.html",
        {"centres": selectors.centre_list(user=request.user)},
    )


@staff_view("centres.manage_centres")
@require_http_methods(["GET", "POST"])
def centre_create(request: HttpRequest) -> HttpResponse:
    form = CentreCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            centre = services.create_centre(
                actor=request.user,
                site_url=settings.TEILHABE_SITE_URL or request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(centre)s ist angelegt. %(email)s erhält eine E-Mail mit dem Zugang.")
                % {"centre": centre.name, "email": form.cleaned_data["admin_email"]},
            )
            return redirect("land:centre_list")
    return render(request, "centres/statewide/centre_form.html", {"form": form, "centre": None})


@staff_view("centres.manage_centres")
@require_http_methods(["GET", "POST"])
def centre_edit(request: HttpRequest, pk: int) -> HttpResponse:
    centre = selectors.centre_detail(user=request.user, pk=pk)
    initial = {name: getattr(centre, name) for name in CentreEditForm.base_fields}
    form = CentreEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_centre(actor=request.user, centre=centre, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("%(centre)s ist gespeichert.") % {"centre": centre.name})
            return redirect("land:centre_list")
    return render(request, "centres/statewide/centre_form.html", {"form": form, "centre": centre})


@staff_view("centres.view_statewide_figures")
@require_GET
def figures(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "centres/statewide/figures.html",
        {"tables": selectors.statewide_tables(user=request.user)},
    )
