"""The measures programme: rules of a measure, who may write, progress, reminders, import,
and the frozen council report."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from teilhabe.audit.models import AuditEntry
from teilhabe.notify.models import OutboxMail
from teilhabe.oeffnung.models import Measure
from teilhabe.oeffnung.selectors.measures import node_for
from teilhabe.oeffnung.services import measure_import, reports
from teilhabe.oeffnung.services import measures as services
from teilhabe.oeffnung.services.measures import MeasureInput, add_months
from tests.factories import DepartmentFactory, MeasureFactory, link_department

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(staff):
    department = DepartmentFactory(centre=staff.centre, name="Personal- und Verwaltungsmanagement")
    link_department(staff.department_contact, department)
    return department


def data(department, **overrides) -> MeasureInput:
    values = {
        "title": "Mehrsprachige Stellenanzeigen",
        "department": department,
        "category": "A",
        "field_of_action": "staff",
        "status": "in_progress",
        "progress": 40,
        "starts_on": dt.date(2025, 1, 1),
        "ends_on": dt.date(2026, 12, 31),
        "planned_cost": Decimal("1000.00"),
        "spent_cost": Decimal("400.00"),
    }
    values.update(overrides)
    return MeasureInput(**values)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_on": dt.date(2024, 12, 31)}, "ends_on", "Das Ende liegt vor dem Beginn."),
        ({"progress": 140}, "progress", "zwischen 0 und 100 %"),
        ({"spent_cost": Decimal("1200.00")}, "cost_note", "über den geplanten Kosten"),
        ({"status": "done", "progress": 80}, "progress", "abgeschlossene Maßnahme"),
    ],
)
def test_bad_measures_are_refused_with_a_german_message(
    staff, department, overrides, field, message
):
    measure = MeasureFactory(department=department, progress=10)
    with pytest.raises(ValidationError) as exc:
        services.update_measure(
            actor=staff.department_contact, measure=measure, data=data(department, **overrides)
        )
    assert message in " ".join(exc.value.message_dict[field])
    measure.refresh_from_db()
    assert measure.progress == 10
    assert not AuditEntry.objects.filter(action="oeffnung.measure.updated").exists()


def test_higher_spending_with_a_note_is_accepted(staff, department):
    measure = services.create_measure(
        actor=staff.counsellor,
        data=data(department, spent_cost=Decimal("1200.00"), cost_note="Zusätzliche Übersetzung"),
    )
    assert measure.spent_cost == Decimal("1200.00")


def test_form_shows_the_progress_error(login, staff, department):
    measure = MeasureFactory(department=department)
    client = login(staff.department_contact)
    form = {
        "title": measure.title,
        "department": department.pk,
        "category": "A",
        "field_of_action": "staff",
        "status": "in_progress",
        "progress": 140,
        "planned_cost": "0",
        "spent_cost": "0",
        "funding_source": "budget",
        "weight": 1,
    }
    response = client.post(reverse("oeffnung:measure_edit", kwargs={"pk": measure.pk}), form)
    assert "zwischen 0 und 100 %" in response.content.decode()


def test_contact_writes_own_department_only(staff, department):
    colleague = MeasureFactory(department=DepartmentFactory(centre=staff.centre))
    with pytest.raises(PermissionDenied):
        services.update_measure(
            actor=staff.department_contact, measure=colleague, data=data(colleague.department)
        )
    with pytest.raises(PermissionDenied):  # nor move its own measure to another department
        services.create_measure(actor=staff.department_contact, data=data(colleague.department))
    own = MeasureFactory(department=department)
    services.update_measure(actor=staff.department_contact, measure=own, data=data(department))
    own.refresh_from_db()
    assert own.progress == 40


def test_contact_sees_colleague_measure_read_only(login, staff, department):
    colleague = MeasureFactory(department=DepartmentFactory(centre=staff.centre))
    client = login(staff.department_contact)
    page = client.get(reverse("oeffnung:measure_detail", kwargs={"pk": colleague.pk}))
    assert page.status_code == 200 and "Nur lesen" in page.content.decode()
    edit = client.get(reverse("oeffnung:measure_edit", kwargs={"pk": colleague.pk}))
    assert edit.status_code == 403


def test_parent_progress_is_the_weighted_mean_of_its_children(staff, department):
    parent = MeasureFactory(department=department, progress=0)
    MeasureFactory(department=department, parent=parent, progress=100, weight=3)
    MeasureFactory(department=department, parent=parent, progress=20, weight=1)
    MeasureFactory(department=department, parent=parent, progress=0, weight=5, status="dropped")
    assert node_for(user=staff.counsellor, pk=parent.pk).progress == pytest.approx(80.0)


def test_add_months_keeps_month_ends():
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 1, 15), 6) == dt.date(2026, 7, 15)


def _remind(today):
    return sum(
        services.remind_stale_measure(measure=m, today=today)
        for m in services.due_measures(today=today)
    )


def test_reminders_fire_once_per_due_date_and_follow_a_changed_date(settings, staff, department):
    settings.TEILHABE_MEASURE_STALE_MONTHS = 6
    staff.department_contact.email = "kontakt@stadt-koeln.de"
    staff.department_contact.save()
    measure = MeasureFactory(department=department, updated_on=dt.date(2026, 1, 10))
    MeasureFactory(department=department, updated_on=dt.date(2025, 1, 1), status="done")
    assert _remind(dt.date(2026, 7, 9)) == 0  # not due yet
    assert _remind(dt.date(2026, 7, 10)) == 1
    assert _remind(dt.date(2026, 7, 11)) == 0  # once per due date
    assert _remind(dt.date(2026, 9, 1)) == 0
    outbox = OutboxMail.objects.filter(topic=f"oeffnung.measure:{measure.pk}")
    assert outbox.count() == 1 and "kontakt@stadt-koeln.de" in outbox.get().to
    Measure.objects.filter(pk=measure.pk).update(updated_on=dt.date(2026, 8, 1))  # updated
    assert _remind(dt.date(2027, 1, 31)) == 0
    assert _remind(dt.date(2027, 2, 1)) == 1  # the new due date
    assert outbox.count() == 2


def _xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HEADER = [
    "Titel",
    "Federführung",
    "Kategorie",
    "Handlungsfeld",
    "Status",
    "Fortschritt",
    "Beginn",
    "Ende",
    "Geplante Kosten",
    "Ausgegeben",
    "Anmerkung Kosten",
    "Teil von",
]


def test_import_creates_all_rows(staff, department):
    department.number = "11"
    department.save()
    content = _xlsx(
        [
            HEADER,
            [
                "Leitbild",
                "11",
                "A",
                "monitoring",
                "geplant",
                0,
                "01.01.2026",
                "31.12.2026",
                "",
                "",
                "",
                "",
            ],
            [
                "Leitbild Teil 1",
                "11",
                "B",
                "staff",
                "in_progress",
                50,
                "01.01.2026",
                "30.06.2026",
                "2.500,00",
                "1.000,50",
                "",
                "Leitbild",
            ],
        ]
    )
    result = measure_import.import_measures(
        actor=staff.counsellor, content=content, filename="p.xlsx"
    )
    assert result.created == 2
    child = Measure.objects.get(title="Leitbild Teil 1")
    assert child.parent.title == "Leitbild" and child.spent_cost == Decimal("1000.50")


def test_import_names_the_wrong_cell_and_writes_nothing(staff, department):
    department.number = "11"
    department.save()
    content = (
        "Titel;Federführung;Kategorie;Handlungsfeld;Status;Fortschritt;Beginn;Ende\n"
        "Gute Zeile;11;A;staff;planned;0;01.01.2026;31.12.2026\n"
        "Schlechte Zeile;11;D;staff;planned;140;01.01.2026;31.12.2025\n"
    ).encode()
    with pytest.raises(ValidationError) as exc:
        measure_import.import_measures(actor=staff.counsellor, content=content, filename="p.csv")
    messages = exc.value.messages
    assert any(m.startswith("Zeile 3, Spalte „Kategorie“") for m in messages)
    assert any(
        m.startswith("Zeile 3, Spalte „Fortschritt“") or "Zeile 3, Spalte „Ende“" in m
        for m in messages
    )
    assert not Measure.objects.exists()


def test_council_report_is_frozen_when_final(login, staff, department):
    measure = MeasureFactory(department=department, progress=30, planned_cost=Decimal("5000"))
    measure.indicators.create(
        name="Anteil Azubis mit Einwanderungsgeschichte", unit="%", baseline=10, target=20
    ).values.create(year=2025, value=15)
    report = reports.create_report(actor=staff.centre_admin, title="Bericht 2026", year=2026)
    reports.update_chapters(
        actor=staff.centre_admin,
        report=report,
        texts={"einleitung": "Der Rat hat 2015 beschlossen …"},
    )
    client = login(staff.centre_admin)
    draft = client.get(reverse("oeffnung:report_file", kwargs={"pk": report.pk, "fmt": "pdf"}))
    assert "Entwurf" in PdfReader(io.BytesIO(draft.content)).pages[0].extract_text()
    reports.finalise_report(actor=staff.centre_admin, report=report)
    Measure.objects.filter(pk=measure.pk).update(progress=90, title="Umbenannt")
    final = client.get(reverse("oeffnung:report_file", kwargs={"pk": report.pk, "fmt": "pdf"}))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(final.content)).pages)
    assert "Der Rat hat 2015 beschlossen" in text and measure.title in text
    assert "Umbenannt" not in text
    book = load_workbook(
        io.BytesIO(
            client.get(
                reverse("oeffnung:report_file", kwargs={"pk": report.pk, "fmt": "xlsx"})
            ).content
        )
    )
    assert book["Maßnahmen"]["A2"].value == measure.title
    assert book["Kennzahlen"]["H2"].value == 50.0
    with pytest.raises(ValidationError, match="abgeschlossen"):
        reports.update_chapters(actor=staff.centre_admin, report=report, texts={"einleitung": "x"})


def test_partner_departments_are_kept_and_reported(staff, department):
    partner = DepartmentFactory(centre=staff.centre, name="Gesundheitsamt")
    measure = services.create_measure(
        actor=staff.counsellor,
        data=data(department, partners=[partner], external_partners="Caritas"),
    )
    assert list(measure.partners.all()) == [partner]
    report = reports.create_report(actor=staff.centre_admin, title="B", year=2026)
    from teilhabe.oeffnung.council_report import build_snapshot

    row = build_snapshot(report)["measures"][0]
    assert row["partners"] == f"{partner}; Caritas"


def test_admin_links_a_contact_to_a_department(login, staff):
    target = DepartmentFactory(centre=staff.centre, name="Bürgerdienste")
    client = login(staff.centre_admin)
    client.post(
        reverse("oeffnung:contact_link"),
        {"user": staff.department_contact.pk, "department": target.pk},
    )
    from teilhabe.oeffnung.rules import department_id_of

    assert (
        department_id_of(type(staff.department_contact).objects.get(pk=staff.department_contact.pk))
        == target.pk
    )
    page = client.get(reverse("oeffnung:department_list")).content.decode()
    assert "Bürgerdienste" in page


def test_german_number_format_in_the_report():
    from teilhabe.oeffnung.council_report import de_number, euro

    assert de_number("18.00") == "18"
    assert de_number("24.50") == "24,5"
    assert de_number("5000.00") == "5.000"
    assert euro("1234567.5") == "1.234.567,50 €"


def test_start_page_tile_lists_stale_measures_of_the_own_department(login, staff, department):
    MeasureFactory(department=department, title="Alt", updated_on=dt.date(2020, 1, 1))
    MeasureFactory(
        department=DepartmentFactory(centre=staff.centre),
        title="Fremd",
        updated_on=dt.date(2020, 1, 1),
    )
    page = login(staff.department_contact).get(reverse("core:home")).content.decode()
    assert "Maßnahmen Ihrer Dienststelle" in page and "Alt" in page and "Fremd" not in page


def test_contact_adds_an_indicator_and_a_yearly_value(login, staff, department):
    measure = MeasureFactory(department=department)
    client = login(staff.department_contact)
    client.post(
        reverse("oeffnung:indicator_add", kwargs={"pk": measure.pk}),
        {"name": "Anteil mehrsprachiger Formulare", "unit": "%", "baseline": "5", "target": "50"},
    )
    indicator = measure.indicators.get()
    client.post(
        reverse("oeffnung:indicator_value", kwargs={"pk": indicator.pk}),
        {"year": "2025", "value": "20"},
    )
    assert indicator.values.get().value == Decimal("20")
    page = client.post(
        reverse("oeffnung:indicator_value", kwargs={"pk": indicator.pk}),
        {"year": "1999", "value": "20"},
        follow=True,
    ).content.decode()
    assert "Bitte ein Jahr zwischen 2000" in page
    assert indicator.values.count() == 1


def test_list_filters_by_department_with_its_units_and_by_category(login, staff, department):
    unit = DepartmentFactory(centre=staff.centre, parent=department, level="abteilung")
    MeasureFactory(department=unit, title="In der Abteilung", category="B")
    MeasureFactory(department=DepartmentFactory(centre=staff.centre), title="Anderswo")
    client = login(staff.department_contact)
    url = reverse("oeffnung:measure_list")
    page = client.get(url, {"department": department.pk}).content.decode()
    assert "In der Abteilung" in page and "Anderswo" not in page
    page = client.get(url, {"category": "A"}).content.decode()
    assert "In der Abteilung" not in page and "Anderswo" in page
