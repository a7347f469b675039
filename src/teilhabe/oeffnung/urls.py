"""Staff pages of the Interkulturelle Öffnung (the public questionnaire: public_urls.py)."""

from django.urls import path

from teilhabe.oeffnung.views import departments, measures, survey, training

app_name = "oeffnung"

urlpatterns = [
    path("dienststellen/", departments.department_list, name="department_list"),
    path("dienststellen/ansprechperson/", departments.contact_link, name="contact_link"),
    path("befragung/", survey.wave_list, name="wave_list"),
    path("befragung/neu/", survey.wave_create, name="wave_create"),
    path("befragung/<int:pk>/", survey.wave_detail, name="wave_detail"),
    path("befragung/<int:pk>/codes/", survey.wave_codes, name="wave_codes"),
    path("befragung/<int:pk>/ergebnis.<str:fmt>", survey.wave_export, name="wave_export"),
    path("massnahmen/", measures.measure_list, name="measure_list"),
    path("massnahmen/neu/", measures.measure_create, name="measure_create"),
    path("massnahmen/import/", measures.measure_import_view, name="measure_import"),
    path("massnahmen/<int:pk>/", measures.measure_detail, name="measure_detail"),
    path("massnahmen/<int:pk>/bearbeiten/", measures.measure_edit, name="measure_edit"),
    path("massnahmen/<int:pk>/kennzahl/", measures.indicator_add, name="indicator_add"),
    path("kennzahlen/<int:pk>/istwert/", measures.indicator_value, name="indicator_value"),
    path("bericht/", measures.report_list, name="report_list"),
    path("bericht/<int:pk>/", measures.report_edit, name="report_edit"),
    path("bericht/<int:pk>/abschliessen/", measures.report_finalise, name="report_finalise"),
    path("bericht/<int:pk>/bericht.<str:fmt>", measures.report_file, name="report_file"),
    path("fortbildung/", training.course_list, name="course_list"),
    path("fortbildung/domains/", training.training_domains, name="training_domains"),
    path("fortbildung/quote/", training.training_figures, name="training_figures"),
    path("fortbildung/<int:pk>/", training.course_detail, name="course_detail"),
    path("fortbildung/<int:pk>/termin/", training.session_add, name="session_add"),
    path("fortbildung/<int:pk>/kalender.ics", training.course_ical, name="course_ical"),
    path("termin/<int:pk>/anwesenheit/", training.attendance, name="attendance"),
    path("termin/<int:pk>/unterschriften.pdf", training.signin_sheet, name="signin_sheet"),
    path("anmeldung/<int:pk>/bescheinigung.pdf", training.certificate, name="certificate"),
]
