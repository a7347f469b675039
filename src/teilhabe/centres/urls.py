from django.urls import path

from teilhabe.centres import views

app_name = "centres"
urlpatterns = [
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", views.LogoutView.as_view(), name="logout"),
    path("zwei-faktor/einrichten/", views.otp_setup, name="otp_setup"),
    path("zwei-faktor/pruefen/", views.otp_verify, name="otp_verify"),
]
