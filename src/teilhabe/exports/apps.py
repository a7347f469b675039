from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    """Jobs (export files, engine runs) that work areas register in their own ready()."""

    name = "teilhabe.exports"
    label = "exports"
    verbose_name = _("Aufträge und Exporte")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from teilhabe.audit.reads import register_read_actions
        from teilhabe.audit.registry import register_actions
        from teilhabe.core.registry import (
            RetentionAction,
            register_navigation,
            register_retention,
        )

        register_navigation(
            "exports:job_list", label=_("Meine Aufträge"), permission="exports.view_jobs", order=80
        )
        register_actions({"exports.job.started": _("Auftrag gestartet")})
        # A result file leaving the system is a read of personal data (the read log).
        register_read_actions(
            {"exports.job.downloaded": _("Ergebnis eines Auftrags heruntergeladen")}
        )
        import datetime as dt

        register_retention(
            "exports.job",
            purpose=_("Bereitstellung eines angeforderten Exports oder einer Berechnung"),
            legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
            trigger=_("Fertigstellung des Auftrags"),
            trigger_field="finished_at",
            period=dt.timedelta(days=7),
            action=RetentionAction.DELETE,
            personal_fields=("params", "result_file", "result_data"),
            subjects=_(
                "Beschäftigte, die den Auftrag gestartet haben; Personen in der Ergebnisdatei"
            ),
            categories=_("Auftraggeber, Parameter, Ergebnisdatei (z. B. Warteliste, Zuweisung)"),
            recipients=_("keine; nur die Person, die den Auftrag gestartet hat"),
        )
