"""Staff pages of the public site at /portal/ (German)."""

from django.urls import path

from teilhabe.portal.views import staff

app_name = "portal_staff"

urlpatterns = [
    path("", staff.overview, name="overview"),
    path("seiten/<str:kind>/<lang:lang>/", staff.page_edit, name="page_edit"),
    path("texte/<str:kind>/<int:pk>/<lang:lang>/", staff.translation_edit, name="translation"),
    path("angebote/", staff.offer_list, name="offer_list"),
    path("angebote/<int:pk>/", staff.offer_edit, name="offer_edit"),
    path("angebote/<int:pk>/loeschen/", staff.offer_delete, name="offer_delete"),
    path("veranstaltungen/", staff.event_list, name="event_list"),
    path("veranstaltungen/<int:pk>/", staff.event_edit, name="event_edit"),
    path("veranstaltungen/<int:pk>/loeschen/", staff.event_delete, name="event_delete"),
    path("dokumente/", staff.document_list, name="document_list"),
    path("dokumente/<int:pk>/", staff.document_edit, name="document_edit"),
    path("dokumente/<int:pk>/loeschen/", staff.document_delete, name="document_delete"),
    path("rueckmeldungen/", staff.feedback_list, name="feedback_list"),
]
