"""The example instance of the format: known optimal and FCFS costs, CLI round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teilhabe.cli import main as teilhabe_main
from teilhabe.placement import evaluate, load_instance, solve

EXAMPLE = Path("/work/shared/formats/placement/example-instance.json")
OPTIMAL_COST = 39856.463
FCFS_COST = 42439.414

pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example missing")


def test_optimal_cost_matches_the_format_readme():
    inst = load_instance(EXAMPLE)
    answer = solve(inst)
    assert answer["cost"] == pytest.approx(OPTIMAL_COST, abs=0.01)
    check = evaluate(inst, answer)
    assert check.valid, check.errors
    assert check.cost == pytest.approx(answer["cost"], abs=1e-4)
    assert check.placed == 35
    assert answer["stats"]["lower_bound"] <= answer["cost"] + 1e-6
    assert answer["stats"]["lower_bound"] == pytest.approx(OPTIMAL_COST, abs=0.01)


def test_fcfs_cost_matches_the_format_readme():
    inst = load_instance(EXAMPLE)
    answer = solve(inst, solver="fcfs")
    assert answer["cost"] == pytest.approx(FCFS_COST, abs=0.01)
    assert evaluate(inst, answer).valid


def test_online_answer_is_valid_and_not_worse_than_fcfs_in_placements():
    inst = load_instance(EXAMPLE)
    online = solve(inst, online=True)
    check = evaluate(inst, online)
    assert check.valid, check.errors
    assert check.placed >= evaluate(inst, solve(inst, solver="fcfs")).placed


def test_cli_writes_the_answer_file(tmp_path):
    out = tmp_path / "answer.json"
    assert teilhabe_main(["place", str(EXAMPLE), "-o", str(out), "-q"]) == 0
    answer = json.loads(out.read_text())
    assert answer["format"] == "teilhabe-placement/1"
    assert answer["cost"] == pytest.approx(OPTIMAL_COST, abs=0.01)
    assert not list(tmp_path.glob("*.tmp"))


def test_cli_fcfs_to_stdout(capsys):
    assert teilhabe_main(["place", str(EXAMPLE), "--solver", "fcfs", "-o", "-", "-q"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["cost"] == pytest.approx(FCFS_COST, abs=0.01)


def test_cli_reads_stdin(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    assert teilhabe_main(["place", "-", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["cost"] == pytest.approx(OPTIMAL_COST, abs=0.01)


def test_unplaced_reasons_follow_the_readme():
    inst = load_instance(EXAMPLE)
    answer = solve(inst)
    reasons = {u["student"]: u["reason"] for u in answer["unplaced"]}
    # S-000002 lives > 3 km from every primary school: nothing in reach
    assert reasons["S-000002"] == "no_seat_in_reach"
    assert set(reasons.values()) <= {"no_seat_in_reach", "capacity"}
