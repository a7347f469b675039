"""Engagement: organisations and initiatives, volunteers, needs and assignments.

Organisations keep their own entry current through a personal link (``link_nonce`` in a
signed token, no account); volunteers log in through a mailed link in the same way. The
matching core (``matching.py``) is pure Python and knows none of these models.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.scoping import scoped_manager
from teilhabe.engagement.choices import OrganisationKind


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class Organisation(models.Model):
    """A migrant organisation, initiative, club, religious community or welfare association.

    ``contact_persons`` is a list of ``{"name", "role", "email", "phone", "consent_at"}``:
    a person is stored only with the date they agreed to be listed. ``confirmed_at`` is the
    last time the organisation confirmed its entry; entries not confirmed for two years are
    hidden from the public (``hidden_at``, set by ``teilhabe engagement_jobs``).
    """

    centre = models.ForeignKey(
        "centres.Centre", on_delete=models.CASCADE, related_name="organisations"
    )
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=16, choices=OrganisationKind.choices)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    website = models.URLField(_("Website"), blank=True)
    languages = models.JSONField(_("Sprachen"), default=list, blank=True)
    fields_of_work = models.JSONField(_("Arbeitsfelder"), default=list, blank=True)
    districts = models.JSONField(_("Stadtteile oder Orte"), default=list, blank=True)
    street = models.CharField(_("Straße"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    description = models.TextField(_("Kurzbeschreibung"), blank=True, max_length=2000)
    contact_persons = models.JSONField(_("Ansprechpersonen"), default=list, blank=True)
    is_public = models.BooleanField(_("Auf den öffentlichen Seiten zeigen"), default=False)
    link_nonce = models.CharField(max_length=32, default=new_nonce)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    confirmed_at = models.DateTimeField(_("Zuletzt bestätigt"), null=True, blank=True)
    confirmation_requested_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(_("Öffentlich ausgeblendet seit"), null=True, blank=True)

    objects = scoped_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "name"], name="engagement_organisation_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name
