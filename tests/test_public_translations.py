"""The public pages really come out in the family's language.

Each public page of anmeldung, engagement and foerderung is rendered in Ukrainian and in
Arabic (RTL) with the compiled catalogues, and none of the page's German interface strings
may remain: the ``{% translate "…" %}`` strings of its templates plus the form labels and
messages listed here. A public string without a translation fails this test.

It needs the compiled catalogues in ``src/teilhabe/locale`` (``scripts/translations/apply.py``
writes them; the repository carries them). Mails to applicants and volunteers are checked the
same way: they are written in the language the person chose, not the caller's.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from teilhabe.centres.services import publish_privacy_notice
from teilhabe.engagement.services import needs as need_services
from teilhabe.engagement.services.organisations import organisation_link
from teilhabe.engagement.services.volunteers import confirm_volunteer, login_link
from teilhabe.foerderung import services as funding
from teilhabe.notify.models import OutboxMail
from teilhabe.seiteneinstieg.public import forms as anmeldung_forms
from tests.engagement.factories import make_need, make_organisation, make_volunteer
from tests.foerderung.factories import matrix_objects
from tests.seiteneinstieg.public.conftest import form_data, make_slot

pytestmark = pytest.mark.django_db

LANGS = ["uk", "ar"]
TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "src" / "teilhabe" / "templates"
PACKAGE = Path(__file__).resolve().parents[1] / "src" / "teilhabe"
TRANSLATE = re.compile(r'{%\s*translate\s+"([^"%]+)"\s*%}')
# a word that reads the same in the family's language (names, abbreviations) is no finding
MIN_LENGTH = 6


@pytest.fixture(autouse=True)
def catalogues():
    for lang in LANGS:
        mo = PACKAGE / "locale" / lang / "LC_MESSAGES" / "django.mo"
        assert mo.exists(), f"{mo} is missing: run scripts/translations/apply.py"
    translation.trans_real._translations = {}  # load the catalogues fresh
    yield


def german(*templates: str, extra: tuple[str, ...] = ()) -> set[str]:
    """The page's German interface strings: its templates' plain ``translate`` tags and
    ``extra`` (form labels, help texts)."""
    found = set(extra)
    for name in templates:
        found |= set(TRANSLATE.findall((TEMPLATE_DIR / name).read_text()))
    return {s for s in found if len(s) >= MIN_LENGTH}


def assert_translated(response, strings: set[str], lang: str, status: int = 200) -> None:
    assert response.status_code == status, response.status_code
    page = html.unescape(response.content.decode())
    assert f'lang="{lang}"' in page
    left = sorted(s for s in strings if s in page)
    assert not left, f"German left on {response.request['PATH_INFO']} ({lang}): {left}"


# --- anmeldung ---------------------------------------------------------------------------------

REGISTER = german(
    "seiteneinstieg/public/register.html",
    "seiteneinstieg/public/_field.html",
    "seiteneinstieg/public/_errors.html",
    extra=("Kind 1", "Person 1"),
)


@pytest.fixture
def notice(staff):
    return publish_privacy_notice(
        actor=staff.centre_admin,
        purpose="self_registration",
        texts={"de": "Wir verarbeiten Ihre Angaben.", "uk": "Ми обробляємо.", "ar": "نعالج."},
    )


@pytest.fixture
def registration_url(client, notice, monkeypatch):
    monkeypatch.setattr(anmeldung_forms, "MIN_FILL_SECONDS", 0)
    response = client.post("/koeln/uk/anmeldung/", form_data(children=2))
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.parametrize("lang", LANGS)
def test_anmeldung_register(client, notice, lang):
    response = client.get(f"/koeln/{lang}/anmeldung/")
    assert_translated(response, REGISTER, lang)
    child, person = {"uk": ("Дитина 1", "Особа 1"), "ar": ("الطفل 1", "الشخص 1")}[lang]
    assert child in response.content.decode() and person in response.content.decode()


@pytest.mark.parametrize("lang", LANGS)
def test_anmeldung_manage_and_cancel(client, staff, registration_url, lang):
    url = registration_url.replace("/uk/", f"/{lang}/")
    assert_translated(client.get(url), german("seiteneinstieg/public/manage.html"), lang)
    client.post(url, {"slot": make_slot(staff).pk, "interpreter_language": ""})
    assert_translated(client.get(url), german("seiteneinstieg/public/manage.html"), lang)
    assert_translated(
        client.get(url + "absagen/"), german("seiteneinstieg/public/cancel.html"), lang
    )


@pytest.mark.parametrize("lang", LANGS)
def test_anmeldung_invalid_link(client, staff, lang):
    response = client.get(f"/koeln/{lang}/anmeldung/termin/kein-gueltiger-link/")
    assert_translated(response, german("seiteneinstieg/public/invalid_link.html"), lang, 404)


# --- engagement -------------------------------------------------------------------------------


def engagement_url(name: str, centre, lang: str, **kw) -> str:
    return reverse(f"engagement_public:{name}", kwargs={"centre": centre.slug, "lang": lang, **kw})


def engagement_templates(*names: str) -> set[str]:
    return german(*(f"engagement/public/{n}" for n in names))


@pytest.mark.parametrize("lang", LANGS)
def test_engagement_open_pages(staff, lang):
    client = Client()
    make_organisation(staff.centre, is_public=True, name="Ukrainischer Verein Porz")
    publish_privacy_notice(
        actor=staff.centre_admin, purpose="volunteers", texts={"de": "Wir verarbeiten."}
    )
    pages = {
        "organisation_map": engagement_templates("organisation_map.html"),
        "volunteer_register": engagement_templates("volunteer_register.html")
        | {"Vorname", "Nachname", "Postleitzahl"},
        "volunteer_login_request": engagement_templates("volunteer_login.html"),
    }
    for name, strings in pages.items():
        assert_translated(client.get(engagement_url(name, staff.centre, lang)), strings, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_engagement_organisation_and_volunteer_pages(staff, lang):
    client = Client()
    org = make_organisation(staff.centre, name="Kulturverein Kalk")
    edit = organisation_link(org).replace("/de/", f"/{lang}/")
    public = sorted(p.name for p in (TEMPLATE_DIR / "engagement" / "public").glob("*.html"))
    every = german(*(f"engagement/public/{n}" for n in public))
    assert_translated(client.get(edit), every, lang)

    volunteer = make_volunteer(staff.centre, language=lang)
    need = make_need(staff.centre)
    need_services.request_volunteer(actor=staff.counsellor, need=need, volunteer=volunteer)
    token = login_link(volunteer).rstrip("/").rsplit("/", 1)[-1]
    login = client.get(engagement_url("volunteer_login", staff.centre, lang, token=token))
    assert login.status_code == 302
    home = client.get(engagement_url("volunteer_home", staff.centre, lang))
    assert_translated(home, every, lang)
    for name in ("profile_edit", "profile_delete"):
        assert_translated(client.get(engagement_url(name, staff.centre, lang)), every, lang)
    answer = re.search(r'action="([^"]*/anfrage/[^"]+)"', home.content.decode()).group(1)
    assert_translated(client.get(answer), every, lang)


# --- foerderung -------------------------------------------------------------------------------

FUNDING = german(
    "foerderung/public/calls.html",
    "foerderung/public/call.html",
    "foerderung/public/application.html",
    "foerderung/public/started.html",
    extra=(
        "Name der Organisation",
        "E-Mail-Adresse der Ansprechperson",
        "An diese Adresse schicken wir Ihren persönlichen Link.",
        "Eigenmittel (€)",
        "Beantragte Zuwendung (€)",
        "Datei (PDF, JPEG oder PNG)",
        "Wofür wird das Geld jetzt gebraucht?",
        "Sachbericht als Datei (optional)",
        "Pauschale:",
        "Bewilligt",
        "Beihilfe 1",
    ),
)


@pytest.mark.parametrize("lang", LANGS)
def test_foerderung_pages(client, staff, lang):
    objects = matrix_objects(staff)
    centre, call = staff.centre, objects["call"]

    def page(name: str, **kw):
        return client.get(
            reverse(f"foerderung_public:{name}", kwargs={"centre": centre.slug, "lang": lang, **kw})
        )

    assert_translated(page("calls"), FUNDING, lang)
    assert_translated(page("call", pk=call.pk), FUNDING, lang)
    assert_translated(page("application", token=objects["token"]), FUNDING, lang)  # approved
    _app, token = funding.start_application(
        call=call,
        organisation_name="Verein Chorweiler",
        organisation_email="info@chorweiler.example",
        organisation_kind="club",
        contact_name="Ayşe Yılmaz",
        contact_email="ayse@chorweiler.example",
        lang=lang,
    )
    assert_translated(page("application", token=token), FUNDING, lang)  # draft, editable


# --- mails in the chosen language -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_mails_follow_the_chosen_language_not_the_callers(staff, lang):
    objects = matrix_objects(staff)
    with translation.override("de"):  # a staff request or the nightly job
        application, _token = funding.start_application(
            call=objects["call"],
            organisation_name="Verein Mülheim",
            organisation_email="info@muelheim.example",
            organisation_kind="club",
            contact_name="Olena",
            contact_email="olena@muelheim.example",
            lang=lang,
        )
        volunteer = make_volunteer(staff.centre, language=lang, status="pending")
        confirm_volunteer(actor=staff.counsellor, volunteer=volunteer)
    assert application.lang == lang
    started = OutboxMail.objects.get(to=["olena@muelheim.example"])
    login = OutboxMail.objects.get(to=[volunteer.email])
    for mail in (started, login):
        assert mail.language == lang
        assert "Guten Tag" not in mail.body and "Ihr" not in mail.subject
    assert "Olena" in started.body and volunteer.first_name in login.body
    # staff ask for changes in German; the applicant reads the request in their language
    app = objects["application"]
    app.lang = lang
    app.save(update_fields=["lang"])
    app.status = "submitted"
    app.save(update_fields=["status"])
    with translation.override("de"):
        funding.review(actor=staff.counsellor, application=app, step="changes", note="Satzung")
    changes = OutboxMail.objects.get(to=[app.contact_email], subject__contains=app.reference)
    assert changes.language == lang and "Guten Tag" not in changes.body
