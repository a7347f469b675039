"""The public questionnaire: enter the code, answer once. No login, no session, no cookie
but the CSRF one; the code travels in the form (never in a URL, which servers log)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from teilhabe.centres.models import Centre
from teilhabe.core.forms import show_service_errors
from teilhabe.oeffnung.forms import CodeForm, QuestionnaireForm
from teilhabe.oeffnung.services import survey as services
from teilhabe.oeffnung.survey_texts import ERRORS_EN, SURVEY_LANGUAGES, TEXTS


def _lang(request: HttpRequest) -> str:
    lang = request.POST.get("lang") or request.GET.get("lang") or ""
    if lang not in SURVEY_LANGUAGES:
        accepted = request.headers.get("Accept-Language", "")
        lang = "en" if accepted.lower().startswith("en") else "de"
    return lang


def _refusal(exc: ValidationError, lang: str) -> list[str]:
    if lang == "en":
        return [ERRORS_EN.get(getattr(exc, "code", "") or "", exc.messages[0])]
    return exc.messages


def _summary(form: QuestionnaireForm | CodeForm) -> list[dict[str, str]]:
    """The error summary's links, and each erroneous input pointed at its message."""
    items = [{"id": "", "text": e} for e in form.non_field_errors()]
    for name in form.errors:
        if name in form.fields:
            attrs = form.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = f"{form[name].auto_id}_error"
    for name, errors in form.errors.items():
        if name == "__all__":
            continue
        field = form[name]
        target = field.id_for_label or f"id_{name}"
        if field.field.widget.input_type in ("radio", "checkbox"):
            target = f"id_{name}_0"
        items += [{"id": target, "text": f"{field.label}: {e}"} for e in errors]
    return items


def _page(request: HttpRequest, template: str, lang: str, context: dict) -> HttpResponse:
    with translation.override(lang):
        response = render(request, template, {"t": TEXTS[lang], "lang": lang, **context})
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, centre: str) -> HttpResponse:
    centre_obj = get_object_or_404(Centre, slug=centre, is_active=True)
    lang = _lang(request)
    form = CodeForm(request.POST or None, lang=lang)
    if request.method == "POST" and form.is_valid():
        try:
            wave, department = services.open_wave_for_code(
                centre=centre_obj, code=form.cleaned_data["code"]
            )
        except ValidationError as exc:
            form.add_error("code", _refusal(exc, lang))
        else:
            questionnaire = QuestionnaireForm(
                wave=wave,
                lang=lang,
                initial={"code": form.cleaned_data["code"], "department": department},
            )
            return _page(
                request,
                "oeffnung/questionnaire.html",
                lang,
                {"centre": centre_obj, "form": questionnaire, "wave": wave},
            )
    return _page(
        request,
        "oeffnung/questionnaire_start.html",
        lang,
        {"centre": centre_obj, "form": form, "error_summary": _summary(form)},
    )


@never_cache
@require_POST
def answer(request: HttpRequest, centre: str) -> HttpResponse:
    centre_obj = get_object_or_404(Centre, slug=centre, is_active=True)
    lang = _lang(request)
    code = request.POST.get("code", "")
    try:
        wave, _department = services.open_wave_for_code(centre=centre_obj, code=code)
    except ValidationError as exc:
        form = CodeForm({"code": code}, lang=lang)
        form.is_valid()
        form.add_error("code", _refusal(exc, lang))
        return _page(
            request,
            "oeffnung/questionnaire_start.html",
            lang,
            {"centre": centre_obj, "form": form, "error_summary": _summary(form)},
        )
    form = QuestionnaireForm(request.POST, wave=wave, lang=lang)
    if form.is_valid():
        try:
            services.submit_answer(centre=centre_obj, code=code, answers=form.answer_input())
        except services.CodeRefused as exc:
            start_form = CodeForm({"code": code}, lang=lang)
            start_form.is_valid()
            start_form.add_error("code", _refusal(exc, lang))
            return _page(
                request,
                "oeffnung/questionnaire_start.html",
                lang,
                {"centre": centre_obj, "form": start_form, "error_summary": _summary(start_form)},
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            return _page(
                request, "oeffnung/questionnaire_thanks.html", lang, {"centre": centre_obj}
            )
    return _page(
        request,
        "oeffnung/questionnaire.html",
        lang,
        {"centre": centre_obj, "form": form, "wave": wave, "error_summary": _summary(form)},
    )
