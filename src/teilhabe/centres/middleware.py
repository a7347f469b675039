"""Staff must confirm a TOTP code after the password, unless 2FA is switched off (demo)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

EXEMPT_URL_NAMES = ("centres:login", "centres:logout", "centres:otp_setup", "centres:otp_verify")


class TwoFactorRequiredMiddleware:
    """Redirects a logged-in but unverified user to set up or confirm the second factor."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            settings.TEILHABE_REQUIRE_2FA
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not self._exempt(request.path)
        ):
            from django_otp import devices_for_user

            has_device = any(True for _ in devices_for_user(user, confirmed=True))
            return redirect("centres:otp_verify" if has_device else "centres:otp_setup")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        if path.startswith(
            settings.STATIC_URL
            if settings.STATIC_URL.startswith("/")
            else "/" + settings.STATIC_URL
        ):
            return True
        return any(path == reverse(name) for name in EXEMPT_URL_NAMES)
