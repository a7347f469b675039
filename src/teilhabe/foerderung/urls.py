"""The centre's funding pages at /foerderung/."""

from django.urls import path

from teilhabe.foerderung.views import staff

app_name = "foerderung"

urlpatterns = [
    path("", staff.overview, name="overview"),
    path("jahre/neu/", staff.year_create, name="year_create"),
    path("jahre/<int:pk>/", staff.year_detail, name="year_detail"),
    path("jahre/<int:pk>/nachweis.xlsx", staff.year_export, name="year_export"),
    path("aufrufe/neu/", staff.call_create, name="call_create"),
    path("aufrufe/<int:pk>/", staff.call_detail, name="call_detail"),
    path("aufrufe/<int:pk>/status/", staff.call_status, name="call_status"),
    path("aufrufe/<int:pk>/formular/", staff.call_form, name="call_form"),
    path("antraege/<int:pk>/", staff.application_detail, name="application_detail"),
    path("antraege/<int:pk>/pruefen/", staff.application_review, name="application_review"),
    path("antraege/<int:pk>/entscheiden/", staff.application_decide, name="application_decide"),
    path("antraege/<int:pk>/bescheid.pdf", staff.application_letter, name="application_letter"),
    path(
        "antraege/<int:pk>/anlagen/<int:attachment>/",
        staff.attachment_download,
        name="attachment_download",
    ),
    path("antraege/<int:pk>/frist/", staff.proof_due, name="proof_due"),
    path("antraege/<int:pk>/nachweis-pruefen/", staff.proof_check, name="proof_check"),
    path("abrufe/<int:pk>/auszahlen/", staff.payment_pay, name="payment_pay"),
    path("vorlagen/", staff.letter_templates, name="letter_templates"),
]
