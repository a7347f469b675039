"""The families' registration and booking pages (public, in the family's language).

Each view validates its form, calls one service and renders; a service's messages are put
on the fields they name. Everything typed stays in the form when something is wrong.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from teilhabe.centres.models import Centre
from teilhabe.centres.public import public_page, public_url
from teilhabe.core.forms import show_service_errors
from teilhabe.core.proxy import client_ip
from teilhabe.seiteneinstieg.models import SelfRegistration
from teilhabe.seiteneinstieg.public.forms import (
    MAX_CHILDREN,
    MAX_GUARDIANS,
    ChildFormSet,
    GuardianFormSet,
    RegistrationForm,
    SlotForm,
    new_form_stamp,
)
from teilhabe.seiteneinstieg.selectors.public import current_booking, free_slots
from teilhabe.seiteneinstieg.services import self_registration as services
from teilhabe.seiteneinstieg.services.cases import AddressData, ChildData, GuardianData


def _site_url(request: HttpRequest) -> str:
    return settings.TEILHABE_SITE_URL.rstrip("/") or request.build_absolute_uri("/").rstrip("/")


def _private(response: HttpResponse) -> HttpResponse:
    """Pages behind a secret link: not cached, and the link never leaves for another site."""
    response["Referrer-Policy"] = "same-origin"  # no-referrer would send Origin: null
    return response


def _grown(data: Any, prefix: str, limit: int) -> Any:
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, "1"))
    except ValueError:
        total = 1
    data[key] = str(min(max(total, 1) + 1, limit))
    return data


def _route_errors(
    exc: ValidationError,
    form: RegistrationForm,
    guardians: GuardianFormSet,
    children: ChildFormSet,
) -> None:
    """Service errors keyed like ``children-1-birth_date`` onto the right block and field."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, messages_ in exc.message_dict.items():
        target: BaseForm = form
        name: str | None = key
        for prefix, formset in (("children-", children), ("guardians-", guardians)):
            if key.startswith(prefix):
                index, _sep, field = key[len(prefix) :].partition("-")
                if index.isdigit() and int(index) < len(formset.forms):
                    target, name = formset.forms[int(index)], field or None
                if field in ("email", "phone") and index == "0":
                    target, name = form, field  # the first guardian's contact is on the form
        if name == NON_FIELD_ERRORS or name not in target.fields:
            name = None
        target.add_error(name, messages_)


def _filled(formset: Any) -> list[dict[str, Any]]:
    return [f.cleaned_data for f in formset.forms if f.cleaned_data]


def _submission(
    form: RegistrationForm, guardians: GuardianFormSet, children: ChildFormSet, lang: str
) -> services.Submission:
    data = form.cleaned_data
    guardian_rows = [
        GuardianData(
            first_name=g["first_name"],
            last_name=g["last_name"],
            relation=g.get("relation", ""),
            phone=data.get("phone", "") if index == 0 else "",
            email=data["email"] if index == 0 else "",
            language=lang,
        )
        for index, g in enumerate(_filled(guardians))
    ]
    child_rows = [
        ChildData(
            first_name=c["first_name"],
            last_name=c["last_name"],
            birth_date=c["birth_date"],
            first_language=c["first_language"],
            arrived_in_germany_on=c["arrived_in_germany_on"],
            arrived_in_city_on=c["arrived_in_city_on"],
            school_years=c.get("school_years") or 0,
        )
        for c in _filled(children)
    ]
    return services.Submission(
        address=AddressData(street=data["street"], postcode=data["postcode"], city=data["city"]),
        guardians=guardian_rows,
        children=child_rows,
        email=data["email"],
        consent=data["consent"],
    )


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    notice = services.current_notice(centre)
    if request.method == "POST" and notice is not None:
        data = request.POST
        if "add_child" in data or "add_guardian" in data:
            # another block: the page comes back with everything typed, and no errors yet
            if "add_child" in data:
                data = _grown(data, "children", MAX_CHILDREN)
            else:
                data = _grown(data, "guardians", MAX_GUARDIANS)
            form = RegistrationForm(data)
            guardians = GuardianFormSet(data, prefix="guardians")
            children = ChildFormSet(data, prefix="children")
            return _registration_page(
                request, centre, lang, notice, form, guardians, children, show_errors=False
            )
        form = RegistrationForm(data)
        guardians = GuardianFormSet(data, prefix="guardians")
        children = ChildFormSet(data, prefix="children")
        if all([form.is_valid(), guardians.is_valid(), children.is_valid()]):
            try:
                registration, _new = services.submit_registration(
                    centre=centre,
                    language=lang,
                    submission=_submission(form, guardians, children, lang),
                    privacy_notice=notice,
                    form_token=form.cleaned_data["form_token"],
                    client_ip=client_ip(request),
                    site_url=_site_url(request),
                )
            except ValidationError as exc:
                _route_errors(exc, form, guardians, children)
            else:
                messages.success(request, _("Vielen Dank! Ihre Anmeldung ist angekommen."))
                return redirect(
                    public_url(
                        "anmeldung:manage",
                        centre,
                        lang,
                        token=services.manage_token(registration),
                    )
                )
    else:
        form = RegistrationForm(initial={"stamp": new_form_stamp()})
        guardians = GuardianFormSet(prefix="guardians")
        children = ChildFormSet(prefix="children")
    return _registration_page(request, centre, lang, notice, form, guardians, children)


def _registration_page(
    request: HttpRequest,
    centre: Centre,
    lang: str,
    notice: Any,
    form: RegistrationForm,
    guardians: Any,
    children: Any,
    *,
    show_errors: bool = True,
) -> HttpResponse:
    status = 400 if show_errors and form.is_bound else 200  # the form came back with errors
    error_list = _error_list(form, guardians, children) if show_errors else []
    return render(
        request,
        "seiteneinstieg/public/register.html",
        {
            "form": form,
            "guardians": guardians,
            "children": children,
            "notice": notice,
            "notice_text": notice.text_for(lang) if notice else "",
            "notice_in_german": notice is not None and not notice.has_language(lang),
            "show_errors": show_errors,
            "error_list": error_list,
            "can_add_child": len(children.forms) < MAX_CHILDREN,
            "can_add_guardian": len(guardians.forms) < MAX_GUARDIANS,
        },
        status=status,
    )


def _error_list(form: Any, guardians: Any, children: Any) -> list[dict[str, str]]:
    """Every message for the summary at the top, each linking to its field; the fields with
    an error are marked for screen readers (aria-invalid, aria-describedby)."""
    if not form.is_bound:
        return []
    errors: list[dict[str, str]] = []
    blocks = [(form, "")]
    blocks += [(f, _("Kind %(n)d") % {"n": i + 1}) for i, f in enumerate(children.forms)]
    blocks += [(f, _("Person %(n)d") % {"n": i + 1}) for i, f in enumerate(guardians.forms)]
    for block, title in blocks:
        for message in block.non_field_errors():
            errors.append({"anchor": "", "label": title, "message": message})
        for name, field_errors in block.errors.items():
            if name == NON_FIELD_ERRORS or name not in block.fields:
                continue
            bound = block[name]
            widget = block.fields[name].widget
            widget.attrs["aria-invalid"] = "true"
            widget.attrs["aria-describedby"] = f"{bound.id_for_label}_error"
            label = f"{title}: {bound.label}" if title else str(bound.label)
            for message in field_errors:
                errors.append({"anchor": bound.id_for_label, "label": label, "message": message})
    for formset in (children, guardians):
        for message in formset.non_form_errors():
            errors.append({"anchor": "", "label": "", "message": message})
    return errors


def _invalid_link(request: HttpRequest) -> HttpResponse:
    return _private(render(request, "seiteneinstieg/public/invalid_link.html", status=404))


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, *, centre: Centre, lang: str, token: str) -> HttpResponse:
    """The family's own page behind the secret link: book, or see, move and cancel."""
    registration = services.registration_for_token(centre=centre, token=token)
    if registration is None:
        return _invalid_link(request)
    booking = current_booking(registration)
    slots = [s for s in free_slots(centre=centre) if booking is None or s.pk != booking.slot_id]
    initial = {"interpreter_language": lang if lang != "de" else ""}
    form = SlotForm(request.POST or None, slots=slots, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if booking is None:
                services.book_slot(
                    registration=registration,
                    slot_id=form.cleaned_data["slot"],
                    interpreter_language=form.cleaned_data["interpreter_language"],
                    token=token,
                    site_url=_site_url(request),
                )
                messages.success(
                    request, _("Ihr Termin ist gebucht. Wir haben Ihnen eine E-Mail geschickt.")
                )
            else:
                services.move_by_family(
                    registration=registration,
                    slot_id=form.cleaned_data["slot"],
                    token=token,
                    site_url=_site_url(request),
                )
                messages.success(
                    request,
                    _("Ihr Termin wurde verschoben. Wir haben Ihnen eine E-Mail geschickt."),
                )
        except ValidationError as exc:
            show_service_errors(form, exc)
            # the list of free slots may have changed: offer the current one
            slots = [
                s for s in free_slots(centre=centre) if booking is None or s.pk != booking.slot_id
            ]
            form.fields["slot"].choices = [(s.pk, s.pk) for s in slots]
        else:
            return redirect(request.path)
    return _private(
        render(
            request,
            "seiteneinstieg/public/manage.html",
            {
                "registration": registration,
                "booking": booking,
                "slots": slots,
                "days": _by_day(slots),
                "form": form,
                "token": token,
            },
            status=400 if request.method == "POST" else 200,
        )
    )


def _by_day(slots: list[Any]) -> list[dict[str, Any]]:
    from django.utils import timezone

    days: list[dict[str, Any]] = []
    for slot in slots:
        local = timezone.localtime(slot.starts_at)
        if not days or days[-1]["date"] != local.date():
            days.append({"date": local.date(), "slots": []})
        days[-1]["slots"].append(
            {"pk": slot.pk, "start": local, "end": timezone.localtime(slot.ends_at)}
        )
    return days


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, *, centre: Centre, lang: str, token: str) -> HttpResponse:
    registration = services.registration_for_token(centre=centre, token=token)
    if registration is None:
        return _invalid_link(request)
    booking = current_booking(registration)
    manage_url = public_url("anmeldung:manage", centre, lang, token=token)
    if booking is None:
        return redirect(manage_url)
    error = ""
    if request.method == "POST":
        try:
            services.cancel_by_family(registration=registration)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, _("Ihr Termin ist abgesagt. Sie können einen neuen Termin wählen.")
            )
            return redirect(manage_url)
    return _private(
        render(
            request,
            "seiteneinstieg/public/cancel.html",
            {"booking": booking, "manage_url": manage_url, "error": error},
        )
    )


@public_page
@never_cache
def ics(request: HttpRequest, *, centre: Centre, lang: str, token: str) -> HttpResponse:
    registration = services.registration_for_token(centre=centre, token=token)
    booking = current_booking(registration) if registration else None
    if booking is None:
        return _invalid_link(request)
    from teilhabe.seiteneinstieg.ical import appointment_ics

    response = HttpResponse(
        appointment_ics(booking, summary=_("Beratungsgespräch")), content_type="text/calendar"
    )
    response["Content-Disposition"] = 'attachment; filename="termin.ics"'
    return _private(response)


__all__ = ["SelfRegistration", "cancel", "ics", "manage", "register"]
