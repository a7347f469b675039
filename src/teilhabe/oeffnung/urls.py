"""Staff pages of the Interkulturelle Öffnung (the public questionnaire: public_urls.py)."""

from django.urls import path

from teilhabe.oeffnung.views import departments, measures, survey

app_name = "oeffnung"

urlpatterns = [
    path("dienststellen/", departments.department_list, name="department_list"),
    path("befragung/", survey.wave_list, name="wave_list"),
    path("befragung/neu/", survey.wave_create, name="wave_create"),
    path("befragung/<int:pk>/", survey.wave_detail, name="wave_detail"),
    path("befragung/<int:pk>/codes/", survey.wave_codes, name="wave_codes"),
    path("befragung/<int:pk>/ergebnis.<str:fmt>", survey.wave_export, name="wave_export"),
    path("massnahmen/", measures.measure_list, name="measure_list"),
]
