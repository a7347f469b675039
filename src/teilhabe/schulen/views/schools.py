"""Pages of the school registry: the Schulamt's overview, a school, its offers and reports."""

from __future__ import annotations

import html
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from teilhabe.audit.selectors import history_of
from teilhabe.centres.models import User
from teilhabe.centres.permissions import roles_holding
from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.schulen.forms.schools import (
    AreaForm,
    OfferEditForm,
    OfferForm,
    SchoolFilterForm,
    SeatReportForm,
    StaffLinkForm,
)
from teilhabe.schulen.models import AreaChange
from teilhabe.schulen.rules import school_id_of
from teilhabe.schulen.seats import school_sections
from teilhabe.schulen.selectors import schools as selectors
from teilhabe.schulen.services import area as area_services
from teilhabe.schulen.services import offers as offer_services
from teilhabe.schulen.services import staff as staff_services


def _e(value: object) -> str:
    """django.utils.html.escape without its lazy-string wrapper (same result)."""
    return html.escape(str(value))


def _school_rows_html(rows: list[Any]) -> SafeString:
    """The list's rows as the template had them, every value escaped; labels and the link
    prefix once per page (in the template, ~300 schools of lookups were most of its time)."""
    school_url = _e(reverse("schulen:school_detail", kwargs={"pk": 0})[: -len("0/")])
    l_class = _e(_("Klasse"))
    stale = f' <span class="badge flag-overdue">{_e(_("veraltet"))}</span>'
    l_none = _e(_("Kein Angebot"))
    number = localize if settings.USE_THOUSAND_SEPARATOR else str
    parts = []
    for row in rows:
        school = row["school"]
        head = (
            f'<a href="{school_url}{number(school.pk)}/">{_e(school.name)}</a><br>'
            f"<small>{_e(school.schulnummer)} · {_e(school.street)}</small></th>"
        )
        offers = row["offers"]
        if not offers:
            parts.append(
                f"""
    <tr>
      <th scope="row">{head}
      <td>{_e(school.school_form)}</td>
      <td colspan="5" class="muted">{l_none}</td>
    </tr>
    """
            )
            continue
        span = len(offers)
        for index, offer in enumerate(offers):
            first = (
                f'<th scope="row" rowspan="{span}">{head}\n'
                f'      <td rowspan="{span}">{_e(school.school_form)}</td>'
                if index == 0
                else ""
            )
            reported = (
                date_format(timezone.localtime(offer.last_reported_at), "d.m.Y")
                if offer.last_reported_at
                else "–"
            )
            parts.append(
                f"""
    <tr>
      {first}
      <td>{_e(offer.get_kind_display())}, {l_class} {_e(number(offer.grade_from))}\
–{_e(number(offer.grade_to))}</td>
      <td class="num">{number(offer.seats_total)}</td>
      <td class="num">{number(offer.seats_taken)}</td>
      <td class="num"><strong>{number(offer.seats_free)}</strong></td>
      <td>{_e(reported)}{stale if offer.stale else ""}</td>
    </tr>
    """
            )
    return mark_safe("".join(parts))  # every value above is escaped


@staff_view("schulen.view_schools")
@require_GET
def school_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("schulen.view_area_schools"):
        school_id = school_id_of(user)
        if school_id is None:
            raise Http404
        return redirect("schulen:school_detail", pk=school_id)
    form = SchoolFilterForm(request.GET or None)
    query, only_offers = "", False
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        only_offers = form.cleaned_data["only_offers"]
    rows = selectors.school_overview(user=user, query=query, only_offers=only_offers)
    totals = {
        "schools": len(rows),
        "with_offers": sum(1 for r in rows if r["offers"]),
        "free": sum(r["free"] for r in rows),
        "stale": sum(1 for r in rows if r["stale"]),
    }
    return render(
        request,
        "schulen/school_list.html",
        {
            "form": form,
            "rows": rows,
            "totals": totals,
            "last_import": selectors.last_import(),
            "rows_html": _school_rows_html(rows),
        },
    )


@staff_view("schulen.view_schools")
@require_GET
def school_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = selectors.school_detail(user=request.user, pk=pk)
    offers = list(selectors.offers_for_user(user=request.user).filter(school=school))
    now = timezone.now()
    for offer in offers:
        offer.stale = selectors.is_stale(offer, now)
    history = history_of(user=request.user, targets=[school, *offers])
    return render(
        request,
        "schulen/school_detail.html",
        {
            "school": school,
            "offers": offers,
            "sections": school_sections(user=request.user, school=school),
            "history": history[:100],
            "can_manage": request.user.has_perm("schulen.manage_offers", school),
        },
    )


@staff_view("schulen.report_seats")
@require_http_methods(["GET", "POST"])
def seat_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The school's short routine: "free seats as of today", one number per offer."""
    school = selectors.school_detail(user=request.user, pk=pk)
    offers = list(selectors.offers_for_user(user=request.user).filter(school=school, active=True))
    form = SeatReportForm(request.POST or None, offers=offers)
    if request.method == "POST" and form.is_valid():
        try:
            offer_services.report_free_seats(
                actor=request.user, school=school, free=form.free_by_offer()
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Danke! Die freien Plätze sind gemeldet."))
            return redirect("schulen:school_detail", pk=school.pk)
    return render(
        request,
        "schulen/seat_report.html",
        {"school": school, "form": form, "today": timezone.localdate()},
    )


@staff_view("schulen.manage_offers")
@require_http_methods(["GET", "POST"])
def offer_create(request: HttpRequest, pk: int) -> HttpResponse:
    school = selectors.school_detail(user=request.user, pk=pk)
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            offer_services.create_offer(actor=request.user, school=school, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Das Angebot ist angelegt."))
            return redirect("schulen:school_detail", pk=school.pk)
    return render(
        request, "schulen/offer_form.html", {"school": school, "form": form, "offer": None}
    )


@staff_view("schulen.manage_offers")
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = selectors.offer_detail(user=request.user, pk=pk)
    initial = {
        "kind": offer.kind,
        "level": offer.level,
        "grade_from": offer.grade_from,
        "grade_to": offer.grade_to,
        "seats_total": offer.seats_total,
        "active": offer.active,
    }
    form = OfferEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            offer_services.update_offer(actor=request.user, offer=offer, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Das Angebot ist gespeichert."))
            return redirect("schulen:school_detail", pk=offer.school_id)
    return render(
        request,
        "schulen/offer_form.html",
        {"school": offer.school, "form": form, "offer": offer},
    )


@staff_view("schulen.manage_school_staff")
@require_http_methods(["GET", "POST"])
def staff_links(request: HttpRequest) -> HttpResponse:
    """Which school each school account reports for."""
    users = User.objects.filter(
        centre_id=request.user.centre_id, role__in=roles_holding("schulen.act_for_school")
    ).select_related("school_membership__school")
    form = StaffLinkForm(request.POST or None, users=users)
    if request.method == "POST" and form.is_valid():
        try:
            membership = staff_services.link_school_staff(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(user)s meldet jetzt für %(school)s.")
                % {"user": membership.user, "school": membership.school},
            )
            return redirect("schulen:staff_links")
    return render(request, "schulen/staff_links.html", {"form": form, "users": users})


@staff_view("schulen.manage_area")
@require_http_methods(["GET", "POST"])
def area(request: HttpRequest) -> HttpResponse:
    """The administrator's exceptions to the default area (the municipality's schools)."""
    form = AreaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            school = area_services.change_area(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Gebiet geändert: %(s)s") % {"s": school})
            return redirect("schulen:area")
    changes = AreaChange.objects.filter(centre_id=request.user.centre_id).select_related("school")
    count = selectors.area_schools(centre=request.user.centre).count()
    return render(
        request,
        "schulen/area.html",
        {"form": form, "changes": changes, "count": count, "centre": request.user.centre},
    )
