"""Root URLs. Each work area brings its own ``urls.py``; the URL × role matrix test covers all."""

from django.urls import include, path

urlpatterns = [
    path("", include("teilhabe.core.urls")),
    path("konto/", include("teilhabe.centres.urls")),
    path("protokoll/", include("teilhabe.audit.urls")),
    path("seiteneinstieg/", include("teilhabe.seiteneinstieg.urls")),
    path("schulen/", include("teilhabe.schulen.urls")),
    path("zuweisung/", include("teilhabe.zuweisung.urls")),
    path("oeffnung/", include("teilhabe.oeffnung.urls")),
    # public: the anonymous staff survey of a centre, /<centre-slug>/befragung/
    path("", include("teilhabe.oeffnung.public_urls")),
    path("", include("teilhabe.oeffnung.training_urls")),
]
