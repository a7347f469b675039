"""The waiting list, its export, and the statistics page."""

from __future__ import annotations

import html
import threading
from collections import OrderedDict
from dataclasses import asdict

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from teilhabe.core.decorators import staff_view
from teilhabe.exports.services import start_job
from teilhabe.seiteneinstieg.exports import JOB_KINDS
from teilhabe.seiteneinstieg.forms.waiting_list import (
    PLACE_LABELS,
    WaitingListFilterForm,
    place_kind,
)
from teilhabe.seiteneinstieg.selectors import waiting_list as selectors


def _filter_data(data: QueryDict) -> dict[str, str]:
    # Only the form's own fields: the page number and the like stay out of validation.
    return {k: v for k, v in data.items() if k in WaitingListFilterForm.base_fields}


def _filter_form(request: HttpRequest) -> WaitingListFilterForm:
    return WaitingListFilterForm(
        _filter_data(request.GET), area=selectors.area_for_user(user=request.user)
    )


# The rendered filter fields by (language, area, submitted values). Their ~250 <option>s
# (languages, Stadtteile) cost about a quarter of the page's CPU time, and they depend only
# on the key: the choices come from code and geo data shipped with it, never from the
# database. A valid filter's values are choices, so the same few combinations come back
# all day; a bounded LRU per process, and a form with errors is always rendered afresh.
_FIELDS_CACHE: OrderedDict[tuple[object, ...], SafeString] = OrderedDict()
_FIELDS_CACHE_SIZE = 256
_FIELDS_LOCK = threading.Lock()


def _filter_fields(form: WaitingListFilterForm, area: object) -> SafeString:
    """The form's fields in field.html's markup, rendered once per key and process."""
    if form.errors:
        return render_to_string("seiteneinstieg/waiting_list_filter_fields.html", {"form": form})
    key = (translation.get_language(), area, tuple(sorted(form.data.items())))
    with _FIELDS_LOCK:
        html = _FIELDS_CACHE.get(key)
        if html is not None:
            _FIELDS_CACHE.move_to_end(key)
            return html
    html = render_to_string("seiteneinstieg/waiting_list_filter_fields.html", {"form": form})
    with _FIELDS_LOCK:
        _FIELDS_CACHE[key] = html
        while len(_FIELDS_CACHE) > _FIELDS_CACHE_SIZE:
            _FIELDS_CACHE.popitem(last=False)
    return html


def _e(value: object) -> str:
    """django.utils.html.escape without its lazy-string wrapper (same result)."""
    return html.escape(str(value))


def _rows_html(
    rows: list[selectors.WaitingEntry],
    *,
    child_url: str,
    can_open: bool,
    show_town: bool,
    place_heading: str,
) -> SafeString:
    """The table's rows, as the template had them, built with plain string operations.

    Every value is escaped here; the labels are translated once per page. In the template
    the 50 rows cost ~2,700 variable lookups, most of the page's CPU time.
    """
    l_birth = _e(_("Geburtsdatum"))
    l_language = _e(_("Erstsprache"))
    l_place = _e(place_heading)
    l_status = _e(_("Status"))
    l_level = _e(_("Stufe"))
    l_days = _e(_("Tage seit Registrierung"))
    l_counselled = _e(_("Tage seit Beratung"))
    flag = (
        ' <span class="flag-overdue badge" title="'
        + _e(
            _("schulpflichtig und seit mehr als %(d)s Tagen registriert")
            % {"d": localize(selectors.OVERDUE_DAYS)}
        )
        + '">'
        + _e(_("über 4 Wochen"))
        + "</span>"
    )
    # Without thousand separators (the default) localize() of an int is str(); the page's
    # 50 rows × 3 numbers are worth the shortcut.
    number = localize if settings.USE_THOUSAND_SEPARATOR else str
    parts = []
    for row in rows:
        child = row.child
        family = child.family
        name = f"{_e(child.last_name)}, {_e(child.first_name)}"
        if can_open:
            name = f'<a href="{_e(child_url)}{number(child.pk)}/">{name}</a>'
        online = (
            f' <span class="badge registered-language">{_e(row.registered_online_text)}</span>'
            if row.registered_online_text
            else ""
        )
        born = child.birth_date
        stadtteil = family.stadtteil_name
        place = ""
        if show_town or not stadtteil:
            place = _e(family.municipality_name) + (" · " if stadtteil else "")
        counselled = row.days_since_counselling
        parts.append(
            f"""
    <tr{' class="overdue"' if row.overdue else ""}>
      <td class="card-title">{name}
        <span class="muted">{_e(family.reference)}</span>{online}</td>
      <td data-label="{l_birth}">{born.day:02d}.{born.month:02d}.{born.year:04d} \
<span class="muted">({_e(row.age_text)})</span></td>
      <td data-label="{l_language}">{_e(row.language_label)}</td>
      <td data-label="{l_place}">{place}{_e(stadtteil)} \
<span class="muted">{_e(family.stadtbezirk_name)}</span></td>
      <td data-label="{l_status}"><span class="badge status-{_e(child.status)}">\
{_e(row.status_label)}</span></td>
      <td data-label="{l_level}">{_e(row.level_label or "–")}</td>
      <td class="num" data-label="{l_days}">{number(row.days_since_registration)}\
{flag if row.overdue else ""}</td>
      <td class="num" data-label="{l_counselled}">\
{"–" if counselled is None else number(counselled)}</td>
    </tr>
  """
        )
    return mark_safe("".join(parts))  # every value above is escaped


INVALID_FILTER = _lazy(
    "Der Filter ist ungültig; bitte korrigieren. Ein Export ist erst mit gültigem Filter "
    "möglich – er enthielte sonst die ganze Liste."
)


@staff_view("seiteneinstieg.view_waiting_list")
@require_GET
def waiting_list(request: HttpRequest) -> HttpResponse:
    return _list_page(request, _filter_form(request), request.GET)


def _list_page(
    request: HttpRequest, form: WaitingListFilterForm, data: QueryDict, *, status: int = 200
) -> HttpResponse:
    """The list page; with an invalid filter it says so and offers no export."""
    invalid = not form.is_valid()
    if invalid:
        form.add_error(None, str(INVALID_FILTER))
        status = 400 if request.method == "POST" else status
    filters = form.filters()
    area = selectors.area_for_user(user=request.user)
    kind = place_kind(area)
    page, children = selectors.waiting_list_page(
        user=request.user, filters=filters, number=request.GET.get("seite")
    )
    today = timezone.localdate()
    rows = list(selectors.entries(children, today=today, labels=True))
    # reversed once, not with {% url %} in each of the 50 rows
    child_url = reverse("seiteneinstieg:child_detail", kwargs={"pk": 0})[: -len("0/")]
    show_town = kind != "district"  # one town (Köln): the Stadtteil says enough
    query = data.copy()
    query.pop("seite", None)
    sort_query = data.copy()
    for key in ("seite", "sort"):
        sort_query.pop(key, None)
    return render(
        request,
        "seiteneinstieg/waiting_list.html",
        {
            "form": form,
            "filter_fields": _filter_fields(form, area),
            "filters": filters,
            "page": page,
            "rows": rows,
            "rows_html": _rows_html(
                rows,
                child_url=child_url,
                can_open=request.user.has_perm("seiteneinstieg.view_case"),
                show_town=show_town,
                place_heading=str(PLACE_LABELS[kind][0]),
            ),
            "child_url": child_url,
            "today": today,
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "overdue_days": selectors.OVERDUE_DAYS,
            "export_fields": sorted(_filter_data(data).items()),
            "export_buttons": []
            if invalid
            else [
                ("xlsx", _("Export als Excel (xlsx)")),
                ("csv", _("Export als CSV")),
            ],
            "show_town": show_town,
            "place_heading": PLACE_LABELS[kind][0],
        },
        status=status,
    )


@staff_view("seiteneinstieg.export_waiting_list")
@require_POST
def waiting_list_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """Start an export of the whole filtered list (not one page) and show its progress.

    The filters come as hidden fields of the export button, validated by the list's form
    exactly as on the page; the file is written in the background (``teilhabe.exports``).
    """
    if fmt not in JOB_KINDS:
        raise Http404
    form = WaitingListFilterForm(
        _filter_data(request.POST), area=selectors.area_for_user(user=request.user)
    )
    if not form.is_valid():
        # an invalid filter filters nothing: the file would hold the whole list
        return _list_page(request, form, request.POST)
    filters = form.filters()
    job = start_job(actor=request.user, kind=JOB_KINDS[fmt], params={"filters": asdict(filters)})
    return redirect("exports:job_detail", pk=job.pk)


@staff_view("seiteneinstieg.view_statistics")
@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    figures = selectors.waiting_statistics(user=request.user)
    return render(
        request,
        "seiteneinstieg/statistics.html",
        {"figures": figures, "overdue_days": selectors.OVERDUE_DAYS},
    )
