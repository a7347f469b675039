"""The registry of organisations and initiatives, kept current by the organisations.

Staff create an entry; the organisation receives a personal link (no account) and edits its
own entry through it. Once a year it is asked to confirm the entry; two years without a
confirmation hide it from the public (``services/jobs.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from teilhabe import geo
from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.engagement.choices import OrganisationKind
from teilhabe.engagement.links import ORGANISATION_SALT, absolute, make_token, read_token
from teilhabe.engagement.models import Organisation, new_nonce
from teilhabe.notify.services import queue_mail

#: Fields an organisation may change itself (staff may change all of them plus is_public).
EDITABLE = (
    "name",
    "kind",
    "email",
    "phone",
    "website",
    "languages",
    "fields_of_work",
    "districts",
    "street",
    "postcode",
    "city",
    "description",
    "contact_persons",
)


def organisation_link(organisation: Organisation) -> str:
    """The organisation's personal edit link (absolute URL)."""
    token = make_token(ORGANISATION_SALT, organisation.pk, organisation.link_nonce)
    return absolute(
        "engagement_public:organisation_edit",
        centre=organisation.centre.slug,
        lang="de",
        token=token,
    )


def organisation_by_link(token: str) -> Organisation:
    """The organisation a personal link names; ``Organisation.DoesNotExist`` for a bad link.

    A renewed link (new nonce) retires the old one.
    """
    found = read_token(ORGANISATION_SALT, token)
    if found is None:
        raise Organisation.DoesNotExist
    pk, nonce = found
    return Organisation.objects.select_related("centre").get(
        pk=pk, link_nonce=nonce, centre__is_active=True
    )


def _clean_email(value: str) -> str:
    value = (value or "").strip()
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError(
            {"email": [_("Bitte eine gültige E-Mail-Adresse angeben (z. B. info@verein.de).")]}
        ) from None
    return value.lower()


def _clean_contacts(contacts: Any) -> list[dict[str, str]]:
    """Contact persons only with their consent; each needs a name."""
    result = []
    for item in contacts or []:
        name = str(item.get("name", "")).strip()
        if not name:
            continue
        if not item.get("consent"):
            raise ValidationError(
                {
                    "contact_persons": [
                        _(
                            "Ansprechperson „%(name)s“: bitte bestätigen, dass sie mit der "
                            "Veröffentlichung einverstanden ist."
                        )
                        % {"name": name}
                    ]
                }
            )
        email = str(item.get("email", "")).strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise ValidationError(
                    {
                        "contact_persons": [
                            _("Ansprechperson „%(name)s“: die E-Mail-Adresse ist ungültig.")
                            % {"name": name}
                        ]
                    }
                ) from None
        result.append(
            {
                "name": name[:200],
                "role": str(item.get("role", "")).strip()[:200],
                "email": email.lower(),
                "phone": str(item.get("phone", "")).strip()[:50],
                "consent_at": str(item.get("consent_at") or timezone.now().date().isoformat()),
            }
        )
    return result


def _apply(organisation: Organisation, values: dict[str, Any]) -> None:
    for field in EDITABLE:
        if field in values:
            setattr(organisation, field, values[field])
    if "email" in values:
        organisation.email = _clean_email(values["email"])
    if "contact_persons" in values:
        organisation.contact_persons = _clean_contacts(values["contact_persons"])
    for field in ("languages", "fields_of_work", "districts"):
        organisation.__dict__[field] = sorted(
            {str(v).strip() for v in getattr(organisation, field) or [] if str(v).strip()}
        )
    postcode = (organisation.postcode or "").strip()
    if postcode:
        if not postcode.isdigit() or len(postcode) != 5:
            raise ValidationError({"postcode": [_("Bitte eine fünfstellige Postleitzahl.")]})
        location = geo.locate(postcode, organisation.city or "")
        if location is None:
            raise ValidationError(
                {"postcode": [_("Die Postleitzahl ist in Nordrhein-Westfalen unbekannt.")]}
            )
        organisation.lat, organisation.lon = location.latitude, location.longitude
        if not organisation.city:
            organisation.city = location.place
    else:
        organisation.lat = organisation.lon = None


def _save(organisation: Organisation) -> None:
    try:
        organisation.full_clean()
    except ValidationError as exc:
        if "__all__" in exc.message_dict or "name" in exc.message_dict:
            raise ValidationError(
                {"name": [_("Eine Organisation mit diesem Namen ist schon eingetragen.")]}
            ) from None
        raise
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:
        raise ValidationError(
            {"name": [_("Eine Organisation mit diesem Namen ist schon eingetragen.")]}
        ) from None


def _check(actor: User, organisation: Organisation | None = None) -> None:
    if actor.centre_id is None or not actor.has_perm("engagement.manage"):
        raise PermissionDenied
    if organisation is not None and organisation.centre_id != actor.centre_id:
        raise PermissionDenied


def _link_mail(organisation: Organisation, *, subject: str, intro: str) -> None:
    with translation.override("de"):
        queue_mail(
            to=[organisation.email],
            subject=subject,
            body=_(
                "Guten Tag,\n\n%(intro)s\n\nIhr persönlicher Link (bitte nicht weitergeben):\n"
                "%(link)s\n\nMit freundlichen Grüßen\n%(centre)s"
            )
            % {
                "intro": intro,
                "link": organisation_link(organisation),
                "centre": organisation.centre.name,
            },
            centre=organisation.centre,
            topic=f"engagement.organisation:{organisation.pk}",
        )


@transaction.atomic
def create_organisation(
    *, actor: User, values: dict[str, Any], is_public: bool = False, send_link: bool = True
) -> Organisation:
    """A new entry; with ``send_link`` the organisation gets its personal link by e-mail."""
    _check(actor)
    organisation = Organisation(centre=actor.centre, is_public=is_public)
    _apply(organisation, values)
    organisation.confirmed_at = timezone.now()
    _save(organisation)
    if send_link:
        _link_mail(
            organisation,
            subject=_("Ihr Eintrag bei %(centre)s") % {"centre": organisation.centre.name},
            intro=_(
                "Ihre Organisation „%(name)s“ ist im Verzeichnis des Kommunalen "
                "Integrationszentrums eingetragen. Über den Link unten können Sie den Eintrag "
                "jederzeit selbst ändern."
            )
            % {"name": organisation.name},
        )
    record(
        actor=actor,
        centre=actor.centre,
        action="engagement.organisation.created",
        target=organisation,
        summary=organisation.name,
    )
    return organisation


def applicant_organisation(*, centre: Centre, name: str, email: str, kind: str) -> Organisation:
    """The centre's organisation with this e-mail or name, or a new, non-public entry.

    For work areas where an organisation acts without an account (a funding application):
    called inside the caller's transaction, which writes the one audit entry. The centre
    decides later whether a new entry is shown publicly.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("applicant_organisation runs inside the caller's transaction")
    own = Organisation.objects.filter(centre=centre)
    found = own.filter(email__iexact=email).first() or own.filter(name__iexact=name).first()
    if found is not None:
        return found
    if kind not in OrganisationKind.values:
        raise ValidationError({"kind": _("Bitte die Art der Organisation wählen.")})
    organisation = Organisation(centre=centre, name=name, email=email, kind=kind, is_public=False)
    _save(organisation)
    return organisation


@transaction.atomic
def update_organisation(
    *, actor: User, organisation: Organisation, values: dict[str, Any], is_public: bool
) -> Organisation:
    _check(actor, organisation)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    _apply(organisation, values)
    organisation.is_public = is_public
    _save(organisation)
    record(
        actor=actor,
        centre=organisation.centre,
        action="engagement.organisation.updated",
        target=organisation,
        summary=organisation.name,
    )
    return organisation


@transaction.atomic
def update_organisation_by_link(
    *, token: str, values: dict[str, Any], now: dt.datetime | None = None
) -> Organisation:
    """The organisation's own change through its link; saving also confirms the entry."""
    organisation = organisation_by_link(token)
    organisation = (
        Organisation.objects.select_for_update().select_related("centre").get(pk=organisation.pk)
    )
    _apply(organisation, values)
    now = now or timezone.now()
    organisation.confirmed_at = now
    organisation.hidden_at = None
    _save(organisation)
    record(
        actor=None,
        centre=organisation.centre,
        action="engagement.organisation.self_updated",
        target=organisation,
        summary=organisation.name,
    )
    return organisation


@transaction.atomic
def confirm_organisation(*, token: str, now: dt.datetime | None = None) -> Organisation:
    """ "Our entry is still right": the yearly confirmation without changes."""
    organisation = organisation_by_link(token)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    organisation.confirmed_at = now or timezone.now()
    organisation.hidden_at = None
    organisation.save(update_fields=["confirmed_at", "hidden_at"])
    record(
        actor=None,
        centre=organisation.centre,
        action="engagement.organisation.confirmed",
        target=organisation,
        summary=organisation.name,
    )
    return organisation


@transaction.atomic
def send_organisation_link(
    *, actor: User, organisation: Organisation, renew: bool = False
) -> Organisation:
    """(Re)send the personal link; ``renew`` retires every older link first."""
    _check(actor, organisation)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if renew:
        organisation.link_nonce = new_nonce()
        organisation.save(update_fields=["link_nonce"])
    _link_mail(
        organisation,
        subject=_("Ihr Link zum Eintrag bei %(centre)s") % {"centre": organisation.centre.name},
        intro=_("hier ist der Link, mit dem Sie den Eintrag „%(name)s“ ändern können.")
        % {"name": organisation.name},
    )
    record(
        actor=actor,
        centre=organisation.centre,
        action="engagement.organisation.link_sent",
        target=organisation,
        summary=organisation.name,
        data={"renewed": renew},
    )
    return organisation
