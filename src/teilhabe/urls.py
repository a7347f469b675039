"""Root URLs. Each work area brings its own ``urls.py``; the URL × role matrix test covers all."""

from django.urls import include, path

urlpatterns = [
    path("", include("teilhabe.core.urls")),
    path("konto/", include("teilhabe.centres.urls")),
    path("protokoll/", include("teilhabe.audit.urls")),
    path("seiteneinstieg/", include("teilhabe.seiteneinstieg.urls")),
    path("schulen/", include("teilhabe.schulen.urls")),
    path("integrationsrat/", include("teilhabe.integrationsrat.urls.office")),
    path("oparl/v1/", include("teilhabe.integrationsrat.urls.oparl")),
    # public pages of a centre's council, no login: /<centre>/integrationsrat/...
    path("<slug:centre>/integrationsrat/", include("teilhabe.integrationsrat.urls.public")),
]
