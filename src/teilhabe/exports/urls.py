"""Job pages: the list of one's own jobs, a job's progress page, its status as JSON, its file."""

from django.urls import path

from teilhabe.exports import views

app_name = "exports"
urlpatterns = [
    path("", views.job_list, name="job_list"),
    path("<uuid:pk>/", views.job_detail, name="job_detail"),
    path("<uuid:pk>/status.json", views.job_status, name="job_status"),
    path("<uuid:pk>/datei/", views.job_download, name="job_download"),
]
