"""Public pages under ``/<centre>/<lang>/engagement/``."""

from django.urls import path

from teilhabe.engagement.views import public

app_name = "engagement_public"

urlpatterns = [
    path("organisationen/", public.organisation_map, name="organisation_map"),
    path("organisation/<str:token>/", public.organisation_edit, name="organisation_edit"),
    path(
        "organisation/<str:token>/bestaetigen/",
        public.organisation_confirm,
        name="organisation_confirm",
    ),
    path("mitmachen/", public.volunteer_register, name="volunteer_register"),
    path("anmelden/", public.volunteer_login_request, name="volunteer_login_request"),
    path("anmelden/<str:token>/", public.volunteer_login, name="volunteer_login"),
    path("ich/", public.volunteer_home, name="volunteer_home"),
    path("ich/stunden/<int:pk>/", public.hours_log, name="hours_log"),
    path("ich/angaben/", public.profile_edit, name="profile_edit"),
    path("ich/loeschen/", public.profile_delete, name="profile_delete"),
    path("ich/nachweis.pdf", public.certificate_pdf, name="certificate_pdf"),
    path("ich/abmelden/", public.volunteer_logout, name="volunteer_logout"),
    path("anfrage/<str:token>/", public.assignment_answer, name="assignment_answer"),
]
