"""teilhabe.letters is a shared service: it imports nothing from the layers above it."""

from __future__ import annotations

import ast
from pathlib import Path

import teilhabe.letters

ABOVE = ("teilhabe.schulen", "teilhabe.seiteneinstieg", "teilhabe.zuweisung", "teilhabe.demo")


def test_no_import_from_a_higher_layer():
    root = Path(teilhabe.letters.__file__).parent
    offending = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offending += [f"{path.name}: {n}" for n in names if n.startswith(ABOVE)]
    assert offending == []
