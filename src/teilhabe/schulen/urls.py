"""URLs of the school registry, seat offers, the map and the placement exchange."""

from django.urls import path

from teilhabe.schulen.views import maps, schools, transfer

app_name = "schulen"
urlpatterns = [
    path("", schools.school_list, name="school_list"),
    path("<int:pk>/", schools.school_detail, name="school_detail"),
    path("<int:pk>/meldung/", schools.seat_report, name="seat_report"),
    path("<int:pk>/angebote/neu/", schools.offer_create, name="offer_create"),
    path("angebote/<int:pk>/", schools.offer_edit, name="offer_edit"),
    path("vorschlaege/<int:pk>/entscheidung/", schools.placement_decide, name="placement_decide"),
    path("gebiet/", schools.area, name="area"),
    path("gebiet/schulkonten/", schools.staff_links, name="staff_links"),
    path("platzierung/export/", transfer.placement_export, name="placement_export"),
    path("platzierung/vorschlaege/", transfer.proposals_import, name="proposals_import"),
    path("platzierung/berechnen/", transfer.proposals_compute, name="proposals_compute"),
    path("karte/", maps.map_page, name="map"),
    path("karte/schulen.json", maps.map_schools, name="map_schools"),
    path("karte/stadtteile.geojson", maps.map_stadtteile, name="map_stadtteile"),
]
