"""The statewide office's centre pages; the root URLconf mounts them under ``/land/``."""

from django.urls import path

from teilhabe.centres import views_statewide as views

urlpatterns = [
    path("zentren/", views.centre_list, name="centre_list"),
    path("zentren/neu/", views.centre_create, name="centre_create"),
    path("zentren/<int:pk>/", views.centre_edit, name="centre_edit"),
    path("zahlen/", views.figures, name="figures"),
]
