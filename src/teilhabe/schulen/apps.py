from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchulenConfig(AppConfig):
    """Schools of the NRW directory, the centre's area and the seats schools offer."""

    name = "teilhabe.schulen"
    verbose_name = _("Schulen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from teilhabe.audit.registry import register_actions
        from teilhabe.core.registry import (
            RetentionAction,
            months,
            register_navigation,
            register_not_personal,
            register_retention,
            register_tile,
            years,
        )

        register_navigation(
            "schulen:school_list", label=_("Schulen"), permission="schulen.view_schools", order=20
        )
        from teilhabe.schulen.selectors.schools import stale_reports_tile

        register_tile(
            "schulen.stale_reports",
            template="schulen/tiles/stale.html",
            permission="schulen.report_seats",
            context=stale_reports_tile,
            order=21,
        )
        register_navigation(
            "land:directory_upload",
            label=_("Schulverzeichnis"),
            permission="schulen.import_directory",
            order=52,
        )
        from teilhabe.schulen.selectors.schools import last_import

        register_tile(
            "schulen.directory",
            template="schulen/tiles/directory.html",
            permission="schulen.import_directory",
            context=lambda user: {"last_import": last_import()},
            order=6,
        )
        register_actions(
            {
                "schulen.offer.created": _("Platzangebot angelegt"),
                "schulen.offer.changed": _("Platzangebot geändert"),
                "schulen.seats.reported": _("Freie Plätze gemeldet"),
                "schulen.staff.linked": _("Schulkonto mit Schule verknüpft"),
                "schulen.school.reminded": _("Schule an Platzmeldung erinnert"),
                "schulen.area.included": _("Schule ins Gebiet aufgenommen"),
                "schulen.area.excluded": _("Schule aus dem Gebiet genommen"),
                "schulen.directory.imported": _("Schulverzeichnis importiert"),
                "schulen.directory.uploaded": _("Schulverzeichnis zur Vorschau hochgeladen"),
            }
        )
        for model, reason in {
            "schulen.school": "the public NRW school directory",
            "schulen.areachange": "a centre's area",
            "schulen.offer": "seats a school offers",
        }.items():
            register_not_personal(model, reason=reason)
        register_retention(
            "schulen.schoolmembership",
            purpose=_("Zugang einer Schule zu ihren Platzmeldungen und Vorschlägen"),
            legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
            trigger=_("Deaktivierung des Kontos"),
            period=years(1),
            action=RetentionAction.DELETE,
            personal_fields=("user",),
        )
        register_retention(
            "schulen.directoryupload",
            purpose=_("Vorschau eines Verzeichnisimports bis zur Bestätigung"),
            legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
            trigger=_("Hochladen der Datei"),
            trigger_field="uploaded_at",
            period=months(1),
            action=RetentionAction.DELETE,
            personal_fields=("uploaded_by",),
        )
        register_retention(
            "schulen.directoryimport",
            purpose=_("Nachweis der Verzeichnisimporte"),
            legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
            trigger=_("Import"),
            trigger_field="imported_at",
            period=years(3),
            action=RetentionAction.ANONYMISE,
            personal_fields=("imported_by",),
        )

        from teilhabe.schulen import api

        api.register()
