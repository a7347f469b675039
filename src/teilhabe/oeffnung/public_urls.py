"""The public questionnaire: ``/<centre-slug>/befragung/`` (no login, one answer per code)."""

from django.urls import path

from teilhabe.oeffnung.views import questionnaire

app_name = "befragung"

urlpatterns = [
    path("<slug:centre>/befragung/", questionnaire.start, name="start"),
    path("<slug:centre>/befragung/fragebogen/", questionnaire.answer, name="answer"),
]
