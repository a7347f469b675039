"""Pages for counselling appointments: slots, booking, the letter and the calendar feed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from icalendar import Calendar, Event

from teilhabe.audit.reads import record_read
from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.documents.responses import file_response
from teilhabe.seiteneinstieg.choices import AppointmentStatus
from teilhabe.seiteneinstieg.forms.appointments import BookingForm, SlotForm, WalkInForm
from teilhabe.seiteneinstieg.invitations import render_invitation_pdf
from teilhabe.seiteneinstieg.letters import missing_translations
from teilhabe.seiteneinstieg.selectors import appointments as selectors
from teilhabe.seiteneinstieg.selectors import cases as case_selectors
from teilhabe.seiteneinstieg.services import appointments as services

T = TypeVar("T")
SHOW_PAST = dt.timedelta(days=14)  # past slots stay listed so attendance can be recorded


def _attempt(
    request: HttpRequest, action: Callable[[], T], success: Callable[[T], str]
) -> HttpResponse:
    """Run one service call, report its validation errors or its success, and go back."""
    try:
        done = action()
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
    else:
        messages.success(request, success(done))
    return redirect(_next_url(request, reverse("seiteneinstieg:slot_list")))


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@staff_view("seiteneinstieg.manage_appointments")
@require_http_methods(["GET", "POST"])
def slot_list(request: HttpRequest) -> HttpResponse:
    """The counsellor's slots (or all of the centre's) with their bookings; offer new slots."""
    user = request.user
    show_all = user.has_perm("seiteneinstieg.manage_all_slots") or request.GET.get("alle") == "1"
    form = SlotForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            slots = services.create_slots(
                actor=user,
                date=data["date"],
                start=data["start"],
                end=data["end"],
                duration=data["duration"],
                location=data["location"],
                counsellor=data.get("counsellor") or user,
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("%(n)d Beratungstermin(e) angelegt.") % {"n": len(slots)})
            return redirect(request.get_full_path())
    slots = selectors.slots_for_user(
        user=user,
        counsellor=None if show_all else user,
        since=timezone.now() - SHOW_PAST,
    )
    feed_url = request.build_absolute_uri(
        reverse("seiteneinstieg:ical_feed", args=[selectors.ical_token(user)])
    )
    return render(
        request,
        "seiteneinstieg/slot_list.html",
        {
            "slots": slots,
            "form": form,
            "show_all": show_all,
            "feed_url": feed_url,
            "now": timezone.now(),
        },
        status=400 if form.errors else 200,
    )


@staff_view("seiteneinstieg.manage_appointments")
@require_http_methods(["GET", "POST"])
def appointment_book(request: HttpRequest, pk: int) -> HttpResponse:
    """Book a family into a free slot, with an interpreter language."""
    family = case_selectors.family_detail(user=request.user, pk=pk)
    free = selectors.free_slots(user=request.user)
    form = BookingForm(request.POST or None, slots=free, family=family)
    if request.method == "POST" and form.is_valid():
        try:
            appointment = services.book_appointment(
                actor=request.user,
                slot=form.cleaned_data["slot"],
                family=family,
                interpreter_language=form.cleaned_data["interpreter_language"],
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            local = timezone.localtime(appointment.slot.starts_at)
            messages.success(
                request,
                _("Termin am %(date)s um %(time)s Uhr gebucht. Die Einladung kann gedruckt werden.")
                % {"date": f"{local:%d.%m.%Y}", "time": f"{local:%H:%M}"},
            )
            return redirect(_next_url(request, request.path))
    appointments = selectors.family_appointments(user=request.user, family=family)
    guardians = list(family.guardians.all())
    missing = set(missing_translations([g.language for g in guardians]))
    untranslated = sorted(
        {str(g.get_language_display()) for g in guardians if g.language in missing}
    )
    return render(
        request,
        "seiteneinstieg/appointment_book.html",
        {
            "family": family,
            "untranslated": untranslated,
            "form": form,
            "appointments": appointments,
            "has_booking": any(a.status == AppointmentStatus.BOOKED for a in appointments),
            "next": _next_url(request, ""),
            "now": timezone.now(),
        },
        status=400 if form.errors else 200,
    )


ACTIONS = {
    "attended": services.mark_attended,
    "no_show": services.mark_no_show,
    "cancel": services.cancel_appointment,
}


@staff_view("seiteneinstieg.manage_appointments")
@require_POST
def appointment_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Record what happened to a booking: attended, no-show or cancelled."""
    service = ACTIONS.get(action)
    if service is None:
        raise Http404
    appointment = selectors.appointment_detail(user=request.user, pk=pk)
    return _attempt(
        request,
        lambda: service(actor=request.user, appointment=appointment),
        lambda done: (
            _("Termin der Familie %(ref)s: %(status)s.")
            % {"ref": done.family.reference, "status": done.get_status_display()}
        ),
    )


@staff_view("seiteneinstieg.manage_appointments")
@require_GET
def invitation_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The invitation letter as PDF, German and the family's language."""
    appointment = selectors.appointment_detail(user=request.user, pk=pk)
    pdf = render_invitation_pdf(appointment)
    record_read(
        actor=request.user,
        action="audit.document.downloaded",
        target=appointment.family,
        detail=_("Einladungsbrief (PDF), Termin Nr. %(pk)s") % {"pk": appointment.pk},
    )
    return file_response(
        pdf,
        f"einladung-{appointment.family.reference}.pdf",
        "application/pdf",
        inline=True,
    )


@staff_view("seiteneinstieg.manage_appointments")
@require_POST
def slot_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Take back a free future slot that was offered by mistake."""
    slot = selectors.slot_detail(user=request.user, pk=pk)
    when = timezone.localtime(slot.starts_at)
    return _attempt(
        request,
        lambda: services.remove_slot(actor=request.user, slot=slot),
        lambda _done: (
            _("Termin am %(date)s um %(time)s Uhr entfernt.")
            % {"date": f"{when:%d.%m.%Y}", "time": f"{when:%H:%M}"}
        ),
    )


@staff_view("seiteneinstieg.manage_appointments")
@require_POST
def ical_renew(request: HttpRequest) -> HttpResponse:
    """Replace the counsellor's calendar address; the old one stops working."""
    services.renew_calendar_feed(actor=request.user)
    messages.success(
        request,
        _(
            "Neue Kalender-Adresse erstellt. Die bisherige Adresse zeigt keine Termine mehr; "
            "tragen Sie die neue in Ihrer Kalender-App ein."
        ),
    )
    return redirect(reverse("seiteneinstieg:slot_list") + "#feed-heading")


@require_GET
def ical_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A counsellor's slots as iCalendar; public URL, the signed token identifies the owner.

    Events carry only the family reference, never names: calendar apps sync to phones and
    third-party servers.
    """
    owner = selectors.feed_owner(token)
    calendar = Calendar()
    calendar.add("prodid", "-//Teilhabe//Beratungstermine//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Beratungstermine %(name)s") % {"name": owner})
    host = request.get_host().split(":")[0]
    stamp = timezone.now()
    for slot in selectors.feed_slots(user=owner):
        booking = slot.current[0] if slot.current else None
        event = Event()
        event.add("uid", f"slot-{slot.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", slot.starts_at)
        event.add("dtend", slot.ends_at)
        if slot.location:
            event.add("location", slot.location)
        if booking is None:
            event.add("summary", _("Beratung – frei"))
            event.add("transp", "TRANSPARENT")
        else:
            summary = _("Beratung %(ref)s") % {"ref": booking.family.reference}
            if booking.interpreter_language:
                summary += " · " + _("Dolmetschung: %(lang)s") % {
                    "lang": booking.get_interpreter_language_display()
                }
            event.add("summary", summary)
            event.add("transp", "OPAQUE")
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


@staff_view("seiteneinstieg.manage_appointments")
@require_http_methods(["GET", "POST"])
def walk_in(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a counselling that happens now, without an appointment."""
    family = case_selectors.family_detail(user=request.user, pk=pk)
    form = WalkInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_walk_in(
                actor=request.user,
                family=family,
                interpreter_language=form.cleaned_data["interpreter_language"],
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Beratung ohne Termin erfasst."))
            return redirect("seiteneinstieg:family_detail", pk=family.pk)
    return render(
        request,
        "seiteneinstieg/walk_in.html",
        {"family": family, "form": form},
        status=400 if form.errors else 200,
    )
