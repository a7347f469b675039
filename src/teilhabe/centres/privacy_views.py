"""The centre's privacy texts of its public forms: read every version, publish a new one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods

from teilhabe.centres import services
from teilhabe.centres.public import PUBLIC_LANGUAGES
from teilhabe.centres.selectors import current_privacy_notice, privacy_notices
from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors

PURPOSES = {
    "self_registration": _lazy("Online-Anmeldung von Familien"),
    "volunteers": _lazy("Ehrenamtliche"),
}


class PrivacyNoticeForm(forms.Form):
    purpose = forms.ChoiceField(label=_lazy("Zweck"), choices=list(PURPOSES.items()))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for code, autonym in PUBLIC_LANGUAGES.items():
            self.fields[f"text_{code}"] = forms.CharField(
                label=autonym,
                required=code == "de",
                max_length=20000,
                widget=forms.Textarea(attrs={"rows": 5, "lang": code}),
            )


@staff_view("centres.manage_privacy_notices")
@require_http_methods(["GET", "POST"])
def privacy_notice_list(request: HttpRequest) -> HttpResponse:
    """Every version; the form starts from the current text of the chosen purpose."""
    purpose = request.GET.get("zweck", "self_registration")
    if purpose not in PURPOSES:
        purpose = "self_registration"
    current = current_privacy_notice(request.user.centre, purpose)
    initial = {"purpose": purpose}
    if current is not None:
        initial |= {f"text_{code}": text for code, text in current.texts.items()}
    form = PrivacyNoticeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        texts = {code: form.cleaned_data.get(f"text_{code}", "") for code in PUBLIC_LANGUAGES}
        try:
            notice = services.publish_privacy_notice(
                actor=request.user, purpose=form.cleaned_data["purpose"], texts=texts
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Version %(v)d veröffentlicht.") % {"v": notice.version})
            return redirect(f"{request.path}?zweck={notice.purpose}")
    return render(
        request,
        "centres/privacy_notices.html",
        {
            "form": form,
            "notices": privacy_notices(user=request.user),
            "purposes": PURPOSES,
        },
        status=400 if request.method == "POST" else 200,
    )
