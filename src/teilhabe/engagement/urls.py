from django.urls import path

from teilhabe.engagement.views import staff

app_name = "engagement"

urlpatterns = [
    path("organisationen/", staff.organisation_list, name="organisation_list"),
    path("organisationen/<int:pk>/", staff.organisation_edit, name="organisation_edit"),
    path(
        "organisationen/<int:pk>/link/", staff.organisation_send_link, name="organisation_send_link"
    ),
    path("ehrenamtliche/", staff.volunteer_list, name="volunteer_list"),
    path("ehrenamtliche/<int:pk>/", staff.volunteer_detail, name="volunteer_detail"),
    path("ehrenamtliche/<int:pk>/bestaetigen/", staff.volunteer_confirm, name="volunteer_confirm"),
    path(
        "ehrenamtliche/<int:pk>/fuehrungszeugnis/",
        staff.volunteer_certificate,
        name="volunteer_certificate",
    ),
    path("bedarfe/", staff.need_list, name="need_list"),
    path("bedarfe/woche/", staff.week_match, name="week_match"),
    path("bedarfe/<int:pk>/", staff.need_detail, name="need_detail"),
    path("bedarfe/<int:pk>/anfragen/", staff.need_request, name="need_request"),
    path("bedarfe/<int:pk>/absagen/", staff.need_cancel, name="need_cancel"),
    path(
        "einsaetze/<int:pk>/nicht-erschienen/", staff.assignment_no_show, name="assignment_no_show"
    ),
]
