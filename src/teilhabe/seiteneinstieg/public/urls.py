"""Public URLs under ``/<centre>/<lang>/anmeldung/`` (mounted in the root urls.py)."""

from django.urls import path

from teilhabe.seiteneinstieg.public import views

app_name = "anmeldung"

urlpatterns = [
    path("", views.register, name="register"),
    path("termin/<str:token>/", views.manage, name="manage"),
    path("termin/<str:token>/kalender.ics", views.ics, name="ics"),
    path("termin/<str:token>/absagen/", views.cancel, name="cancel"),
]
