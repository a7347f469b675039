"""Writing the measures programme: measures, indicator values, reminders, imports.

A department contact may write only the measures of their own department (the object rule
``own_department``); every write checks ``oeffnung.change_measure`` on the measure itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.notify.services import queue_mail
from teilhabe.oeffnung.choices import MeasureStatus
from teilhabe.oeffnung.models import (
    Department,
    DepartmentMembership,
    Indicator,
    IndicatorValue,
    Measure,
)


@dataclass
class MeasureInput:
    """The editable fields of a measure, as a form or an import row gives them."""

    title: str
    department: Department
    category: str
    field_of_action: str
    status: str = MeasureStatus.PLANNED
    progress: int = 0
    description: str = ""
    external_partners: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    planned_cost: Decimal = Decimal(0)
    spent_cost: Decimal = Decimal(0)
    funding_source: str = "budget"
    cost_note: str = ""
    parent: Measure | None = None
    weight: int = 1
    partners: list[Department] | None = None  # other departments taking part


def measure_errors(data: MeasureInput) -> dict[str, list[str]]:
    """The programme's own rules (beyond the field validators), as German messages."""
    errors: dict[str, list[str]] = {}
    if data.progress is not None and not 0 <= data.progress <= 100:
        errors["progress"] = [_("Der Fortschritt muss zwischen 0 und 100 % liegen.")]
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        errors["ends_on"] = [_("Das Ende liegt vor dem Beginn.")]
    if data.spent_cost is not None and data.planned_cost is not None:
        if data.spent_cost < 0 or data.planned_cost < 0:
            errors["spent_cost"] = [_("Kosten können nicht negativ sein.")]
        elif data.spent_cost > data.planned_cost and not data.cost_note.strip():
            errors["cost_note"] = [
                _(
                    "Die Ausgaben liegen über den geplanten Kosten: bitte in der Anmerkung "
                    "begründen."
                )
            ]
    if data.status == MeasureStatus.DONE and data.progress != 100:
        errors["progress"] = errors.get("progress", []) + [
            _("Eine abgeschlossene Maßnahme hat einen Fortschritt von 100 %.")
        ]
    return errors


def _apply(measure: Measure, data: MeasureInput) -> None:
    for f in fields(MeasureInput):
        if f.name != "partners":
            setattr(measure, f.name, getattr(data, f.name))


def _set_partners(measure: Measure, data: MeasureInput) -> None:
    if data.partners is None:
        return
    if any(d.centre_id != measure.centre_id for d in data.partners):
        raise PermissionDenied
    measure.partners.set([d for d in data.partners if d.pk != measure.department_id])


def _check_parent(measure: Measure, parent: Measure | None) -> None:
    if parent is None:
        return
    if parent.centre_id != measure.centre_id:
        raise PermissionDenied
    node: Measure | None = parent
    while node is not None:
        if measure.pk and node.pk == measure.pk:
            raise ValidationError({"parent": [_("Eine Maßnahme kann nicht Teil von sich sein.")]})
        node = node.parent


@transaction.atomic
def create_measure(*, actor: User, data: MeasureInput) -> Measure:
    measure = Measure(centre=actor.centre, updated_on=timezone.localdate())
    _apply(measure, data)
    if actor.centre is None or not actor.has_perm("oeffnung.change_measure", measure):
        raise PermissionDenied
    if data.department.centre_id != actor.centre_id:
        raise PermissionDenied
    _check_parent(measure, data.parent)
    errors = measure_errors(data)
    if errors:
        raise ValidationError(errors)
    measure.full_clean()
    measure.save()
    _set_partners(measure, data)
    record(
        actor=actor,
        centre=measure.centre,
        action="oeffnung.measure.created",
        target=measure,
        summary=_("Maßnahme „%(title)s“ angelegt") % {"title": measure.title},
    )
    return measure


@transaction.atomic
def update_measure(*, actor: User, measure: Measure, data: MeasureInput) -> Measure:
    """Change a measure; its "last updated" date moves to today (the reminders follow)."""
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    if not actor.has_perm("oeffnung.change_measure", measure):
        raise PermissionDenied
    compared = [f.name for f in fields(MeasureInput) if f.name != "partners"]
    before = {name: str(getattr(measure, name)) for name in compared}
    _apply(measure, data)
    # the department may change only to one the actor may also write for
    if data.department.centre_id != measure.centre_id or not actor.has_perm(
        "oeffnung.change_measure", measure
    ):
        raise PermissionDenied
    _check_parent(measure, data.parent)
    errors = measure_errors(data)
    if errors:
        raise ValidationError(errors)
    measure.updated_on = timezone.localdate()
    measure.full_clean()
    measure.save()
    _set_partners(measure, data)
    changed = {name for name in compared if str(getattr(measure, name)) != before[name]}
    record(
        actor=actor,
        centre=measure.centre,
        action="oeffnung.measure.updated",
        target=measure,
        summary=_("Maßnahme „%(title)s“ aktualisiert") % {"title": measure.title},
        data={"changed": sorted(changed)},
    )
    return measure


@transaction.atomic
def add_indicator(
    *, actor: User, measure: Measure, name: str, unit: str, baseline: Decimal, target: Decimal
) -> Indicator:
    """A new Kennzahl of a measure, with where it started and where it should get to."""
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    if not actor.has_perm("oeffnung.change_measure", measure):
        raise PermissionDenied
    if baseline == target:
        raise ValidationError({"target": [_("Ziel- und Ausgangswert sind gleich.")]})
    indicator = Indicator(measure=measure, name=name, unit=unit, baseline=baseline, target=target)
    indicator.full_clean()
    indicator.save()
    record(
        actor=actor,
        centre=measure.centre,
        action="oeffnung.measure.updated",
        target=measure,
        summary=_("Kennzahl „%(name)s“ angelegt") % {"name": name},
        data={"indicator": indicator.pk},
    )
    return indicator


@transaction.atomic
def record_indicator_value(
    *, actor: User, indicator: Indicator, year: int, value: Decimal
) -> IndicatorValue:
    """Enter (or correct) a Kennzahl's actual value for one year."""
    measure = Measure.objects.select_for_update().get(pk=indicator.measure_id)
    if not actor.has_perm("oeffnung.change_measure", measure):
        raise PermissionDenied
    this_year = timezone.localdate().year
    if not 2000 <= year <= this_year:
        raise ValidationError(
            {
                "year": [
                    _("Bitte ein Jahr zwischen 2000 und %(year)s angeben.") % {"year": this_year}
                ]
            }
        )
    entry, _created = IndicatorValue.objects.update_or_create(
        indicator=indicator, year=year, defaults={"value": value}
    )
    measure.updated_on = timezone.localdate()
    measure.save(update_fields=["updated_on"])
    record(
        actor=actor,
        centre=measure.centre,
        action="oeffnung.measure.updated",
        target=measure,
        summary=_("Kennzahl „%(name)s“ %(year)s: %(value)s")
        % {"name": indicator.name, "year": year, "value": value},
        data={"indicator": indicator.pk, "year": year, "value": str(value)},
    )
    return entry


# --- reminders ----------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stale_after_months() -> int:
    return int(getattr(settings, "TEILHABE_MEASURE_STALE_MONTHS", 6))


def due_date(measure: Measure, months: int | None = None) -> dt.date:
    return add_months(measure.updated_on, months or stale_after_months())


def due_measures(*, today: dt.date, months: int | None = None) -> list[Measure]:
    """Open measures whose update is due and that were not reminded for this due date."""
    open_ = Measure.objects.exclude(
        status__in=[MeasureStatus.DONE, MeasureStatus.DROPPED]
    ).select_related("department", "centre")
    return [
        m for m in open_ if due_date(m, months) <= today and m.reminded_for != due_date(m, months)
    ]


@transaction.atomic
def remind_stale_measure(
    *, measure: Measure, today: dt.date, months: int | None = None, base_url: str = ""
) -> bool:
    """Mail the department's contacts once for the measure's current due date."""
    measure = Measure.objects.select_for_update().select_related("department").get(pk=measure.pk)
    due = due_date(measure, months)
    if due > today or measure.reminded_for == due:
        return False
    contacts = [
        m.user.email
        for m in DepartmentMembership.objects.filter(department=measure.department).select_related(
            "user"
        )
        if m.user.is_active and m.user.email
    ]
    link = base_url + reverse("oeffnung:measure_detail", kwargs={"pk": measure.pk})
    queue_mail(
        to=contacts,
        subject=_("Bitte aktualisieren: %(title)s") % {"title": measure.title},
        body=_(
            "Guten Tag,\n\ndie Maßnahme „%(title)s“ (%(department)s) wurde seit dem "
            "%(updated)s nicht mehr aktualisiert. Bitte tragen Sie Stand, Kosten und "
            "Kennzahlen ein:\n%(link)s\n\nIhr Kommunales Integrationszentrum"
        )
        % {
            "title": measure.title,
            "department": measure.department,
            "updated": f"{measure.updated_on:%d.%m.%Y}",
            "link": link,
        },
        centre=measure.centre,
        topic=f"oeffnung.measure:{measure.pk}",
    )
    measure.reminded_for = due
    measure.save(update_fields=["reminded_for"])
    record(
        actor=None,
        centre=measure.centre,
        action="oeffnung.measure.reminded",
        target=measure,
        summary=_("Erinnerung an %(count)s Ansprechperson(en), fällig seit %(due)s")
        % {"count": len(contacts), "due": f"{due:%d.%m.%Y}"},
        data={"due": due.isoformat(), "recipients": len(contacts)},
    )
    return True
