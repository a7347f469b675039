"""The office's rules: the elected majority, votes against attendance, times, minutes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.integrationsrat import services
from teilhabe.integrationsrat.choices import MembershipKind, MembershipRole, MinutesStatus
from teilhabe.integrationsrat.models import AgendaItem, Meeting, Membership, MinutesVersion
from tests.integrationsrat.conftest import build_council, pdf_upload

pytestmark = pytest.mark.django_db


def _member(office, term, kind, i, **kw):
    return services.add_member(
        actor=office,
        term=term,
        role=kw.pop("role", MembershipRole.MEMBER),
        kind=kind,
        start_date=kw.pop("start_date", term.start_date),
        given_name="P",
        family_name=str(i),
        **kw,
    )


def test_council_members_may_never_equal_or_outnumber_the_elected(staff):
    office = staff.council_office
    today = timezone.localdate()
    term = services.create_term(
        actor=office, name="WP", start_date=today, end_date=today + dt.timedelta(days=1000)
    )
    with pytest.raises(ValidationError) as exc:
        _member(office, term, MembershipKind.COUNCIL, 0)
    assert "0 direkt gewählte und 1 vom Rat entsandte" in exc.value.messages[0]
    for i in range(3):
        _member(office, term, MembershipKind.ELECTED, i)
    _member(office, term, MembershipKind.COUNCIL, 10)
    _member(office, term, MembershipKind.COUNCIL, 11)
    # deputies do not count towards the ratio
    _member(office, term, MembershipKind.COUNCIL, 12, role=MembershipRole.DEPUTY_MEMBER)
    with pytest.raises(ValidationError) as exc:
        _member(office, term, MembershipKind.COUNCIL, 13)
    message = exc.value.messages[0]
    assert "3 direkt gewählte und 3 vom Rat entsandte" in message and "§ 27" in message
    assert Membership.objects.filter(term=term).count() == 6  # nothing half-written


def test_ending_an_elected_membership_is_checked_on_every_later_day(staff):
    office = staff.council_office
    today = timezone.localdate()
    term = services.create_term(
        actor=office, name="WP", start_date=today, end_date=today + dt.timedelta(days=1000)
    )
    elected = [_member(office, term, MembershipKind.ELECTED, i) for i in range(2)]
    _member(office, term, MembershipKind.COUNCIL, 9)
    later = today + dt.timedelta(days=100)
    with pytest.raises(ValidationError) as exc:
        services.end_membership(actor=office, membership=elected[0], end_date=later)
    expected_day = (later + dt.timedelta(days=1)).strftime("%d.%m.%Y")
    assert expected_day in exc.value.messages[0]
    elected[0].refresh_from_db()
    assert elected[0].end_date is None
    # a successor who starts the day after keeps the majority
    _member(office, term, MembershipKind.ELECTED, 5, start_date=later + dt.timedelta(days=1))
    services.end_membership(actor=office, membership=elected[0], end_date=later)


def test_a_membership_outside_the_term_is_refused(staff):
    c = build_council(staff.council_office)
    with pytest.raises(ValidationError):
        _member(
            c.office,
            c.term,
            MembershipKind.ELECTED,
            1,
            start_date=c.term.start_date - dt.timedelta(days=1),
        )


def test_a_meeting_must_end_after_it_starts(staff):
    start = timezone.now()
    with pytest.raises(ValidationError) as exc:
        services.create_meeting(actor=staff.council_office, name="S", start=start, end=start)
    assert "Ende der Sitzung muss nach dem Beginn" in exc.value.messages[0]
    assert not Meeting.objects.exists()


def test_votes_never_exceed_the_members_present(staff):
    c = build_council(staff.council_office)
    present = [m.person_id for m in c.members[:4]]
    services.record_attendance(actor=c.office, meeting=c.meeting, present=present)
    with pytest.raises(ValidationError) as exc:
        services.record_result(
            actor=c.office, item=c.public_item, outcome="adopted", yes=3, no=1, abstain=1
        )
    assert "5 abgegebene Stimmen" in exc.value.messages[0]
    assert "nur 4 Mitglieder anwesend" in exc.value.messages[0]
    c.public_item.refresh_from_db()
    assert c.public_item.outcome == "" and c.public_item.votes_yes is None
    services.record_result(
        actor=c.office, item=c.public_item, outcome="adopted", yes=3, no=1, abstain=0
    )
    assert AgendaItem.objects.get(pk=c.public_item.pk).votes_yes == 3


def test_named_votes_come_from_present_members_and_fix_the_counts(staff):
    c = build_council(staff.council_office)
    a, b, absent = (m.person_id for m in c.members[:3])
    services.record_attendance(actor=c.office, meeting=c.meeting, present=[a, b])
    with pytest.raises(ValidationError):
        services.record_result(
            actor=c.office, item=c.public_item, outcome="adopted", named_votes={absent: "yes"}
        )
    with pytest.raises(ValidationError):
        services.record_result(
            actor=c.office,
            item=c.public_item,
            outcome="adopted",
            yes=2,
            named_votes={a: "yes", b: "no"},
        )
    item = services.record_result(
        actor=c.office, item=c.public_item, outcome="adopted", named_votes={a: "yes", b: "no"}
    )
    assert (item.votes_yes, item.votes_no, item.votes_abstain) == (1, 1, 0)
    assert item.named_votes.count() == 2


def test_attendance_only_for_members_of_the_day(staff, other_staff):
    c = build_council(staff.council_office)
    other = build_council(other_staff.council_office)
    with pytest.raises(ValidationError):
        services.record_attendance(
            actor=c.office, meeting=c.meeting, present=[other.members[0].person_id]
        )


def test_minutes_keep_every_version_and_freeze_when_approved(staff):
    c = build_council(staff.council_office)
    services.save_minutes(actor=c.office, meeting=c.meeting, text="Entwurf 1")
    services.save_minutes(actor=c.office, meeting=c.meeting, text="Entwurf 2")
    assert list(
        MinutesVersion.objects.filter(minutes__meeting=c.meeting)
        .order_by("number")
        .values_list("number", "text")
    ) == [(1, "Entwurf 1"), (2, "Entwurf 2")]
    with pytest.raises(ValidationError):  # approved only by a later meeting
        services.approve_minutes(actor=c.office, meeting=c.meeting, approved_in=c.meeting)
    start = c.meeting.start + dt.timedelta(days=30)
    nxt = services.create_meeting(
        actor=c.office, name="Nächste", start=start, end=start + dt.timedelta(hours=2)
    )
    minutes = services.approve_minutes(actor=c.office, meeting=c.meeting, approved_in=nxt)
    assert minutes.status == MinutesStatus.APPROVED and minutes.approved_in == nxt
    with pytest.raises(ValidationError) as exc:
        services.save_minutes(actor=c.office, meeting=c.meeting, text="Nachträglich")
    assert "genehmigt" in exc.value.messages[0]
    assert minutes.versions.count() == 2
    with pytest.raises(ValidationError):
        services.approve_minutes(actor=c.office, meeting=c.meeting, approved_in=nxt)


def test_only_pdf_files_and_no_empty_agenda_invitations(staff):
    c = build_council(staff.council_office)
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError):
        services.attach_file(
            actor=c.office,
            paper=c.public_paper,
            upload=SimpleUploadedFile("x.pdf", b"MZ not a pdf"),
        )
    start = timezone.now() + dt.timedelta(days=3)
    empty = services.create_meeting(
        actor=c.office, name="Leer", start=start, end=start + dt.timedelta(hours=1)
    )
    with pytest.raises(ValidationError):
        services.publish_invitation(actor=c.office, meeting=empty)
    with pytest.raises(ValidationError):  # published once only
        services.publish_invitation(actor=c.office, meeting=c.meeting)


def test_services_need_the_office_permission_and_the_own_centre(staff, other_staff):
    c = build_council(staff.council_office)
    with pytest.raises(PermissionDenied):
        services.add_agenda_item(actor=staff.counsellor, meeting=c.meeting, name="X")
    with pytest.raises(PermissionDenied):
        services.add_agenda_item(actor=other_staff.council_office, meeting=c.meeting, name="X")
    with pytest.raises(PermissionDenied):
        services.attach_file(
            actor=other_staff.centre_admin, paper=c.public_paper, upload=pdf_upload()
        )


def test_each_service_call_writes_one_audit_entry(staff):
    c = build_council(staff.council_office)
    before = AuditEntry.objects.count()
    services.add_agenda_item(actor=c.office, meeting=c.meeting, name="Verschiedenes")
    services.save_minutes(actor=c.office, meeting=c.meeting, text="x")
    assert AuditEntry.objects.count() == before + 2
    assert set(AuditEntry.objects.order_by("-pk").values_list("action", flat=True)[:2]) == {
        "integrationsrat.agenda_item.added",
        "integrationsrat.minutes.saved",
    }


def test_invitation_mail_goes_to_members_with_an_address(staff):
    from teilhabe.notify.models import OutboxMail

    c = build_council(staff.council_office)
    start = timezone.now() + dt.timedelta(days=3)
    m = services.create_meeting(
        actor=c.office, name="Sondersitzung", start=start, end=start + dt.timedelta(hours=1)
    )
    services.add_agenda_item(actor=c.office, meeting=m, name="Öffentlich")
    services.add_agenda_item(actor=c.office, meeting=m, name="Geheim", public=False)
    person = c.members[0].person
    type(person).objects.filter(pk=person.pk).update(email="vorsitz@example.org")
    services.publish_invitation(actor=c.office, meeting=m)
    mail = OutboxMail.objects.order_by("-pk").first()
    assert mail is not None and "vorsitz@example.org" in str(mail.to)
    assert "Öffentlich" in mail.body and "Geheim" not in mail.body
