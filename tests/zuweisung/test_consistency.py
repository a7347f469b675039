"""No path leaves a proposal and a child's status that disagree: every manual status
change from every placement state either withdraws the proposal in the same transaction
or is not offered at all."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from teilhabe.seiteneinstieg.models import Child
from teilhabe.seiteneinstieg.services.cases import change_status_manually, manual_transitions
from teilhabe.zuweisung.models import ACTIVE_PLACEMENT_STATUSES, Placement
from teilhabe.zuweisung.services import decisions, runs
from teilhabe.zuweisung.services.consistency import EXPECTED

pytestmark = pytest.mark.django_db


def _in_state(staff, area, state: str) -> Placement:
    run = runs.compute_run(run_id=runs.start_run(actor=staff.schulamt).pk)
    placement = Placement.objects.filter(run=run, offer=area["far"]).order_by("pk").first()
    if state == "draft":
        return placement
    runs.release_run(actor=staff.schulamt, run=run)
    placement.refresh_from_db()
    if state == "proposed":
        return placement
    Child.objects.filter(pk=placement.child_id).update(
        registered_at=timezone.now() - dt.timedelta(days=40)
    )
    day = timezone.localdate() - dt.timedelta(days=1)
    decisions.accept_placement(actor=staff.school_staff, placement=placement, start_date=day)
    placement.refresh_from_db()
    if state == "accepted":
        return placement
    decisions.confirm_first_day(actor=staff.school_staff, placement=placement, attended_on=day)
    placement.refresh_from_db()
    return placement


def _agree(child: Child) -> None:
    active = Placement.objects.filter(child=child, status__in=ACTIVE_PLACEMENT_STATUSES).first()
    if active is not None:
        assert EXPECTED[active.status] == child.status, (active.status, child.status)


STATES = ["draft", "proposed", "accepted", "attending"]


def _cases() -> list[tuple[str, str]]:
    from teilhabe.seiteneinstieg.choices import Status

    child_status = {
        "draft": Status.READY,
        "proposed": Status.PROPOSED,
        "accepted": Status.ACCEPTED,
        "attending": Status.PLACED,
    }
    cases = []
    for state in STATES:
        probe = Child(status=child_status[state])
        for target in manual_transitions(probe):
            cases.append((state, str(target)))
    return cases


def test_every_state_is_covered():
    states = {state for state, _ in _cases()}
    # a placed child (attending) has no manual transition: nothing to walk there
    assert states == {"draft", "proposed", "accepted"}


@pytest.mark.parametrize(("state", "target"), _cases())
def test_manual_change_keeps_proposal_and_status_in_step(staff, area, state, target):
    placement = _in_state(staff, area, state)
    child = Child.objects.get(pk=placement.child_id)
    _agree(child)
    change_status_manually(actor=staff.counsellor, child=child, to=target, reason="Test")
    child.refresh_from_db()
    placement.refresh_from_db()
    assert child.status == target
    _agree(child)
    assert placement.status in ("withdrawn", "discarded")
    # the seat counts free again and, back in the queue, the child can be proposed anew
    if target == "ready":
        run = runs.compute_run(run_id=runs.start_run(actor=staff.schulamt).pk)
        assert f"S-{child.pk}" in {s["id"] for s in run.instance["students"]}
        assert run.status == "draft"


def test_audit_entry_names_the_withdrawn_proposal(staff, area):
    from teilhabe.audit.models import AuditEntry

    placement = _in_state(staff, area, "proposed")
    child = Child.objects.get(pk=placement.child_id)
    change_status_manually(actor=staff.counsellor, child=child, to="ready", reason="Umzug")
    entry = AuditEntry.objects.filter(action="seiteneinstieg.child.ready").latest("id")
    assert "zurückgezogen" in entry.data["side_effects"][0]
