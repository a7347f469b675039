"""Hostile input on every page never gives a 500.

The product rule: bad input gets a clear German error, another centre's object answers 404,
nothing is half-written. This module walks every URL of the role matrix, logs in as each role
that may use the page and sends junk: query parameters, empty and junk form posts (the fields
are read from the page's own ``<form>``), 0-byte and wrong-type uploads and a pk that does not
exist. Any status >= 500 (an uncaught exception) fails the test with the request that caused it.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.test_url_matrix import MATRIX, ROLES, Row, World, all_url_names, build_world

JUNK_QUERY = (
    "?seite=abc&page=-1&sort=%3Cscript%3E&level=xx&stadtteil=999999&status=%00"
    "&q=%00%27%22&fmt=xx&jahr=99999999999999999999&von=2026-13-45&bis=x&school=abc"
    "&schule=%00&centre=1&next=https://evil.example/"
)
JUNK_VALUES = ("x" * 5000, "-1", "2026-13-45", "<script>alert(1)</script>", "\x00", "9" * 25)
MISSING_PK = 987654321


class FormFields(HTMLParser):
    """The names (and types) of the fields of every ``<form>`` that posts back to ``path``."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.inside = False
        self.fields: dict[str, str] = {}
        self.options: dict[str, str] = {}  # a select's first real choice
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "form":
            action = attr.get("action") or ""
            self.inside = (attr.get("method") or "get").lower() == "post" and action in (
                "",
                self.path,
            )
        elif self.inside and tag in ("input", "select", "textarea") and attr.get("name"):
            self.fields.setdefault(attr["name"] or "", (attr.get("type") or tag).lower())
            self._select = attr["name"] if tag == "select" else None
        elif tag == "option" and self._select and attr.get("value"):
            self.options.setdefault(self._select, attr["value"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False


def _users(row: Row, world: World) -> list[tuple[str, Any]]:
    """The roles that may use the page (anonymous only on public pages)."""
    chosen = []
    for role in ROLES:
        if row.expect[role] == 403 or (role == "anonymous" and row.expect[role] == 302):
            continue
        chosen.append((role, None if role == "anonymous" else world.staff.by_role(role)))
    return chosen


def _client(user: Any) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def _junk_posts(fields: dict[str, str]) -> list[dict[str, Any]]:
    """Empty, every junk value in every field, and the uploads (0 bytes, wrong type)."""
    posts: list[dict[str, Any]] = [{}]
    for junk in JUNK_VALUES:
        data: dict[str, Any] = {}
        for name, kind in fields.items():
            if kind == "file":
                data[name] = SimpleUploadedFile("junk.pdf", junk.encode(), "application/pdf")
            else:
                data[name] = junk
        posts.append(data)
    files = [name for name, kind in fields.items() if kind == "file"]
    if files:
        base = {name: "x" for name, kind in fields.items() if kind != "file"}
        empty = {name: SimpleUploadedFile("leer.pdf", b"", "application/pdf") for name in files}
        wrong = {
            name: SimpleUploadedFile("virus.exe", b"MZ\x90\x00binary", "application/x-msdownload")
            for name in files
        }
        fake_csv = {
            name: SimpleUploadedFile("daten.csv", b"\xff\xfe\x00junk;;\n\x00", "text/csv")
            for name in files
        }
        posts += [base | empty, base | wrong, base | fake_csv]
    return posts


def _edge_dates(fields: dict[str, str], options: dict[str, str]) -> list[dict[str, Any]]:
    """Otherwise plausible posts whose dates sit at the ends of the calendar.

    Junk in every field stops at form validation; these reach the service, where date
    arithmetic near year 1 or 9999 overflows.
    """
    posts = []
    for day in ("9999-12-31", "0001-01-01"):
        data: dict[str, Any] = {}
        times = iter(("23:00", "23:55", "23:58"))
        for name, kind in fields.items():
            if kind == "date":
                data[name] = day
            elif kind == "time":
                data[name] = next(times, "23:59")
            elif kind == "number":
                data[name] = "10"
            elif kind == "select":
                data[name] = options.get(name, "")
            elif kind not in ("file", "submit", "button", "checkbox", "hidden"):
                data[name] = "x"
        if any(kind == "date" for kind in fields.values()):
            posts.append(data)
    return posts


def _missing_kwargs(kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    """The URL kwargs with each object id replaced by one that does not exist."""
    variants = []
    for key, value in kwargs.items():
        if isinstance(value, int):
            variants.append(kwargs | {key: MISSING_PK})
        elif key == "token":
            variants.append(kwargs | {key: "kaputt:token"})
            variants.append(kwargs | {key: "x" * 300})
        elif key in ("fmt", "action"):
            variants.append(kwargs | {key: "xx"})
    return variants


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_hostile_input_never_gives_500(name: str) -> None:
    assert name in all_url_names()
    row = MATRIX[name]
    world = build_world()
    kwargs = row.kwargs(world) if row.kwargs else {}
    url = reverse(name, kwargs=kwargs or None)
    failures: list[str] = []

    def check(role: str, method: str, target: str, response: Any, what: str) -> None:
        if response.status_code >= 500:
            failures.append(f"{role} {method} {target} [{what}] → {response.status_code}")

    for role, user in _users(row, world):
        client = _client(user)
        # the page itself, with junk query parameters
        response = client.get(url + JUNK_QUERY)
        check(role, "GET", url, response, "junk query")
        fields: dict[str, str] = {}
        options: dict[str, str] = {}
        if row.method == "post":
            fields = {key: "text" for key in (row.data(world) if row.data else {})}
            if name == "seiteneinstieg:document_upload":
                fields["file"] = "file"
        page = client.get(url)
        if page.status_code == 200 and "html" in page.get("Content-Type", ""):
            parser = FormFields(url)
            parser.feed(page.content.decode(errors="replace"))
            fields |= parser.fields
            options = parser.options
        fields.pop("csrfmiddlewaretoken", None)
        if row.method == "post" or fields:
            for data in _junk_posts(fields) + _edge_dates(fields, options):
                response = client.post(url, data)
                shown = {
                    k: (str(v)[:12] if not hasattr(v, "name") else v.name) for k, v in data.items()
                }
                check(role, "POST", url, response, f"data={shown}")
        for variant in _missing_kwargs(kwargs):
            missing = reverse(name, kwargs=variant)
            check(role, "GET", missing, client.get(missing), "missing object")
            if row.method == "post" or fields:
                check(role, "POST", missing, client.post(missing, {}), "missing object")

    assert not failures, "\n".join(failures)
