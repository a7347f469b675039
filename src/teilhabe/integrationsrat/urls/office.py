"""The office's pages (Geschäftsstelle Integrationsrat) at /integrationsrat/."""

from django.urls import path

from teilhabe.integrationsrat.views import office

app_name = "integrationsrat"

urlpatterns = [
    path("", office.overview, name="overview"),
    path("wahlperiode/neu/", office.term_create, name="term_create"),
    path("mitglieder/", office.members, name="members"),
    path("mitglieder/neu/", office.member_add, name="member_add"),
    path("personen/<int:pk>/", office.person_edit, name="person_edit"),
    path("mitglieder/<int:pk>/beenden/", office.membership_end, name="membership_end"),
    path("orte/neu/", office.location_create, name="location_create"),
    path("sitzungen/neu/", office.meeting_create, name="meeting_create"),
    path("sitzungen/<int:pk>/", office.meeting_detail, name="meeting_detail"),
    path("sitzungen/<int:pk>/top/", office.agenda_item_add, name="agenda_item_add"),
    path("sitzungen/<int:pk>/einladen/", office.invitation_publish, name="invitation_publish"),
    path("sitzungen/<int:pk>/anwesenheit/", office.attendance, name="attendance"),
    path("sitzungen/<int:pk>/mappe.pdf", office.packet, name="packet"),
    path("sitzungen/<int:pk>/niederschrift/", office.minutes, name="minutes"),
    path(
        "sitzungen/<int:pk>/niederschrift/genehmigen/",
        office.minutes_approve,
        name="minutes_approve",
    ),
    path("top/<int:pk>/ergebnis/", office.item_result, name="item_result"),
    path("top/<int:pk>/absetzen/", office.agenda_item_remove, name="agenda_item_remove"),
    path("vorlagen/", office.papers, name="papers"),
    path("vorlagen/neu/", office.paper_create, name="paper_create"),
    path("vorlagen/<int:pk>/", office.paper_detail, name="paper_detail"),
    path("vorlagen/<int:pk>/zurueckziehen/", office.paper_delete, name="paper_delete"),
    path("vorlagen/<int:pk>/datei/", office.file_upload, name="file_upload"),
    path("vorlagen/<int:pk>/beratung/", office.consultation_add, name="consultation_add"),
    path("dateien/<int:pk>/", office.file_download, name="file_download"),
]
