from django.urls import path

from teilhabe.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_list, name="list"),
    # the record of processing activities (Art. 30 DSGVO)
    path("verarbeitungsverzeichnis/", views.processing_record_page, name="processing_record"),
    path(
        "verarbeitungsverzeichnis.md",
        views.processing_record_download,
        name="processing_record_download",
    ),
]
