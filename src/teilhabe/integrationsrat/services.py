"""Writes of the council's office. One transaction and one audit entry per call.

The rules of § 27 GO NRW that the office must not break by mistake live here: directly
elected members outnumber the members sent by the city council on every day of a term,
votes never exceed the members present, and approved minutes are frozen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.integrationsrat.choices import (
    ConsultationRole,
    MembershipKind,
    MembershipRole,
    MinutesStatus,
    Outcome,
    PaperType,
    Vote,
)
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
    Minutes,
    MinutesVersion,
    NamedVote,
    Paper,
    Person,
)

MANAGE = "integrationsrat.manage"
MAX_FILE_BYTES = 20 * 1024 * 1024


def _require(actor: User, obj: Any = None) -> Centre:
    if not actor.has_perm(MANAGE, obj) or actor.centre_id is None:
        raise PermissionDenied
    return actor.centre


def _save(obj: Any) -> Any:
    obj.full_clean()
    obj.save()
    return obj


def _touch(model: Any, *pks: int | None) -> None:
    """Mark records whose OParl representation embeds what changed (e.g. a paper embeds its
    consultations), so that clients syncing with ``modified_since`` fetch them again."""
    ids = [pk for pk in pks if pk is not None]
    if ids:
        model.objects.filter(pk__in=ids).update(modified=timezone.now())


# --- the council, terms, places ------------------------------------------------------------


def _council(centre: Centre) -> Council:
    council = Council.objects.filter(centre=centre).first()
    if council is None:
        key = (centre.area_keys or [""])[0]
        council = _save(
            Council(
                centre=centre,
                name=_("Integrationsrat %(city)s") % {"city": centre.city},
                ags=key + "000" if len(key) == 5 else key,
                contact_email=centre.email,
            )
        )
    return council


@transaction.atomic
def create_term(
    *, actor: User, name: str, start_date: dt.date, end_date: dt.date
) -> LegislativeTerm:
    """A term of the council (the council's term of office, § 27 Abs. 2 GO NRW)."""
    centre = _require(actor)
    if end_date <= start_date:
        raise ValidationError({"end_date": _("Das Ende muss nach dem Beginn liegen.")})
    _council(centre)
    term = _save(
        LegislativeTerm(centre=centre, name=name, start_date=start_date, end_date=end_date)
    )
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.term.created",
        target=term,
        summary=name,
    )
    return term


@transaction.atomic
def create_location(
    *,
    actor: User,
    description: str,
    street_address: str = "",
    room: str = "",
    postal_code: str = "",
    locality: str = "",
    latitude: Any = None,
    longitude: Any = None,
) -> Location:
    centre = _require(actor)
    if (latitude is None) != (longitude is None):
        raise ValidationError(_("Breiten- und Längengrad nur zusammen angeben."))
    if latitude is not None:
        latitude, longitude = (
            Decimal(str(v)).quantize(Decimal("0.000001")) for v in (latitude, longitude)
        )
    location = _save(
        Location(
            centre=centre,
            description=description,
            street_address=street_address,
            room=room,
            postal_code=postal_code,
            locality=locality,
            latitude=latitude,
            longitude=longitude,
        )
    )
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.location.created",
        target=location,
        summary=description,
    )
    return location


# --- members ---------------------------------------------------------------------------------


def check_ratio(term: LegislativeTerm, memberships: Iterable[Membership]) -> None:
    """Raise unless directly elected members outnumber council members on every day.

    Deputies do not count: they stand in for a member. The counts change only on the days a
    membership starts or the day after one ends, so those days are the ones to check.
    """
    voting = [m for m in memberships if m.role != MembershipRole.DEPUTY_MEMBER]
    days = {term.start_date}
    for m in voting:
        days.add(m.start_date)
        if m.end_date is not None:
            days.add(m.end_date + dt.timedelta(days=1))
    for day in sorted(d for d in days if term.start_date <= d <= term.end_date):
        active = [
            m for m in voting if m.start_date <= day and (m.end_date is None or m.end_date >= day)
        ]
        elected = sum(1 for m in active if m.kind == MembershipKind.ELECTED)
        council = sum(1 for m in active if m.kind == MembershipKind.COUNCIL)
        if council and elected <= council:
            raise ValidationError(
                _(
                    "Am %(day)s wären %(elected)d direkt gewählte und %(council)d vom Rat "
                    "entsandte Mitglieder im Integrationsrat. Die direkt gewählten Mitglieder "
                    "müssen in der Mehrzahl sein (§ 27 Abs. 2 GO NRW)."
                )
                % {"day": day.strftime("%d.%m.%Y"), "elected": elected, "council": council}
            )


def _term_memberships(term: LegislativeTerm) -> list[Membership]:
    return list(Membership.objects.select_for_update().filter(term=term, deleted_at__isnull=True))


@transaction.atomic
def add_member(
    *,
    actor: User,
    term: LegislativeTerm,
    role: str,
    kind: str,
    start_date: dt.date,
    end_date: dt.date | None = None,
    group: str = "",
    person: Person | None = None,
    given_name: str = "",
    family_name: str = "",
    form_of_address: str = "",
    email: str = "",
    consent_name: bool = False,
    consent_group: bool = False,
) -> Membership:
    """Add a membership, for an existing person or a new one."""
    centre = _require(actor, term)
    LegislativeTerm.objects.select_for_update().filter(pk=term.pk).first()  # one writer per term
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Unbekannte Funktion.")})
    if kind not in MembershipKind.values:
        raise ValidationError({"kind": _("Unbekannte Art der Mitgliedschaft.")})
    if start_date < term.start_date or (end_date or term.end_date) > term.end_date:
        raise ValidationError(
            {
                "start_date": _("Die Mitgliedschaft muss in der Wahlperiode %(term)s liegen.")
                % {"term": term.name}
            }
        )
    if person is None:
        person = _save(
            Person(
                centre=centre,
                given_name=given_name,
                family_name=family_name,
                form_of_address=form_of_address,
                email=email,
                consent_name=consent_name,
                consent_group=consent_group,
            )
        )
    elif person.centre_id != centre.pk:
        raise PermissionDenied
    else:
        _touch(Person, person.pk)
    membership = Membership(
        centre=centre,
        person=person,
        term=term,
        role=role,
        kind=kind,
        group=group,
        start_date=start_date,
        end_date=end_date,
    )
    membership.full_clean()
    check_ratio(term, [*_term_memberships(term), membership])
    membership.save()
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.member.added",
        target=membership,
        summary=f"{person} ({membership.get_role_display()}, {membership.get_kind_display()})",
    )
    return membership


@transaction.atomic
def update_person(
    *,
    actor: User,
    person: Person,
    given_name: str,
    family_name: str,
    form_of_address: str = "",
    email: str = "",
    consent_name: bool = False,
    consent_group: bool = False,
) -> Person:
    """Correct a person's data or record a changed consent (withdrawn consent takes the
    name off the public pages and OParl at once)."""
    centre = _require(actor, person)
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = (person.consent_name, person.consent_group)
    person.given_name, person.family_name = given_name, family_name
    person.form_of_address, person.email = form_of_address, email
    person.consent_name, person.consent_group = consent_name, consent_group
    _save(person)
    if before != (consent_name, consent_group):  # memberships show the name and the list
        _touch(Membership, *person.memberships.values_list("pk", flat=True))
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.person.updated",
        target=person,
        summary=str(person),
        data={"consent_before": before, "consent_after": [consent_name, consent_group]},
    )
    return person


@transaction.atomic
def end_membership(*, actor: User, membership: Membership, end_date: dt.date) -> Membership:
    """End a membership (resignation, loss of eligibility); the ratio must still hold."""
    centre = _require(actor, membership)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if end_date < membership.start_date:
        raise ValidationError({"end_date": _("Das Ende darf nicht vor dem Beginn liegen.")})
    membership.end_date = end_date
    membership.full_clean()
    others = [m for m in _term_memberships(membership.term) if m.pk != membership.pk]
    check_ratio(membership.term, [*others, membership])
    membership.save()
    _touch(Person, membership.person_id)
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.membership.ended",
        target=membership,
        summary=f"{membership.person} bis {end_date:%d.%m.%Y}",
    )
    return membership


def members_on(meeting: Meeting) -> list[Membership]:
    """The memberships active on the meeting's day (deputies included)."""
    day = timezone.localtime(meeting.start).date()
    return list(
        Membership.objects.filter(
            centre_id=meeting.centre_id,
            deleted_at__isnull=True,
            start_date__lte=day,
            term__start_date__lte=day,
            term__end_date__gte=day,
        )
        .exclude(end_date__lt=day)
        .select_related("person")
        .order_by("kind", "person__family_name", "person__given_name")
    )


# --- papers and files ------------------------------------------------------------------------


@transaction.atomic
def create_paper(
    *,
    actor: User,
    reference: str,
    name: str,
    paper_type: str,
    date: dt.date,
    text: str = "",
    originator: str = "",
    public: bool = True,
) -> Paper:
    centre = _require(actor)
    if paper_type not in PaperType.values:
        raise ValidationError({"paper_type": _("Unbekannte Art der Vorlage.")})
    if Paper.objects.filter(centre=centre, reference=reference).exists():
        raise ValidationError(
            {
                "reference": _("Die Drucksachennummer %(ref)s ist schon vergeben.")
                % {"ref": reference}
            }
        )
    paper = _save(
        Paper(
            centre=centre,
            reference=reference,
            name=name,
            paper_type=paper_type,
            date=date,
            text=text,
            originator=originator,
            public=public,
        )
    )
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.paper.created",
        target=paper,
        summary=str(paper),
    )
    return paper


@transaction.atomic
def delete_paper(*, actor: User, paper: Paper) -> Paper:
    """Withdraw a paper: it stays as a deleted stub for OParl clients, with its files."""
    centre = _require(actor, paper)
    now = timezone.now()
    paper.deleted_at = now
    _save(paper)
    for obj in [*paper.files.filter(deleted_at__isnull=True), *paper.consultations.all()]:
        obj.deleted_at = now
        obj.save(update_fields=["deleted_at", "modified"])
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.paper.deleted",
        target=paper,
        summary=str(paper),
    )
    return paper


@transaction.atomic
def attach_file(
    *, actor: User, paper: Paper, upload: UploadedFile, name: str = "", main: bool = False
) -> File:
    """Attach a PDF to a paper (the packet appends PDFs, so only PDFs are accepted)."""
    centre = _require(actor, paper)
    data = upload.read()
    if not data:
        raise ValidationError({"upload": _("Die Datei ist leer.")})
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError({"upload": _("Die Datei ist größer als 20 MB.")})
    if not data.startswith(b"%PDF-"):
        raise ValidationError({"upload": _("Bitte eine PDF-Datei hochladen.")})
    if main and paper.files.filter(main=True, deleted_at__isnull=True).exists():
        raise ValidationError({"main": _("Die Vorlage hat schon ein Hauptdokument.")})
    file_name = (upload.name or "datei.pdf").rsplit("/", 1)[-1][:150]
    file = File(
        centre=centre,
        paper=paper,
        main=main,
        name=name or file_name,
        file_name=file_name,
        mime_type="application/pdf",
        size=len(data),
        sha1=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    file.content.save(file_name, ContentFile(data), save=False)
    _save(file)
    paper.save(update_fields=["modified"])
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.file.attached",
        target=file,
        summary=f"{paper.reference}: {file.name}",
    )
    return file


@transaction.atomic
def add_consultation(
    *,
    actor: User,
    paper: Paper,
    committee: str,
    role: str = ConsultationRole.PRELIMINARY,
    authoritative: bool = False,
) -> Consultation:
    """Record that another body (a council committee, the city council) deals with a paper."""
    centre = _require(actor, paper)
    if not committee.strip():
        raise ValidationError({"committee": _("Bitte das Gremium angeben.")})
    consultation = _save(
        Consultation(
            centre=centre, paper=paper, committee=committee, role=role, authoritative=authoritative
        )
    )
    _touch(Paper, paper.pk)
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.consultation.added",
        target=consultation,
        summary=f"{paper.reference}: {committee}",
    )
    return consultation


# --- meetings --------------------------------------------------------------------------------


@transaction.atomic
def create_meeting(
    *,
    actor: User,
    name: str,
    start: dt.datetime,
    end: dt.datetime,
    location: Location | None = None,
) -> Meeting:
    centre = _require(actor)
    if end <= start:
        raise ValidationError({"end": _("Das Ende der Sitzung muss nach dem Beginn liegen.")})
    if location is not None and location.centre_id != centre.pk:
        raise PermissionDenied
    meeting = _save(Meeting(centre=centre, name=name, start=start, end=end, location=location))
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.meeting.created",
        target=meeting,
        summary=f"{name}, {timezone.localtime(start):%d.%m.%Y %H:%M}",
    )
    return meeting


@transaction.atomic
def add_agenda_item(
    *,
    actor: User,
    meeting: Meeting,
    name: str,
    public: bool = True,
    paper: Paper | None = None,
    role: str = ConsultationRole.DECISION,
) -> AgendaItem:
    """Add the next numbered item; a paper on it becomes a consultation of that paper."""
    centre = _require(actor, meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if paper is not None and (paper.centre_id != centre.pk or paper.deleted):
        raise PermissionDenied
    last = AgendaItem.objects.filter(meeting=meeting).aggregate(n=Max("order"))["n"] or 0
    item = _save(
        AgendaItem(
            centre=centre,
            meeting=meeting,
            order=last + 1,
            number=str(last + 1),
            name=name,
            public=public,
        )
    )
    if paper is not None:
        _touch(Paper, paper.pk)
        _save(
            Consultation(
                centre=centre,
                paper=paper,
                agenda_item=item,
                role=role,
                authoritative=role == ConsultationRole.DECISION,
            )
        )
    meeting.save(update_fields=["modified"])
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.agenda_item.added",
        target=item,
        summary=f"{meeting}: {item}",
    )
    return item


@transaction.atomic
def remove_agenda_item(*, actor: User, item: AgendaItem) -> AgendaItem:
    """Take an item off the agenda; OParl clients see it as deleted."""
    centre = _require(actor, item)
    now = timezone.now()
    item.deleted_at = now
    _save(item)
    consultations = Consultation.objects.filter(agenda_item=item)
    _touch(Paper, *consultations.values_list("paper_id", flat=True))
    consultations.update(deleted_at=now, modified=now)
    item.meeting.save(update_fields=["modified"])
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.agenda_item.removed",
        target=item,
        summary=str(item),
    )
    return item


@transaction.atomic
def publish_invitation(*, actor: User, meeting: Meeting) -> Meeting:
    """Publish the invitation: the meeting and its public agenda appear on the public pages
    and in OParl; members with an e-mail address get it by mail after the commit."""
    from teilhabe.notify.services import queue_mail

    centre = _require(actor, meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.published:
        raise ValidationError(_("Die Einladung ist schon veröffentlicht."))
    items = list(meeting.agenda_items.filter(deleted_at__isnull=True).order_by("order"))
    if not items:
        raise ValidationError(_("Die Tagesordnung ist leer: erst Tagesordnungspunkte anlegen."))
    meeting.invitation_published_at = timezone.now()
    _save(meeting)
    # the papers on its public items now show these consultations
    _touch(
        Paper,
        *Consultation.objects.filter(agenda_item__in=items).values_list("paper_id", flat=True),
    )
    start = timezone.localtime(meeting.start)
    agenda = "\n".join(f"TOP {i.number}  {i.name}" for i in items if i.public)
    body = _(
        "Sie sind herzlich eingeladen zur Sitzung „%(name)s“ am %(day)s um %(time)s Uhr, "
        "%(place)s.\n\nÖffentliche Tagesordnung:\n%(agenda)s\n\nDie Sitzungsunterlagen "
        "erhalten Sie von der Geschäftsstelle."
    ) % {
        "name": meeting.name,
        "day": start.strftime("%d.%m.%Y"),
        "time": start.strftime("%H:%M"),
        "place": meeting.location or _("Ort folgt"),
        "agenda": agenda,
    }
    recipients = sorted({m.person.email for m in members_on(meeting) if m.person.email})
    if recipients:
        queue_mail(
            to=recipients,
            subject=_("Einladung: %(name)s") % {"name": meeting.name},
            body=body,
            centre=centre,
        )
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.meeting.invitation_published",
        target=meeting,
        summary=str(meeting),
        data={"recipients": len(recipients)},
    )
    return meeting


@transaction.atomic
def record_attendance(*, actor: User, meeting: Meeting, present: Iterable[int]) -> list[Attendance]:
    """Record who attended; everyone else who was a member that day counts as absent."""
    centre = _require(actor, meeting)
    members = {m.person_id: m for m in members_on(meeting)}
    present_ids = {int(pk) for pk in present}
    unknown = present_ids - set(members)
    if unknown:
        raise ValidationError(_("Nur Mitglieder am Sitzungstag können anwesend sein."))
    meeting.attendances.all().delete()
    rows = Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person_id=pk, present=pk in present_ids) for pk in members
    )
    meeting.save(update_fields=["modified"])
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.meeting.attendance_recorded",
        target=meeting,
        summary=str(meeting),
        data={"present": len(present_ids), "members": len(members)},
    )
    return rows


def present_count(meeting: Meeting) -> int:
    return meeting.attendances.filter(present=True).count()


@transaction.atomic
def record_result(
    *,
    actor: User,
    item: AgendaItem,
    outcome: str,
    yes: int | None = None,
    no: int | None = None,
    abstain: int | None = None,
    resolution_text: str = "",
    named_votes: Mapping[int, str] | None = None,
) -> AgendaItem:
    """Record an item's result. The votes cast never exceed the members present; named
    votes (person id → yes/no/abstain) come from present members and fix the counts."""
    centre = _require(actor, item)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Unbekanntes Ergebnis.")})
    counts = [yes, no, abstain]
    if any(c is not None and c < 0 for c in counts):
        raise ValidationError(_("Stimmenzahlen können nicht negativ sein."))
    present = set(item.meeting.attendances.filter(present=True).values_list("person_id", flat=True))
    votes = dict(named_votes or {})
    if votes:
        if set(votes) - present:
            raise ValidationError(_("Namentlich abstimmen können nur anwesende Mitglieder."))
        if set(votes.values()) - set(Vote.values):
            raise ValidationError(_("Unbekannte Stimme."))
        tally = [sum(1 for v in votes.values() if v == kind) for kind in Vote.values]
        if any(c is not None for c in counts) and [c or 0 for c in counts] != tally:
            raise ValidationError(
                _("Die Stimmenzahlen passen nicht zu den namentlichen Stimmen (%(y)d/%(n)d/%(a)d).")
                % {"y": tally[0], "n": tally[1], "a": tally[2]}
            )
        yes, no, abstain = tally
    cast = sum(c or 0 for c in (yes, no, abstain))
    if cast > len(present):
        raise ValidationError(
            _(
                "%(cast)d abgegebene Stimmen (Ja %(yes)d, Nein %(no)d, Enthaltung %(abstain)d), "
                "aber nur %(present)d Mitglieder anwesend. Bitte zuerst die Anwesenheit erfassen "
                "oder die Zahlen prüfen."
            )
            % {
                "cast": cast,
                "yes": yes or 0,
                "no": no or 0,
                "abstain": abstain or 0,
                "present": len(present),
            }
        )
    item.outcome = outcome
    item.votes_yes, item.votes_no, item.votes_abstain = yes, no, abstain
    item.resolution_text = resolution_text
    _save(item)
    _touch(Meeting, item.meeting_id)  # the meeting embeds its items
    item.named_votes.all().delete()
    NamedVote.objects.bulk_create(
        NamedVote(agenda_item=item, person_id=pk, vote=vote) for pk, vote in votes.items()
    )
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.agenda_item.result_recorded",
        target=item,
        summary=f"{item}: {item.get_outcome_display()}",
        data={"yes": yes, "no": no, "abstain": abstain, "named": len(votes)},
    )
    return item


# --- minutes ---------------------------------------------------------------------------------


@transaction.atomic
def save_minutes(
    *, actor: User, meeting: Meeting, text: str, public_text: str = ""
) -> MinutesVersion:
    """Save the draft as a new version; approved minutes are frozen."""
    centre = _require(actor, meeting)
    if not text.strip():
        raise ValidationError({"text": _("Die Niederschrift ist leer.")})
    minutes, _created = Minutes.objects.select_for_update().get_or_create(meeting=meeting)
    if minutes.status == MinutesStatus.APPROVED:
        raise ValidationError(
            _("Die Niederschrift ist genehmigt und kann nicht mehr geändert werden.")
        )
    number = (minutes.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = _save(
        MinutesVersion(
            minutes=minutes, number=number, text=text, public_text=public_text, author=actor
        )
    )
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.minutes.saved",
        target=minutes,
        summary=f"{meeting}: Fassung {number}",
    )
    return version


@transaction.atomic
def approve_minutes(*, actor: User, meeting: Meeting, approved_in: Meeting) -> Minutes:
    """The council approves a meeting's minutes at a later meeting; then they are frozen."""
    centre = _require(actor, meeting)
    if approved_in.centre_id != centre.pk:
        raise PermissionDenied
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is None or not minutes.versions.exists():
        raise ValidationError(_("Es gibt noch keine Niederschrift zu dieser Sitzung."))
    if minutes.status == MinutesStatus.APPROVED:
        raise ValidationError(_("Die Niederschrift ist schon genehmigt."))
    if approved_in.start <= meeting.start:
        raise ValidationError(
            {"approved_in": _("Genehmigt wird in einer späteren Sitzung als der protokollierten.")}
        )
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_in = approved_in
    minutes.approved_at = timezone.now()
    _save(minutes)
    meeting.save(update_fields=["modified"])
    record(
        actor=actor,
        centre=centre,
        action="integrationsrat.minutes.approved",
        target=minutes,
        summary=f"{meeting} genehmigt in {approved_in}",
    )
    return minutes
