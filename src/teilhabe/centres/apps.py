from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "teilhabe.centres"
    verbose_name = _("Zentren und Konten")

    def ready(self) -> None:
        from teilhabe.audit.registry import register_actions
        from teilhabe.centres import retention
        from teilhabe.centres.selectors import account_figures
        from teilhabe.core.registry import (
            RetentionAction,
            register_navigation,
            register_not_personal,
            register_retention,
            register_tile,
            years,
        )

        register_navigation(
            "centres:account_list",
            label=_("Konten"),
            permission="centres.manage_users",
            order=80,
        )
        register_navigation(
            "centres:privacy_notice_list",
            label=_("Datenschutzhinweise"),
            permission="centres.manage_privacy_notices",
            order=81,
        )
        register_tile(
            "centres.accounts",
            template="centres/tiles/accounts.html",
            permission="centres.manage_users",
            context=lambda user: account_figures(user=user),
            order=80,
        )

        register_actions(
            {
                "centres.centre.created": _("Zentrum angelegt"),
                "centres.centre.changed": _("Zentrum geändert"),
                "centres.user.created": _("Konto angelegt"),
                "centres.user.invited": _("Konto eingeladen"),
                "centres.user.activated": _("Einladung angenommen"),
                "centres.user.changed": _("Konto geändert"),
                "centres.user.deactivated": _("Konto deaktiviert"),
                "centres.user.reactivated": _("Konto wieder aktiviert"),
                "centres.user.password_reset": _("Passwort zurückgesetzt"),
                "centres.totp.confirmed": _("Zweiter Faktor eingerichtet"),
                "centres.totp.reset": _("Zweiter Faktor zurückgesetzt"),
                "centres.privacy_notice.published": _("Datenschutzhinweis veröffentlicht"),
            }
        )
        # The statewide office (no centre): centres and every centre's figures.
        register_navigation(
            "land:centre_list", label=_("Zentren"), permission="centres.manage_centres", order=50
        )
        register_navigation(
            "land:figures",
            label=_("Landesweite Zahlen"),
            permission="centres.view_statewide_figures",
            order=51,
        )
        from teilhabe.centres.statewide import centre_tile

        register_tile(
            "centres.statewide",
            template="centres/tiles/statewide.html",
            permission="centres.manage_centres",
            context=lambda user: centre_tile(user=user),
            order=5,
        )
        register_not_personal("centres.centre", reason="an institution's address and contact")
        register_not_personal(
            "centres.privacynotice", reason="the centre's published privacy texts (no person)"
        )
        register_retention(
            "centres.user",
            purpose=_("Zugang der Beschäftigten; Zuordnung von Einträgen im Protokoll"),
            legal_basis="Art. 6 Abs. 1 lit. c, e DSGVO; § 18 DSG NRW",
            trigger=_("Deaktivierung des Kontos"),
            trigger_field="",
            period=years(3),
            action=RetentionAction.ANONYMISE,
            personal_fields=("first_name", "last_name", "email", "username", "languages"),
            due=retention.due_accounts,
            anonymise=retention.anonymise_accounts,
            order=200,
            subjects=_("Beschäftigte des Zentrums, der Schulen und des Landes"),
            categories=_("Name, E-Mail, Benutzername, Sprachen, Rolle, Anmeldezeiten"),
            recipients=_("keine"),
        )
