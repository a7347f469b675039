"""The centre's accounts (administrators), accepting an invitation, resetting a password."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from teilhabe.audit.selectors import history_of
from teilhabe.centres import selectors, services
from teilhabe.centres.forms import (
    AccountForm,
    InviteForm,
    NewPasswordForm,
    OutboxPasswordResetForm,
)
from teilhabe.centres.models import AccountStatus, User
from teilhabe.centres.permissions import roles_holding
from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors

MANAGE = "centres.manage_users"
# The school link itself belongs to schulen (its page "Konten der Schulen"); the list only
# marks the accounts that act for a school, found by the permission, not by role name.
SCHOOL_PERMISSION = "schulen.act_for_school"


def _site_url(request: HttpRequest) -> str:
    """The installation's address for links in mail: ``TEILHABE_SITE_URL`` when set (never
    a Host header a client chose), otherwise the address the administrator uses."""
    return settings.TEILHABE_SITE_URL.rstrip("/") or request.build_absolute_uri("/").rstrip("/")


@staff_view(MANAGE)
@require_http_methods(["GET"])
def account_list(request: HttpRequest) -> HttpResponse:
    users = list(selectors.accounts(user=request.user))
    school_roles = roles_holding(SCHOOL_PERMISSION)
    for user in users:
        user.is_school_account = user.role in school_roles
    return render(
        request,
        "centres/account_list.html",
        {"users": users, "figures": selectors.account_figures(user=request.user)},
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def account_invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invite_user(
                actor=request.user,
                centre=request.user.centre,
                site_url=_site_url(request),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Die Einladung an %(email)s ist unterwegs.") % {"email": user.email},
            )
            return redirect("centres:account_list")
    return render(request, "centres/account_invite.html", {"form": form})


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def account_edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = selectors.account(user=request.user, pk=pk)
    initial = {
        "first_name": account.first_name,
        "last_name": account.last_name,
        "role": account.role,
        "languages": ", ".join(filter(None, account.languages.split(","))),
    }
    form = AccountForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not form.has_changed():
            messages.info(request, _("Nichts geändert."))
            return redirect("centres:account_edit", pk=account.pk)
        try:
            services.change_user(actor=request.user, user=account, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Konto von %(user)s geändert.") % {"user": account})
            return redirect("centres:account_edit", pk=account.pk)
    return render(
        request,
        "centres/account_edit.html",
        {
            "account": account,
            "form": form,
            "statuses": AccountStatus,
            "is_school_account": account.role in roles_holding(SCHOOL_PERMISSION),
            "history": history_of(user=request.user, targets=[account])[:50],
        },
    )


def _action(
    run: Callable[..., User], done: Any, **extra: Callable[[HttpRequest], Any]
) -> Callable[[HttpRequest, int], HttpResponse]:
    """A POST button on the account page: one service call, then back to the page."""

    @staff_view(MANAGE)
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        account = selectors.account(user=request.user, pk=pk)
        try:
            run(
                actor=request.user,
                user=account,
                **{name: make(request) for name, make in extra.items()},
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, done % {"user": account})
        return redirect("centres:account_edit", pk=account.pk)

    return view


account_resend = _action(
    services.resend_invitation,
    gettext_lazy("Neue Einladung an %(user)s ist unterwegs; ältere Links gelten nicht mehr."),
    site_url=_site_url,
)
account_deactivate = _action(
    services.deactivate_user,
    gettext_lazy("%(user)s ist deaktiviert und überall abgemeldet."),
)
account_reactivate = _action(services.reactivate_user, gettext_lazy("%(user)s ist wieder aktiv."))
account_totp_reset = _action(
    services.reset_second_factor,
    gettext_lazy(
        "Der zweite Faktor von %(user)s ist zurückgesetzt; bei der nächsten Anmeldung "
        "richtet die Person ihn neu ein."
    ),
)


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee sets a password, is logged in and goes on to set up the second factor."""
    invited = selectors.invited_user(token)
    if invited is None:
        return render(request, "centres/invitation_invalid.html")
    form = NewPasswordForm(invited, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                actor=invited, token=token, password=form.cleaned_data["new_password1"]
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            auth_login(request, user, backend="teilhabe.centres.backends.PasswordOnlyBackend")
            messages.success(request, _("Willkommen! Ihr Passwort ist gespeichert."))
            return redirect("centres:otp_setup" if settings.TEILHABE_REQUIRE_2FA else "core:home")
    return render(request, "centres/invitation_accept.html", {"form": form, "invited": invited})


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    template_name = "centres/password_reset.html"
    email_template_name = "centres/mail/password_reset.txt"
    subject_template_name = "centres/mail/password_reset_subject.txt"
    success_url = reverse_lazy("centres:password_reset_done")

    def form_valid(self, form: OutboxPasswordResetForm) -> HttpResponse:
        """With ``TEILHABE_SITE_URL`` set, the link names that address, never the Host
        header of the request (which a client chooses)."""
        site = urlsplit(settings.TEILHABE_SITE_URL)
        if site.netloc:
            self.extra_email_context = {"site_name": site.netloc}
            self.domain_override = site.netloc
            self.use_https = site.scheme == "https"
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "centres/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "centres/password_reset_confirm.html"
    success_url = reverse_lazy("centres:password_reset_complete")

    def form_valid(self, form: NewPasswordForm) -> HttpResponse:
        """Set the password through the (audited) service instead of ``form.save()``."""
        try:
            services.complete_password_reset(
                actor=self.user, password=form.cleaned_data["new_password1"]
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
            return self.form_invalid(form)
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "centres/password_reset_complete.html"
