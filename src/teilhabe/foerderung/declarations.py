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

# Grant files are kept ten years after they were closed (LHO NRW § 70 with VV Nr. 6.5 zu
# § 44: records of grants; the state's own proof rests on them); then the personal data
# goes and the money trail stays (see ``foerderung.retention``).
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

    from teilhabe.foerderung import retention as due

    closed = _(
        "Abschluss der Förderakte: Prüfung des Verwendungsnachweises, Ablehnung des "
        "Antrags oder, bei nie eingereichten Entwürfen, ein Jahr nach Beginn"
    )
    # (model, personal fields, action, due, anonymise, order); attachments go before the
    # application rule deletes the drafts they belong to
    file_rules = (
        (
            "foerderung.attachment",
            ("file", "original_name"),
            RetentionAction.DELETE,
            due.due_attachments,
            None,
            90,
        ),
        (
            "foerderung.application",
            ("contact_name", "contact_email", "answers", "de_minimis", "review_note"),
            RetentionAction.ANONYMISE,
            due.due_applications,
            due.anonymise_applications,
            100,
        ),
        (
            "foerderung.snapshot",
            ("data", "note"),
            RetentionAction.ANONYMISE,
            due.due_snapshots,
            due.anonymise_snapshots,
            100,
        ),
        (
            "foerderung.decisionletter",
            ("pdf", "sent_to"),
            RetentionAction.ANONYMISE,
            due.due_letters,
            due.anonymise_letters,
            100,
        ),
        (
            "foerderung.proofofuse",
            ("report", "report_file"),
            RetentionAction.ANONYMISE,
            due.due_proofs,
            due.anonymise_proofs,
            100,
        ),
        (
            "foerderung.receipt",
            ("payee", "purpose"),
            RetentionAction.ANONYMISE,
            due.due_receipts,
            due.anonymise_receipts,
            100,
        ),
        (
            "foerderung.paymentrequest",
            ("purpose",),
            RetentionAction.ANONYMISE,
            due.due_payment_requests,
            due.anonymise_payment_requests,
            100,
        ),
    )
    for model, fields, action, due_rows, anonymise, order in file_rules:
        register_retention(
            model,
            purpose=_("Förderakte nach KOMM-AN NRW: Antrag, Bescheid, Auszahlung, Nachweis"),
            legal_basis=FILE_BASIS,
            trigger=closed,
            period=years(10),
            # the amounts, dates and statuses stay (budget balances, the state's proof);
            # the personal data goes, attachments and never submitted drafts are deleted
            action=action,
            personal_fields=fields,
            due=due_rows,
            anonymise=anonymise,
            order=order,
            subjects=GRANT_SUBJECTS,
            categories=_(
                "Name und E-Mail der Ansprechperson des Trägers, Antragsangaben, De-minimis-"
                "Erklärung, Prüfvermerke, Bescheide, Belege und Zahlungsempfänger"
            ),
            recipients=GRANT_RECIPIENTS,
        )
    register_retention(
        "foerderung.ledgerentry",
        purpose=_("Haushaltsbuchungen des Förderjahres (Bindung, Auszahlung, Rückforderung)"),
        legal_basis=FILE_BASIS,
        # deleting a booking would change the budget balances and the state's proof; the
        # note holds only the file reference or a fixed booking text, the only personal
        # datum is the booking staff member (anonymised with their account)
        trigger=_("Buchung; bleibt als Nachweis der Mittel mit dem Budget des Förderjahres"),
        period=years(0),
        action=RetentionAction.KEEP,
        personal_fields=("actor",),
        subjects=_("Beschäftigte des KI, die gebucht haben"),
        categories=_("Benutzerkonto der buchenden Person"),
        recipients=GRANT_RECIPIENTS,
    )
    register_retention(
        "foerderung.remindersent",
        purpose=_("Erinnerungen an den Verwendungsnachweis genau einmal senden"),
        legal_basis=FILE_BASIS,
        trigger=closed,
        period=years(1),
        action=RetentionAction.DELETE,
        personal_fields=(),
        due=due.due_reminders,
        subjects=GRANT_SUBJECTS,
        categories=_("Versand einer Erinnerung an den Träger (Zeitpunkt)"),
        recipients=_("keine"),
    )
    for model in ("fundingyear", "bausteinbudget", "call", "formversion", "lettertemplate"):
        register_not_personal(
            f"foerderung.{model}",
            reason="Förderprogramm: Jahre, Budgets, Aufrufe, Formulare und Vorlagen",
        )
