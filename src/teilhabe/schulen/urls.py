"""URLs of the school registry, the centre's area and seat offers."""

from django.urls import path

from teilhabe.schulen.views import schools

app_name = "schulen"
urlpatterns = [
    path("", schools.school_list, name="school_list"),
    path("<int:pk>/", schools.school_detail, name="school_detail"),
    path("<int:pk>/meldung/", schools.seat_report, name="seat_report"),
    path("<int:pk>/angebote/neu/", schools.offer_create, name="offer_create"),
    path("angebote/<int:pk>/", schools.offer_edit, name="offer_edit"),
    path("gebiet/", schools.area, name="area"),
    path("gebiet/schulkonten/", schools.staff_links, name="staff_links"),
]
