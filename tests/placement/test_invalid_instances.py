"""Invalid instances end with exit code 2, a message naming the item, and no answer file."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from teilhabe.cli import main as teilhabe_main

EXAMPLE = Path("/work/shared/formats/placement/example-instance.json")
pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example missing")


def _doc() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text())


def _student(doc: dict[str, Any], sid: str) -> dict[str, Any]:
    return next(p for p in doc["students"] if p["id"] == sid)


def _dup_student(doc):
    doc["students"].append(copy.deepcopy(doc["students"][0]))


def _dup_school(doc):
    clone = copy.deepcopy(doc["schools"][1])
    clone["id"] = doc["schools"][0]["id"]
    for o in clone["offers"]:
        o["id"] += "-x"
    doc["schools"].append(clone)


def _dup_offer(doc):
    doc["schools"][1]["offers"][0]["id"] = doc["schools"][0]["offers"][0]["id"]


def _unknown_level(doc):
    _student(doc, "S-000003")["level"] = "tertiary"


def _grade(doc):
    _student(doc, "S-000003")["grade"] = 14


def _grade_offer(doc):
    doc["schools"][0]["offers"][0]["grades"] = [0, 4]


def _negative_seats(doc):
    doc["schools"][2]["offers"][0]["seats"] = -1


def _missing_student_coordinate(doc):
    del _student(doc, "S-000007")["lat"]


def _null_school_coordinate(doc):
    doc["schools"][3]["lon"] = None


def _unknown_excluded(doc):
    _student(doc, "S-000005")["excluded_schools"] = ["999999"]


def _wrong_format(doc):
    doc["format"] = "teilhabe-placement/2"


CASES = [
    (_dup_student, "student S-000001: duplicate id"),
    (_dup_school, "school 112525: duplicate id"),
    (_dup_offer, "offer 112525-P: duplicate id"),
    (_unknown_level, "student S-000003: unknown level 'tertiary'"),
    (_grade, "student S-000003: grade 14 outside 1–11"),
    (_grade_offer, "offer 112525-P: grade 0 outside 1–11"),
    (_negative_seats, "offer 114777-P: negative seats -1"),
    (_missing_student_coordinate, "student S-000007: missing coordinate 'lat'"),
    (_null_school_coordinate, "school 188165: missing coordinate 'lon'"),
    (_unknown_excluded, "student S-000005: unknown school '999999' in excluded_schools"),
    (_wrong_format, "format: expected 'teilhabe-placement/1'"),
]


@pytest.mark.parametrize(("mutate", "message"), CASES, ids=[c[0].__name__ for c in CASES])
def test_invalid_instance_exit_code_and_message(tmp_path, capsys, mutate, message):
    doc = _doc()
    mutate(doc)
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "answer.json"
    assert teilhabe_main(["place", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_unparsable_json(tmp_path, capsys):
    src = tmp_path / "broken.json"
    src.write_text('{"format": "teilhabe-placement/1", "students": [', encoding="utf-8")
    out = tmp_path / "answer.json"
    assert teilhabe_main(["place", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "broken.json: not valid JSON (line 1" in err
    assert not out.exists()


def test_existing_answer_is_left_alone_on_error(tmp_path, capsys):
    doc = _doc()
    _grade(doc)
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "answer.json"
    out.write_text("previous", encoding="utf-8")
    assert teilhabe_main(["place", str(src), "-o", str(out)]) == 2
    assert out.read_text() == "previous"


def test_unknown_explain_id(capsys):
    assert teilhabe_main(["place", str(EXAMPLE), "--explain", "S-NOPE", "-q"]) == 2
    assert "student S-NOPE: not in the instance" in capsys.readouterr().err


def test_subprocess_entry_point(tmp_path):
    exe = Path(sys.executable).with_name("teilhabe")
    if not exe.exists():
        pytest.skip("console script not installed")
    doc = _doc()
    _grade(doc)
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    run = subprocess.run(
        [str(exe), "place", str(src), "-o", str(tmp_path / "a.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "student S-000003: grade 14 outside 1–11" in run.stderr
    ok = subprocess.run(
        [str(exe), "place", str(EXAMPLE), "-o", "-", "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["cost"] == pytest.approx(39856.463, abs=0.01)
