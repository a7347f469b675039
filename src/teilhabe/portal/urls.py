"""The centre's public site: /<centre>/ (language choice) and /<centre>/<lang>/... .

Mounted last in the root URLconf: ``<lang:lang>`` matches only the seven public languages,
so ``/<centre>/integrationsrat/``, ``/<centre>/befragung/`` and the like stay untouched.
"""

from django.urls import path

from teilhabe.portal.views import public

app_name = "portal"

urlpatterns = [
    path("<slug:centre>/", public.choose_language, name="choose_language"),
    path("<slug:centre>/<lang:lang>/", public.home, name="home"),
    path("<slug:centre>/<lang:lang>/angebote/", public.offers, name="offers"),
    path("<slug:centre>/<lang:lang>/angebote/<int:pk>/", public.offer, name="offer"),
    path("<slug:centre>/<lang:lang>/veranstaltungen/", public.events, name="events"),
    path("<slug:centre>/<lang:lang>/dokumente/", public.documents, name="documents"),
    path("<slug:centre>/<lang:lang>/kontakt/", public.contact, name="contact"),
    path("<slug:centre>/<lang:lang>/barrierefreiheit/", public.accessibility, name="accessibility"),
]
