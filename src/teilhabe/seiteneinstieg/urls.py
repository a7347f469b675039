"""URLs of the Seiteneinstieg casework. Keep each part's patterns in its own block."""

from django.urls import path

from teilhabe.seiteneinstieg.views import cases

app_name = "seiteneinstieg"
urlpatterns = [
    # cases
    path("kinder/<int:pk>/", cases.child_detail, name="child_detail"),
    # appointments
    # assessments
    # waiting list
]
