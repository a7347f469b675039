"""Online mode: decisions in arrival order, history as forecast."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from teilhabe.cli import main as teilhabe_main
from teilhabe.placement import evaluate, load_instance, solve
from teilhabe.placement.fcfs import arrival_order
from teilhabe.placement.online import solve_online
from teilhabe.placement.problem import answer_dict, compile_problem

EXAMPLE = Path("/work/shared/formats/placement/example-instance.json")
pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example missing")


def test_arrival_order_is_by_registration_then_id():
    inst = load_instance(EXAMPLE)
    prob = compile_problem(inst)
    keys = [(inst.students[i].registered_on, inst.students[i].id) for i in arrival_order(prob)]
    assert keys == sorted(keys)


def test_online_with_history_is_valid_and_deterministic():
    inst = load_instance(EXAMPLE)
    prob = compile_problem(inst)
    shifted = tuple(
        type(p)(
            **{
                **{f: getattr(p, f) for f in p.__slots__},
                "registered_on": p.registered_on - dt.timedelta(days=30),
            }
        )
        for p in inst.students
    )
    a = answer_dict(prob, solve_online(prob, history=shifted))
    b = answer_dict(prob, solve_online(prob, history=shifted))
    assert a["assignments"] == b["assignments"]
    assert evaluate(inst, a).valid
    assert len(a["assignments"]) + len(a["unplaced"]) == len(inst.students)


def test_online_cli(tmp_path):
    out = tmp_path / "online.json"
    rc = teilhabe_main(
        ["place", str(EXAMPLE), "--online", "--history", str(EXAMPLE), "-o", str(out), "-q"]
    )
    assert rc == 0
    import json

    answer = json.loads(out.read_text())
    assert answer["stats"]["solver"] == "online"
    assert evaluate(load_instance(EXAMPLE), answer).valid
    assert solve(load_instance(EXAMPLE), online=True)["stats"]["solver"] == "online"
