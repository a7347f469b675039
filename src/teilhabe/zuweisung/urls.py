"""URLs of placement: runs and their review, the schools' answers, metrics, the map and
the exchange file."""

from django.urls import path

from teilhabe.zuweisung.views import maps, metrics, runs, school, transfer

app_name = "zuweisung"
urlpatterns = [
    path("", runs.run_list, name="run_list"),
    path("berechnen/", runs.run_start, name="run_start"),
    path("laeufe/<int:pk>/", runs.run_detail, name="run_detail"),
    path("laeufe/<int:pk>/freigeben/", runs.run_release, name="run_release"),
    path("laeufe/<int:pk>/verwerfen/", runs.run_discard, name="run_discard"),
    path("laeufe/<int:pk>/angebot/", runs.run_set_offer, name="run_set_offer"),
    path("laeufe/<int:pk>/ausschliessen/", runs.run_exclude, name="run_exclude"),
    path("vorschlaege/<int:pk>/festhalten/", runs.placement_lock, name="placement_lock"),
    path("kinder/<int:pk>/platz-suchen/", runs.child_request, name="child_request"),
    path("antwort-hochladen/", runs.proposals_import, name="proposals_import"),
    path("schule/", school.proposals, name="school_proposals"),
    path("schule/<int:pk>/zusagen/", school.accept, name="placement_accept"),
    path("schule/<int:pk>/absagen/", school.decline, name="placement_decline"),
    path("schule/<int:pk>/erster-schultag/", school.first_day, name="placement_first_day"),
    path("vorschlaege/<int:pk>/brief.pdf", school.letter, name="placement_letter"),
    path("kennzahlen/", metrics.metrics, name="metrics"),
    path("kennzahlen.xlsx", metrics.metrics_export, name="metrics_export"),
    path("export/", transfer.placement_export, name="placement_export"),
    path("karte/", maps.map_page, name="map"),
    path("karte/schulen.json", maps.map_schools, name="map_schools"),
    path("karte/stadtteile.geojson", maps.map_stadtteile, name="map_stadtteile"),
]
