"""Pages of a case: registering a family, the family and child pages, status and documents."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseFormSet, Form
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.audit.reads import record_read
from teilhabe.audit.selectors import describe_entries, history_of, read_log_of
from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.documents.responses import file_response
from teilhabe.notify.selectors import mails_about, topic_of
from teilhabe.seiteneinstieg.choices import PIPELINE, Status
from teilhabe.seiteneinstieg.forms.cases import (
    ChildAddForm,
    ChildEditForm,
    ChildFormSet,
    DocumentForm,
    FamilyEditForm,
    FamilyForm,
    GuardianForm,
    GuardianFormSet,
    StatusChangeForm,
    child_initial,
    guardian_initial,
)
from teilhabe.seiteneinstieg.hooks import appointment_sections, child_sections
from teilhabe.seiteneinstieg.models import Child, Family
from teilhabe.seiteneinstieg.selectors import cases as case_selectors
from teilhabe.seiteneinstieg.selectors.waiting_list import area_for_user
from teilhabe.seiteneinstieg.services.cases import (
    STATUS_TIMESTAMP,
    add_child,
    change_status_manually,
    manual_transitions,
    register_family,
    remove_guardian,
    save_guardian,
    update_child,
    update_family,
)
from teilhabe.seiteneinstieg.services.documents import remove_document, upload_document

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------
# Registration


def _with_one_more(data: QueryDict, prefix: str, maximum: int) -> QueryDict:
    """The posted data with one more (empty) form in the ``prefix`` formset."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, "1"))
    except ValueError:
        total = 1
    data[key] = str(min(total + 1, maximum))
    return data


def _hide_errors(*forms: Form | BaseFormSet) -> None:
    """Re-render posted forms without validating them (after "add another child")."""
    for item in forms:
        if isinstance(item, BaseFormSet):
            item._non_form_errors = item.error_class()
            for form in item.forms:
                form._errors = ErrorDict()
            item._errors = [form._errors for form in item.forms]
        else:
            item._errors = ErrorDict()


def _apply_service_errors(
    exc: ValidationError, family_form: FamilyForm, guardians: Any, children: Any
) -> None:
    """Show the service's messages next to the fields they are about."""
    if not hasattr(exc, "error_dict"):
        family_form.add_error(None, exc.messages)
        return
    rows = {"guardians": guardians.filled_forms(), "children": children.filled_forms()}
    for key, messages_ in exc.message_dict.items():
        prefix, _sep, rest = key.partition("-")
        if prefix in rows:
            index, _sep, field = rest.partition("-")
            try:
                form = rows[prefix][int(index)]
            except (ValueError, IndexError):
                family_form.add_error(None, messages_)
                continue
            if hasattr(form, "add_service_error"):
                form.add_service_error(field, messages_)
            else:
                form.add_error(field if field in form.fields else None, messages_)
        elif key in family_form.fields:
            family_form.add_error(key, messages_)
        else:
            family_form.add_error(None, messages_)


def _error_summary(family_form: FamilyForm, guardians: Any, children: Any) -> list[dict[str, str]]:
    """All messages of the page at the top, each linked to its field (WCAG 3.3.1)."""
    items: list[dict[str, str]] = []

    def collect(form: Form, heading: str) -> None:
        for message in form.non_field_errors():
            items.append({"text": f"{heading}{message}", "id": ""})
        for field in form:
            for message in field.errors:
                items.append(
                    {"text": f"{heading}{field.label}: {message}", "id": field.id_for_label}
                )

    collect(family_form, "")
    for message in guardians.non_form_errors():
        items.append({"text": message, "id": ""})
    for number, form in enumerate(guardians.forms, start=1):
        collect(form, _("Sorgeberechtigte Person %(n)d – ") % {"n": number})
    for message in children.non_form_errors():
        items.append({"text": message, "id": ""})
    for number, form in enumerate(children.forms, start=1):
        collect(form, _("Kind %(n)d – ") % {"n": number})
    return items


@staff_view("seiteneinstieg.register_family")
@require_http_methods(["GET", "POST"])
def family_create(request: HttpRequest) -> HttpResponse:
    duplicate_warning = ""
    duplicates: list[Child] = []
    if request.method != "POST":
        family_form = FamilyForm(area=area_for_user(user=request.user))
        guardians = GuardianFormSet(prefix="guardians")
        children = ChildFormSet(prefix="children")
    elif "add_child" in request.POST or "add_guardian" in request.POST:
        data = request.POST
        if "add_child" in data:
            data = _with_one_more(data, "children", ChildFormSet.max_num)
        else:
            data = _with_one_more(data, "guardians", GuardianFormSet.max_num)
        family_form = FamilyForm(data)
        guardians = GuardianFormSet(data, prefix="guardians")
        children = ChildFormSet(data, prefix="children")
        _hide_errors(family_form, guardians, children)
    else:
        family_form = FamilyForm(request.POST)
        guardians = GuardianFormSet(request.POST, prefix="guardians")
        children = ChildFormSet(request.POST, prefix="children")
        if family_form.is_valid() & guardians.is_valid() & children.is_valid():
            try:
                family = register_family(
                    actor=request.user,
                    address=family_form.address(),
                    guardians=[f.to_data() for f in guardians.filled_forms()],
                    children=[f.to_data() for f in children.filled_forms()],
                    notes=family_form.cleaned_data["notes"],
                    confirm_duplicates=family_form.cleaned_data["confirm_duplicates"],
                )
            except ValidationError as exc:
                if getattr(exc, "code", None) == "duplicate":
                    duplicate_warning, duplicates = _duplicates_of(request, exc)
                else:
                    _apply_service_errors(exc, family_form, guardians, children)
            else:
                messages.success(
                    request,
                    _("Familie %(ref)s wurde registriert.") % {"ref": family.reference},
                )
                return redirect("seiteneinstieg:family_detail", pk=family.pk)
    return render(
        request,
        "seiteneinstieg/family_form.html",
        {
            "family_form": family_form,
            "guardians": guardians,
            "children": children,
            "error_summary": _error_summary(family_form, guardians, children),
            "duplicate_warning": duplicate_warning,
            "duplicates": duplicates,
        },
    )


# ---------------------------------------------------------------------------------------------
# Family and child pages


def _family_page(
    request: HttpRequest, family: Family, document_form: DocumentForm | None = None
) -> HttpResponse:
    children = list(family.children.all())
    can_view_documents = request.user.has_perm("seiteneinstieg.view_documents", family)
    can_upload = request.user.has_perm("seiteneinstieg.change_case", family)
    documents = (
        case_selectors.documents_for_user(user=request.user).filter(family=family)
        if can_view_documents
        else []
    )
    history = history_of(user=request.user, targets=[family, *children])
    mails = mails_about(topic=topic_of(family), centre_id=family.centre_id)
    appointments = [
        {
            "appointment": appointment,
            "sections": appointment_sections(user=request.user, appointment=appointment),
        }
        for appointment in family.appointments.select_related("slot", "slot__counsellor")
        .filter(status="booked")
        .order_by("slot__starts_at")
    ]
    return render(
        request,
        "seiteneinstieg/family_detail.html",
        {
            "family": family,
            "appointments": appointments,
            "children": children,
            "documents": documents,
            "can_view_documents": can_view_documents,
            "document_form": (document_form or DocumentForm(family=family)) if can_upload else None,
            "can_change": can_upload,
            "history": history[:100],
            "mails": mails[:50],
            "can_view_read_log": request.user.has_perm("audit.view_read_log", family),
            "can_export_personal_data": request.user.has_perm(
                "seiteneinstieg.export_personal_data", family
            ),
        },
    )


@staff_view("seiteneinstieg.view_case")
@require_GET
def family_detail(request: HttpRequest, pk: int) -> HttpResponse:
    family = case_selectors.family_detail(user=request.user, pk=pk)
    record_read(
        actor=request.user, action="audit.case.viewed", target=family, detail=_("Familienseite")
    )
    return _family_page(request, family)


def _child_page(
    request: HttpRequest, child: Child, status_form: StatusChangeForm | None = None
) -> HttpResponse:
    targets = manual_transitions(child)
    can_change = request.user.has_perm("seiteneinstieg.change_case", child)
    if status_form is None and can_change and targets:
        status_form = StatusChangeForm(targets=targets)
    can_view_documents = request.user.has_perm("seiteneinstieg.view_documents", child)
    documents = (
        case_selectors.documents_for_user(user=request.user).filter(family_id=child.family_id)
        if can_view_documents
        else []
    )
    steps = [
        {
            "label": Status(status).label,
            "at": getattr(child, STATUS_TIMESTAMP[status], None)
            if status in STATUS_TIMESTAMP
            else child.registered_at,
            "current": child.status == status,
        }
        for status in PIPELINE
    ]
    history = history_of(user=request.user, targets=[child, child.family])
    return render(
        request,
        "seiteneinstieg/child_detail.html",
        {
            "child": child,
            "age": case_selectors.age(child.birth_date),
            "history": history[:100],
            "steps": steps,
            "status_form": status_form if can_change else None,
            "can_change": can_change,
            "documents": documents,
            "can_view_documents": can_view_documents,
            "sections": child_sections(user=request.user, child=child),
            "can_view_read_log": request.user.has_perm("audit.view_read_log", child),
            "can_export_personal_data": request.user.has_perm(
                "seiteneinstieg.export_personal_data", child
            ),
        },
    )


@staff_view("seiteneinstieg.view_case")
@require_GET
def child_detail(request: HttpRequest, pk: int) -> HttpResponse:
    child = case_selectors.child_detail(user=request.user, pk=pk)
    record_read(
        actor=request.user, action="audit.case.viewed", target=child, detail=_("Kinderseite")
    )
    return _child_page(request, child)


@staff_view("audit.view_read_log")
@require_GET
def read_log(request: HttpRequest, pk: int) -> HttpResponse:
    """Who opened the family's and its children's pages, letters and documents, and when."""
    family = case_selectors.family_detail(user=request.user, pk=pk)
    children = list(family.children.all())
    entries = read_log_of(user=request.user, targets=[family, *children])[:500]
    return render(
        request,
        "seiteneinstieg/read_log.html",
        {"family": family, "children": children, "entries": describe_entries(entries)},
    )


@staff_view("seiteneinstieg.change_case")
@require_POST
def child_status(request: HttpRequest, pk: int) -> HttpResponse:
    child = case_selectors.child_detail(user=request.user, pk=pk)
    form = StatusChangeForm(request.POST, targets=manual_transitions(child))
    if form.is_valid():
        try:
            child = change_status_manually(
                actor=request.user,
                child=child,
                to=form.cleaned_data["to"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Status geändert: %(status)s") % {"status": child.get_status_display()},
            )
            return redirect("seiteneinstieg:child_detail", pk=child.pk)
    return _child_page(request, child, status_form=form)


# ---------------------------------------------------------------------------------------------
# Correcting a case: a sibling reported later, address and notes, guardians, a child's data


def _form_summary(form: Form) -> list[dict[str, str]]:
    """A form's messages for the error summary at the top, each linked to its field."""
    items = [{"text": str(message), "id": ""} for message in form.non_field_errors()]
    for field in form:
        for message in field.errors:
            items.append({"text": f"{field.label}: {message}", "id": field.id_for_label})
    return items


@staff_view("seiteneinstieg.change_case")
@require_http_methods(["GET", "POST"])
def child_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A sibling who arrives or is reported after the family was registered."""
    family = case_selectors.family_detail(user=request.user, pk=pk)
    duplicate_warning = ""
    duplicates: list[Child] = []
    if request.method != "POST":
        form = ChildAddForm(initial={"last_name": _common_last_name(family)})
    else:
        form = ChildAddForm(request.POST)
        if form.is_valid():
            try:
                child = add_child(
                    actor=request.user,
                    family=family,
                    child=form.to_data(),
                    confirm_duplicates=form.cleaned_data["confirm_duplicates"],
                )
            except ValidationError as exc:
                if getattr(exc, "code", None) == "duplicate":
                    duplicate_warning, duplicates = _duplicates_of(request, exc)
                else:
                    show_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("%(name)s wurde zur Familie %(ref)s hinzugefügt.")
                    % {"name": child, "ref": family.reference},
                )
                return redirect("seiteneinstieg:family_detail", pk=family.pk)
    return render(
        request,
        "seiteneinstieg/child_form.html",
        {
            "family": family,
            "form": form,
            "legend": _("Kind %(n)d") % {"n": len(family.children.all()) + 1},
            "error_summary": _form_summary(form),
            "duplicate_warning": duplicate_warning,
            "duplicates": duplicates,
        },
    )


def _duplicates_of(request: HttpRequest, exc: ValidationError) -> tuple[str, list[Child]]:
    """The duplicate warning of a service error and the earlier children it names."""
    ids = (exc.params or {}).get("duplicates", [])
    children = case_selectors.children_for_user(user=request.user).filter(pk__in=ids)
    return exc.messages[0], list(children.select_related("family"))


def _common_last_name(family: Family) -> str:
    """Siblings usually share the surname: prefill it when all registered children do."""
    names = {child.last_name for child in family.children.all()}
    return names.pop() if len(names) == 1 else ""


@staff_view("seiteneinstieg.change_case")
@require_http_methods(["GET", "POST"])
def child_edit(request: HttpRequest, pk: int) -> HttpResponse:
    child = case_selectors.child_detail(user=request.user, pk=pk)
    duplicate_warning = ""
    duplicates: list[Child] = []
    if request.method != "POST":
        form = ChildEditForm(initial=child_initial(child))
    else:
        form = ChildEditForm(request.POST)
        if form.is_valid():
            try:
                update_child(
                    actor=request.user,
                    child=child,
                    data=form.to_data(),
                    confirm_duplicates=form.cleaned_data["confirm_duplicates"],
                )
            except ValidationError as exc:
                if getattr(exc, "code", None) == "duplicate":
                    duplicate_warning, duplicates = _duplicates_of(request, exc)
                else:
                    show_service_errors(form, exc)
            else:
                messages.success(request, _("Die Daten wurden gespeichert."))
                return redirect("seiteneinstieg:child_detail", pk=child.pk)
    return render(
        request,
        "seiteneinstieg/child_form.html",
        {
            "family": child.family,
            "child": child,
            "form": form,
            "legend": _("Daten des Kindes"),
            "error_summary": _form_summary(form),
            "duplicate_warning": duplicate_warning,
            "duplicates": duplicates,
        },
    )


@staff_view("seiteneinstieg.change_case")
@require_http_methods(["GET", "POST"])
def family_edit(request: HttpRequest, pk: int) -> HttpResponse:
    family = case_selectors.family_detail(user=request.user, pk=pk)
    if request.method != "POST":
        form = FamilyEditForm(initial=FamilyEditForm.initial_for(family))
    else:
        form = FamilyEditForm(request.POST)
        if form.is_valid():
            try:
                update_family(
                    actor=request.user,
                    family=family,
                    address=form.address(),
                    notes=form.cleaned_data["notes"],
                )
            except ValidationError as exc:
                show_service_errors(form, exc)
            else:
                messages.success(request, _("Die Daten der Familie wurden gespeichert."))
                return redirect("seiteneinstieg:family_detail", pk=family.pk)
    return render(
        request,
        "seiteneinstieg/family_edit.html",
        {"family": family, "form": form, "error_summary": _form_summary(form)},
    )


def _guardian_page(
    request: HttpRequest,
    family: Family,
    guardian: Any,
    form: GuardianForm,
    refused: list[str] | None = None,
) -> HttpResponse:
    """The guardian form; ``refused`` holds why a removal was not possible."""
    summary = [{"text": message, "id": ""} for message in refused or []]
    return render(
        request,
        "seiteneinstieg/guardian_form.html",
        {
            "family": family,
            "guardian": guardian,
            "form": form,
            "error_summary": summary + _form_summary(form),
            "can_remove": guardian is not None and len(family.guardians.all()) > 1,
        },
    )


@staff_view("seiteneinstieg.change_case")
@require_http_methods(["GET", "POST"])
def guardian_edit(request: HttpRequest, pk: int, guardian_pk: int | None = None) -> HttpResponse:
    """Add a guardian (no ``guardian_pk``) or correct one; the same form either way."""
    if guardian_pk is None:
        family, guardian = case_selectors.family_detail(user=request.user, pk=pk), None
    else:
        family, guardian = case_selectors.guardian_detail(
            user=request.user, family_pk=pk, pk=guardian_pk
        )
    if request.method != "POST":
        form = GuardianForm(initial=guardian_initial(guardian) if guardian else None)
    else:
        form = GuardianForm(request.POST)
        if form.is_valid():
            try:
                save_guardian(
                    actor=request.user, family=family, data=form.to_data(), guardian=guardian
                )
            except ValidationError as exc:
                show_service_errors(form, exc)
            else:
                messages.success(request, _("Die sorgeberechtigte Person wurde gespeichert."))
                return redirect("seiteneinstieg:family_detail", pk=family.pk)
    return _guardian_page(request, family, guardian, form)


@staff_view("seiteneinstieg.change_case")
@require_POST
def guardian_remove(request: HttpRequest, pk: int, guardian_pk: int) -> HttpResponse:
    family, guardian = case_selectors.guardian_detail(
        user=request.user, family_pk=pk, pk=guardian_pk
    )
    try:
        remove_guardian(actor=request.user, family=family, guardian=guardian)
    except ValidationError as exc:
        form = GuardianForm(initial=guardian_initial(guardian))
        return _guardian_page(request, family, guardian, form, refused=exc.messages)
    messages.success(
        request,
        _("%(name)s ist nicht mehr als sorgeberechtigte Person eingetragen.") % {"name": guardian},
    )
    return redirect("seiteneinstieg:family_detail", pk=family.pk)


# ---------------------------------------------------------------------------------------------
# Documents


@staff_view("seiteneinstieg.change_case")
@require_POST
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    family = case_selectors.family_detail(user=request.user, pk=pk)
    form = DocumentForm(request.POST, request.FILES, family=family)
    if form.is_valid():
        try:
            document = upload_document(
                actor=request.user,
                family=family,
                kind=form.cleaned_data["kind"],
                file=form.cleaned_data["file"],
                child=form.cleaned_data["child"],
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Dokument „%(name)s“ wurde hochgeladen.") % {"name": document.original_name},
            )
            return redirect(
                reverse("seiteneinstieg:family_detail", args=[family.pk]) + "#dokumente"
            )
    return _family_page(request, family, document_form=form)


@staff_view("seiteneinstieg.view_documents")
@require_GET
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The file as an attachment, never inline: the browser must not render uploaded content."""
    document = case_selectors.document_detail(user=request.user, pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        # the row outlived its file (restore from backup, storage mix-up): say so, don't 500
        logger.error("Document %s: file %s missing in storage", document.pk, document.file.name)
        messages.error(
            request,
            _("Die Datei „%(name)s“ ist nicht mehr gespeichert. Bitte erneut hochladen.")
            % {"name": document.original_name},
        )
        return redirect(
            reverse("seiteneinstieg:family_detail", args=[document.family_id]) + "#dokumente"
        )
    record_read(
        actor=request.user,
        action="audit.document.downloaded",
        target=document.child or document.family,
        detail=_("Dokument: %(kind)s (Nr. %(pk)s)")
        % {"kind": document.get_kind_display(), "pk": document.pk},
    )
    return file_response(handle, document.original_name, document.content_type)


@staff_view("seiteneinstieg.change_case")
@require_http_methods(["GET", "POST"])
def document_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove a document after a confirmation step (GET asks, POST removes)."""
    document = case_selectors.document_detail(user=request.user, pk=pk)
    if not request.user.has_perm("seiteneinstieg.change_case", document.family):
        raise PermissionDenied
    back = reverse("seiteneinstieg:family_detail", args=[document.family_id]) + "#dokumente"
    if request.method == "POST":
        try:
            remove_document(actor=request.user, document=document)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Dokument „%(name)s“ wurde entfernt.") % {"name": document.original_name},
            )
        return redirect(back)
    return render(
        request,
        "seiteneinstieg/document_remove.html",
        {"document": document, "family": document.family, "back": back},
    )


@staff_view("seiteneinstieg.export_personal_data")
@require_POST
def child_access_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Art. 15 GDPR: every record about the child as ZIP (JSON, PDF, document copies)."""
    from teilhabe.seiteneinstieg.services.access import export_personal_data

    child = case_selectors.child_detail(user=request.user, pk=pk)
    content = export_personal_data(actor=request.user, subject=child)
    return file_response(content, f"auskunft-kind-{child.pk}.zip", "application/zip")


@staff_view("seiteneinstieg.export_personal_data")
@require_POST
def guardian_access_export(request: HttpRequest, pk: int, guardian_pk: int) -> HttpResponse:
    """Art. 15 GDPR for a guardian: their own row, the family's and its bookings."""
    from teilhabe.seiteneinstieg.services.access import export_personal_data

    _family, guardian = case_selectors.guardian_detail(
        user=request.user, family_pk=pk, pk=guardian_pk
    )
    content = export_personal_data(actor=request.user, subject=guardian)
    return file_response(content, f"auskunft-sorgeberechtigte-{guardian.pk}.zip", "application/zip")
