from django.urls import path

from teilhabe.engagement.views import organisations

app_name = "engagement"

urlpatterns = [
    path("organisationen/", organisations.organisation_list, name="organisation_list"),
]
