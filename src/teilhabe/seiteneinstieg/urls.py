"""URLs of the Seiteneinstieg casework. Keep each part's patterns in its own block."""

from django.urls import path

from teilhabe.seiteneinstieg.views import appointments as appointment_views
from teilhabe.seiteneinstieg.views import assessments as assessment_views
from teilhabe.seiteneinstieg.views import cases, search, waiting_list

app_name = "seiteneinstieg"
urlpatterns = [
    # cases
    path("kinder/<int:pk>/", cases.child_detail, name="child_detail"),
    path("kinder/<int:pk>/status/", cases.child_status, name="child_status"),
    path("familien/neu/", cases.family_create, name="family_create"),
    path("familien/<int:pk>/", cases.family_detail, name="family_detail"),
    path("familien/<int:pk>/lesezugriffe/", cases.read_log, name="read_log"),
    path("kinder/<int:pk>/auskunft/", cases.child_access_export, name="child_access_export"),
    path(
        "familien/<int:pk>/sorgeberechtigte/<int:guardian_pk>/auskunft/",
        cases.guardian_access_export,
        name="guardian_access_export",
    ),
    path("familien/<int:pk>/dokumente/", cases.document_upload, name="document_upload"),
    path("dokumente/<int:pk>/", cases.document_download, name="document_download"),
    path("dokumente/<int:pk>/entfernen/", cases.document_remove, name="document_remove"),
    # cases: corrections (sibling reported later, address, guardians, child data)
    path("kinder/<int:pk>/bearbeiten/", cases.child_edit, name="child_edit"),
    path("familien/<int:pk>/kinder/neu/", cases.child_add, name="child_add"),
    path("familien/<int:pk>/bearbeiten/", cases.family_edit, name="family_edit"),
    path("familien/<int:pk>/sorgeberechtigte/neu/", cases.guardian_edit, name="guardian_add"),
    path(
        "familien/<int:pk>/sorgeberechtigte/<int:guardian_pk>/",
        cases.guardian_edit,
        name="guardian_edit",
    ),
    path(
        "familien/<int:pk>/sorgeberechtigte/<int:guardian_pk>/entfernen/",
        cases.guardian_remove,
        name="guardian_remove",
    ),
    # appointments
    path("termine/", appointment_views.slot_list, name="slot_list"),
    path("familien/<int:pk>/termin/", appointment_views.appointment_book, name="appointment_book"),
    path("familien/<int:pk>/ohne-termin/", appointment_views.walk_in, name="walk_in"),
    path(
        "termine/buchung/<int:pk>/<str:action>/",
        appointment_views.appointment_action,
        name="appointment_action",
    ),
    path(
        "termine/buchung/<int:pk>/einladung.pdf",
        appointment_views.invitation_letter,
        name="invitation_letter",
    ),
    path("kalender/<str:token>.ics", appointment_views.ical_feed, name="ical_feed"),
    path("termine/kalender-erneuern/", appointment_views.ical_renew, name="ical_renew"),
    path("termine/<int:pk>/entfernen/", appointment_views.slot_remove, name="slot_remove"),
    # assessments
    path(
        "kinder/<int:pk>/einstufung/",
        assessment_views.assessment_create,
        name="assessment_create",
    ),
    path("kinder/<int:pk>/bereit/", assessment_views.child_ready, name="child_ready"),
    # waiting list
    path("warteliste/", waiting_list.waiting_list, name="waiting_list"),
    path(
        "warteliste/export.<str:fmt>",
        waiting_list.waiting_list_export,
        name="waiting_list_export",
    ),
    path("statistik/", waiting_list.statistics, name="statistics"),
    # search (the header's search box)
    path("suche/", search.search_page, name="search"),
]
