from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
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


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Sechsstelliger Code aus der Authenticator-App"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Bitte die sechs Ziffern aus der App eingeben.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
