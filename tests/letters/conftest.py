from __future__ import annotations

import copy
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.fixture
def letter_templates(settings):
    """Make tests/letters/templates/ visible to the template loader."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], HERE / "templates"]
    settings.TEMPLATES = templates
    return "letters_test/section.html"
