"""Public funding pages, no account: /<centre>/<lang>/foerderung/..."""

from django.urls import path

from teilhabe.foerderung.views import public

app_name = "foerderung_public"

urlpatterns = [
    path("", public.calls, name="calls"),
    path("aufruf/<int:pk>/", public.call, name="call"),
    path("antrag/<str:token>/", public.application, name="application"),
    path("antrag/<str:token>/anlage/", public.attachment, name="attachment"),
    path("antrag/<str:token>/bescheid.pdf", public.letter, name="letter"),
    path("antrag/<str:token>/abruf/", public.payment, name="payment"),
    path("antrag/<str:token>/beleg/", public.receipt, name="receipt"),
    path("antrag/<str:token>/nachweis/", public.proof, name="proof"),
]
