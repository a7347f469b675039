from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "teilhabe.core"
    verbose_name = _("Grundlagen")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from teilhabe.core import checks  # noqa: F401  (registers the system checks)
        from teilhabe.core.middleware import remember_login_time

        user_logged_in.connect(remember_login_time, dispatch_uid="teilhabe-login-time")
        from teilhabe.core.registry import register_navigation

        register_navigation("core:home", label=_("Übersicht"), permission="", order=0)
