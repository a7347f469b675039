"""URLs of placement: the map, the exchange file, proposals and decisions."""

from django.urls import path

from teilhabe.zuweisung.views import decisions, maps, transfer

app_name = "zuweisung"
urlpatterns = [
    path("vorschlaege/", transfer.proposals_import, name="proposals_import"),
    path("vorschlaege/berechnen/", transfer.proposals_compute, name="proposals_compute"),
    path("vorschlaege/<int:pk>/entscheidung/", decisions.placement_decide, name="placement_decide"),
    path("export/", transfer.placement_export, name="placement_export"),
    path("karte/", maps.map_page, name="map"),
    path("karte/schulen.json", maps.map_schools, name="map_schools"),
    path("karte/stadtteile.geojson", maps.map_stadtteile, name="map_stadtteile"),
]
