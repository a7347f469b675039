"""Login, logout and the second factor (TOTP)."""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_otp import devices_for_user
from django_otp import login as otp_login

from teilhabe.centres import services
from teilhabe.centres.forms import LoginForm, TokenForm

SIGNED_OUT_REASONS = {
    "inaktiv": _lazy(
        "Sie wurden nach längerer Inaktivität abgemeldet. Bitte melden Sie sich erneut an."
    ),
    "absolut": _lazy(
        "Ihre Sitzung ist abgelaufen (höchstens %(hours)s Stunden nach der Anmeldung). "
        "Bitte melden Sie sich erneut an."
    ),
}


class LoginView(auth_views.LoginView):
    template_name = "centres/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        reason = SIGNED_OUT_REASONS.get(self.request.GET.get("abgemeldet", ""))
        if reason is not None:
            hours = settings.TEILHABE_SESSION_ABSOLUTE_SECONDS // 3600
            context["signed_out_reason"] = str(reason) % {"hours": hours}
        return context


class LogoutView(auth_views.LogoutView):
    pass


def _qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return base64.b64encode(buffer.getvalue()).decode()


@login_required
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Show the QR code of a new TOTP device and confirm it with a first code."""
    if any(True for _d in devices_for_user(request.user, confirmed=True)):
        return redirect("centres:otp_verify")
    device = services.start_totp_setup(actor=request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        if services.confirm_totp_device(actor=request.user, device=device, token=token):
            otp_login(request, device)
            messages.success(request, _("Zwei-Faktor-Anmeldung ist eingerichtet."))
            return redirect("core:home")
        form.add_error("token", _("Der Code stimmt nicht. Bitte den aktuellen Code eingeben."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "centres/otp_setup.html",
        {"form": form, "qr_svg": _qr_svg(device.config_url), "secret": secret},
    )


def _safe_next(request: HttpRequest) -> str:
    """``next`` only when it stays on this site: a phishing link must not bounce users away."""
    target = request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "core:home"


@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    """Second step of the login: a code from the confirmed device."""
    if not settings.TEILHABE_REQUIRE_2FA or request.user.is_verified():
        return redirect("core:home")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        for device in devices_for_user(request.user, confirmed=True):
            if device.verify_token(token):
                otp_login(request, device)
                return redirect(_safe_next(request))
        form.add_error("token", _("Der Code stimmt nicht oder ist abgelaufen."))
    return render(request, "centres/otp_verify.html", {"form": form})
