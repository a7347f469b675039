"""Public training pages: ``/<centre-slug>/fortbildung/`` (no login; links carry a token)."""

from django.urls import path

from teilhabe.oeffnung.views import training_public as views

app_name = "fortbildung"

urlpatterns = [
    path("<slug:centre>/fortbildung/", views.catalogue, name="catalogue"),
    path("<slug:centre>/fortbildung/<int:pk>/anmelden/", views.register, name="register"),
    path("<slug:centre>/fortbildung/bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("<slug:centre>/fortbildung/angebot/<str:token>/", views.accept, name="accept"),
    path("<slug:centre>/fortbildung/abmelden/<str:token>/", views.cancel, name="cancel"),
]
