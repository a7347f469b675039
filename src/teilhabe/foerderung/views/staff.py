"""The centre's funding pages at /foerderung/ (German): validate, call one service, render."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import form_errors_to_messages, show_service_errors
from teilhabe.documents.responses import file_response
from teilhabe.foerderung import formdef, forms, selectors, services
from teilhabe.foerderung.choices import ApplicationStatus, CallStatus, PaymentStatus
from teilhabe.foerderung.models import DecisionLetter

VIEW = "foerderung.view"
MANAGE = "foerderung.manage_calls"
REVIEW = "foerderung.review"
DECIDE = "foerderung.decide"
PAY = "foerderung.pay"


def _messages_from(request: HttpRequest, exc: ValidationError) -> None:
    for error in exc.messages:
        messages.error(request, error)


def _back(request: HttpRequest, url: str, action: Callable[[], Any], message: str) -> HttpResponse:
    try:
        action()
    except ValidationError as exc:
        _messages_from(request, exc)
    except PermissionDenied:
        messages.error(request, _("Dafür fehlt Ihnen die Berechtigung."))
    else:
        messages.success(request, message)
    return redirect(url)


@staff_view(VIEW)
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    status = request.GET.get("status", "")
    if status not in ApplicationStatus.values:
        status = ""
    return render(
        request,
        "foerderung/overview.html",
        {
            "years": selectors.years(user),
            "calls": selectors.calls(user),
            "applications": selectors.applications(user, status=status)[:200],
            "statuses": ApplicationStatus.choices,
            "status": status,
        },
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def year_create(request: HttpRequest) -> HttpResponse:
    form = forms.YearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            year = services.create_year(
                actor=request.user,
                year=data["year"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                state_reference=data["state_reference"],
                grants={b: data.get(f"grant_{b}") or 0 for b in "ABCD"},
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Förderjahr angelegt."))
            return redirect("foerderung:year_detail", pk=year.pk)
    return render(request, "foerderung/form.html", {"form": form, "title": _("Neues Förderjahr")})


@staff_view(VIEW)
@require_GET
def year_detail(request: HttpRequest, pk: int) -> HttpResponse:
    year = selectors.year_for(request.user, pk)
    return render(
        request,
        "foerderung/year_detail.html",
        {
            "year": year,
            "ledger": selectors.ledger_rows(year),
            "report": selectors.report_rows(year),
            "calls": selectors.calls(request.user).filter(year=year),
        },
    )


@staff_view(VIEW)
@require_GET
def year_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The municipality's proof to the state: per Baustein and organisation, as xlsx."""
    from teilhabe.exports.writers import write_xlsx
    from teilhabe.foerderung.money import to_decimal

    year = selectors.year_for(request.user, pk)
    rows = []
    for row in selectors.ledger_rows(year):
        b = row.balance
        rows.append(
            [
                f"Baustein {row.baustein}",
                "",
                "",
                "",
                *(to_decimal(v) for v in (b.budget, b.committed, b.paid, b.repaid)),
                "",
            ]
        )
    for row in selectors.report_rows(year):
        rows.append(
            [
                f"Baustein {row['baustein']}",
                row["organisation"],
                row["applications"],
                to_decimal(row["requested"]),
                "",
                to_decimal(row["approved"]),
                to_decimal(row["paid"]),
                to_decimal(row["repaid"]),
                to_decimal(row["spent"]),
            ]
        )
    buffer = io.BytesIO()
    write_xlsx(
        buffer,
        title=f"KOMM-AN {year.year}",
        header=[
            _("Baustein"),
            _("Organisation"),
            _("Anträge"),
            _("Beantragt (€)"),
            _("Zuweisung (€)"),
            _("Gebunden/Bewilligt (€)"),
            _("Ausgezahlt (€)"),
            _("Zurückgefordert (€)"),
            _("Nachgewiesen (€)"),
        ],
        rows=rows,
        widths=[14, 40, 10, 16, 16, 18, 16, 18, 16],
    )
    return file_response(
        buffer.getvalue(),
        f"KOMM-AN-Verwendungsnachweis-{year.year}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def call_create(request: HttpRequest) -> HttpResponse:
    form = forms.CallForm(request.POST or None, user=request.user)
    definition_form = forms.FormDefinitionForm(
        request.POST or None,
        prefix="def",
        initial={
            "fields_text": (
                "Text | Titel des Vorhabens | Pflicht\nLangtext | Beschreibung | Pflicht"
            ),
            "cost_lines_text": "Sachkosten",
        },
    )
    if request.method == "POST" and form.is_valid() and definition_form.is_valid():
        data = dict(form.cleaned_data)
        year = data.pop("year")
        try:
            call = services.create_call(
                actor=request.user,
                year=year,
                values=data,
                form=definition_form.cleaned_data["definition"],
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Aufruf angelegt (Entwurf)."))
            return redirect("foerderung:call_detail", pk=call.pk)
    return render(
        request,
        "foerderung/call_form.html",
        {"form": form, "definition_form": definition_form, "title": _("Neuer Förderaufruf")},
    )


@staff_view(VIEW)
@require_GET
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_for(request.user, pk)
    return render(
        request,
        "foerderung/call_detail.html",
        {
            "call": call,
            "versions": call.form_versions.all(),
            "applications": selectors.applications(request.user).filter(call=call),
            "statuses": CallStatus,
            "public_url": reverse(
                "foerderung_public:call",
                kwargs={"centre": call.centre.slug, "lang": "de", "pk": call.pk},
            ),
        },
    )


@staff_view(MANAGE)
@require_POST
def call_status(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_for(request.user, pk)
    status = request.POST.get("status", "")
    return _back(
        request,
        reverse("foerderung:call_detail", args=[call.pk]),
        lambda: services.set_call_status(actor=request.user, call=call, status=status),
        _("Status des Aufrufs geändert."),
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def call_form(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_for(request.user, pk)
    latest = call.form_versions.order_by("-number").first()
    fields, attachments, lines = formdef.unparse(latest.definition if latest else {})
    form = forms.FormDefinitionForm(
        request.POST or None,
        initial={"fields_text": fields, "attachments_text": attachments, "cost_lines_text": lines},
    )
    if request.method == "POST" and form.is_valid():
        try:
            version = services.save_form_version(
                actor=request.user, call=call, definition=form.cleaned_data["definition"]
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Fassung %(n)s gespeichert.") % {"n": version.number})
            return redirect("foerderung:call_detail", pk=call.pk)
    return render(
        request,
        "foerderung/form.html",
        {
            "form": form,
            "title": _("Antragsformular: %(call)s") % {"call": call.title},
            "back": reverse("foerderung:call_detail", args=[call.pk]),
        },
    )


@staff_view(VIEW)
@require_GET
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for(request.user, pk)
    user = request.user
    return render(
        request,
        "foerderung/application_detail.html",
        {
            "application": application,
            "definition": application.form_version.definition,
            "answers": [
                (spec["label"], application.answers.get(spec["key"], ""))
                for spec in application.form_version.definition["fields"]
            ],
            "costs": [
                (line["label"], application.cost_plan.get(line["key"], 0))
                for line in application.form_version.definition["cost_lines"]
            ],
            "snapshots": application.snapshots.select_related("actor"),
            "payments": application.payment_requests.all(),
            "proof": getattr(application, "proof", None),
            "balance": selectors.grant_balance(application),
            "warning": services.de_minimis_warning(application),
            "review_form": forms.ReviewForm() if user.has_perm(REVIEW, application) else None,
            "decision_form": forms.DecisionForm(initial={"approve": "1"})
            if user.has_perm(DECIDE, application)
            else None,
            "may_decide": services.may_decide(user, application),
            "due_form": forms.DueForm(initial={"due": application.proof_due}),
            "may_pay": user.has_perm(PAY, application),
            "has_letter": DecisionLetter.objects.filter(application=application).exists(),
            "requested": PaymentStatus.REQUESTED,
        },
    )


@staff_view(REVIEW)
@require_POST
def application_review(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for(request.user, pk)
    url = reverse("foerderung:application_detail", args=[pk])
    form = forms.ReviewForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(url)
    return _back(
        request,
        url,
        lambda: services.review(
            actor=request.user,
            application=application,
            step=form.cleaned_data["step"],
            note=form.cleaned_data["note"],
        ),
        _("Prüfung gespeichert."),
    )


@staff_view(DECIDE)
@require_POST
def application_decide(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for(request.user, pk)
    url = reverse("foerderung:application_detail", args=[pk])
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(url)
    data = form.cleaned_data
    return _back(
        request,
        url,
        lambda: services.decide(
            actor=request.user,
            application=application,
            approve=data["approve"],
            amount=data["amount"],
            conditions=data["conditions"],
            reasons=data["reasons"],
            proof_due=data["proof_due"],
        ),
        _("Entscheidung gespeichert; der Bescheid ist verschickt."),
    )


@staff_view(VIEW)
@require_GET
def application_letter(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for(request.user, pk)
    letter = DecisionLetter.objects.filter(application=application).first()
    if letter is None or not letter.pdf:  # blanked by retention
        from django.http import Http404

        raise Http404
    return file_response(
        bytes(letter.pdf), f"Bescheid-{application.reference}.pdf", "application/pdf", inline=True
    )


@staff_view(VIEW)
@require_GET
def attachment_download(request: HttpRequest, pk: int, attachment: int) -> HttpResponse:
    application = selectors.application_for(request.user, pk)
    found = selectors.attachment_for(request.user, application, attachment)
    from teilhabe.documents.validation import sniff_content_type

    with found.file.open("rb") as handle:
        content = handle.read()
    return file_response(
        content, found.original_name, sniff_content_type(content[:16]) or "application/octet-stream"
    )


@staff_view(PAY)
@require_POST
def proof_due(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for(request.user, pk)
    url = reverse("foerderung:application_detail", args=[pk])
    form = forms.DueForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(url)
    return _back(
        request,
        url,
        lambda: services.change_proof_due(
            actor=request.user, application=application, due=form.cleaned_data["due"]
        ),
        _("Frist geändert."),
    )


@staff_view(PAY)
@require_POST
def proof_check(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for(request.user, pk)
    return _back(
        request,
        reverse("foerderung:application_detail", args=[pk]),
        lambda: services.check_proof(
            actor=request.user, application=application, note=request.POST.get("note", "")[:5000]
        ),
        _("Verwendungsnachweis geprüft."),
    )


@staff_view(PAY)
@require_POST
def payment_pay(request: HttpRequest, pk: int) -> HttpResponse:
    payment = selectors.payment_for(request.user, pk)
    return _back(
        request,
        reverse("foerderung:application_detail", args=[payment.application_id]),
        lambda: services.pay(actor=request.user, payment=payment),
        _("Auszahlung gebucht."),
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def letter_templates(request: HttpRequest) -> HttpResponse:
    form = forms.TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_letter_template(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Neue Fassung der Vorlage gespeichert."))
            return redirect("foerderung:letter_templates")
    return render(
        request,
        "foerderung/templates.html",
        {
            "form": form,
            "templates": selectors.templates(request.user),
            "placeholders": services.PLACEHOLDERS,
            "defaults": services.DEFAULT_TEMPLATES,
        },
    )
