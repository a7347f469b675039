"""The page "API-Zugänge": a person makes and revokes their own tokens."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from teilhabe.api import selectors, services
from teilhabe.api.forms import TokenCreateForm
from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors


@staff_view("api.manage_tokens")
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        expires_on = form.cleaned_data["expires_on"]
        expires_at = (
            timezone.make_aware(dt.datetime.combine(expires_on + dt.timedelta(days=1), dt.time.min))
            if expires_on
            else None
        )
        try:
            token, secret = services.create_token(
                actor=request.user,
                user=request.user,
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                expires_at=expires_at,
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            # Shown once, in this response; the database keeps only its hash.
            return render(request, "api/token_created.html", {"token": token, "secret": secret})
    tokens = selectors.tokens_of(user=request.user)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens, "now": timezone.now()},
        status=400 if form.errors else 200,
    )


@staff_view("api.manage_tokens")
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.token_of(user=request.user, pk=pk)
    try:
        services.revoke_token(actor=request.user, token=token)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Der Zugang „%(name)s“ ist widerrufen.") % {"name": token.name})
    return redirect("api:tokens")
