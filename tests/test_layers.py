"""The layers contract (import-linter, run by `make lint`) holds, and it would catch a
lower layer importing a higher one: a copy of the source with one deliberate bad import
must fail it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [str(LINT), "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_layers_hold():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_lower_layer_importing_a_higher_one_breaks_the_build(tmp_path):
    shutil.copytree(ROOT / "src" / "teilhabe", tmp_path / "src" / "teilhabe")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    offers = tmp_path / "src" / "teilhabe" / "schulen" / "services" / "offers.py"
    offers.write_text(
        offers.read_text() + "\nfrom teilhabe.seiteneinstieg.models import Child  # noqa\n"
    )
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "teilhabe.schulen is not allowed to import teilhabe.seiteneinstieg" in result.stdout
