"""The departments of the city administration (Dezernat → Amt → Abteilung)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.oeffnung.choices import DepartmentLevel
from teilhabe.oeffnung.models import Department
from teilhabe.oeffnung.selectors.departments import tree
from teilhabe.oeffnung.services.departments import create_department


class DepartmentForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    number = forms.CharField(label=_("Kennung"), max_length=20, required=False)
    level = forms.ChoiceField(label=_("Ebene"), choices=DepartmentLevel.choices)
    parent = forms.ModelChoiceField(
        label=_("übergeordnet"), queryset=Department.objects.none(), required=False
    )
    staff_count = forms.IntegerField(label=_("Beschäftigte"), min_value=0, required=False)

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Department.objects.for_user(user)


@staff_view("oeffnung.manage_departments")
@require_http_methods(["GET", "POST"])
def department_list(request: HttpRequest) -> HttpResponse:
    form = DepartmentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            create_department(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            return redirect("oeffnung:department_list")
    return render(
        request, "oeffnung/department_list.html", {"tree": tree(user=request.user), "form": form}
    )
