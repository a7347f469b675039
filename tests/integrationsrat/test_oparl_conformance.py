"""OParl 1.1 conformance: crawl the whole API from the System object, following every link
and every list page, and validate every object against the official JSON schemas
(../shared/data/oparl/schema_draft07, resolved with a ``referencing`` registry)."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections import deque
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from teilhabe.integrationsrat import demo, services
from teilhabe.integrationsrat.choices import PaperType
from tests.integrationsrat.conftest import (
    SECRET,
    SECRET_FILE,
    SECRET_PAPER,
    build_council,
    pdf_upload,
)

REPO = Path(__file__).resolve().parents[2]
# ../shared next to the repository; worktrees elsewhere name it in TEILHABE_SHARED_DIR
SHARED = next(
    (
        p
        for p in (
            Path(os.environ.get("TEILHABE_SHARED_DIR", REPO.parent / "shared")),
            Path("/work/shared"),
        )
        if (p / "data" / "oparl").is_dir()
    ),
    REPO.parent / "shared",
)
SCHEMAS = SHARED / "data" / "oparl" / "schema_draft07"
HOST = "http://testserver"
BASE = f"{HOST}/oparl/v1/"
TYPES = {
    "System",
    "Body",
    "LegislativeTerm",
    "Organization",
    "Person",
    "Membership",
    "Meeting",
    "AgendaItem",
    "Paper",
    "Consultation",
    "File",
    "Location",
}

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def validators() -> dict[str, Any]:
    if not SCHEMAS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"OParl schemas missing at {SCHEMAS}: CI must check out ../shared")
        pytest.skip(f"OParl schemas not found at {SCHEMAS}")
    from jsonschema import Draft7Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    resources = []
    schemas = {}
    for path in sorted(SCHEMAS.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(contents, default_specification=DRAFT7)
        # objects refer to each other as "Location.json" relative to their $id
        resources += [(contents["$id"], resource), (contents["$id"] + ".json", resource)]
        schemas[path.stem] = contents
    registry = Registry().with_resources(resources)
    return {name: Draft7Validator(schema, registry=registry) for name, schema in schemas.items()}


def _check_object(obj: dict[str, Any], validators: dict[str, Any], errors: list[str]) -> None:
    type_uri = obj.get("type", "")
    name = type_uri.removeprefix("https://schema.oparl.org/1.1/")
    if name not in TYPES or type_uri != f"https://schema.oparl.org/1.1/{name}":
        errors.append(f"{obj.get('id')}: wrong type {type_uri!r}")
        return
    for error in validators[name].iter_errors(obj):
        errors.append(f"{obj.get('id')}: {error.json_path}: {error.message}")
    for key in ("created", "modified"):
        value = obj.get(key)
        parsed = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        if parsed is None or parsed.tzinfo is None:
            errors.append(f"{obj.get('id')}: {key} {value!r} is not ISO 8601 with a time zone")
    if not str(obj.get("id", "")).startswith(BASE):
        errors.append(f"{obj.get('id')}: id is not an absolute URL of the API")
    # embedded objects carry the same duties
    for value in obj.values():
        for inner in value if isinstance(value, list) else [value]:
            if isinstance(inner, dict) and "type" in inner and "id" in inner:
                _check_object(inner, validators, errors)


def _urls(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith(BASE) else []
    if isinstance(value, dict):
        return [u for v in value.values() for u in _urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in _urls(v)]
    return []


def crawl(validators: dict[str, Any]) -> tuple[dict[str, Any], list[str], list[str]]:
    """Every response by URL, the schema errors, and every response body as text."""
    client = Client()
    seen: dict[str, Any] = {}
    errors: list[str] = []
    bodies: list[str] = []
    queue = deque([BASE])
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        parts = urlsplit(url)
        response = (
            client.get(parts.path, query_string=parts.query or None)
            if False
            else client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        )
        if response.status_code != 200:
            errors.append(f"{url}: HTTP {response.status_code}")
            seen[url] = None
            continue
        if "/zugriff/" in url or "/download/" in url:
            assert response["Content-Type"] == "application/pdf"
            seen[url] = b"".join(response.streaming_content)
            continue
        data = response.json()
        bodies.append(response.content.decode())
        seen[url] = data
        if "data" in data and "pagination" in data:
            assert set(data["pagination"]) >= {"totalElements", "elementsPerPage", "currentPage"}
            for obj in data["data"]:
                _check_object(obj, validators, errors)
            queue.extend(_urls(data["data"]))
            if "next" in data["links"]:
                queue.append(data["links"]["next"])
        else:
            _check_object(data, validators, errors)
            if data.get("id") != url and "deleted" not in data:
                errors.append(f"{url}: id {data.get('id')!r} differs from its URL")
            queue.extend(_urls(data))
    return seen, errors, bodies


def test_the_whole_api_validates_against_the_official_schemas(staff, other_staff, validators):
    demo.load(staff.centre, actor=staff.council_office)
    build_council(other_staff.council_office)
    c = build_council_for_deletions(staff)
    from teilhabe.integrationsrat.models import AgendaItem

    item = AgendaItem.objects.filter(centre=staff.centre, public=True).first()
    services.remove_agenda_item(actor=staff.council_office, item=item)
    seen, errors, bodies = crawl(validators)
    assert errors == []
    objects = {
        obj["id"]: obj
        for page in seen.values()
        if isinstance(page, dict)
        for obj in (page.get("data") or [page])
    }
    kinds = {o["type"].rsplit("/", 1)[-1] for o in objects.values()}
    assert kinds == TYPES
    bodies_list = seen[BASE + "body/"]["data"]
    assert {b["shortName"] for b in bodies_list} == {"Integrationsrat"}
    assert len(bodies_list) == 2
    # deleted objects stay as stubs
    stub = objects[f"{BASE}paper/{c.pk}/"]
    assert stub["deleted"] is True and set(stub) == {"id", "type", "deleted", "created", "modified"}
    item_stub = objects[f"{BASE}agendaitem/{item.pk}/"]  # found through the agendaItem list
    assert item_stub["deleted"] is True and item_stub["order"] == item.order
    # the whole API, not only the first pages: 33 + 4 members of the demo plus 6 in Dortmund
    persons = [o for o in objects.values() if o["type"].endswith("/Person")]
    assert len(persons) > 30


def build_council_for_deletions(staff: Any) -> Any:
    paper = services.create_paper(
        actor=staff.council_office,
        reference="IR/9/2026",
        name="Zurückgezogener Antrag",
        paper_type=PaperType.MOTION,
        date=timezone.localdate(),
    )
    return services.delete_paper(actor=staff.council_office, paper=paper)


def test_lists_page_with_the_filters_kept(staff, validators):
    demo.load(staff.centre, actor=staff.council_office)
    client = Client()
    since = "modified_since=2000-01-01T00:00:00%2B01:00"
    url = f"/oparl/v1/body/{staff.centre.slug}/person/?limit=5&{since}"
    pages = 0
    ids = []
    while url:
        data = client.get(url).json()
        pages += 1
        ids += [o["id"] for o in data["data"]]
        nxt = data["links"].get("next")
        if nxt:
            assert "modified_since=2000-01-01T00%3A00%3A00%2B01%3A00" in nxt and "limit=5" in nxt
        url = nxt.removeprefix(HOST) if nxt else None
    assert pages == data["pagination"]["totalPages"] > 1
    assert len(ids) == len(set(ids)) == data["pagination"]["totalElements"]


def test_modified_since_returns_exactly_what_changed(staff, validators):
    c = build_council(staff.council_office)
    time.sleep(0.01)
    since = timezone.now()
    time.sleep(0.01)
    services.attach_file(actor=c.office, paper=c.public_paper, upload=pdf_upload("neu.pdf"))
    new = services.create_paper(
        actor=c.office,
        reference="IR/7/2026",
        name="Neue Anfrage",
        paper_type=PaperType.INQUIRY,
        date=timezone.localdate(),
    )
    untouched = services.create_paper(
        actor=c.office,
        reference="IR/8/2026",
        name="Alt",
        paper_type=PaperType.INQUIRY,
        date=timezone.localdate(),
    )
    type(untouched).objects.filter(pk=untouched.pk).update(
        created=since - dt.timedelta(days=1), modified=since - dt.timedelta(days=1)
    )
    client = Client()
    query = {"modified_since": since.isoformat()}
    data = client.get(f"/oparl/v1/body/{staff.centre.slug}/paper/", query).json()
    assert {o["id"] for o in data["data"]} == {
        f"{BASE}paper/{c.public_paper.pk}/",
        f"{BASE}paper/{new.pk}/",
    }
    until = client.get(
        f"/oparl/v1/body/{staff.centre.slug}/paper/", {"modified_until": since.isoformat()}
    ).json()
    assert f"{BASE}paper/{untouched.pk}/" in {o["id"] for o in until["data"]}
    assert f"{BASE}paper/{new.pk}/" not in {o["id"] for o in until["data"]}
    created = client.get(
        f"/oparl/v1/body/{staff.centre.slug}/paper/", {"created_since": since.isoformat()}
    ).json()
    assert {o["id"] for o in created["data"]} == {f"{BASE}paper/{new.pk}/"}
    bad = client.get(f"/oparl/v1/body/{staff.centre.slug}/paper/", {"modified_since": "gestern"})
    assert bad.status_code == 400


def test_nothing_non_public_appears_anywhere(staff, validators):
    c = build_council(staff.council_office)
    seen, errors, bodies = crawl(validators)
    assert errors == []
    text = "\n".join(bodies)
    # "Mitglied1" did not consent to publishing the name
    for secret in (SECRET, SECRET_PAPER, SECRET_FILE, "Nicht für die Öffentlichkeit", "Mitglied1"):
        assert secret not in text
    for url in (
        f"{BASE}agendaitem/{c.secret_item.pk}/",
        f"{BASE}paper/{c.secret_paper.pk}/",
        f"{BASE}file/{c.secret_file.pk}/",
        f"{BASE}consultation/{c.secret_item.consultation.pk}/",
    ):
        assert url not in text
    client = Client()
    for path in (
        f"/oparl/v1/agendaitem/{c.secret_item.pk}/",
        f"/oparl/v1/paper/{c.secret_paper.pk}/",
        f"/oparl/v1/file/{c.secret_file.pk}/",
        f"/oparl/v1/file/{c.secret_file.pk}/zugriff/",
        f"/oparl/v1/file/{c.secret_file.pk}/download/",
        f"/oparl/v1/consultation/{c.secret_item.consultation.pk}/",
        f"/{staff.centre.slug}/integrationsrat/vorlagen/{c.secret_paper.pk}/",
    ):
        assert client.get(path).status_code == 404, path
    slug = staff.centre.slug
    pages = [
        f"/{slug}/integrationsrat/",
        f"/{slug}/integrationsrat/sitzung/{c.meeting.pk}/",
        f"/{slug}/integrationsrat/mitglieder/",
        f"/{slug}/integrationsrat/vorlagen/",
        f"/{slug}/integrationsrat/vorlagen/?q=Vertraulich",
        f"/{slug}/integrationsrat/vorlagen/{c.public_paper.pk}/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        for secret in (SECRET, SECRET_PAPER, SECRET_FILE, "IR/2/2026"):
            assert secret not in html, (path, secret)
    # the public part is there
    meeting_page = client.get(pages[1]).content.decode()
    assert "Mehrsprachigkeit" in meeting_page and "IR/1/2026" in meeting_page
    assert client.get(f"/oparl/v1/file/{c.public_file.pk}/download/").status_code == 200


@pytest.mark.parametrize("kind", ["paper", "meeting", "person", "agendaitem", "file"])
def test_list_pages_use_a_constant_number_of_queries(staff, kind):
    office = staff.council_office
    build_council(office)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            response = Client().get(f"/oparl/v1/body/{staff.centre.slug}/{kind}/")
        assert response.status_code == 200
        return len(ctx.captured_queries)

    before = count()
    assert before >= 3  # the count is real: the list, its total and a prefetch at least
    today = timezone.localdate()
    for i in range(6):
        paper = services.create_paper(
            actor=office,
            reference=f"IR/X{i}",
            name=f"Vorlage {i}",
            paper_type=PaperType.MOTION,
            date=today,
        )
        services.attach_file(actor=office, paper=paper, upload=pdf_upload())
        start = timezone.now() + dt.timedelta(days=10 + i)
        meeting = services.create_meeting(
            actor=office, name=f"S{i}", start=start, end=start + dt.timedelta(hours=1)
        )
        services.add_agenda_item(actor=office, meeting=meeting, name="TOP", paper=paper)
        services.publish_invitation(actor=office, meeting=meeting)
        services.add_member(
            actor=office,
            term=type(paper)
            .objects.none()
            .model._meta.apps.get_model("integrationsrat", "LegislativeTerm")
            .objects.get(centre=staff.centre),
            role="member",
            kind="elected",
            start_date=today,
            given_name="Neu",
            family_name=str(i),
            consent_name=True,
        )
    assert count() == before


def test_changes_to_embedded_objects_mark_their_parents_modified(staff):
    c = build_council(staff.council_office)
    time.sleep(0.01)
    since = timezone.now()
    services.record_attendance(
        actor=c.office, meeting=c.meeting, present=[m.person_id for m in c.members[:3]]
    )
    type(c.meeting).objects.filter(pk=c.meeting.pk).update(modified=since - dt.timedelta(days=1))
    services.record_result(actor=c.office, item=c.public_item, outcome="adopted", yes=3)
    services.add_consultation(actor=c.office, paper=c.public_paper, committee="Rat der Stadt")
    client = Client()
    query = {"modified_since": since.isoformat()}
    slug = staff.centre.slug
    meetings = client.get(f"/oparl/v1/body/{slug}/meeting/", query).json()["data"]
    assert [m["id"] for m in meetings] == [f"{BASE}meeting/{c.meeting.pk}/"]
    assert meetings[0]["agendaItem"][0]["result"] == "beschlossen"
    papers = client.get(f"/oparl/v1/body/{slug}/paper/", query).json()["data"]
    assert [p["id"] for p in papers] == [f"{BASE}paper/{c.public_paper.pk}/"]
