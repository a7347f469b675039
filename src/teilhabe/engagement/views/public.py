"""Public pages (seven languages): organisations map, an organisation's own edit page,
volunteer registration, the volunteer's login by link and their own page."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.centres.models import Centre
from teilhabe.centres.public import public_page, public_url
from teilhabe.core.forms import show_service_errors
from teilhabe.documents.responses import file_response
from teilhabe.engagement import forms as f
from teilhabe.engagement.certificate import volunteer_certificate_pdf
from teilhabe.engagement.choices import AssignmentStatus
from teilhabe.engagement.models import Assignment, Organisation, Volunteer
from teilhabe.engagement.selectors import public_organisations
from teilhabe.engagement.selectors import volunteers as vs
from teilhabe.engagement.services import needs as need_services
from teilhabe.engagement.services import organisations as org_services
from teilhabe.engagement.services import volunteers as vol_services


@require_GET
@public_page
def organisation_map(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    organisations = list(public_organisations(centre))
    points = [
        {"name": o.name, "lat": o.lat, "lon": o.lon, "kind": o.get_kind_display()}
        for o in organisations
        if o.lat is not None
    ]
    return render(
        request,
        "engagement/public/organisation_map.html",
        {
            "organisations": organisations,
            "points": points,
            "tiles_url": getattr(settings, "TEILHABE_MAP_TILES_URL", ""),
            "tiles_attribution": getattr(settings, "TEILHABE_MAP_TILES_ATTRIBUTION", ""),
        },
    )


def _organisation(centre: Centre, token: str) -> Organisation:
    try:
        organisation = org_services.organisation_by_link(token)
    except Organisation.DoesNotExist:
        raise Http404 from None
    if organisation.centre_id != centre.pk:
        raise Http404
    return organisation


@require_http_methods(["GET", "POST"])
@public_page
def organisation_edit(
    request: HttpRequest, *, centre: Centre, lang: str, token: str
) -> HttpResponse:
    organisation = _organisation(centre, token)
    form = f.OrganisationForm(
        request.POST or None, initial=f.OrganisationForm.initial_for(organisation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            org_services.update_organisation_by_link(token=token, values=form.values())
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, gettext("Vielen Dank, Ihr Eintrag ist gespeichert."))
            return redirect(request.path)
    return render(
        request,
        "engagement/public/organisation_edit.html",
        {"organisation": organisation, "form": form, "token": token},
    )


@require_POST
@public_page
def organisation_confirm(
    request: HttpRequest, *, centre: Centre, lang: str, token: str
) -> HttpResponse:
    _organisation(centre, token)
    org_services.confirm_organisation(token=token)
    messages.success(request, gettext("Vielen Dank, Ihr Eintrag ist bestätigt."))
    return redirect(public_url("engagement_public:organisation_edit", centre, lang, token=token))


@require_http_methods(["GET", "POST"])
@public_page
def volunteer_register(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    form = f.RegisterForm(request.POST or None)
    duplicate = False
    if request.method == "POST" and form.is_valid():
        try:
            vol_services.register_volunteer(
                centre=centre,
                values=form.values(),
                consent=form.cleaned_data["consent"],
                lang=lang,
                confirm_duplicate=form.cleaned_data["confirm_duplicate"],
            )
        except vol_services.PossibleDuplicate as exc:
            duplicate = True
            show_service_errors(form, exc)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            return render(request, "engagement/public/volunteer_thanks.html", {})
    return render(
        request,
        "engagement/public/volunteer_register.html",
        {"form": form, "duplicate": duplicate, "privacy": _privacy_text(centre, lang)},
    )


def _privacy_text(centre: Centre, lang: str) -> str:
    from teilhabe.centres.selectors import current_privacy_notice

    notice = current_privacy_notice(centre, vol_services.PRIVACY_PURPOSE)
    if notice is None:
        return ""
    texts = notice.texts or {}
    return texts.get(lang) or texts.get("de", "")


@require_http_methods(["GET", "POST"])
@public_page
def volunteer_login_request(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    form = f.LoginRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        vol_services.send_login_link(centre=centre, email=form.cleaned_data["email"])
        messages.success(
            request,
            gettext(
                "Wenn es zu dieser Adresse ein bestätigtes Profil gibt, ist ein Anmeldelink "
                "unterwegs."
            ),
        )
        return redirect(request.path)
    return render(request, "engagement/public/volunteer_login.html", {"form": form})


@require_GET
@public_page
def volunteer_login(request: HttpRequest, *, centre: Centre, lang: str, token: str) -> HttpResponse:
    try:
        volunteer = vol_services.volunteer_by_login(token)
    except Volunteer.DoesNotExist:
        messages.error(
            request, gettext("Der Link ist abgelaufen oder ungültig. Bitte neu anfordern.")
        )
        return redirect(public_url("engagement_public:volunteer_login_request", centre, lang))
    if volunteer.centre_id != centre.pk:
        raise Http404
    request.session.cycle_key()
    request.session[vol_services.SESSION_KEY] = vol_services.session_value(volunteer)
    return redirect(public_url("engagement_public:volunteer_home", centre, lang))


def _me(request: HttpRequest, centre: Centre) -> Volunteer | None:
    return vol_services.volunteer_from_session(request.session, centre)


def _to_login(centre: Centre, lang: str) -> HttpResponse:
    return redirect(public_url("engagement_public:volunteer_login_request", centre, lang))


@require_GET
@public_page
def volunteer_home(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    volunteer = _me(request, centre)
    if volunteer is None:
        return _to_login(centre, lang)
    assignments = list(vs.my_assignments(volunteer))
    for assignment in assignments:
        assignment.answer_token = need_services.answer_token(assignment)
    return render(
        request,
        "engagement/public/volunteer_home.html",
        {
            "volunteer": volunteer,
            "assignments": assignments,
            "hours": vs.hours_summary(volunteer),
            "hours_form": f.HoursForm(),
            "Status": AssignmentStatus,
            "card_hours": vs.CARD_HOURS_PER_YEAR,
        },
    )


def _assignment(centre: Centre, token: str) -> Assignment:
    try:
        assignment = need_services.assignment_by_link(token)
    except Assignment.DoesNotExist:
        raise Http404 from None
    if assignment.need.centre_id != centre.pk:
        raise Http404
    return assignment


@require_http_methods(["GET", "POST"])
@public_page
def assignment_answer(
    request: HttpRequest, *, centre: Centre, lang: str, token: str
) -> HttpResponse:
    """The mailed link: shows only what the volunteer must know; POST accepts or declines."""
    assignment = _assignment(centre, token)
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer in ("accept", "decline"):
            try:
                need_services.answer_assignment(
                    assignment=assignment,
                    volunteer=assignment.volunteer,
                    accept=answer == "accept",
                )
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request,
                    gettext("Danke für Ihre Zusage!")
                    if answer == "accept"
                    else gettext("Danke, wir fragen jemand anderen."),
                )
            return redirect(request.path)
    return render(
        request,
        "engagement/public/assignment_answer.html",
        {"assignment": assignment, "need": assignment.need},
    )


@require_POST
@public_page
def hours_log(request: HttpRequest, *, centre: Centre, lang: str, pk: int) -> HttpResponse:
    volunteer = _me(request, centre)
    if volunteer is None:
        return _to_login(centre, lang)
    assignment = vs.my_assignments(volunteer).filter(pk=pk).first()
    if assignment is None:
        raise Http404
    form = f.HoursForm(request.POST)
    if form.is_valid():
        minutes = int((form.cleaned_data["hours"] * Decimal(60)).to_integral_value())
        try:
            vol_services.log_hours(
                volunteer=volunteer,
                assignment=assignment,
                date=form.cleaned_data["date"],
                minutes=minutes,
            )
        except (ValidationError, PermissionDenied) as exc:
            for message in getattr(exc, "messages", [str(exc)]):
                messages.error(request, message)
        else:
            messages.success(request, gettext("Stunden eingetragen."))
    else:
        messages.error(request, gettext("Bitte Datum und Stunden angeben."))
    return redirect(public_url("engagement_public:volunteer_home", centre, lang))


@require_http_methods(["GET", "POST"])
@public_page
def profile_edit(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    """The volunteer's own details (the certificate date stays with the coordinator)."""
    volunteer = _me(request, centre)
    if volunteer is None:
        return _to_login(centre, lang)
    form = f.VolunteerForm(request.POST or None, initial=f.VolunteerForm.initial_for(volunteer))
    form.fields["certificate_seen_on"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            vol_services.update_profile(volunteer=volunteer, values=form.values())
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, gettext("Ihre Angaben sind gespeichert."))
            return redirect(public_url("engagement_public:volunteer_home", centre, lang))
    return render(request, "engagement/public/volunteer_profile.html", {"form": form})


@require_http_methods(["GET", "POST"])
@public_page
def profile_delete(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    volunteer = _me(request, centre)
    if volunteer is None:
        return _to_login(centre, lang)
    if request.method == "POST":
        vol_services.delete_profile(volunteer=volunteer)
        request.session.pop(vol_services.SESSION_KEY, None)
        return render(request, "engagement/public/volunteer_deleted.html", {})
    return render(request, "engagement/public/volunteer_delete.html", {"volunteer": volunteer})


@require_GET
@public_page
def certificate_pdf(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    volunteer = _me(request, centre)
    if volunteer is None:
        return _to_login(centre, lang)
    return file_response(
        volunteer_certificate_pdf(volunteer),
        "Nachweis-Ehrenamt.pdf",
        "application/pdf",
    )


@require_POST
@public_page
def volunteer_logout(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    request.session.pop(vol_services.SESSION_KEY, None)
    return redirect(public_url("engagement_public:volunteer_login_request", centre, lang))
