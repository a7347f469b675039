from collections.abc import Iterator
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.roles import CENTRE_ROLES
from teilhabe.core.forms import BoundedText
from teilhabe.core.registry import queue_mail


class LoginForm(BoundedText, AuthenticationForm):
    """Django's login form, but an over-long user name is refused before ``authenticate``.

    Django sets the field's ``max_length`` after construction, so no validator checks it;
    django-axes would then store the name in a 255-character column (500 on PostgreSQL).
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(
            MaxLengthValidator(
                field.max_length,
                message=_("Der Benutzername ist zu lang (höchstens %(limit_value)d Zeichen)."),
            )
        )


class TokenForm(BoundedText, forms.Form):
    token = forms.RegexField(
        label=_("Sechsstelliger Code aus der Authenticator-App"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Bitte die sechs Ziffern aus der App eingeben.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


# --- accounts ------------------------------------------------------------------------------

PASSWORD_HELP = _(
    "Mindestens 12 Zeichen; nicht Ihrem Namen oder Ihrer E-Mail-Adresse ähnlich, kein "
    "häufig benutztes Passwort und nicht nur Ziffern."
)
LANGUAGES_HELP = _(
    "Sprachen, in denen die Person berät: Kürzel nach ISO 639-1, kommagetrennt "
    "(z. B. „uk, ru, ar“). Leer lassen, wenn keine."
)


def centre_role_choices() -> list[tuple[str, str]]:
    """The roles a centre's account can hold (never the statewide office)."""
    return [(str(role.value), str(role.label)) for role in CENTRE_ROLES]


class InviteForm(BoundedText, forms.Form):
    first_name = forms.CharField(label=_("Vorname"), max_length=150)
    last_name = forms.CharField(label=_("Nachname"), max_length=150)
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=150,
        help_text=_("Dorthin geht die Einladung; sie ist zugleich der Benutzername."),
        error_messages={"invalid": _("Bitte eine gültige E-Mail-Adresse angeben.")},
    )
    role = forms.ChoiceField(label=_("Rolle"), choices=centre_role_choices)
    languages = forms.CharField(
        label=_("Sprachen"), max_length=200, required=False, help_text=LANGUAGES_HELP
    )


class AccountForm(BoundedText, forms.Form):
    """What an administrator may change about a colleague's account."""

    first_name = forms.CharField(label=_("Vorname"), max_length=150)
    last_name = forms.CharField(label=_("Nachname"), max_length=150)
    role = forms.ChoiceField(label=_("Rolle"), choices=centre_role_choices)
    languages = forms.CharField(
        label=_("Sprachen"), max_length=200, required=False, help_text=LANGUAGES_HELP
    )


class NewPasswordForm(BoundedText, SetPasswordForm):
    """Django's form to set a password, with a short German help text instead of a list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_HELP


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form; the mail goes through the outbox and only to usable accounts.

    Unknown addresses get the same answer as known ones (Django's view redirects either
    way), so the form does not tell who has an account.
    """

    def get_users(self, email: str) -> Iterator[Any]:
        # Accounts without a role hold no right at all (see permissions.py): no mail.
        return (user for user in super().get_users(email) if user.role)

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        user = context["user"]
        context = {**context, "hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)}
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        with transaction.atomic():
            queue_mail(
                to=[to_email],
                subject=subject,
                body=body,
                centre=user.centre,
                language="de",
                topic=f"{user._meta.label_lower}:{user.pk}",
            )
