"""Scheduled work of engagement (``teilhabe engagement_jobs``, nightly or hourly).

Each step takes ``now`` so tests can travel in time; each write goes through a service
with its own transaction and audit entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.engagement import matching
from teilhabe.engagement.choices import AssignmentStatus, VolunteerStatus
from teilhabe.engagement.models import Assignment, Organisation, Volunteer
from teilhabe.engagement.selectors.organisations import PUBLIC_CONFIRMATION_DAYS
from teilhabe.engagement.services.needs import expire_assignment
from teilhabe.engagement.services.organisations import _link_mail
from teilhabe.engagement.services.volunteers import login_link
from teilhabe.notify.services import queue_mail

CONFIRM_EVERY_DAYS = 365
CERTIFICATE_WARN_DAYS = 30


@dataclass
class JobReport:
    expired: int = 0
    confirmation_requests: int = 0
    hidden: int = 0
    certificate_reminders: int = 0


def run_all(now: dt.datetime | None = None) -> JobReport:
    now = now or timezone.now()
    report = JobReport()
    for assignment in Assignment.objects.filter(
        status=AssignmentStatus.REQUESTED, answer_due__lt=now
    ).order_by("answer_due"):
        expire_assignment(assignment=assignment, now=now)
        report.expired += 1
    report.confirmation_requests = request_confirmations(now)
    report.hidden = hide_unconfirmed(now)
    report.certificate_reminders = remind_certificates(now)
    return report


def request_confirmations(now: dt.datetime) -> int:
    """Once a year each organisation is asked to confirm its entry."""
    due = now - dt.timedelta(days=CONFIRM_EVERY_DAYS)
    count = 0
    for organisation in Organisation.objects.filter(confirmed_at__lt=due).select_related("centre"):
        if organisation.confirmation_requested_at and organisation.confirmation_requested_at >= due:
            continue
        with transaction.atomic():
            organisation.confirmation_requested_at = now
            organisation.save(update_fields=["confirmation_requested_at"])
            _link_mail(
                organisation,
                subject=_("Bitte bestätigen: Ihr Eintrag bei %(centre)s")
                % {"centre": organisation.centre.name},
                intro=_(
                    "einmal im Jahr bitten wir alle Organisationen, ihren Eintrag zu prüfen. "
                    "Bitte öffnen Sie den Link und bestätigen oder ändern Sie die Angaben. "
                    "Einträge, die zwei Jahre nicht bestätigt wurden, zeigen wir nicht mehr "
                    "öffentlich."
                ),
            )
            record(
                actor=None,
                centre=organisation.centre,
                action="engagement.organisation.confirmation_requested",
                target=organisation,
                summary=organisation.name,
            )
        count += 1
    return count


def hide_unconfirmed(now: dt.datetime) -> int:
    """Entries not confirmed for two years leave the public pages."""
    limit = now - dt.timedelta(days=PUBLIC_CONFIRMATION_DAYS)
    count = 0
    for organisation in Organisation.objects.filter(
        confirmed_at__lt=limit, hidden_at__isnull=True
    ).select_related("centre"):
        with transaction.atomic():
            organisation.hidden_at = now
            organisation.save(update_fields=["hidden_at"])
            record(
                actor=None,
                centre=organisation.centre,
                action="engagement.organisation.hidden",
                target=organisation,
                summary=organisation.name,
            )
        count += 1
    return count


def remind_certificates(now: dt.datetime) -> int:
    """A certificate that expires within 30 days (or has expired): one reminder each to the
    volunteer and the centre, until a new date is recorded."""
    today = timezone.localtime(now).date()
    count = 0
    for volunteer in Volunteer.objects.filter(
        status=VolunteerStatus.ACTIVE,
        certificate_seen_on__isnull=False,
        certificate_reminded_at__isnull=True,
    ).select_related("centre"):
        until = matching.certificate_valid_until(volunteer.certificate_seen_on)
        if until is None or until - today > dt.timedelta(days=CERTIFICATE_WARN_DAYS):
            continue
        with transaction.atomic():
            volunteer.certificate_reminded_at = now
            volunteer.save(update_fields=["certificate_reminded_at"])
            # the volunteer reads it in the language they registered in; the team gets its
            # own German note, without the volunteer's personal login link
            with translation.override(volunteer.language or "de"):
                queue_mail(
                    to=[volunteer.email],
                    subject=_("Erweitertes Führungszeugnis: gültig bis %(date)s")
                    % {"date": until.strftime("%d.%m.%Y")},
                    body=_(
                        "Guten Tag %(name)s,\n\nIhr erweitertes Führungszeugnis gilt für "
                        "Einsätze mit Kindern bis %(date)s (fünf Jahre). Bitte beantragen Sie "
                        "ein neues und zeigen Sie es dem Team des Integrationszentrums.\n\n"
                        "Ihre Seite: %(link)s"
                    )
                    % {
                        "name": volunteer.first_name,
                        "date": until.strftime("%d.%m.%Y"),
                        "link": login_link(volunteer),
                    },
                    centre=volunteer.centre,
                    language=volunteer.language or "de",
                    topic=f"engagement.volunteer:{volunteer.pk}",
                )
            with translation.override("de"):
                queue_mail(
                    to=[volunteer.centre.email],
                    subject=_("Erweitertes Führungszeugnis: gültig bis %(date)s")
                    % {"date": until.strftime("%d.%m.%Y")},
                    body=_(
                        "Das erweiterte Führungszeugnis von %(volunteer)s gilt für Einsätze mit "
                        "Kindern bis %(date)s. %(volunteer)s ist per E-Mail erinnert worden."
                    )
                    % {"volunteer": volunteer, "date": until.strftime("%d.%m.%Y")},
                    centre=volunteer.centre,
                    language="de",
                    topic=f"engagement.volunteer:{volunteer.pk}",
                )
            record(
                actor=None,
                centre=volunteer.centre,
                action="engagement.volunteer.certificate_reminded",
                target=volunteer,
                summary=_("An Führungszeugnis erinnert"),
            )
        count += 1
    return count
