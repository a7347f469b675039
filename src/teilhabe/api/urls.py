"""``/api/``: the token page, the OpenAPI schema and its docs, and ``/api/v1/`` — the
endpoints the work areas registered (``registry.register_endpoint``)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from teilhabe.api import views
from teilhabe.api.registry import endpoints

app_name = "api"

router = SimpleRouter(trailing_slash=True)
for endpoint in endpoints():
    router.register(endpoint.prefix, endpoint.viewset, basename=endpoint.basename)


@csrf_exempt  # it changes nothing; CSRF's HTML 403 would hide the JSON 404 from programs
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Unknown paths below /api/v1/ answer in JSON, like the endpoints (not the HTML page)."""
    return JsonResponse(
        {"detail": _("Diese Adresse gibt es in der Schnittstelle nicht.")}, status=404
    )


urlpatterns = [
    path("zugaenge/", views.token_list, name="tokens"),
    path("zugaenge/<int:pk>/widerrufen/", views.token_revoke, name="token_revoke"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    path("v1/", include(router.urls)),
    re_path(r"^v1/(?P<rest>.*)$", not_found),
]
