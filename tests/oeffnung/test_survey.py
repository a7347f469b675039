"""The staff survey: codes, one answer per code (race-safe), anonymity of what is stored."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.oeffnung.models import AccessCode, SurveyAnswer
from teilhabe.oeffnung.services import survey as services
from teilhabe.oeffnung.services.survey import AnswerInput, CodeRefused, PersonAnswer
from tests.factories import DepartmentFactory, WaveFactory

pytestmark = pytest.mark.django_db

GERMAN = PersonAnswer("DE", "yes", None)


def answer(**overrides) -> AnswerInput:
    values = {"german_now": "yes", "person": GERMAN, "parent_1": GERMAN, "parent_2": GERMAN}
    values.update(overrides)
    return AnswerInput(**values)


@pytest.fixture
def wave(staff):
    department = DepartmentFactory(centre=staff.centre)
    return WaveFactory(centre=staff.centre, departments=[department])


def codes_for(staff, wave, count=3):
    return services.issue_codes(
        actor=staff.centre_admin, wave=wave, department=wave.departments.get(), count=count
    )


def test_codes_are_high_entropy_and_stored_only_as_hashes(staff, wave):
    codes = codes_for(staff, wave, count=50)
    assert len(set(codes)) == 50
    assert all(len(services.normalise_code(c)) == 16 for c in codes)
    stored = set(AccessCode.objects.values_list("code_hash", flat=True))
    assert stored == {services.hash_code(c) for c in codes}
    for code in codes:
        assert not AccessCode.objects.filter(code_hash__icontains=services.normalise_code(code))


def test_a_code_gives_one_answer_and_is_refused_the_second_time(staff, wave):
    code = codes_for(staff, wave)[0]
    services.submit_answer(centre=staff.centre, code=code, answers=answer())
    with pytest.raises(CodeRefused) as refused:
        services.submit_answer(centre=staff.centre, code=code.lower(), answers=answer())
    assert "bereits geantwortet" in refused.value.messages[0]
    assert SurveyAnswer.objects.count() == 1


def test_unknown_code_and_closed_wave_are_refused(staff, wave):
    with pytest.raises(CodeRefused, match="nicht bekannt"):
        services.submit_answer(centre=staff.centre, code="AAAA-BBBB", answers=answer())
    code = codes_for(staff, wave)[0]
    wave.ends_on = timezone.localdate() - dt.timedelta(days=1)
    wave.save()
    with pytest.raises(CodeRefused, match="nicht geöffnet"):
        services.submit_answer(centre=staff.centre, code=code, answers=answer())
    assert not AccessCode.objects.filter(used=True).exists()


def test_another_centres_code_is_unknown_here(staff, other_staff, wave):
    code = codes_for(staff, wave)[0]
    with pytest.raises(CodeRefused, match="nicht bekannt"):
        services.submit_answer(centre=other_staff.centre, code=code, answers=answer())


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"person": PersonAnswer("DE", "yes", 1990)}, "immigration_year"),
        ({"person": PersonAnswer("TR", "no", 1850)}, "immigration_year"),
        ({"person": PersonAnswer("TR", "no", 2999)}, "immigration_year"),
        ({"person": PersonAnswer("XX", "no", 2000)}, "birth_country"),
        ({"parent_1": PersonAnswer("DE", "maybe", None)}, "parent_1_german_at_birth"),
        ({"german_now": ""}, "german_now"),
    ],
)
def test_bad_answers_are_refused_and_the_code_stays_unused(staff, wave, overrides, field):
    code = codes_for(staff, wave)[0]
    with pytest.raises(ValidationError) as exc:
        services.submit_answer(centre=staff.centre, code=code, answers=answer(**overrides))
    assert field in exc.value.message_dict
    assert not AccessCode.objects.filter(used=True).exists()
    assert not SurveyAnswer.objects.exists()


def test_answer_table_has_no_link_to_codes_people_or_time():
    fields = {f.name: f for f in SurveyAnswer._meta.get_fields() if f.concrete}
    related = {f.related_model._meta.label for f in fields.values() if f.is_relation}
    assert related == {"oeffnung.SurveyWave", "oeffnung.Department"}
    assert not [
        f
        for f in fields.values()
        if f.get_internal_type()
        in ("DateTimeField", "DateField", "TimeField", "GenericIPAddressField")
    ]
    assert fields["id"].get_internal_type() == "UUIDField"
    code_fields = {f.name for f in AccessCode._meta.get_fields() if f.concrete}
    assert code_fields == {"id", "wave", "department", "code_hash", "used"}


def test_stored_data_does_not_tell_which_code_gave_which_answer(staff, wave):
    """Answers given in a known order with known codes: no stored column reproduces the
    order or points at the code (30 answers: a chance match has probability 1/30!)."""
    codes = codes_for(staff, wave, count=30)
    for year, code in enumerate(codes, start=1960):
        services.submit_answer(
            centre=staff.centre,
            code=code,
            answers=answer(person=PersonAnswer("TR", "no", year)),
        )
    submitted_years = list(range(1960, 1990))
    rows = list(SurveyAnswer.objects.values())
    for column in ("id",):
        in_stored_order = [
            r["immigration_year"] for r in sorted(rows, key=lambda r: str(r[column]))
        ]
        assert in_stored_order != submitted_years
    code_order = [str(pk) for pk in AccessCode.objects.order_by("id").values_list("id", flat=True)]
    assert set(code_order).isdisjoint({str(r["id"]) for r in rows})
    audit = AuditEntry.objects.filter(action="oeffnung.answer.received")
    assert {e.target_id for e in audit} == {str(wave.pk)}
    assert all(e.data == {} for e in audit)


def test_answer_page_flow_and_second_use(client, staff, wave):
    code = codes_for(staff, wave)[0]
    start = reverse("befragung:start", kwargs={"centre": staff.centre.slug})
    page = client.post(start, {"code": code, "lang": "de"})
    assert page.status_code == 200 and 'name="german_now"' in page.content.decode()
    data = {
        "code": code,
        "lang": "de",
        "german_now": "yes",
        "birth_country": "TR",
        "german_at_birth": "no",
        "immigration_year": "1991",
        "parent_1_birth_country": "TR",
        "parent_1_german_at_birth": "no",
        "parent_2_german_at_birth": "unknown",
    }
    done = client.post(reverse("befragung:answer", kwargs={"centre": staff.centre.slug}), data)
    assert "Vielen Dank" in done.content.decode()
    stored = SurveyAnswer.objects.get()
    assert (stored.birth_country, stored.immigration_year) == ("TR", 1991)
    again = client.post(start, {"code": code, "lang": "en"})
    assert "already been used" in again.content.decode()
    again_de = client.post(reverse("befragung:answer", kwargs={"centre": staff.centre.slug}), data)
    assert "bereits geantwortet" in again_de.content.decode()
    assert SurveyAnswer.objects.count() == 1


def test_questionnaire_errors_are_linked_to_their_fields(client, staff, wave):
    code = codes_for(staff, wave)[0]
    url = reverse("befragung:answer", kwargs={"centre": staff.centre.slug})
    page = client.post(url, {"code": code, "lang": "de", "immigration_year": "19"}).content.decode()
    assert 'href="#id_german_now_0"' in page
    assert 'id="id_immigration_year_error"' in page
    assert 'aria-describedby="id_immigration_year_error"' in page
    assert not SurveyAnswer.objects.exists()


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_answers_with_one_code_store_one(staff):
    department = DepartmentFactory(centre=staff.centre)
    wave = WaveFactory(centre=staff.centre, departments=[department])
    code = services.issue_codes(
        actor=staff.centre_admin, wave=wave, department=department, count=1
    )[0]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit() -> None:
        try:
            barrier.wait()
            services.submit_answer(centre=staff.centre, code=code, answers=answer())
            outcomes.append("stored")
        except CodeRefused:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["refused", "stored"]
    assert SurveyAnswer.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True)
def test_sealing_removes_transaction_ids_and_physical_order(staff):
    """Before sealing, code and answer share the submission's transaction id (xmin);
    afterwards every row has the same one and the rows lie in random-key order."""
    department = DepartmentFactory(centre=staff.centre)
    wave = WaveFactory(centre=staff.centre, departments=[department])
    codes = services.issue_codes(
        actor=staff.centre_admin, wave=wave, department=department, count=12
    )
    for code in codes:
        services.submit_answer(centre=staff.centre, code=code, answers=answer())

    def xmins(table: str) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT xmin::text FROM {table}")
            return [r[0] for r in cursor.fetchall()]

    used_code_xmins = set(xmins("oeffnung_accesscode WHERE used"))
    assert used_code_xmins == set(xmins("oeffnung_surveyanswer"))  # the link that sealing cuts
    services.seal_answers()
    assert len(set(xmins("oeffnung_surveyanswer"))) == 1
    assert len(set(xmins("oeffnung_accesscode"))) == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM oeffnung_surveyanswer ORDER BY ctid")
        physical = [r[0] for r in cursor.fetchall()]
    assert physical == sorted(physical)
