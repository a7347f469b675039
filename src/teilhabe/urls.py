"""Root URLs. Each work area brings its own ``urls.py``; the URL × role matrix test covers all."""

from django.urls import include, path

import teilhabe.centres.public  # noqa: F401  (registers the <lang:...> converter)
from teilhabe.centres.urls_statewide import urlpatterns as statewide_centres
from teilhabe.schulen.urls_statewide import urlpatterns as statewide_schools

urlpatterns = [
    path("", include("teilhabe.core.urls")),
    path("", include("teilhabe.centres.urls")),
    path("protokoll/", include("teilhabe.audit.urls")),
    path("auftraege/", include("teilhabe.exports.urls")),
    path("api/", include("teilhabe.api.urls")),
    path("seiteneinstieg/", include("teilhabe.seiteneinstieg.urls")),
    path("schulen/", include("teilhabe.schulen.urls")),
    path("zuweisung/", include("teilhabe.zuweisung.urls")),
    # the statewide office: pages of centres and schulen in one namespace
    path("land/", include((statewide_centres + statewide_schools, "land"))),
    path("integrationsrat/", include("teilhabe.integrationsrat.urls.office")),
    path("oparl/v1/", include("teilhabe.integrationsrat.urls.oparl")),
    # public pages of a centre's council, no login: /<centre>/integrationsrat/...
    path("<slug:centre>/integrationsrat/", include("teilhabe.integrationsrat.urls.public")),
    path("oeffnung/", include("teilhabe.oeffnung.urls")),
    # public: the anonymous staff survey of a centre, /<centre-slug>/befragung/
    path("", include("teilhabe.oeffnung.public_urls")),
    path("", include("teilhabe.oeffnung.training_urls")),
    # public: families register their children and book counselling, in their language
    path("<slug:centre>/<lang:lang>/anmeldung/", include("teilhabe.seiteneinstieg.public.urls")),
    path("engagement/", include("teilhabe.engagement.urls")),
    path("<slug:centre>/<lang:lang>/engagement/", include("teilhabe.engagement.public_urls")),
    path("foerderung/", include("teilhabe.foerderung.urls")),
    path("<slug:centre>/<lang:lang>/foerderung/", include("teilhabe.foerderung.public_urls")),
    path("portal/", include("teilhabe.portal.staff_urls")),
    # public site of a centre, no login: /<centre>/ and /<centre>/<lang>/... (keep last:
    # its one-segment pattern /<centre>/ would otherwise catch other apps' pages)
    path("", include("teilhabe.portal.urls")),
]
