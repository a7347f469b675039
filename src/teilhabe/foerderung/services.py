"""Writes of the funding work area. One transaction and one audit entry per call.

The rules that keep the money right live here: a commitment never exceeds the Baustein's
free budget and a payment never the grant's open amount (both under a row lock on the
``BausteinBudget`` row, so parallel approvals queue behind each other); whoever checked or
reviewed an application may not decide it (four eyes); every status change keeps a snapshot;
a receipt outside the funding period is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.centres.public import PUBLIC_LANGUAGES
from teilhabe.documents.validation import SCANS, safe_original_name, validate_upload
from teilhabe.engagement.services.organisations import applicant_organisation
from teilhabe.foerderung import financing, formdef
from teilhabe.foerderung import ledger as ledger_math
from teilhabe.foerderung.choices import (
    EDITABLE,
    TRANSITIONS,
    ApplicationStatus,
    Baustein,
    CallStatus,
    FinancingType,
    LetterKind,
    PaymentStatus,
    ProofStatus,
    ReminderKind,
)
from teilhabe.foerderung.ledger import Kind, LedgerError
from teilhabe.foerderung.models import (
    Application,
    Attachment,
    BausteinBudget,
    Call,
    DecisionLetter,
    FormVersion,
    FundingYear,
    LedgerEntry,
    LetterTemplate,
    PaymentRequest,
    ProofOfUse,
    Receipt,
    ReminderSent,
    Snapshot,
)
from teilhabe.foerderung.money import format_euros
from teilhabe.notify.services import Attachment as MailAttachment
from teilhabe.notify.services import queue_mail

#: EU 2023/2831: de-minimis aid to one undertaking over three years.
DE_MINIMIS_CEILING = 300_000_00
#: Reminders: this many days before the due date, and from the day after it.
REMIND_BEFORE_DAYS = 14


def _require(actor: User, perm: str, obj: Any = None) -> Centre:
    if actor is None or actor.centre_id is None or not actor.has_perm(perm, obj):
        raise PermissionDenied
    return actor.centre


def _save(obj: Any) -> Any:
    obj.full_clean()
    obj.save()
    return obj


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- ledger -------------------------------------------------------------------------------


def balance_of(
    budget: BausteinBudget, *, application: Application | None = None
) -> ledger_math.Balance:
    """The Baustein's balance (or one grant's, with ``application``) from its entries."""
    entries = LedgerEntry.objects.filter(budget=budget)
    if application is not None:
        entries = entries.filter(application=application)
    return ledger_math.total(list(entries.values_list("kind", "amount")))


def _book(
    *,
    budget: BausteinBudget,
    kind: Kind,
    amount: int,
    actor: User | None,
    application: Application | None = None,
    note: str = "",
    field_name: str = "amount",
) -> LedgerEntry:
    """One booking, checked against the Baustein and (for a grant) the grant's balance.

    The caller's transaction holds the lock on ``budget`` (``_lock_budget``)."""
    try:
        ledger_math.apply(balance_of(budget), kind, amount)
        if application is not None and kind != Kind.COMMIT:
            ledger_math.apply(balance_of(budget, application=application), kind, amount)
    except LedgerError as exc:
        raise ValidationError({field_name: str(exc)}) from exc
    return _save(
        LedgerEntry(
            budget=budget,
            application=application,
            kind=kind,
            amount=amount,
            actor=actor,
            note=note[:200],
        )
    )


def _lock_budget(call: Call) -> BausteinBudget:
    return BausteinBudget.objects.select_for_update().get(year=call.year, baustein=call.baustein)


# --- programme ----------------------------------------------------------------------------


@transaction.atomic
def create_year(
    *,
    actor: User,
    year: int,
    period_start: dt.date,
    period_end: dt.date,
    grants: Mapping[str, int],
    state_reference: str = "",
) -> FundingYear:
    """A funding year with the state's grant per Baustein (cents), booked as budget."""
    centre = _require(actor, "foerderung.manage_calls")
    if period_end <= period_start:
        raise ValidationError({"period_end": _("Das Ende muss nach dem Beginn liegen.")})
    if FundingYear.objects.filter(centre=centre, year=year).exists():
        raise ValidationError(
            {"year": _("Das Förderjahr %(year)s gibt es schon.") % {"year": year}}
        )
    funding_year = _save(
        FundingYear(
            centre=centre,
            year=year,
            period_start=period_start,
            period_end=period_end,
            state_reference=state_reference,
        )
    )
    for baustein in Baustein.values:
        budget = _save(BausteinBudget(year=funding_year, baustein=baustein))
        amount = int(grants.get(baustein, 0))
        if amount < 0:
            raise ValidationError({f"grant_{baustein}": _("Beträge dürfen nicht negativ sein.")})
        if amount:
            _book(
                budget=budget,
                kind=Kind.BUDGET,
                amount=amount,
                actor=actor,
                note=_("Zuweisung des Landes"),
            )
    record(
        actor=actor,
        centre=centre,
        action="foerderung.year.created",
        target=funding_year,
        summary=str(year),
        data={b: int(grants.get(b, 0)) for b in Baustein.values},
    )
    return funding_year


def _check_rule(values: Mapping[str, Any]) -> None:
    kind = values["financing_type"]
    errors: dict[str, str] = {}
    if kind == FinancingType.FIXED:
        if not values.get("flat_amount"):
            errors["flat_amount"] = _("Für einen Festbetrag bitte die Pauschale angeben.")
        if values.get("max_units") and not values.get("unit_label"):
            errors["unit_label"] = _("Wofür gilt die Pauschale (z. B. „Raum“)?")
    if kind == FinancingType.SHARE:
        share = values.get("share_percent")
        if share is None or not (Decimal(0) < Decimal(share) <= Decimal(100)):
            errors["share_percent"] = _("Der Anteil muss zwischen 0 und 100 Prozent liegen.")
    if kind in (FinancingType.SHORTFALL, FinancingType.SHARE) and not values.get("max_amount"):
        errors["max_amount"] = _("Bitte einen Höchstbetrag angeben.")
    for key in ("flat_amount", "max_amount"):
        if values.get(key) is not None and values[key] < 0:
            errors[key] = _("Beträge dürfen nicht negativ sein.")
    if values["deadline"] < values["opens_on"]:
        errors["deadline"] = _("Die Frist endet vor dem Beginn.")
    if errors:
        raise ValidationError(errors)


CALL_FIELDS = (
    "baustein",
    "title",
    "description",
    "financing_type",
    "flat_amount",
    "unit_label",
    "max_units",
    "max_amount",
    "share_percent",
    "opens_on",
    "deadline",
    "proof_due_days",
)


@transaction.atomic
def create_call(
    *, actor: User, year: FundingYear, values: Mapping[str, Any], form: Mapping[str, Any]
) -> Call:
    """A call with its financing rule and the first version of its form."""
    centre = _require(actor, "foerderung.manage_calls", year)
    _check_rule(values)
    formdef.validate_definition(dict(form))
    call = _save(
        Call(centre=centre, year=year, **{k: values.get(k) for k in CALL_FIELDS if k in values})
    )
    _save(FormVersion(call=call, number=1, definition=dict(form), created_by=actor))
    record(
        actor=actor,
        centre=centre,
        action="foerderung.call.created",
        target=call,
        summary=call.title,
        data={"baustein": call.baustein, "financing_type": call.financing_type},
    )
    return call


@transaction.atomic
def save_form_version(*, actor: User, call: Call, definition: Mapping[str, Any]) -> FormVersion:
    """A new version of the call's form; earlier versions stay as they were (applications
    made with them keep them)."""
    centre = _require(actor, "foerderung.manage_calls", call)
    call = Call.objects.select_for_update().get(pk=call.pk)
    formdef.validate_definition(dict(definition))
    latest = call.form_versions.aggregate(n=Max("number"))["n"] or 0
    version = _save(
        FormVersion(call=call, number=latest + 1, definition=dict(definition), created_by=actor)
    )
    record(
        actor=actor,
        centre=centre,
        action="foerderung.form.versioned",
        target=call,
        summary=_("Fassung %(n)s") % {"n": version.number},
    )
    return version


@transaction.atomic
def set_call_status(*, actor: User, call: Call, status: str) -> Call:
    centre = _require(actor, "foerderung.manage_calls", call)
    if status not in CallStatus.values:
        raise ValidationError(_("Unbekannter Status."))
    call.status = status
    _save(call)
    record(
        actor=actor,
        centre=centre,
        action="foerderung.call.status_changed",
        target=call,
        summary=call.get_status_display(),
    )
    return call


PLACEHOLDERS = {
    "organisation": "Name der Organisation",
    "reference": "Aktenzeichen",
    "call": "Titel des Aufrufs",
    "baustein": "Baustein",
    "requested": "beantragter Betrag",
    "amount": "bewilligter Betrag",
    "conditions": "Auflagen",
    "reasons": "Begründung",
    "period_start": "Beginn des Förderzeitraums",
    "period_end": "Ende des Förderzeitraums",
    "proof_due": "Frist des Verwendungsnachweises",
    "centre": "Name des Zentrums",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")

DEFAULT_TEMPLATES = {
    LetterKind.APPROVAL: (
        "Zuwendungsbescheid und Weiterleitungsvertrag – {reference}",
        "Sehr geehrte Damen und Herren,\n\n"
        "auf Ihren Antrag im Aufruf „{call}“ (KOMM-AN NRW, Baustein {baustein}) bewilligen "
        "wir {organisation} eine Zuwendung von {amount} (beantragt: {requested}) für den "
        "Förderzeitraum {period_start} bis {period_end}.\n\n"
        "Die Mittel werden auf Ihren Abruf ausgezahlt, soweit sie innerhalb von zwei Monaten "
        "gebraucht werden. Die Zuwendung wird Ihnen aus Landesmitteln weitergeleitet; es "
        "gelten die Allgemeinen Nebenbestimmungen (ANBest-P) und die Richtlinie KOMM-AN NRW.\n\n"
        "Auflagen: {conditions}\n\n"
        "Der Verwendungsnachweis (Sachbericht und Belegliste mit Datum, Empfänger, Zweck und "
        "Betrag) ist bis zum {proof_due} vorzulegen.\n\n"
        "Mit freundlichen Grüßen\n{centre}",
    ),
    LetterKind.REJECTION: (
        "Ablehnung Ihres Förderantrags – {reference}",
        "Sehr geehrte Damen und Herren,\n\n"
        "Ihren Antrag im Aufruf „{call}“ (KOMM-AN NRW, Baustein {baustein}) über {requested} "
        "können wir leider nicht bewilligen.\n\nBegründung: {reasons}\n\n"
        "Gegen diesen Bescheid können Sie innerhalb eines Monats nach Bekanntgabe Klage beim "
        "zuständigen Verwaltungsgericht erheben.\n\nMit freundlichen Grüßen\n{centre}",
    ),
}


def _check_placeholders(text: str, field_name: str) -> None:
    unknown = sorted(set(_PLACEHOLDER.findall(text)) - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            {
                field_name: _("Unbekannte Platzhalter: %(names)s. Möglich: %(known)s.")
                % {
                    "names": ", ".join("{" + n + "}" for n in unknown),
                    "known": ", ".join("{" + n + "}" for n in PLACEHOLDERS),
                }
            }
        )


@transaction.atomic
def save_letter_template(*, actor: User, kind: str, subject: str, body: str) -> LetterTemplate:
    """A new version of a decision letter's text (older letters keep their version)."""
    centre = _require(actor, "foerderung.manage_calls")
    if kind not in LetterKind.values:
        raise ValidationError({"kind": _("Unbekannte Art des Bescheids.")})
    _check_placeholders(subject, "subject")
    _check_placeholders(body, "body")
    latest = (
        LetterTemplate.objects.filter(centre=centre, kind=kind).aggregate(n=Max("version"))["n"]
        or 0
    )
    template = _save(
        LetterTemplate(
            centre=centre,
            kind=kind,
            version=latest + 1,
            subject=subject.strip(),
            body=body.strip(),
            created_by=actor,
        )
    )
    record(
        actor=actor,
        centre=centre,
        action="foerderung.template.versioned",
        target=template,
        summary=f"{template.get_kind_display()} v{template.version}",
    )
    return template


def _current_template(centre: Centre, kind: str, actor: User) -> LetterTemplate:
    template = LetterTemplate.objects.filter(centre=centre, kind=kind).order_by("-version").first()
    if template is None:
        subject, body = DEFAULT_TEMPLATES[LetterKind(kind)]
        template = _save(
            LetterTemplate(
                centre=centre, kind=kind, version=1, subject=subject, body=body, created_by=actor
            )
        )
    return template


def fill(text: str, values: Mapping[str, str]) -> str:
    """The template text with its placeholders filled (nothing else is interpreted)."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


# --- applying (public, no account) --------------------------------------------------------


def _snapshot_data(application: Application) -> dict[str, Any]:
    return {
        "form_version": application.form_version.number,
        "answers": application.answers,
        "cost_plan": application.cost_plan,
        "own_funds": application.own_funds,
        "third_party": application.third_party,
        "requested": application.requested,
        "units": application.units,
        "de_minimis": application.de_minimis,
        "approved": application.approved,
        "conditions": application.conditions,
        "reasons": application.reasons,
        "attachments": [{"key": f.key, "name": f.original_name} for f in application.files.all()],
    }


def _move(application: Application, to: str, *, actor: User | None, note: str = "") -> None:
    """Change the status along ``TRANSITIONS`` and keep a snapshot of the application."""
    if to not in TRANSITIONS[application.status]:
        raise ValidationError(
            _("Im Status „%(status)s“ ist das nicht möglich.")
            % {"status": application.get_status_display()}
        )
    Snapshot.objects.create(
        application=application,
        from_status=application.status,
        to_status=to,
        actor=actor,
        note=note,
        data=_snapshot_data(application),
    )
    application.status = to


def _public_link(application: Application, token: str, lang: str) -> str:
    from django.conf import settings
    from django.urls import reverse

    path = reverse(
        "foerderung_public:application",
        kwargs={"centre": application.centre.slug, "lang": lang, "token": token},
    )
    return getattr(settings, "TEILHABE_SITE_URL", "").rstrip("/") + path


@transaction.atomic
def start_application(
    *,
    call: Call,
    organisation_name: str,
    organisation_email: str,
    organisation_kind: str,
    contact_name: str,
    contact_email: str,
    lang: str = "de",
    today: dt.date | None = None,
) -> tuple[Application, str]:
    """A draft application and its personal link, mailed to the applicant only.

    The link is shown nowhere else: whoever types an organisation's address cannot read or
    change that organisation's applications without access to the mailbox."""
    today = today or timezone.localdate()
    if call.status != CallStatus.OPEN or not (call.opens_on <= today <= call.deadline):
        raise ValidationError(_("Für diesen Aufruf können keine Anträge gestellt werden."))
    if not organisation_name.strip():
        raise ValidationError({"organisation_name": _("Bitte den Namen der Organisation angeben.")})
    organisation = applicant_organisation(
        centre=call.centre,
        name=organisation_name.strip(),
        email=organisation_email.strip(),
        kind=organisation_kind,
    )
    version = call.form_versions.order_by("-number").first()
    token = secrets.token_urlsafe(32)
    number = Application.objects.filter(call__year=call.year).count() + 1
    application = _save(
        Application(
            centre=call.centre,
            call=call,
            form_version=version,
            organisation=organisation,
            reference=f"KA-{call.year.year}-{call.baustein}-{number:04d}-{secrets.token_hex(2)}",
            contact_name=contact_name.strip(),
            contact_email=contact_email.strip(),
            lang=lang if lang in PUBLIC_LANGUAGES else "de",
            token_hash=token_hash(token),
        )
    )
    link = _public_link(application, token, application.lang)
    with translation.override(application.lang):
        queue_mail(
            to=[application.contact_email],
            subject=_("Ihr Förderantrag %(ref)s") % {"ref": application.reference},
            body=_(
                "Guten Tag %(name)s,\n\nSie haben einen Förderantrag im Aufruf „%(call)s“ "
                "begonnen. Über diesen persönlichen Link können Sie ihn speichern, später "
                "weiter bearbeiten und einreichen:\n\n%(link)s\n\nBitte geben Sie den Link nicht "
                "weiter.\n\n%(centre)s"
            )
            % {
                "name": application.contact_name,
                "call": call.title,
                "link": link,
                "centre": call.centre.name,
            },
            centre=call.centre,
            language=application.lang,
            topic=f"foerderung.application:{application.pk}",
        )
    record(
        actor=None,
        centre=call.centre,
        action="foerderung.application.started",
        target=application,
        summary=f"{application.reference} {organisation.name}",
    )
    return application, token


@dataclass
class Saved:
    application: Application
    warnings: list[str] = field(default_factory=list)


def plan_of(application: Application) -> financing.Plan:
    return financing.Plan(
        costs=[int(v) for v in application.cost_plan.values()],
        own_funds=application.own_funds,
        third_party=application.third_party,
        requested=application.requested,
        units=application.units,
    )


def rule_of(call: Call) -> financing.Rule:
    return financing.Rule(
        financing_type=financing.FinancingType(call.financing_type),
        flat_amount=call.flat_amount,
        unit_label=call.unit_label,
        max_units=call.max_units,
        max_amount=call.max_amount,
        share_percent=call.share_percent,
    )


def de_minimis_warning(application: Application) -> str:
    """A warning when earlier de-minimis aid plus this grant exceeds EU 2023/2831's ceiling."""
    earlier = sum(int(item.get("amount", 0)) for item in application.de_minimis)
    if earlier + application.requested > DE_MINIMIS_CEILING:
        return _(
            "De-minimis: mit den angegebenen Beihilfen der letzten drei Jahre (%(earlier)s) "
            "und dieser Zuwendung (%(requested)s) würde die Höchstgrenze von %(ceiling)s "
            "überschritten (Verordnung (EU) 2023/2831)."
        ) % {
            "earlier": format_euros(earlier),
            "requested": format_euros(application.requested),
            "ceiling": format_euros(DE_MINIMIS_CEILING),
        }
    return ""


def _clean_de_minimis(items: Sequence[Mapping[str, Any]], today: dt.date) -> list[dict[str, Any]]:
    cleaned = []
    three_years_ago = (
        today.replace(year=today.year - 3)
        if not (today.month == 2 and today.day == 29)
        else today - dt.timedelta(days=3 * 365)
    )
    for item in items:
        date, grantor, amount = (
            item.get("date"),
            str(item.get("grantor", "")).strip(),
            item.get("amount"),
        )
        if not (date or grantor or amount):
            continue
        if not (date and grantor and amount):
            raise ValidationError(
                {
                    "de_minimis": _(
                        "Bitte bei jeder De-minimis-Beihilfe Datum, Geber und Betrag angeben."
                    )
                }
            )
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        if date > today:
            raise ValidationError(
                {"de_minimis": _("Eine Beihilfe kann nicht in der Zukunft liegen.")}
            )
        if int(amount) <= 0:
            raise ValidationError({"de_minimis": _("Beträge müssen größer als 0 sein.")})
        if date < three_years_ago:
            continue  # older aid does not count
        cleaned.append({"date": date.isoformat(), "grantor": grantor[:200], "amount": int(amount)})
    return cleaned


@transaction.atomic
def save_application(
    *,
    application: Application,
    answers: Mapping[str, Any],
    cost_plan: Mapping[str, int],
    own_funds: int,
    third_party: int,
    requested: int,
    units: int,
    de_minimis: Sequence[Mapping[str, Any]],
    de_minimis_declared: bool,
    submit: bool,
    today: dt.date | None = None,
) -> Saved:
    """Save the applicant's answers and plans; with ``submit`` also hand it in.

    Anything the rules refuse (a plan that does not add up, more units than the cap, a
    missing required field or attachment) raises one ValidationError and saves nothing."""
    today = today or timezone.localdate()
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in EDITABLE:
        raise ValidationError(_("Der Antrag ist eingereicht und kann nicht mehr geändert werden."))
    definition = application.form_version.definition
    cleaned = formdef.clean_answers(definition, dict(answers), complete=submit)
    line_keys = [line["key"] for line in definition["cost_lines"]]
    plan_values: dict[str, int] = {}
    for key in line_keys:
        value = int(cost_plan.get(key) or 0)
        if value < 0:
            raise ValidationError({key: _("Beträge dürfen nicht negativ sein.")})
        plan_values[key] = value
    application.answers = cleaned
    application.cost_plan = plan_values
    application.own_funds = own_funds
    application.third_party = third_party
    application.requested = requested
    application.units = units
    application.de_minimis = _clean_de_minimis(de_minimis, today)
    application.de_minimis_declared = de_minimis_declared
    plan = plan_of(application)
    touched = any(plan.costs) or requested or own_funds or third_party or units
    if touched or submit:
        result = financing.compute(rule_of(application.call), plan)
        if not result.ok:
            raise ValidationError(result.errors)
    action = "foerderung.application.saved"
    if submit:
        if today > application.call.deadline:
            raise ValidationError(_("Die Antragsfrist ist abgelaufen."))
        if not de_minimis_declared:
            raise ValidationError(
                {"de_minimis_declared": _("Bitte die De-minimis-Erklärung abgeben.")}
            )
        have = set(application.files.values_list("key", flat=True))
        missing = [
            a["label"] for a in definition["attachments"] if a["required"] and a["key"] not in have
        ]
        if missing:
            raise ValidationError(
                {"attachments": _("Es fehlen Anlagen: %(names)s.") % {"names": ", ".join(missing)}}
            )
        _move(application, ApplicationStatus.SUBMITTED, actor=None)
        application.submitted_at = timezone.now()
        action = "foerderung.application.submitted"
    _save(application)
    warning = de_minimis_warning(application)
    record(
        actor=None,
        centre=application.centre,
        action=action,
        target=application,
        summary=f"{application.reference} {format_euros(application.requested)}",
    )
    return Saved(application, [warning] if warning else [])


@transaction.atomic
def add_attachment(*, application: Application, key: str, upload: UploadedFile) -> Attachment:
    """An attachment the form asks for (or "sonstige")."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in EDITABLE:
        raise ValidationError(_("Der Antrag ist eingereicht und kann nicht mehr geändert werden."))
    labels = {a["key"]: a["label"] for a in application.form_version.definition["attachments"]}
    labels["other"] = _("Sonstige Anlage")
    if key not in labels:
        raise ValidationError({"key": _("Unbekannte Anlage.")})
    validate_upload(upload, types=SCANS)
    attachment = Attachment(
        application=application,
        key=key,
        label=labels[key],
        original_name=safe_original_name(upload.name or "anlage"),
    )
    attachment.file.save(f"{secrets.token_hex(16)}", upload, save=False)
    _save(attachment)
    record(
        actor=None,
        centre=application.centre,
        action="foerderung.application.attachment_added",
        target=application,
        summary=attachment.label,
    )
    return attachment


# --- review and decision --------------------------------------------------------------------


REVIEW_STEPS = {
    "formal_ok": ApplicationStatus.FORMALLY_CHECKED,
    "passed": ApplicationStatus.REVIEWED,
    "changes": ApplicationStatus.CHANGES_REQUESTED,
}


@transaction.atomic
def review(*, actor: User, application: Application, step: str, note: str = "") -> Application:
    """Formal check, content review, or a request for changes back to the applicant."""
    centre = _require(actor, "foerderung.review", application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if step not in REVIEW_STEPS:
        raise ValidationError(_("Unbekannter Prüfschritt."))
    to = REVIEW_STEPS[step]
    if step == "changes" and not note.strip():
        raise ValidationError({"note": _("Bitte schreiben Sie, was geändert werden soll.")})
    _move(application, to, actor=actor, note=note.strip())
    if step == "formal_ok":
        application.formally_checked_by = actor
    elif step == "passed":
        application.reviewed_by = actor
    application.review_note = note.strip()
    _save(application)
    if step == "changes":
        with translation.override(application.lang):
            queue_mail(
                to=[application.contact_email],
                subject=_("Ihr Förderantrag %(ref)s: bitte nachbessern")
                % {"ref": application.reference},
                body=_(
                    "Guten Tag %(name)s,\n\nbitte ändern Sie Ihren Antrag über Ihren persönlichen "
                    "Link und reichen Sie ihn erneut ein:\n\n%(note)s\n\n%(centre)s"
                )
                % {"name": application.contact_name, "note": note.strip(), "centre": centre.name},
                centre=centre,
                language=application.lang,
                topic=f"foerderung.application:{application.pk}",
            )
    record(
        actor=actor,
        centre=centre,
        action="foerderung.application.reviewed",
        target=application,
        summary=application.get_status_display(),
    )
    return application


def may_decide(actor: User, application: Application) -> bool:
    """The four-eyes rule: nobody decides an application they checked or reviewed."""
    return actor.pk not in {application.formally_checked_by_id, application.reviewed_by_id}


def _letter_values(application: Application) -> dict[str, str]:
    call, year = application.call, application.call.year
    return {
        "organisation": application.organisation.name,
        "reference": application.reference,
        "call": call.title,
        "baustein": call.baustein,
        "requested": format_euros(application.requested),
        "amount": format_euros(application.approved) if application.approved else "",
        "conditions": application.conditions or _("keine"),
        "reasons": application.reasons,
        "period_start": year.period_start.strftime("%d.%m.%Y"),
        "period_end": year.period_end.strftime("%d.%m.%Y"),
        "proof_due": application.proof_due.strftime("%d.%m.%Y") if application.proof_due else "",
        "centre": application.centre.name,
    }


def render_letter(application: Application, template: LetterTemplate) -> bytes:
    from teilhabe.letters.rendering import Letterhead, render_pdf

    values = _letter_values(application)
    organisation, centre = application.organisation, application.centre
    return render_pdf(
        "foerderung/letters/decision.html",
        {
            "subject": fill(template.subject, values),
            "paragraphs": [
                p.strip() for p in fill(template.body, values).split("\n\n") if p.strip()
            ],
            "template": template,
        },
        languages=["de"],
        letterhead=Letterhead(
            sender=centre.name,
            subtitle=_("Kommunales Integrationszentrum"),
            contact=[
                line
                for line in (
                    centre.street,
                    f"{centre.postcode} {centre.city}".strip(),
                    centre.email,
                )
                if line
            ],
            return_address=" · ".join(
                x
                for x in (centre.name, centre.street, f"{centre.postcode} {centre.city}".strip())
                if x
            ),
            recipient=[
                line
                for line in (
                    organisation.name,
                    application.contact_name,
                    organisation.street,
                    f"{organisation.postcode} {organisation.city}".strip(),
                )
                if line
            ],
            info=[
                (_("Datum"), timezone.localdate().strftime("%d.%m.%Y")),
                (_("Aktenzeichen"), application.reference),
            ],
        ),
        title=fill(template.subject, values),
    )


@transaction.atomic
def decide(
    *,
    actor: User,
    application: Application,
    approve: bool,
    amount: int | None = None,
    conditions: str = "",
    reasons: str = "",
    proof_due: dt.date | None = None,
) -> Application:
    """Approve (possibly less, with conditions) or reject with reasons; commit the money,
    write the letter from the current template version and mail it."""
    centre = _require(actor, "foerderung.decide", application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not may_decide(actor, application):
        raise ValidationError(
            _("Vier-Augen-Prinzip: Wer den Antrag geprüft hat, darf nicht über ihn entscheiden.")
        )
    if application.status != ApplicationStatus.REVIEWED:
        raise ValidationError(_("Entschieden wird erst nach der inhaltlichen Prüfung."))
    call, year = application.call, application.call.year
    if approve:
        amount = application.requested if amount is None else amount
        if amount <= 0:
            raise ValidationError({"amount": _("Der bewilligte Betrag muss größer als 0 sein.")})
        if amount > application.requested:
            raise ValidationError(
                {
                    "amount": _("Bewilligt werden kann höchstens der beantragte Betrag (%(r)s).")
                    % {"r": format_euros(application.requested)}
                }
            )
        if amount < application.requested and not reasons.strip():
            raise ValidationError({"reasons": _("Bitte begründen, warum weniger bewilligt wird.")})
        budget = _lock_budget(call)
        _book(
            budget=budget,
            kind=Kind.COMMIT,
            amount=amount,
            actor=actor,
            application=application,
            note=application.reference,
        )
        application.approved = amount
        application.proof_due = proof_due or year.period_end + dt.timedelta(
            days=call.proof_due_days
        )
        _move(application, ApplicationStatus.APPROVED, actor=actor)
        kind = LetterKind.APPROVAL
    else:
        if not reasons.strip():
            raise ValidationError({"reasons": _("Eine Ablehnung braucht eine Begründung.")})
        _move(application, ApplicationStatus.REJECTED, actor=actor)
        kind = LetterKind.REJECTION
    application.conditions = conditions.strip()
    application.reasons = reasons.strip()
    application.decided_by = actor
    application.decided_at = timezone.now()
    _save(application)
    if approve:
        ProofOfUse.objects.create(application=application)
    template = _current_template(centre, kind, actor)
    pdf = render_letter(application, template)
    DecisionLetter.objects.create(
        application=application, template=template, pdf=pdf, sent_to=application.contact_email
    )
    subject = fill(template.subject, _letter_values(application))
    with translation.override(application.lang):
        queue_mail(
            to=[application.contact_email],
            subject=subject,
            body=_(
                "Guten Tag %(name)s,\n\nanbei erhalten Sie unseren Bescheid zu Ihrem Antrag "
                "%(ref)s.\n\n%(centre)s"
            )
            % {
                "name": application.contact_name,
                "ref": application.reference,
                "centre": centre.name,
            },
            attachments=[
                MailAttachment(f"Bescheid-{application.reference}.pdf", "application/pdf", pdf)
            ],
            centre=centre,
            language=application.lang,
            topic=f"foerderung.application:{application.pk}",
        )
    record(
        actor=actor,
        centre=centre,
        action="foerderung.application.decided",
        target=application,
        summary=_("bewilligt: %(a)s") % {"a": format_euros(application.approved)}
        if approve
        else _("abgelehnt"),
        data={"template_version": template.version, "approved": application.approved},
    )
    return application


# --- money out --------------------------------------------------------------------------------


def open_for_request(application: Application) -> int:
    """Approved, not paid out and not already requested."""
    if application.approved is None or application.status != ApplicationStatus.APPROVED:
        return 0
    budget = BausteinBudget.objects.get(
        year=application.call.year, baustein=application.call.baustein
    )
    grant = balance_of(budget, application=application)
    pending = sum(
        application.payment_requests.filter(status=PaymentStatus.REQUESTED).values_list(
            "amount", flat=True
        )
    )
    return max(grant.open - pending, 0)


@transaction.atomic
def request_payment(*, application: Application, amount: int, purpose: str = "") -> PaymentRequest:
    """The organisation's Mittelabruf; never above the approved amount still open."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.APPROVED:
        raise ValidationError(_("Mittel können erst nach der Bewilligung abgerufen werden."))
    if amount <= 0:
        raise ValidationError({"amount": _("Der Betrag muss größer als 0 sein.")})
    available = open_for_request(application)
    if amount > available:
        raise ValidationError(
            {
                "amount": _("Abrufbar sind noch %(open)s; angefordert wurden %(amount)s.")
                % {"open": format_euros(available), "amount": format_euros(amount)}
            }
        )
    payment = _save(
        PaymentRequest(application=application, amount=amount, purpose=purpose.strip()[:500])
    )
    record(
        actor=None,
        centre=application.centre,
        action="foerderung.payment.requested",
        target=application,
        summary=format_euros(amount),
    )
    return payment


@transaction.atomic
def pay(*, actor: User, payment: PaymentRequest) -> PaymentRequest:
    """Book a requested payment as paid out (the ledger refuses more than is open)."""
    centre = _require(actor, "foerderung.pay", payment.application)
    payment = PaymentRequest.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentStatus.REQUESTED:
        raise ValidationError(_("Dieser Abruf ist schon erledigt."))
    application = payment.application
    budget = _lock_budget(application.call)
    _book(
        budget=budget,
        kind=Kind.PAY,
        amount=payment.amount,
        actor=actor,
        application=application,
        note=application.reference,
    )
    payment.status = PaymentStatus.PAID
    payment.paid_at = timezone.now()
    payment.paid_by = actor
    _save(payment)
    record(
        actor=actor,
        centre=centre,
        action="foerderung.payment.paid",
        target=application,
        summary=format_euros(payment.amount),
    )
    return payment


# --- proof of use -----------------------------------------------------------------------------


def _open_proof(application: Application) -> ProofOfUse:
    proof = ProofOfUse.objects.select_for_update().filter(application=application).first()
    if proof is None:
        raise ValidationError(_("Für diesen Antrag ist kein Verwendungsnachweis vorgesehen."))
    if proof.status != ProofStatus.OPEN:
        raise ValidationError(_("Der Verwendungsnachweis ist schon eingereicht."))
    return proof


@transaction.atomic
def add_receipt(
    *, application: Application, date: dt.date, payee: str, purpose: str, amount: int
) -> Receipt:
    """One line of the list of receipts; a date outside the funding period is refused."""
    proof = _open_proof(application)
    year = application.call.year
    if not (year.period_start <= date <= year.period_end):
        raise ValidationError(
            {
                "date": _(
                    "Der Beleg vom %(date)s liegt außerhalb des Förderzeitraums "
                    "(%(start)s–%(end)s)."
                )
                % {
                    "date": date.strftime("%d.%m.%Y"),
                    "start": year.period_start.strftime("%d.%m.%Y"),
                    "end": year.period_end.strftime("%d.%m.%Y"),
                }
            }
        )
    if amount <= 0:
        raise ValidationError({"amount": _("Der Betrag muss größer als 0 sein.")})
    if not payee.strip() or not purpose.strip():
        raise ValidationError(_("Bitte Empfänger und Zweck angeben."))
    receipt = _save(
        Receipt(proof=proof, date=date, payee=payee.strip(), purpose=purpose.strip(), amount=amount)
    )
    record(
        actor=None,
        centre=application.centre,
        action="foerderung.proof.receipt_added",
        target=application,
        summary=f"{date.isoformat()} {format_euros(amount)}",
    )
    return receipt


@transaction.atomic
def submit_proof(
    *, application: Application, report: str, upload: UploadedFile | None = None
) -> ProofOfUse:
    """Hand in the factual report (text and/or file) with the receipts entered so far."""
    proof = _open_proof(application)
    if not report.strip() and upload is None:
        raise ValidationError({"report": _("Bitte den Sachbericht schreiben oder hochladen.")})
    if not proof.receipts.exists():
        raise ValidationError(_("Bitte mindestens einen Beleg erfassen."))
    if upload is not None:
        validate_upload(upload, types=SCANS, field="report_file")
        proof.report_file.save(secrets.token_hex(16), upload, save=False)
    proof.report = report.strip()
    proof.status = ProofStatus.SUBMITTED
    proof.submitted_at = timezone.now()
    _save(proof)
    record(
        actor=None,
        centre=application.centre,
        action="foerderung.proof.submitted",
        target=application,
        summary=application.reference,
    )
    return proof


@transaction.atomic
def check_proof(*, actor: User, application: Application, note: str = "") -> ProofOfUse:
    """The centre accepts the proof; where less was spent than paid, it demands the rest
    back (booked as repaid) and releases the commitment not spent."""
    centre = _require(actor, "foerderung.pay", application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    proof = ProofOfUse.objects.select_for_update().get(application=application)
    if proof.status != ProofStatus.SUBMITTED:
        raise ValidationError(_("Es liegt kein eingereichter Verwendungsnachweis vor."))
    budget = _lock_budget(application.call)
    grant = balance_of(budget, application=application)
    spent = sum(proof.receipts.values_list("amount", flat=True))
    eligible = min(spent, application.approved or 0)
    repayment = max(grant.net_paid - eligible, 0)
    if repayment:
        _book(
            budget=budget,
            kind=Kind.REPAY,
            amount=repayment,
            actor=actor,
            application=application,
            note=_("Rückforderung"),
        )
    release = grant.committed - max(eligible, grant.net_paid - repayment)
    if release > 0:
        _book(
            budget=budget,
            kind=Kind.RELEASE,
            amount=release,
            actor=actor,
            application=application,
            note=_("nicht verbraucht"),
        )
    proof.spent = spent
    proof.repayment = repayment
    proof.status = ProofStatus.REPAYMENT if repayment else ProofStatus.ACCEPTED
    proof.checked_by = actor
    proof.checked_at = timezone.now()
    _save(proof)
    _move(application, ApplicationStatus.CLOSED, actor=actor, note=note)
    _save(application)
    PaymentRequest.objects.filter(application=application, status=PaymentStatus.REQUESTED).update(
        status=PaymentStatus.REFUSED
    )
    if repayment:
        with translation.override(application.lang):
            queue_mail(
                to=[application.contact_email],
                subject=_("Rückforderung zu Ihrem Förderantrag %(ref)s")
                % {"ref": application.reference},
                body=_(
                    "Guten Tag %(name)s,\n\nwir haben Ihren Verwendungsnachweis geprüft. "
                    "Nachgewiesen sind %(spent)s, ausgezahlt wurden %(paid)s. "
                    "Bitte überweisen Sie %(repay)s innerhalb eines Monats "
                    "unter Angabe des Aktenzeichens %(ref)s zurück."
                    "\n\n%(centre)s"
                )
                % {
                    "name": application.contact_name,
                    "spent": format_euros(spent),
                    "paid": format_euros(grant.net_paid),
                    "repay": format_euros(repayment),
                    "ref": application.reference,
                    "centre": centre.name,
                },
                centre=centre,
                language=application.lang,
                topic=f"foerderung.application:{application.pk}",
            )
    record(
        actor=actor,
        centre=centre,
        action="foerderung.proof.checked",
        target=application,
        summary=_("Rückforderung %(r)s") % {"r": format_euros(repayment)}
        if repayment
        else _("ohne Rückforderung"),
        data={"spent": spent, "repayment": repayment, "released": max(release, 0)},
    )
    return proof


@transaction.atomic
def change_proof_due(*, actor: User, application: Application, due: dt.date) -> Application:
    """Move the due date; reminders follow the new date (they are keyed by it)."""
    centre = _require(actor, "foerderung.pay", application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.APPROVED:
        raise ValidationError(_("Nur bei bewilligten, offenen Förderungen."))
    old = application.proof_due
    application.proof_due = due
    _save(application)
    record(
        actor=actor,
        centre=centre,
        action="foerderung.proof.due_changed",
        target=application,
        summary=f"{old} → {due}",
    )
    return application


def send_proof_reminders(*, today: dt.date | None = None) -> int:
    """Remind each open proof of use once before and once after its due date.

    A reminder is one row (application, kind, due date) written in the same transaction as
    its mail; the unique constraint makes a second run (or a parallel one) a no-op, and a
    moved due date is a new key, so it is reminded again."""
    today = today or timezone.localdate()
    sent = 0
    candidates = Application.objects.filter(
        status=ApplicationStatus.APPROVED,
        proof__status=ProofStatus.OPEN,
        proof_due__isnull=False,
    ).select_related("centre")
    for application in candidates:
        due = application.proof_due
        if due - dt.timedelta(days=REMIND_BEFORE_DAYS) <= today <= due:
            kind = ReminderKind.BEFORE
        elif today > due:
            kind = ReminderKind.OVERDUE
        else:
            continue
        try:
            with transaction.atomic():
                ReminderSent.objects.create(application=application, kind=kind, due_date=due)
                with translation.override(application.lang):
                    queue_mail(
                        to=[application.contact_email],
                        subject=(
                            _("Erinnerung: Verwendungsnachweis %(ref)s fällig am %(due)s")
                            if kind == ReminderKind.BEFORE
                            else _("Mahnung: Verwendungsnachweis %(ref)s war fällig am %(due)s")
                        )
                        % {"ref": application.reference, "due": due.strftime("%d.%m.%Y")},
                        body=_(
                            "Guten Tag %(name)s,\n\nbitte reichen Sie den Verwendungsnachweis "
                            "(Sachbericht und Belegliste) über Ihren persönlichen Link ein. "
                            "Fällig: %(due)s.\n\n%(centre)s"
                        )
                        % {
                            "name": application.contact_name,
                            "due": due.strftime("%d.%m.%Y"),
                            "centre": application.centre.name,
                        },
                        centre=application.centre,
                        language=application.lang,
                        topic=f"foerderung.application:{application.pk}",
                    )
                record(
                    actor=None,
                    centre=application.centre,
                    action="foerderung.proof.reminded",
                    target=application,
                    summary=f"{kind} {due.isoformat()}",
                )
        except IntegrityError:
            continue
        sent += 1
    return sent
