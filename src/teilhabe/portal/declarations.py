"""What the public site plugs into the layers below: public navigation, public sources,
staff navigation, audit codes and retention (called from ``AppConfig.ready``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from teilhabe.audit.registry import register_actions
from teilhabe.core.registry import (
    RetentionAction,
    register_navigation,
    register_not_personal,
    register_public_navigation,
    register_public_sources,
    register_retention,
    register_tile,
    years,
)
from teilhabe.portal import public_texts as texts

#: Sources whose strings families read: every entry needs all seven languages.
PUBLIC_SOURCES = (
    "templates/public_base.html",
    "templates/portal/public/**",
    "portal/choices.py",
    "portal/public_texts.py",
    "portal/views/public.py",
    "portal/forms/public.py",
)

CONTENT = (
    "Published content of the institution (pages, offers of institutions with their "
    "public contact data, events, documents); no private persons."
)


def register() -> None:
    register_public_sources(*PUBLIC_SOURCES)

    register_public_navigation("portal:home", label=texts.NAV_HOME, order=10)
    register_public_navigation("portal:offers", label=texts.NAV_OFFERS, order=20)
    register_public_navigation("portal:events", label=texts.NAV_EVENTS, order=30)
    register_public_navigation("portal:documents", label=texts.NAV_DOCUMENTS, order=40)
    register_public_navigation("portal:contact", label=texts.NAV_CONTACT, order=50)
    register_public_navigation(
        "portal:accessibility", label=texts.NAV_ACCESSIBILITY, place="footer", order=90
    )

    register_navigation(
        "portal_staff:overview",
        label=_("Öffentliche Seiten"),
        permission="portal.manage_content",
        order=60,
    )

    from teilhabe.portal.selectors import start_tile

    register_tile(
        "portal.feedback",
        template="portal/tiles/feedback.html",
        permission="portal.view_feedback",
        context=start_tile,
        order=70,
    )

    register_actions(
        {
            "portal.page.saved": _("Seite der öffentlichen Website gespeichert"),
            "portal.offer.saved": _("Angebot gespeichert"),
            "portal.offer.deleted": _("Angebot gelöscht"),
            "portal.event.saved": _("Veranstaltung gespeichert"),
            "portal.event.deleted": _("Veranstaltung gelöscht"),
            "portal.document.saved": _("Dokument oder Link gespeichert"),
            "portal.document.deleted": _("Dokument oder Link gelöscht"),
            "portal.translation.saved": _("Übersetzung gespeichert"),
            "portal.feedback.received": _("Rückmeldung zur Barrierefreiheit eingegangen"),
        }
    )

    for model in (
        "portal.page",
        "portal.pagetranslation",
        "portal.offer",
        "portal.offertranslation",
        "portal.event",
        "portal.eventtranslation",
        "portal.documentlink",
        "portal.documentlinktranslation",
    ):
        register_not_personal(model, reason=CONTENT)
    register_retention(
        "portal.feedback",
        purpose=_("Rückmeldungen zur Barrierefreiheit beantworten und Barrieren beheben"),
        legal_basis="§ 10b Abs. 2 BGG NRW, § 8 BITVNRW; Art. 6 Abs. 1 lit. e DSGVO",
        trigger=_("Eingang der Rückmeldung"),
        trigger_field="created_at",
        period=years(1),
        action=RetentionAction.DELETE,
        personal_fields=("name", "email", "message", "client_key"),
        subjects=_(
            "Besucherinnen und Besucher der öffentlichen Seiten, die eine Rückmeldung senden"
        ),
        categories=_(
            "Name und E-Mail (freiwillig), Text der Rückmeldung, Seite, Schlüssel der "
            "Adresse gegen Massenversand"
        ),
        recipients=_(
            "Beschäftigte des Zentrums mit Zugriff auf die Rückmeldungen; auf Wunsch die "
            "Ombudsstelle"
        ),
    )
