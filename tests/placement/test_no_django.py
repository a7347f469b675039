"""The engine must stay importable and usable without Django."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import teilhabe.placement

PACKAGE = Path(teilhabe.placement.__file__).parent


def test_no_module_imports_django():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
    assert offenders == []


def test_place_command_runs_without_loading_django(tmp_path):
    code = (
        "import sys\n"
        "from teilhabe.cli import main\n"
        "rc = main(['place', sys.argv[1], '-o', sys.argv[2], '-q'])\n"
        "assert rc == 0, rc\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules)\n"
    )
    example = "/work/shared/formats/placement/example-instance.json"
    if not Path(example).exists():
        import pytest

        pytest.skip("shared example missing")
    run = subprocess.run(
        [sys.executable, "-c", code, example, str(tmp_path / "a.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
