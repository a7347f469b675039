"""Response headers and session limits for an installation on the open internet."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

NO_STORE = "no-store, private"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"

SESSION_LOGIN_AT = "teilhabe_login_at"
SESSION_LAST_SEEN = "teilhabe_last_seen"
# Writing the last activity on every request would save the session on every page view;
# once a minute is exact enough for an idle limit of an hour.
LAST_SEEN_RESOLUTION = 60


def tiles_source(url: str) -> str:
    """The CSP source of a tile URL template: ``https://{s}.tile.x.org/..`` → ``https://*.tile.x.org``."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""
    host = parts.netloc.replace("{s}", "*")
    if "{" in host:  # another placeholder in the host: allow the whole domain below it
        host = "*." + host.split("}", 1)[1].lstrip(".-")
    return f"{parts.scheme}://{host}"


@cache
def content_security_policy(tiles_url: str) -> str:
    """No inline script or style anywhere: our pages load everything from static files."""
    img = "img-src 'self' data:"
    source = tiles_source(tiles_url) if tiles_url else ""
    if source:
        img += f" {source}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            # KERN's Fira Sans is self-hosted (static/vendor/kern/fonts); no font CDN
            "font-src 'self'",
            img,
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
            "object-src 'none'",
        ]
    )


def _static_prefix() -> str:
    url = settings.STATIC_URL
    return url if url.startswith("/") else "/" + url


class SecurityHeadersMiddleware:
    """CSP, Permissions-Policy, and no caching of anything a logged-in user sees.

    Static files never reach this middleware (WhiteNoise answers them earlier) and stay
    cacheable; a response that already says ``no-store`` (a download) keeps it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault(
            "Content-Security-Policy", content_security_policy(settings.TEILHABE_MAP_TILES_URL)
        )
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(_static_prefix())
        ):
            response["Cache-Control"] = NO_STORE
            response.headers.pop("Expires", None)
        return response


def remember_login_time(
    sender: object, request: HttpRequest, user: object, **kwargs: object
) -> None:
    """``user_logged_in`` receiver: the absolute session limit counts from the login."""
    if hasattr(request, "session"):
        request.session[SESSION_LOGIN_AT] = int(time.time())


class SessionLimitsMiddleware:
    """Log out after an hour without a request and twelve hours after the login.

    The session cookie itself ends with the browser (SESSION_EXPIRE_AT_BROWSER_CLOSE); the
    server-side limits here also hold for a browser that is never closed. The login page
    then says why (``?abgemeldet=...``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            login_at = session.get(SESSION_LOGIN_AT)
            last_seen = session.get(SESSION_LAST_SEEN)
            reason = ""
            if login_at is None:  # a session from before this middleware: count from now
                login_at = session[SESSION_LOGIN_AT] = now
            elif now - int(login_at) > settings.TEILHABE_SESSION_ABSOLUTE_SECONDS:
                reason = "absolut"
            idle = now - int(last_seen if last_seen is not None else login_at)
            if not reason and idle > settings.TEILHABE_SESSION_IDLE_SECONDS:
                reason = "inaktiv"
            if reason:
                logout(request)
                query = urlencode({"abgemeldet": reason, "next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse(settings.LOGIN_URL)}?{query}")
            if idle >= LAST_SEEN_RESOLUTION:
                session[SESSION_LAST_SEEN] = now
        return self.get_response(request)
