"""The frame of every centre's public pages: ``/<centre-slug>/<lang>/...``, no login.

A family chooses its language once; it stays in the URL, so every link, form error and
e-mail of that visit follows it. Views of any work area mount under this pattern and wrap
themselves in :func:`public_page`, which finds the active centre (unknown → 404), checks
the language and renders the whole response inside ``translation.override(lang)``.
Templates extend ``public_base.html`` (language switcher, the centre's public navigation
from ``core.registry.register_public_navigation``, right-to-left for Arabic and Farsi).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, register_converter, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from teilhabe.centres.models import Centre
from teilhabe.core.registry import public_navigation_entries

#: The languages of every public page, German first (autonyms for the switcher).
PUBLIC_LANGUAGES: dict[str, str] = {
    "de": "Deutsch",
    "en": "English",
    "uk": "Українська",
    "ar": "العربية",
    "tr": "Türkçe",
    "fa": "فارسی",
    "ru": "Русский",
}
RTL_LANGUAGES = frozenset({"ar", "fa"})


class PublicLanguageConverter:
    """``<lang:lang>`` in a URL: one of the seven public languages, nothing else."""

    regex = "|".join(PUBLIC_LANGUAGES)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        if value not in PUBLIC_LANGUAGES:
            raise ValueError(value)
        return value


register_converter(PublicLanguageConverter, "lang")


def public_centre(slug: str) -> Centre:
    """The active centre behind a public URL; 404 for an unknown or deactivated one."""
    return get_object_or_404(Centre, slug=slug, is_active=True)


def public_url(url_name: str, centre: Centre | str, lang: str, **kwargs: Any) -> str:
    slug = centre if isinstance(centre, str) else centre.slug
    return reverse(url_name, kwargs={"centre": slug, "lang": lang, **kwargs})


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a public view: ``view(request, centre=<Centre>, lang=<code>, **kwargs)``.

    The response is rendered in the page's language (a lazy TemplateResponse is rendered
    here, inside the override) and says so in ``Content-Language``.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, centre: str, lang: str, **kwargs: Any):
        if lang not in PUBLIC_LANGUAGES:
            raise Http404
        centre_obj = public_centre(centre)
        request.public_centre = centre_obj
        request.public_language = lang
        with translation.override(lang):
            response = view(request, *args, centre=centre_obj, lang=lang, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        response.headers.setdefault("Content-Language", lang)
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper


def public_context(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the public frame's navigation and the language switcher."""
    centre = getattr(request, "public_centre", None)
    if centre is None:
        return {}
    lang = request.public_language
    match = request.resolver_match

    def links(place: str) -> list[dict[str, Any]]:
        result = []
        for entry in public_navigation_entries(place):
            try:
                url = public_url(entry.url_name, centre, lang)
            except NoReverseMatch:
                continue
            result.append(
                {"url": url, "label": entry.label, "active": request.path.startswith(url)}
            )
        active = [e for e in result if e["active"]]
        for entry in active:
            entry["active"] = entry is max(active, key=lambda e: len(e["url"]))
        return result

    languages = []
    for code, autonym in PUBLIC_LANGUAGES.items():
        url = ""
        if match is not None and match.view_name:
            try:
                url = reverse(
                    match.view_name, args=match.args, kwargs={**match.kwargs, "lang": code}
                )
            except NoReverseMatch:
                url = ""
        if not url:
            try:  # the centre's public start page (the portal work area names it)
                url = reverse("portal:home", kwargs={"centre": centre.slug, "lang": code})
            except NoReverseMatch:
                url = ""
        languages.append(
            {
                "code": code,
                "autonym": autonym,
                "url": url,
                "current": code == lang,
                "rtl": code in RTL_LANGUAGES,
            }
        )
    return {
        "public_centre": centre,
        "public_language": lang,
        "public_rtl": lang in RTL_LANGUAGES,
        "public_header_links": links("header"),
        "public_footer_links": links("footer"),
        "public_languages": languages,
    }
