"""Reads. Office reads are scoped to the user's centre; public reads decide, in one place,
what the public pages and the OParl API may show (never non-public items, papers, files)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teilhabe.centres.models import Centre
from teilhabe.integrationsrat.choices import MembershipRole
from teilhabe.integrationsrat.models import (
    AgendaItem,
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

ROLE_ORDER = list(MembershipRole.values)  # chair, deputy chair, member, deputy member

# --- office ----------------------------------------------------------------------------------


def council_for(user: Any) -> Council | None:
    return Council.objects.for_user(user).first()


def terms(user: Any) -> QuerySet[LegislativeTerm]:
    return LegislativeTerm.objects.for_user(user).filter(deleted_at__isnull=True)


def memberships(user: Any, term: LegislativeTerm | None) -> QuerySet[Membership]:
    qs = Membership.objects.for_user(user).filter(deleted_at__isnull=True)
    if term is not None:
        qs = qs.filter(term=term)
    return qs.select_related("person", "term").order_by("kind", "role", "person__family_name")


def meetings(user: Any) -> QuerySet[Meeting]:
    return Meeting.objects.for_user(user).filter(deleted_at__isnull=True).select_related("location")


def meeting(user: Any, pk: int) -> Meeting:
    return get_object_or_404(meetings(user), pk=pk)


def confidential(user: Any) -> bool:
    """Non-public items, papers and files are for the office (and the members), not for
    every reader of the office pages."""
    return user.has_perm("integrationsrat.manage")


def agenda(meeting: Meeting, user: Any) -> list[AgendaItem]:
    items = meeting.agenda_items.filter(deleted_at__isnull=True)
    if not confidential(user):
        items = items.filter(public=True)
    return list(
        items.select_related("consultation__paper")
        .prefetch_related("named_votes__person")
        .order_by("order")
    )


def papers(user: Any, query: str = "") -> QuerySet[Paper]:
    qs = Paper.objects.for_user(user).filter(deleted_at__isnull=True)
    if not confidential(user):
        qs = qs.filter(public=True)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(reference__icontains=query))
    return qs


def paper(user: Any, pk: int) -> Paper:
    return get_object_or_404(papers(user), pk=pk)


def file(user: Any, pk: int) -> File:
    qs = File.objects.for_user(user).filter(deleted_at__isnull=True)
    if not confidential(user):
        qs = qs.filter(paper__public=True)
    return get_object_or_404(qs, pk=pk)


def locations(user: Any) -> QuerySet[Location]:
    return Location.objects.for_user(user).filter(deleted_at__isnull=True)


def person(user: Any, pk: int) -> Person:
    return get_object_or_404(Person.objects.for_user(user).filter(deleted_at__isnull=True), pk=pk)


def agenda_item(user: Any, pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.for_user(user).filter(deleted_at__isnull=True), pk=pk
    )


def membership(user: Any, pk: int) -> Membership:
    return get_object_or_404(memberships(user, None), pk=pk)


def next_meeting(user: Any) -> dict[str, Any] | None:
    """The start-page tile: the council's next meeting, if one is planned."""
    upcoming = meetings(user).filter(start__gte=timezone.now(), cancelled=False)
    first = upcoming.order_by("start").first()
    if first is None:
        return None
    return {"meeting": first, "items": first.agenda_items.filter(deleted_at__isnull=True).count()}


# --- public (pages and OParl) ----------------------------------------------------------------
# The filters include deleted rows: OParl shows them as stubs; pages add ``live()``.

PUBLIC_MEETING = Q(invitation_published_at__isnull=False)
PUBLIC_ITEM = Q(public=True, meeting__invitation_published_at__isnull=False)
PUBLIC_PAPER = Q(public=True)
PUBLIC_FILE = Q(paper__public=True)
PUBLIC_CONSULTATION = Q(paper__public=True) & (
    Q(agenda_item__isnull=True)
    | Q(agenda_item__public=True, agenda_item__meeting__invitation_published_at__isnull=False)
)
PUBLIC_PERSON = Q(consent_name=True)
PUBLIC_MEMBERSHIP = Q(person__consent_name=True)


def public_council(slug: str) -> Council:
    """The council of an active centre, by the centre's slug (404 otherwise)."""
    return get_object_or_404(
        Council.objects.select_related("centre"), centre__slug=slug, centre__is_active=True
    )


def public_councils() -> QuerySet[Council]:
    return Council.objects.filter(centre__is_active=True).select_related("centre")


def _in(model: type, centre: Centre | int | None) -> QuerySet:
    """Rows of one centre's council (``None``: of every active centre with a council)."""
    qs = model.objects.filter(centre__is_active=True, centre__council__isnull=False)
    return qs if centre is None else qs.for_centre(centre)


def public_items_prefetch(to_attr: str | None = None) -> Prefetch:
    return Prefetch(
        "agenda_items",
        queryset=AgendaItem.objects.filter(public=True)
        .select_related("consultation__paper")
        .order_by("order"),
        to_attr=to_attr,
    )


def public_meetings(centre: Centre | int | None) -> QuerySet[Meeting]:
    return _in(Meeting, centre).filter(PUBLIC_MEETING)


def public_agenda_items(centre: Centre | int | None) -> QuerySet[AgendaItem]:
    return _in(AgendaItem, centre).filter(PUBLIC_ITEM)


def public_papers(centre: Centre | int | None) -> QuerySet[Paper]:
    return _in(Paper, centre).filter(PUBLIC_PAPER)


def public_files(centre: Centre | int | None) -> QuerySet[File]:
    return _in(File, centre).filter(PUBLIC_FILE)


def public_consultations(centre: Centre | int | None) -> QuerySet[Consultation]:
    return _in(Consultation, centre).filter(PUBLIC_CONSULTATION)


def public_persons(centre: Centre | int | None) -> QuerySet[Person]:
    return _in(Person, centre).filter(PUBLIC_PERSON)


def public_memberships(centre: Centre | int | None) -> QuerySet[Membership]:
    return _in(Membership, centre).filter(PUBLIC_MEMBERSHIP)


def oparl_persons(centre: Centre | int | None) -> QuerySet[Person]:
    """All persons: OParl shows those without consent as deleted stubs (see oparl.py)."""
    return _in(Person, centre)


def oparl_memberships(centre: Centre | int | None) -> QuerySet[Membership]:
    return _in(Membership, centre)


def public_locations(centre: Centre | int | None) -> QuerySet[Location]:
    """Only places of published meetings: an office's address for a meeting not yet
    announced (or a private place) is not public."""
    return (
        _in(Location, centre)
        .filter(pk__in=Meeting.objects.filter(PUBLIC_MEETING).values("location_id"))
        .distinct()
    )


def public_terms(centre: Centre | int | None) -> QuerySet[LegislativeTerm]:
    return _in(LegislativeTerm, centre)


def live(qs: QuerySet) -> QuerySet:
    return qs.filter(deleted_at__isnull=True)


def search_public_papers(centre: Centre, query: str) -> QuerySet[Paper]:
    qs = live(public_papers(centre))
    if query:
        qs = qs.filter(
            Q(name__icontains=query) | Q(reference__icontains=query) | Q(text__icontains=query)
        )
    return qs.order_by("-date", "-pk")


def public_file(pk: int) -> File:
    """A file for download: public and not deleted, else 404."""
    return get_object_or_404(
        File.objects.filter(PUBLIC_FILE, deleted_at__isnull=True, centre__is_active=True), pk=pk
    )


def public_members_on(centre: Centre, day: Any) -> tuple[list[Membership], int]:
    """Consented members on a day, and how many members are not shown by name."""
    active = (
        live(_in(Membership, centre))
        .filter(start_date__lte=day, term__start_date__lte=day, term__end_date__gte=day)
        .exclude(end_date__lt=day)
        .select_related("person")
        .order_by("role", "person__family_name")
    )
    shown = [m for m in active if m.person.consent_name and not m.person.deleted]
    shown.sort(key=lambda m: (ROLE_ORDER.index(m.role), m.person.family_name))
    return shown, len(active) - len(shown)
