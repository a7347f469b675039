"""The statewide school directory upload."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.schulen.forms.schools import UploadForm
from teilhabe.schulen.selectors.schools import last_import
from teilhabe.schulen.services.directory import import_directory


@staff_view("schulen.import_directory")
@require_http_methods(["GET", "POST"])
def directory_import(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = import_directory(actor=request.user, data=upload.read(), file_name=upload.name)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Import abgeschlossen: %(a)s neu, %(c)s geändert, %(z)s geschlossen.")
                % {"a": run.added, "c": run.changed, "z": run.closed},
            )
            return redirect("schulen:directory_import")
    return render(
        request, "schulen/directory_import.html", {"form": form, "last_import": last_import()}
    )
