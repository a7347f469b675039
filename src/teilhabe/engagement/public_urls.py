"""Public pages under ``/<centre>/<lang>/engagement/``."""

from django.urls import path

from teilhabe.engagement.views import public

app_name = "engagement_public"

urlpatterns = [
    path("organisationen/", public.organisation_map, name="organisation_map"),
    path("organisation/<str:token>/", public.organisation_edit, name="organisation_edit"),
]
