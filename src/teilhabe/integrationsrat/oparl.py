"""The OParl 1.1 read API (https://oparl.org/spezifikation/): plain JSON views.

Each centre's Integrationsrat is one Body (and its one Organization). What is public is
decided by ``selectors`` (the same filters as the public pages). Deleted records stay as
stubs (``deleted: true``) so that clients syncing with ``modified_since`` learn about them.
Lists are paginated by id; the filters travel along in every ``links`` entry. Every list
answers with a constant number of queries (embedded objects are prefetched).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET

from teilhabe.integrationsrat import selectors
from teilhabe.integrationsrat.choices import ConsultationRole, MembershipRole
from teilhabe.integrationsrat.models import (
    AgendaItem,
    Attendance,
    Consultation,
    Council,
    File,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    Paper,
    Person,
)

SCHEMA = "https://schema.oparl.org/1.1/"
PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")


def ts(value: dt.datetime) -> str:
    """ISO 8601 with the offset, in the installation's time zone, to the second."""
    return timezone.localtime(value).isoformat(timespec="seconds")


@dataclass
class Ctx:
    """Builds absolute URLs once per request (reverse() per link would dominate lists)."""

    base: str  # absolute URL of /oparl/v1/
    site: str  # absolute URL of /

    @classmethod
    def of(cls, request: HttpRequest) -> Ctx:
        return cls(
            base=request.build_absolute_uri(reverse("oparl:system")),
            site=request.build_absolute_uri("/"),
        )

    def obj(self, kind: str, pk: Any) -> str:
        return f"{self.base}{kind}/{pk}/"

    def body(self, slug: str) -> str:
        return f"{self.base}body/{slug}/"

    def org(self, slug: str) -> str:
        return f"{self.base}organization/{slug}/"


def _stub(obj: Any, kind: str, ctx: Ctx, type_name: str) -> dict[str, Any]:
    data = {
        "id": ctx.obj(kind, obj.pk),
        "type": SCHEMA + type_name,
        "deleted": True,
        "created": ts(obj.created),
        "modified": ts(obj.modified),
    }
    # the schemas require these even of a deleted object
    if type_name == "AgendaItem":
        data["order"] = obj.order
    if type_name == "File":
        data["accessUrl"] = ctx.obj("file", f"{obj.pk}/zugriff")
    return data


def _base(obj: Any, kind: str, ctx: Ctx, type_name: str, **fields: Any) -> dict[str, Any]:
    data = {"id": ctx.obj(kind, obj.pk), "type": SCHEMA + type_name}
    data.update({k: v for k, v in fields.items() if v not in (None, "", [])})
    data["created"] = ts(obj.created)
    data["modified"] = ts(obj.modified)
    return data


# --- serialisers (related objects must be prefetched by the querysets below) ---------------


def ser_term(term: LegislativeTerm, ctx: Ctx) -> dict[str, Any]:
    if term.deleted:
        return _stub(term, "legislativeterm", ctx, "LegislativeTerm")
    return _base(
        term,
        "legislativeterm",
        ctx,
        "LegislativeTerm",
        body=ctx.body(term.centre.slug),
        name=term.name,
        startDate=term.start_date.isoformat(),
        endDate=term.end_date.isoformat(),
    )


def ser_location(location: Location, ctx: Ctx) -> dict[str, Any]:
    if location.deleted:
        return _stub(location, "location", ctx, "Location")
    geojson = None
    if location.latitude is not None and location.longitude is not None:
        geojson = {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(location.longitude), float(location.latitude)],
            },
            "properties": {},
        }
    return _base(
        location,
        "location",
        ctx,
        "Location",
        description=location.description,
        streetAddress=location.street_address,
        room=location.room,
        postalCode=location.postal_code,
        locality=location.locality,
        geojson=geojson,
    )


def ser_membership(m: Membership, ctx: Ctx) -> dict[str, Any]:
    if m.deleted or not m.person.consent_name:
        return _stub(m, "membership", ctx, "Membership")
    return _base(
        m,
        "membership",
        ctx,
        "Membership",
        person=ctx.obj("person", m.person_id),
        organization=ctx.org(m.centre.slug),
        role=str(MembershipRole(m.role).label),
        votingRight=m.voting,
        startDate=m.start_date.isoformat(),
        endDate=m.end_date.isoformat() if m.end_date else None,
        keyword=[m.group] if m.group and m.person.consent_group else None,
    )


def ser_person(p: Person, ctx: Ctx) -> dict[str, Any]:
    # without (or after withdrawing) consent a person is only a deleted stub: syncing
    # clients drop their copy, and nothing about the person is shown
    if p.deleted or not p.consent_name:
        return _stub(p, "person", ctx, "Person")
    return _base(
        p,
        "person",
        ctx,
        "Person",
        body=ctx.body(p.centre.slug),
        name=f"{p.given_name} {p.family_name}",
        familyName=p.family_name,
        givenName=p.given_name,
        formOfAddress=p.form_of_address,
        membership=[ser_membership(m, ctx) for m in p.live_memberships],
    )


def ser_file(f: File, ctx: Ctx) -> dict[str, Any]:
    if f.deleted:
        return _stub(f, "file", ctx, "File")
    return _base(
        f,
        "file",
        ctx,
        "File",
        name=f.name,
        fileName=f.file_name,
        mimeType=f.mime_type,
        size=f.size,
        sha1Checksum=f.sha1,
        date=timezone.localtime(f.created).date().isoformat(),
        accessUrl=ctx.obj("file", f"{f.pk}/zugriff"),
        downloadUrl=ctx.obj("file", f"{f.pk}/download"),
        paper=[ctx.obj("paper", f.paper_id)],
    )


def ser_consultation(c: Consultation, ctx: Ctx) -> dict[str, Any]:
    if c.deleted:
        return _stub(c, "consultation", ctx, "Consultation")
    item = c.agenda_item
    return _base(
        c,
        "consultation",
        ctx,
        "Consultation",
        paper=ctx.obj("paper", c.paper_id),
        agendaItem=ctx.obj("agendaitem", item.pk) if item else None,
        meeting=ctx.obj("meeting", item.meeting_id) if item else None,
        organization=[ctx.org(c.centre.slug)] if not c.committee else None,
        authoritative=c.authoritative,
        role=str(ConsultationRole(c.role).label),
        keyword=[c.committee] if c.committee else None,
    )


def ser_paper(p: Paper, ctx: Ctx) -> dict[str, Any]:
    if p.deleted:
        return _stub(p, "paper", ctx, "Paper")
    files = [f for f in p.files.all() if not f.deleted]
    main = next((f for f in files if f.main), None)
    return _base(
        p,
        "paper",
        ctx,
        "Paper",
        body=ctx.body(p.centre.slug),
        name=p.name,
        reference=p.reference,
        date=p.date.isoformat(),
        paperType=p.get_paper_type_display(),
        mainFile=ser_file(main, ctx) if main else None,
        auxiliaryFile=[ser_file(f, ctx) for f in files if f is not main],
        consultation=[ser_consultation(c, ctx) for c in p.public_consultations if not c.deleted],
        web=f"{ctx.site}{p.centre.slug}/integrationsrat/vorlagen/{p.pk}/",
    )


def ser_item(item: AgendaItem, ctx: Ctx) -> dict[str, Any]:
    if item.deleted:
        return _stub(item, "agendaitem", ctx, "AgendaItem")
    consultation = getattr(item, "consultation", None)
    link = consultation is not None and not consultation.deleted and consultation.paper.public
    return _base(
        item,
        "agendaitem",
        ctx,
        "AgendaItem",
        meeting=ctx.obj("meeting", item.meeting_id),
        number=item.number,
        order=item.order,
        name=item.name,
        public=True,
        consultation=ctx.obj("consultation", consultation.pk) if link else None,
        result=item.get_outcome_display() if item.outcome else None,
        resolutionText=item.resolution_text,
    )


def ser_meeting(m: Meeting, ctx: Ctx) -> dict[str, Any]:
    if m.deleted:
        return _stub(m, "meeting", ctx, "Meeting")
    state = "durchgeführt" if m.end < timezone.now() else "eingeladen"
    return _base(
        m,
        "meeting",
        ctx,
        "Meeting",
        name=m.name,
        meetingState="abgesagt" if m.cancelled else state,
        cancelled=m.cancelled,
        start=ts(m.start),
        end=ts(m.end),
        location=ser_location(m.location, ctx) if m.location else None,
        organization=[ctx.org(m.centre.slug)],
        participant=[ctx.obj("person", a.person_id) for a in m.public_attendances],
        agendaItem=[ser_item(i, ctx) for i in m.public_items if not i.deleted],
        web=f"{ctx.site}{m.centre.slug}/integrationsrat/sitzung/{m.pk}/",
    )


def ser_body(c: Council, ctx: Ctx) -> dict[str, Any]:
    slug = c.centre.slug
    body = ctx.body(slug)
    data = {
        "id": body,
        "type": SCHEMA + "Body",
        "system": ctx.base,
        "shortName": c.short_name,
        "name": c.name,
        "ags": c.ags,
        "classification": "Integrationsrat",
        "organization": body + "organization/",
        "person": body + "person/",
        "meeting": body + "meeting/",
        "paper": body + "paper/",
        "agendaItem": body + "agendaitem/",
        "consultation": body + "consultation/",
        "file": body + "file/",
        "locationList": body + "location/",
        "legislativeTermList": body + "legislativeterm/",
        "membership": body + "membership/",
        "legislativeTerm": [ser_term(t, ctx) for t in c.centre.terms if not t.deleted],
        # mainOrganization is left out: the draft-07 schema puts "$ref": "Organization" next
        # to "type": "string", so no URL can validate against it (the organization is listed)
        "web": f"{ctx.site}{slug}/integrationsrat/",
        "created": ts(c.created),
        "modified": ts(c.modified),
    }
    if c.website:
        data["website"] = c.website
    if c.contact_email:
        data["contactEmail"] = c.contact_email
    return {k: v for k, v in data.items() if v not in ("", None)}


def ser_organization(c: Council, ctx: Ctx) -> dict[str, Any]:
    slug = c.centre.slug
    return {
        "id": ctx.org(slug),
        "type": SCHEMA + "Organization",
        "body": ctx.body(slug),
        "name": c.name,
        "shortName": c.short_name,
        "organizationType": "Gremium",
        "classification": "Integrationsrat",
        "membership": [ctx.obj("membership", m.pk) for m in c.centre.public_memberships],
        "created": ts(c.created),
        "modified": ts(c.modified),
    }


# --- querysets: what each list shows, with its embedded objects prefetched ------------------


def _persons(centre: Any) -> QuerySet:
    return (
        selectors.oparl_persons(centre)
        .select_related("centre")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(deleted_at__isnull=True)
                .select_related("centre", "person")
                .order_by("start_date", "pk"),
                to_attr="live_memberships",
            )
        )
    )


def _papers(centre: Any) -> QuerySet:
    return (
        selectors.public_papers(centre)
        .select_related("centre")
        .prefetch_related(
            Prefetch("files", queryset=File.objects.order_by("-main", "pk")),
            Prefetch(
                "consultations",
                queryset=Consultation.objects.filter(selectors.PUBLIC_CONSULTATION)
                .select_related("centre", "agenda_item")
                .order_by("pk"),
                to_attr="public_consultations",
            ),
        )
    )


def _meetings(centre: Any) -> QuerySet:
    return (
        selectors.public_meetings(centre)
        .select_related("centre", "location")
        .prefetch_related(
            selectors.public_items_prefetch(to_attr="public_items"),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.filter(
                    present=True, person__consent_name=True
                ).order_by("person_id"),
                to_attr="public_attendances",
            ),
        )
    )


def _items(centre: Any) -> QuerySet:
    return selectors.public_agenda_items(centre).select_related("consultation__paper")


@dataclass(frozen=True)
class Kind:
    type_name: str
    queryset: Callable[[Any], QuerySet]
    serialise: Callable[[Any, Ctx], dict[str, Any]]


KINDS: dict[str, Kind] = {
    "legislativeterm": Kind(
        "LegislativeTerm",
        lambda c: selectors.public_terms(c).select_related("centre"),
        ser_term,
    ),
    "location": Kind("Location", selectors.public_locations, ser_location),
    "person": Kind("Person", _persons, ser_person),
    "membership": Kind(
        "Membership",
        lambda c: selectors.oparl_memberships(c).select_related("centre", "person"),
        ser_membership,
    ),
    "meeting": Kind("Meeting", _meetings, ser_meeting),
    "agendaitem": Kind("AgendaItem", _items, ser_item),
    "paper": Kind("Paper", _papers, ser_paper),
    "consultation": Kind(
        "Consultation",
        lambda c: selectors.public_consultations(c).select_related("centre", "agenda_item"),
        ser_consultation,
    ),
    "file": Kind("File", selectors.public_files, ser_file),
}


# --- views -------------------------------------------------------------------------------------


def _json(data: dict[str, Any], status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


class BadFilter(ValueError):
    pass


def _filters(request: HttpRequest) -> dict[str, dt.datetime]:
    found = {}
    for name in FILTERS:
        raw = request.GET.get(name)
        if raw is None:
            continue
        try:
            value = parse_datetime(raw.replace(" ", "+"))
        except ValueError:
            value = None
        if value is None:
            raise BadFilter(name)
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        found[name] = value
    return found


def _page_size(request: HttpRequest) -> int:
    raw = request.GET.get("limit", str(PAGE_SIZE))
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise BadFilter("limit")
    return int(raw)


def _paginate(request: HttpRequest, qs: QuerySet, serialise: Callable, ctx: Ctx) -> JsonResponse:
    try:
        filters = _filters(request)
        size = _page_size(request)
        page = int(request.GET.get("page", "1"))
    except (BadFilter, ValueError) as exc:
        return _json({"error": f"Ungültiger Parameter: {exc}"}, status=400)
    lookups = {
        "created_since": "created__gte",
        "created_until": "created__lte",
        "modified_since": "modified__gte",
        "modified_until": "modified__lte",
    }
    qs = qs.filter(**{lookups[k]: v for k, v in filters.items()}).order_by("pk")
    total = qs.count()
    pages = max(1, math.ceil(total / size))
    if page < 1 or page > pages:
        return _json({"error": "Seite existiert nicht."}, status=404)
    rows = list(qs[(page - 1) * size : page * size])
    keep = {k: request.GET[k] for k in FILTERS if k in request.GET}
    if "limit" in request.GET:
        keep["limit"] = str(size)
    path = request.build_absolute_uri(request.path)

    def link(n: int) -> str:
        return f"{path}?{urlencode({**keep, 'page': n})}"

    links = {"first": link(1), "last": link(pages), "self": link(page)}
    if page > 1:
        links["prev"] = link(page - 1)
    if page < pages:
        links["next"] = link(page + 1)
    return _json(
        {
            "data": [serialise(obj, ctx) for obj in rows],
            "pagination": {
                "totalElements": total,
                "elementsPerPage": size,
                "currentPage": page,
                "totalPages": pages,
            },
            "links": links,
        }
    )


def _councils() -> QuerySet:
    """Councils with their terms and public memberships, prefetched for bodies and orgs."""
    return (
        selectors.public_councils()
        .order_by("pk")
        .prefetch_related(
            Prefetch(
                "centre__council_terms",
                queryset=LegislativeTerm.objects.select_related("centre").order_by("start_date"),
                to_attr="terms",
            ),
            Prefetch(
                "centre__council_memberships",
                queryset=Membership.objects.filter(
                    selectors.PUBLIC_MEMBERSHIP, deleted_at__isnull=True
                ).order_by("pk"),
                to_attr="public_memberships",
            ),
        )
    )


@require_GET
def system(request: HttpRequest) -> JsonResponse:
    ctx = Ctx.of(request)
    councils = list(selectors.public_councils().order_by("created"))
    created = councils[0].created if councils else timezone.now()
    modified = max((c.modified for c in councils), default=created)
    return _json(
        {
            "id": ctx.base,
            "type": SCHEMA + "System",
            "oparlVersion": SCHEMA,
            "name": "Teilhabe – Integrationsräte der Kommunalen Integrationszentren",
            "body": ctx.base + "body/",
            "website": ctx.site,
            "created": ts(created),
            "modified": ts(modified),
        }
    )


@require_GET
def body_list(request: HttpRequest) -> JsonResponse:
    return _paginate(request, _councils(), ser_body, Ctx.of(request))


@require_GET
def body(request: HttpRequest, body: str) -> JsonResponse:
    council = get_object_or_404(_councils(), centre__slug=body)
    return _json(ser_body(council, Ctx.of(request)))


@require_GET
def organization(request: HttpRequest, body: str) -> JsonResponse:
    council = get_object_or_404(_councils(), centre__slug=body)
    return _json(ser_organization(council, Ctx.of(request)))


@require_GET
def body_items(request: HttpRequest, body: str, kind: str) -> JsonResponse:
    """One of a body's lists (meetings, papers, …)."""
    ctx = Ctx.of(request)
    council = selectors.public_council(body)
    if kind == "organization":
        qs = _councils().filter(pk=council.pk)
        return _paginate(request, qs, ser_organization, ctx)
    spec = KINDS.get(kind)
    if spec is None:
        raise Http404
    return _paginate(request, spec.queryset(council.centre_id), spec.serialise, ctx)


@require_GET
def item(request: HttpRequest, kind: str, pk: int) -> JsonResponse:
    """One object by its id; deleted objects answer as stubs, non-public ones 404."""
    spec = KINDS.get(kind)
    if spec is None:
        raise Http404
    obj = get_object_or_404(spec.queryset(None), pk=pk)
    return _json(spec.serialise(obj, Ctx.of(request)))


def _file_response(pk: int, *, attachment: bool) -> FileResponse:
    f = selectors.public_file(pk)
    response = FileResponse(
        f.content.open("rb"),
        as_attachment=attachment,
        filename=f.file_name,
        content_type=f.mime_type,
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def file_access(request: HttpRequest, pk: int) -> FileResponse:
    return _file_response(pk, attachment=False)


@require_GET
def file_download(request: HttpRequest, pk: int) -> FileResponse:
    return _file_response(pk, attachment=True)
