"""OParl 1.1 at /oparl/v1/ (no login: the API shows public records only)."""

from django.urls import path

from teilhabe.integrationsrat import oparl

app_name = "oparl"

urlpatterns = [
    path("", oparl.system, name="system"),
    path("body/", oparl.body_list, name="body_list"),
    path("body/<slug:body>/", oparl.body, name="body"),
    path("body/<slug:body>/<str:kind>/", oparl.body_items, name="body_items"),
    path("organization/<slug:body>/", oparl.organization, name="organization"),
    path("file/<int:pk>/zugriff/", oparl.file_access, name="file_access"),
    path("file/<int:pk>/download/", oparl.file_download, name="file_download"),
    path("<str:kind>/<int:pk>/", oparl.item, name="item"),
]
