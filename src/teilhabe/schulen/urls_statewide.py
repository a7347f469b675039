"""The statewide office's school directory pages; mounted under ``/land/`` by the root URLconf."""

from django.urls import path

from teilhabe.schulen.views import statewide

urlpatterns = [
    path("verzeichnis/", statewide.directory_upload, name="directory_upload"),
    path("verzeichnis/<int:pk>/", statewide.directory_preview, name="directory_preview"),
]
