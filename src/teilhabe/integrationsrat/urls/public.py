"""The council's public pages at /<centre>/integrationsrat/ (no login)."""

from django.urls import path

from teilhabe.integrationsrat.views import public

app_name = "integrationsrat_public"

urlpatterns = [
    path("", public.calendar, name="calendar"),
    path("sitzung/<int:pk>/", public.meeting, name="meeting"),
    path("mitglieder/", public.members, name="members"),
    path("vorlagen/", public.papers, name="papers"),
    path("vorlagen/<int:pk>/", public.paper, name="paper"),
]
