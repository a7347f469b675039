import pytest
from django.core.exceptions import ValidationError

from teilhabe.foerderung import formdef


def test_parse_and_unparse_round_trip():
    definition = formdef.parse(
        "Text | Titel | Pflicht | Worum geht es?\n"
        "Datum | Beginn | optional\nAnkreuzen | Barrierefrei",
        "Satzung | Pflicht | aktuelle Fassung",
        "Miete\nHonorare | je Stunde",
    )
    assert [f["key"] for f in definition["fields"]] == ["titel", "beginn", "barrierefrei"]
    assert definition["fields"][0]["required"] and definition["fields"][0]["help"]
    assert definition["attachments"][0]["required"]
    assert formdef.parse(*formdef.unparse(definition)) == definition


def test_parse_names_the_bad_line():
    with pytest.raises(ValidationError) as exc:
        formdef.parse("Text | Titel\nTabelle | Kosten", "", "Miete")
    assert "Zeile 2" in str(exc.value.message_dict["fields"])
    with pytest.raises(ValidationError) as exc:
        formdef.parse("Text | Titel", "", "")
    assert "cost_lines" in exc.value.message_dict


def test_answers_are_checked_against_the_version():
    definition = formdef.parse(
        "Text | Titel | Pflicht\nE-Mail | Kontakt\nZahl | Plätze", "", "Miete"
    )
    assert formdef.clean_answers(definition, {"titel": " x ", "extra": "y"}, complete=True) == {
        "titel": "x",
        "kontakt": "",
        "platze": "",
    }
    with pytest.raises(ValidationError) as exc:
        formdef.clean_answers(definition, {"kontakt": "nope", "platze": "viele"}, complete=True)
    assert set(exc.value.message_dict) == {"titel", "kontakt", "platze"}
    # a draft may leave required fields empty
    assert formdef.clean_answers(definition, {}, complete=False)["titel"] == ""


def test_definition_shape_is_validated():
    with pytest.raises(ValidationError):
        formdef.validate_definition({"fields": [{"key": "a"}], "attachments": [], "cost_lines": []})
    with pytest.raises(ValidationError):
        formdef.validate_definition([])
