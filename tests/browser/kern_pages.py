"""A public page with the common parts (form with errors, table, buttons) for the look tests.

No public page on main uses every part of ``public_base.html`` yet, so the axe test of the
public frame mounts this one (``@pytest.mark.urls``); its strings are plain test text.
"""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import include, path

from teilhabe.centres.public import public_page

TEMPLATE = """{% extends "public_base.html" %}
{% block title %}Muster{% endblock %}
{% block content %}
<h1>Anmeldung zur Beratung</h1>
<p>Ein kurzer Text mit einem <a href="#form">Verweis</a>.</p>
<form id="form" method="post" novalidate>{% csrf_token %}
  {% include "form_errors.html" %}
  {% for field in form %}{% include "field.html" %}{% endfor %}
  <div class="actions"><button type="submit">Absenden</button>
  <a class="button secondary" href="#">Abbrechen</a></div>
</form>
<table><caption>Termine</caption>
  <thead><tr><th scope="col">Tag</th><th scope="col">Ort</th>
  <th scope="col" class="num">Plätze</th></tr></thead>
  <tbody><tr><td>Montag</td><td>Köln-Kalk</td><td class="num">3</td></tr>
  <tr><td>Dienstag</td><td>Köln-Mülheim</td><td class="num">0</td></tr></tbody>
</table>
<p class="warning">Bitte bringen Sie die Geburtsurkunde mit.</p>
{% endblock %}
"""


class SampleForm(forms.Form):
    name = forms.CharField(label="Name", max_length=50, help_text="Wie im Pass.")
    language = forms.ChoiceField(
        label="Sprache", choices=[("", "—"), ("de", "Deutsch"), ("ar", "العربية")]
    )
    note = forms.CharField(label="Nachricht", widget=forms.Textarea, required=False)
    consent = forms.BooleanField(label="Ich bin einverstanden")

    def clean(self):
        raise forms.ValidationError("Das Formular ist noch nicht vollständig.")


@public_page
def sample(request: HttpRequest, *, centre, lang: str) -> HttpResponse:
    form = SampleForm(request.POST or {"name": ""})
    form.is_valid()
    template = engines["django"].from_string(TEMPLATE)
    return HttpResponse(template.render({"form": form}, request))


urlpatterns = [
    path("<slug:centre>/<lang:lang>/muster/", sample, name="kern_sample"),
    path("", include("teilhabe.urls")),
]
