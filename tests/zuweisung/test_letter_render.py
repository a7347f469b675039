"""The family's letter renders in German plus each family language, right to left where
needed, and names the school in both parts."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from teilhabe.zuweisung.letters import TEXTS, letter_languages, render_placement_letter
from teilhabe.zuweisung.models import Placement
from tests.factories import (
    ChildFactory,
    FamilyFactory,
    GuardianFactory,
    OfferFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_letter_in_each_family_language(staff, language):
    school = SchoolFactory(name="Gesamtschule Nord", phone="0221 123456")
    family = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=family, language=language)
    child = ChildFactory(family=family, first_language=language, status="accepted")
    placement = Placement.objects.create(
        centre=staff.centre,
        child=child,
        offer=OfferFactory(centre=staff.centre, school=school),
        status="accepted",
        start_date=dt.date(2026, 12, 7),
        created_by=staff.schulamt,
    )
    assert letter_languages(child) == (["de"] if language == "de" else ["de", language])
    pdf = render_placement_letter(placement=placement, child=child)
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    parts = 1 if language == "de" else 2
    assert text.count("Gesamtschule Nord") >= parts
    assert "07.12.2026" in text
    out = os.environ.get("TEILHABE_LETTER_DIR")
    if out:  # for a person to look at: TEILHABE_LETTER_DIR=/tmp/letters pytest ...
        Path(out, f"schulplatz-{language}.pdf").write_bytes(pdf)
