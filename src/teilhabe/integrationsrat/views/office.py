"""The office's pages: validate, call one service, render or go back with a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import form_errors_to_messages, show_service_errors
from teilhabe.integrationsrat import forms, selectors, services
from teilhabe.integrationsrat import packet as packets
from teilhabe.integrationsrat.choices import MinutesStatus, Vote
from teilhabe.integrationsrat.models import AgendaItem, Minutes

VIEW = "integrationsrat.view"
MANAGE = "integrationsrat.manage"


def _form_page(
    request: HttpRequest,
    form: Any,
    template: str,
    action: Callable[[dict[str, Any]], Any],
    success: Callable[[Any], str],
    message: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            done = action(form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, message)
            return redirect(success(done))
    return render(request, template, {"form": form, **(context or {})})


def _back(request: HttpRequest, url: str, action: Callable[[], Any], message: str) -> HttpResponse:
    """Run one service call from a small form on a page, and go back to the page."""
    try:
        action()
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
    else:
        messages.success(request, message)
    return redirect(url)


@staff_view(VIEW)
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "integrationsrat/overview.html",
        {
            "council": selectors.council_for(user),
            "terms": selectors.terms(user),
            "meetings": selectors.meetings(user)[:20],
            "papers": selectors.papers(user)[:10],
            "locations": selectors.locations(user),
        },
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def term_create(request: HttpRequest) -> HttpResponse:
    form = forms.TermForm(request.POST or None)
    return _form_page(
        request,
        form,
        "integrationsrat/form.html",
        lambda d: services.create_term(actor=request.user, **d),
        lambda _t: reverse("integrationsrat:overview"),
        _("Wahlperiode angelegt."),
        {"title": _("Neue Wahlperiode")},
    )


@staff_view(VIEW)
@require_GET
def members(request: HttpRequest) -> HttpResponse:
    user = request.user
    terms = list(selectors.terms(user))
    term = next((t for t in terms if str(t.pk) == request.GET.get("wahlperiode")), None)
    term = term or (terms[0] if terms else None)
    rows = list(selectors.memberships(user, term)) if term else []
    return render(
        request,
        "integrationsrat/members.html",
        {
            "council": selectors.council_for(user),
            "terms": terms,
            "term": term,
            "rows": rows,
            "n_elected": _count(rows, "elected"),
            "n_council": _count(rows, "council"),
            "end_form": forms.EndMembershipForm(),
        },
    )


def _count(rows: list[Any], kind: str) -> int:
    """Voting members of a kind whose membership has not ended."""
    return sum(1 for m in rows if m.kind == kind and m.voting and not m.end_date)


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest) -> HttpResponse:
    form = forms.MemberForm(request.POST or None, terms=selectors.terms(request.user))
    return _form_page(
        request,
        form,
        "integrationsrat/form.html",
        lambda d: services.add_member(actor=request.user, **d),
        lambda m: reverse("integrationsrat:members") + f"?wahlperiode={m.term_id}",
        _("Mitglied eingetragen."),
        {"title": _("Mitglied eintragen")},
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a member's data or record a changed consent to publication."""
    found = selectors.person(request.user, pk)
    initial = {
        f: getattr(found, f)
        for f in (
            "given_name",
            "family_name",
            "form_of_address",
            "email",
            "consent_name",
            "consent_group",
        )
    }
    form = forms.PersonForm(request.POST or None, initial=initial)
    return _form_page(
        request,
        form,
        "integrationsrat/form.html",
        lambda d: services.update_person(actor=request.user, person=found, **d),
        lambda _p: reverse("integrationsrat:members"),
        _("Angaben gespeichert."),
        {"title": _("%(name)s bearbeiten") % {"name": found}},
    )


@staff_view(MANAGE)
@require_POST
def membership_end(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership(request.user, pk)
    url = reverse("integrationsrat:members") + f"?wahlperiode={membership.term_id}"
    form = forms.EndMembershipForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(url)
    return _back(
        request,
        url,
        lambda: services.end_membership(
            actor=request.user, membership=membership, end_date=form.cleaned_data["end_date"]
        ),
        _("Mitgliedschaft beendet."),
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def location_create(request: HttpRequest) -> HttpResponse:
    form = forms.LocationForm(request.POST or None)
    return _form_page(
        request,
        form,
        "integrationsrat/form.html",
        lambda d: services.create_location(actor=request.user, **d),
        lambda _loc: reverse("integrationsrat:meeting_create"),
        _("Ort angelegt."),
        {"title": _("Neuer Sitzungsort")},
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    form = forms.MeetingForm(request.POST or None, locations=selectors.locations(request.user))
    return _form_page(
        request,
        form,
        "integrationsrat/form.html",
        lambda d: services.create_meeting(actor=request.user, **d),
        lambda m: reverse("integrationsrat:meeting_detail", args=[m.pk]),
        _("Sitzung angelegt."),
        {"title": _("Neue Sitzung"), "location_link": True},
    )


@staff_view(VIEW)
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = selectors.meeting(user, pk)
    items = selectors.agenda(meeting, user)
    members = services.members_on(meeting)
    present = set(meeting.attendances.filter(present=True).values_list("person_id", flat=True))
    minutes = Minutes.objects.filter(meeting=meeting).prefetch_related("versions").first()
    later = selectors.meetings(user).filter(start__gt=meeting.start).order_by("start")
    return render(
        request,
        "integrationsrat/meeting_detail.html",
        {
            "meeting": meeting,
            "items": [
                (
                    item,
                    forms.ResultForm(
                        initial={
                            "outcome": item.outcome,
                            "yes": item.votes_yes,
                            "no": item.votes_no,
                            "abstain": item.votes_abstain,
                            "resolution_text": item.resolution_text,
                        },
                        prefix=f"top{item.pk}",
                    ),
                    _named_rows(members, present, item),
                )
                for item in items
            ],
            "members": members,
            "present": present,
            "attendance_recorded": meeting.attendances.exists(),
            "item_form": forms.AgendaItemForm(papers=selectors.papers(user)),
            "minutes": minutes,
            "versions": sorted(minutes.versions.all(), key=lambda v: -v.number) if minutes else [],
            "approve_form": forms.ApproveForm(meetings=later),
            "votes": Vote.choices,
            "approved": minutes is not None and minutes.status == MinutesStatus.APPROVED,
        },
    )


def _named_rows(members: list[Any], present: set[int], item: AgendaItem) -> list[tuple]:
    votes = {v.person_id: v.vote for v in item.named_votes.all()}
    return [(m, votes.get(m.person_id, "")) for m in members if m.person_id in present]


def _detail(meeting_pk: int) -> str:
    return reverse("integrationsrat:meeting_detail", args=[meeting_pk])


@staff_view(MANAGE)
@require_POST
def agenda_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting(request.user, pk)
    form = forms.AgendaItemForm(request.POST, papers=selectors.papers(request.user))
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(_detail(pk))
    return _back(
        request,
        _detail(pk),
        lambda: services.add_agenda_item(actor=request.user, meeting=meeting, **form.cleaned_data),
        _("Tagesordnungspunkt angelegt."),
    )


@staff_view(MANAGE)
@require_POST
def agenda_item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Take an item off the agenda (it stays in OParl as a deleted item)."""
    item = selectors.agenda_item(request.user, pk)
    return _back(
        request,
        _detail(item.meeting_id),
        lambda: services.remove_agenda_item(actor=request.user, item=item),
        _("Tagesordnungspunkt abgesetzt."),
    )


@staff_view(MANAGE)
@require_POST
def paper_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw a paper (it stays in OParl as a deleted paper)."""
    paper = selectors.paper(request.user, pk)
    return _back(
        request,
        reverse("integrationsrat:papers"),
        lambda: services.delete_paper(actor=request.user, paper=paper),
        _("Vorlage zurückgezogen."),
    )


@staff_view(MANAGE)
@require_POST
def invitation_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting(request.user, pk)
    return _back(
        request,
        _detail(pk),
        lambda: services.publish_invitation(actor=request.user, meeting=meeting),
        _("Einladung veröffentlicht."),
    )


def _is_id(value: str) -> bool:
    """A database id: ASCII digits only ("²" passes isdigit()) and not absurdly long."""
    return value.isascii() and value.isdigit() and len(value) <= 12


@staff_view(MANAGE)
@require_POST
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting(request.user, pk)
    present = [v for v in request.POST.getlist("present") if _is_id(v)]
    return _back(
        request,
        _detail(pk),
        lambda: services.record_attendance(actor=request.user, meeting=meeting, present=present),
        _("Anwesenheit gespeichert."),
    )


@staff_view(MANAGE)
@require_POST
def item_result(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.agenda_item(request.user, pk)
    form = forms.ResultForm(request.POST, prefix=f"top{item.pk}")
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(_detail(item.meeting_id))
    named = {}
    for key, value in request.POST.items():
        if key.startswith("vote-") and _is_id(key[5:]) and value:
            named[int(key[5:])] = value
    data = form.cleaned_data
    return _back(
        request,
        _detail(item.meeting_id) + f"#top-{item.pk}",
        lambda: services.record_result(
            actor=request.user,
            item=item,
            outcome=data["outcome"],
            yes=data["yes"],
            no=data["no"],
            abstain=data["abstain"],
            resolution_text=data["resolution_text"],
            named_votes=named,
        ),
        _("Ergebnis zu TOP %(n)s gespeichert.") % {"n": item.number},
    )


@staff_view(VIEW)
@require_http_methods(["GET", "POST"])
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """Read the minutes' versions; the office writes a new version (a draft)."""
    meeting = selectors.meeting(request.user, pk)
    record = Minutes.objects.filter(meeting=meeting).prefetch_related("versions__author").first()
    current = record.current if record else None
    if request.method == "POST" and not request.user.has_perm(MANAGE, meeting):
        raise PermissionDenied
    form = forms.MinutesForm(
        request.POST or None,
        initial={"text": current.text, "public_text": current.public_text} if current else None,
    )
    return _form_page(
        request,
        form,
        "integrationsrat/minutes.html",
        lambda d: services.save_minutes(actor=request.user, meeting=meeting, **d),
        lambda _v: reverse("integrationsrat:minutes", args=[pk]),
        _("Neue Fassung der Niederschrift gespeichert."),
        {
            "meeting": meeting,
            "record": record,
            "versions": sorted(record.versions.all(), key=lambda v: -v.number) if record else [],
            "frozen": record is not None and record.status == MinutesStatus.APPROVED,
            "confidential": selectors.confidential(request.user),
        },
    )


@staff_view(MANAGE)
@require_POST
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting(request.user, pk)
    form = forms.ApproveForm(request.POST, meetings=selectors.meetings(request.user))
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(_detail(pk))
    return _back(
        request,
        _detail(pk),
        lambda: services.approve_minutes(
            actor=request.user, meeting=meeting, approved_in=form.cleaned_data["approved_in"]
        ),
        _("Niederschrift genehmigt."),
    )


@staff_view(VIEW)
@require_GET
def packet(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting packet: invitation, agenda and papers as a PDF; the non-public parts only
    for the office, which sends it to the members."""
    meeting = selectors.meeting(request.user, pk)
    pdf = packets.render_packet(meeting, confidential=selectors.confidential(request.user))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sitzungsmappe-{meeting.pk}.pdf"'
    response["Cache-Control"] = "no-store, private"  # may hold the non-public part
    return response


@staff_view(VIEW)
@require_GET
def papers(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    return render(
        request,
        "integrationsrat/papers.html",
        {"papers": selectors.papers(request.user, query)[:200], "query": query},
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def paper_create(request: HttpRequest) -> HttpResponse:
    form = forms.PaperForm(request.POST or None)
    return _form_page(
        request,
        form,
        "integrationsrat/form.html",
        lambda d: services.create_paper(actor=request.user, **d),
        lambda p: reverse("integrationsrat:paper_detail", args=[p.pk]),
        _("Vorlage angelegt."),
        {"title": _("Neue Vorlage")},
    )


@staff_view(VIEW)
@require_GET
def paper_detail(request: HttpRequest, pk: int) -> HttpResponse:
    paper = selectors.paper(request.user, pk)
    return render(
        request,
        "integrationsrat/paper_detail.html",
        {
            "paper": paper,
            "files": paper.files.filter(deleted_at__isnull=True),
            "consultations": paper.consultations.filter(deleted_at__isnull=True).select_related(
                "agenda_item__meeting"
            ),
            "file_form": forms.FileForm(),
            "consultation_form": forms.ConsultationForm(),
        },
    )


@staff_view(MANAGE)
@require_POST
def file_upload(request: HttpRequest, pk: int) -> HttpResponse:
    paper = selectors.paper(request.user, pk)
    url = reverse("integrationsrat:paper_detail", args=[pk])
    form = forms.FileForm(request.POST, request.FILES)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(url)
    return _back(
        request,
        url,
        lambda: services.attach_file(actor=request.user, paper=paper, **form.cleaned_data),
        _("Datei hochgeladen."),
    )


@staff_view(MANAGE)
@require_POST
def consultation_add(request: HttpRequest, pk: int) -> HttpResponse:
    paper = selectors.paper(request.user, pk)
    url = reverse("integrationsrat:paper_detail", args=[pk])
    form = forms.ConsultationForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(url)
    return _back(
        request,
        url,
        lambda: services.add_consultation(actor=request.user, paper=paper, **form.cleaned_data),
        _("Beratung eingetragen."),
    )


@staff_view(VIEW)
@require_GET
def file_download(request: HttpRequest, pk: int) -> FileResponse:
    f = selectors.file(request.user, pk)
    response = FileResponse(
        f.content.open("rb"), as_attachment=True, filename=f.file_name, content_type=f.mime_type
    )
    response["Cache-Control"] = "no-store, private"  # papers of non-public sessions
    return response
