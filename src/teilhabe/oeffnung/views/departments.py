"""The departments of the city administration (Dezernat → Amt → Abteilung)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from teilhabe.centres.models import User
from teilhabe.centres.permissions import roles_holding
from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import SafeModelChoiceField, show_service_errors
from teilhabe.oeffnung.choices import DepartmentLevel
from teilhabe.oeffnung.models import Department, DepartmentMembership
from teilhabe.oeffnung.selectors.departments import tree
from teilhabe.oeffnung.services.departments import create_department, link_contact


class DepartmentForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    number = forms.CharField(label=_("Kennung"), max_length=20, required=False)
    level = forms.ChoiceField(label=_("Ebene"), choices=DepartmentLevel.choices)
    parent = SafeModelChoiceField(
        label=_("übergeordnet"), queryset=Department.objects.none(), required=False
    )
    staff_count = forms.IntegerField(label=_("Beschäftigte"), min_value=0, required=False)

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Department.objects.for_user(user)


class ContactForm(forms.Form):
    """Link an account that may work on measures to its department."""

    user = SafeModelChoiceField(label=_("Konto"), queryset=User.objects.none())
    department = SafeModelChoiceField(label=_("Dienststelle"), queryset=Department.objects.none())

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(
            centre_id=user.centre_id,
            is_active=True,
            role__in=roles_holding("oeffnung.change_measure"),
        ).order_by("last_name", "username")
        self.fields["department"].queryset = Department.objects.for_user(user)


@staff_view("oeffnung.manage_departments")
@require_POST
def contact_link(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            link_contact(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, gettext("Ansprechperson zugeordnet."))
    else:
        messages.error(request, gettext("Bitte Konto und Dienststelle wählen."))
    return redirect("oeffnung:department_list")


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
    contacts = DepartmentMembership.objects.for_user(request.user).select_related(
        "user", "department"
    )
    return render(
        request,
        "oeffnung/department_list.html",
        {
            "tree": tree(user=request.user),
            "form": form,
            "contact_form": ContactForm(user=request.user),
            "contacts": contacts,
        },
    )
