"""What funding plugs into the layers below: navigation, public navigation, audit codes
and retention rules (called from ``AppConfig.ready``)."""

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
    years,
)

# Grant files are kept ten years after the proof of use was checked (LHO NRW § 70 with
# VV Nr. 6.5 zu § 44: records of grants; the state's own proof rests on them).
FILE_BASIS = "§§ 23, 44 LHO NRW mit VV; Art. 6 Abs. 1 lit. c und e DSGVO"
GRANT_SUBJECTS = _("Ansprechpersonen der antragstellenden Träger; in Belegen genannte Personen")
GRANT_RECIPIENTS = _(
    "Bewilligungsbehörde (Bezirksregierung) und Land NRW (Nachweis), Stadtkasse (Auszahlung), "
    "auf Anforderung Rechnungsprüfung"
)

ACTIONS = {
    "foerderung.year.created": _("Förderjahr angelegt"),
    "foerderung.call.created": _("Förderaufruf angelegt"),
    "foerderung.call.status_changed": _("Förderaufruf veröffentlicht oder geschlossen"),
    "foerderung.form.versioned": _("Antragsformular in neuer Fassung gespeichert"),
    "foerderung.template.versioned": _("Bescheidvorlage in neuer Fassung gespeichert"),
    "foerderung.application.started": _("Förderantrag begonnen"),
    "foerderung.application.saved": _("Förderantrag gespeichert"),
    "foerderung.application.submitted": _("Förderantrag eingereicht"),
    "foerderung.application.attachment_added": _("Anlage zum Förderantrag hochgeladen"),
    "foerderung.application.reviewed": _("Förderantrag geprüft"),
    "foerderung.application.decided": _("Über Förderantrag entschieden"),
    "foerderung.payment.requested": _("Mittel abgerufen"),
    "foerderung.payment.paid": _("Mittel ausgezahlt"),
    "foerderung.proof.due_changed": _("Frist des Verwendungsnachweises geändert"),
    "foerderung.proof.receipt_added": _("Beleg zum Verwendungsnachweis erfasst"),
    "foerderung.proof.submitted": _("Verwendungsnachweis eingereicht"),
    "foerderung.proof.checked": _("Verwendungsnachweis geprüft"),
    "foerderung.proof.reminded": _("An Verwendungsnachweis erinnert"),
    "foerderung.demo.loaded": _("Demodaten Förderung geladen"),
}


def register() -> None:
    # families and applicants read these: every string needs all seven languages
    register_public_sources("templates/foerderung/public/**", "foerderung/views/public.py")
    register_navigation(
        "foerderung:overview", label=_("Förderung"), permission="foerderung.view", order=60
    )
    register_public_navigation(
        "foerderung_public:calls", label=_("Förderung"), place="footer", order=60
    )
    register_actions(ACTIONS)

    after_proof = _("Prüfung des Verwendungsnachweises (Abschluss der Förderakte)")
    for model, fields in {
        "foerderung.application": (
            "contact_name",
            "contact_email",
            "answers",
            "de_minimis",
            "review_note",
        ),
        "foerderung.attachment": ("file", "original_name"),
        "foerderung.snapshot": ("data", "note"),
        "foerderung.decisionletter": ("pdf", "sent_to"),
        "foerderung.proofofuse": ("report", "report_file"),
        "foerderung.receipt": ("payee", "purpose"),
        "foerderung.paymentrequest": ("purpose",),
        "foerderung.ledgerentry": ("note",),
    }.items():
        register_retention(
            model,
            purpose=_("Förderakte nach KOMM-AN NRW: Antrag, Bescheid, Auszahlung, Nachweis"),
            legal_basis=FILE_BASIS,
            trigger=after_proof,
            period=years(10),
            action=RetentionAction.DELETE,
            personal_fields=fields,
            subjects=GRANT_SUBJECTS,
            categories=_(
                "Name und E-Mail der Ansprechperson des Trägers, Antragsangaben, De-minimis-"
                "Erklärung, Prüfvermerke, Bescheide, Belege und Zahlungsempfänger"
            ),
            recipients=GRANT_RECIPIENTS,
        )
    register_retention(
        "foerderung.remindersent",
        purpose=_("Erinnerungen an den Verwendungsnachweis genau einmal senden"),
        legal_basis=FILE_BASIS,
        trigger=after_proof,
        period=years(1),
        action=RetentionAction.DELETE,
        personal_fields=(),
        subjects=GRANT_SUBJECTS,
        categories=_("Versand einer Erinnerung an den Träger (Zeitpunkt)"),
        recipients=_("keine"),
    )
    for model in ("fundingyear", "bausteinbudget", "call", "formversion", "lettertemplate"):
        register_not_personal(
            f"foerderung.{model}",
            reason="Förderprogramm: Jahre, Budgets, Aufrufe, Formulare und Vorlagen",
        )
