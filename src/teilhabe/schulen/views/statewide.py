"""The statewide office's directory import (``/land/verzeichnis/``): upload, preview, confirm.

Nothing is written to the schools before the confirmation; the confirmation imports the
stored bytes the preview was made from (their hash travels with the form).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.schulen.forms.schools import DirectoryConfirmForm, UploadForm
from teilhabe.schulen.selectors import directory as selectors
from teilhabe.schulen.services import directory as services


@staff_view("schulen.import_directory")
@require_http_methods(["GET", "POST"])
def directory_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            upload = services.store_directory_upload(
                actor=request.user, data=file.read(), file_name=file.name
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            return redirect("land:directory_preview", pk=upload.pk)
    return render(
        request,
        "schulen/statewide/directory_upload.html",
        {"form": form, "imports": selectors.recent_imports()},
    )


@staff_view("schulen.import_directory")
@require_http_methods(["GET", "POST"])
def directory_preview(request: HttpRequest, pk: int) -> HttpResponse:
    upload = selectors.upload_for_user(user=request.user, pk=pk)
    if upload.imported_id is not None:
        messages.info(request, _("Diese Datei ist bereits importiert."))
        return redirect("land:directory_upload")
    preview = services.preview_directory(bytes(upload.data))
    form = DirectoryConfirmForm(
        request.POST or None,
        initial={"sha256": preview.sha256, "fingerprint": preview.fingerprint},
    )
    if request.method == "POST" and form.is_valid():
        try:
            run = services.import_directory_upload(
                actor=request.user, upload=upload, **form.cleaned_data
            )
        except ValidationError as exc:
            if getattr(exc, "code", None) == "closings_unconfirmed":
                form.add_error("confirm_closings", exc.messages)
            else:
                show_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Import abgeschlossen: %(a)s neu, %(c)s geändert, %(z)s geschlossen.")
                % {"a": run.added, "c": run.changed, "z": run.closed},
            )
            return redirect("land:directory_upload")
    return render(
        request,
        "schulen/statewide/directory_preview.html",
        {"upload": upload, "preview": preview, "form": form},
    )
