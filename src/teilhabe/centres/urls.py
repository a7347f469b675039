"""Login and second factor (``konto/``), the centre's accounts (``konten/``)."""

from django.urls import path

from teilhabe.centres import account_views, privacy_views, views

app_name = "centres"
urlpatterns = [
    path("konto/anmelden/", views.LoginView.as_view(), name="login"),
    path("konto/abmelden/", views.LogoutView.as_view(), name="logout"),
    path("konto/zwei-faktor/einrichten/", views.otp_setup, name="otp_setup"),
    path("konto/zwei-faktor/pruefen/", views.otp_verify, name="otp_verify"),
    # invitation and password reset: reached from a mail link, without being logged in
    path(
        "konto/einladung/<str:token>/",
        account_views.invitation_accept,
        name="invitation_accept",
    ),
    path(
        "konto/passwort-vergessen/",
        account_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "konto/passwort-vergessen/gesendet/",
        account_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "konto/passwort-neu/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "konto/passwort-neu/fertig/",
        account_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # the centre's accounts (administrators)
    path("konten/", account_views.account_list, name="account_list"),
    path("datenschutzhinweise/", privacy_views.privacy_notice_list, name="privacy_notice_list"),
    path("konten/einladen/", account_views.account_invite, name="account_invite"),
    path("konten/<int:pk>/", account_views.account_edit, name="account_edit"),
    path("konten/<int:pk>/einladung/", account_views.account_resend, name="account_resend"),
    path(
        "konten/<int:pk>/deaktivieren/",
        account_views.account_deactivate,
        name="account_deactivate",
    ),
    path(
        "konten/<int:pk>/aktivieren/",
        account_views.account_reactivate,
        name="account_reactivate",
    ),
    path(
        "konten/<int:pk>/zwei-faktor/",
        account_views.account_totp_reset,
        name="account_totp_reset",
    ),
]
