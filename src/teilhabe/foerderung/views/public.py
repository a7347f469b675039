"""Public funding pages (no account): open calls, starting an application, and the
applicant's own pages behind the personal link (save, submit, attachments, decision,
payment requests, proof of use)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.centres.models import Centre
from teilhabe.centres.public import public_page, public_url
from teilhabe.documents.responses import file_response
from teilhabe.foerderung import forms, selectors, services
from teilhabe.foerderung.choices import EDITABLE, ApplicationStatus, ProofStatus
from teilhabe.foerderung.models import DecisionLetter


def _error_dict(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return exc.message_dict
    return {"__all__": exc.messages}


@public_page
@require_GET
def calls(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    return render(
        request,
        "foerderung/public/calls.html",
        {"calls": selectors.open_calls(centre), "lang": lang},
    )


@public_page
@require_http_methods(["GET", "POST"])
def call(request: HttpRequest, *, centre: Centre, lang: str, pk: int) -> HttpResponse:
    found = selectors.public_call(centre, pk)
    form = forms.StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.start_application(call=found, lang=lang, **form.cleaned_data)
        except ValidationError as exc:
            for key, errors in _error_dict(exc).items():
                form.add_error(key if key in form.fields else None, errors)
        else:
            return render(
                request,
                "foerderung/public/started.html",
                {"call": found, "email": form.cleaned_data["contact_email"]},
            )
    return render(
        request,
        "foerderung/public/call.html",
        {"call": found, "form": form, "rule": services.rule_of(found)},
    )


def _page(
    request: HttpRequest, centre: Centre, lang: str, token: str, application: Any, **extra: Any
) -> HttpResponse:
    proof = getattr(application, "proof", None)
    context = {
        "application": application,
        "token": token,
        "lang": lang,
        "editable": application.status in EDITABLE,
        "form": extra.pop("form", None) or forms.ApplicationForm(application=application),
        "attachment_form": extra.pop("attachment_form", None)
        or forms.AttachmentForm(application=application),
        "payment_form": extra.pop("payment_form", None) or forms.PaymentRequestForm(),
        "receipt_form": extra.pop("receipt_form", None) or forms.ReceiptForm(),
        "proof_form": extra.pop("proof_form", None) or forms.ProofForm(),
        "proof": proof,
        "proof_open": proof is not None and proof.status == ProofStatus.OPEN,
        "approved": application.status == ApplicationStatus.APPROVED,
        "open_amount": services.open_for_request(application),
        "has_letter": DecisionLetter.objects.filter(application=application).exists(),
        "rule": services.rule_of(application.call),
        "warning": services.de_minimis_warning(application),
        **extra,
    }
    return render(request, "foerderung/public/application.html", context)


def _redirect(centre: Centre, lang: str, token: str) -> HttpResponse:
    return redirect(public_url("foerderung_public:application", centre, lang, token=token))


@public_page
@require_http_methods(["GET", "POST"])
def application(request: HttpRequest, *, centre: Centre, lang: str, token: str) -> HttpResponse:
    found = selectors.application_by_token(centre, token)
    if request.method != "POST":
        return _page(request, centre, lang, token, found)
    form = forms.ApplicationForm(request.POST, application=found)
    if form.is_valid():
        try:
            saved = services.save_application(
                application=found, submit="submit" in request.POST, **form.service_values()
            )
        except ValidationError as exc:
            form.add_service_errors(_error_dict(exc))
        else:
            for warning in saved.warnings:
                messages.warning(request, warning)
            messages.success(
                request,
                _("Ihr Antrag ist eingereicht.")
                if saved.application.status == ApplicationStatus.SUBMITTED
                else _("Gespeichert. Sie können später über Ihren Link weitermachen."),
            )
            return _redirect(centre, lang, token)
    return _page(request, centre, lang, token, found, form=form)


@public_page
@require_POST
def attachment(request: HttpRequest, *, centre: Centre, lang: str, token: str) -> HttpResponse:
    found = selectors.application_by_token(centre, token)
    form = forms.AttachmentForm(request.POST, request.FILES, application=found)
    if form.is_valid():
        try:
            services.add_attachment(
                application=found, key=form.cleaned_data["key"], upload=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            for key, errors in _error_dict(exc).items():
                form.add_error(key if key in form.fields else None, errors)
        else:
            messages.success(request, _("Anlage hochgeladen."))
            return _redirect(centre, lang, token)
    return _page(request, centre, lang, token, found, attachment_form=form)


@public_page
@require_GET
def letter(request: HttpRequest, *, centre: Centre, lang: str, token: str) -> HttpResponse:
    found = selectors.application_by_token(centre, token)
    letter = DecisionLetter.objects.filter(application=found).first()
    if letter is None or not letter.pdf:  # blanked by retention
        raise Http404
    return file_response(
        bytes(letter.pdf), f"Bescheid-{found.reference}.pdf", "application/pdf", inline=True
    )


@public_page
@require_POST
def payment(request: HttpRequest, *, centre: Centre, lang: str, token: str) -> HttpResponse:
    found = selectors.application_by_token(centre, token)
    form = forms.PaymentRequestForm(request.POST)
    if form.is_valid():
        try:
            services.request_payment(application=found, **form.cleaned_data)
        except ValidationError as exc:
            for key, errors in _error_dict(exc).items():
                form.add_error(key if key in form.fields else None, errors)
        else:
            messages.success(request, _("Ihr Mittelabruf ist eingegangen."))
            return _redirect(centre, lang, token)
    return _page(request, centre, lang, token, found, payment_form=form)


@public_page
@require_POST
def receipt(request: HttpRequest, *, centre: Centre, lang: str, token: str) -> HttpResponse:
    found = selectors.application_by_token(centre, token)
    form = forms.ReceiptForm(request.POST)
    if form.is_valid():
        try:
            services.add_receipt(application=found, **form.cleaned_data)
        except ValidationError as exc:
            for key, errors in _error_dict(exc).items():
                form.add_error(key if key in form.fields else None, errors)
        else:
            messages.success(request, _("Beleg erfasst."))
            return _redirect(centre, lang, token)
    return _page(request, centre, lang, token, found, receipt_form=form)


@public_page
@require_POST
def proof(request: HttpRequest, *, centre: Centre, lang: str, token: str) -> HttpResponse:
    found = selectors.application_by_token(centre, token)
    form = forms.ProofForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.submit_proof(
                application=found,
                report=form.cleaned_data["report"],
                upload=form.cleaned_data["report_file"],
            )
        except ValidationError as exc:
            for key, errors in _error_dict(exc).items():
                form.add_error(key if key in form.fields else None, errors)
        else:
            messages.success(request, _("Ihr Verwendungsnachweis ist eingereicht."))
            return _redirect(centre, lang, token)
    return _page(request, centre, lang, token, found, proof_form=form)
