"""The manager actions, reached from a person's staff record (/manage/staff/<id>/). Each view
fetches and authorises in one selector (404 for someone the viewer does not manage), calls a
service, and shows the service's refusals next to the fields with what was typed kept."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.models import Page

from actions import assignments, cards, exemptions, nudges
from actions.forms import AssignForm, ExemptionForm, NudgeForm, RevokeForm, RoleAssignForm
from actions.selectors import exemption_for_manager, staff_to_act_on
from certifications.forms import UploadForm
from organisation.access import manager_required
from organisation.compliance import compliance_rows
from organisation.form_errors import apply_service_errors
from organisation.models import JobRole
from organisation.policies import managed_locations


def _record(profile):
    return redirect("dashboard:staff_record", pk=profile.pk)


@manager_required
def exempt(request, pk: int):
    """Grant an exemption from one of the person's requirements."""
    profile = staff_to_act_on(request.user, pk)
    now = timezone.now()
    rows = compliance_rows(staff=[profile], now=now)
    form = ExemptionForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        kind, key = form.requirement_parts()
        try:
            exemption = exemptions.grant_exemption(
                staff=profile,
                kind=kind,
                requirement_key=key,
                ends_on=form.cleaned_data["ends_on"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
                now=now,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{profile.display_name}: {exemption}.")
            return _record(profile)
    status = 400 if form.is_bound else 200
    return render(request, "actions/exempt.html", {"profile": profile, "form": form}, status=status)


@manager_required
@require_POST
def revoke_exemption(request, pk: int):
    """End an exemption now (a confirmed POST from the staff record)."""
    exemption = exemption_for_manager(request.user, pk)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            exemptions.revoke_exemption(
                exemption=exemption,
                actor=request.user,
                now=timezone.now(),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Exemption from {exemption.label} revoked.")
            return _record(exemption.staff)
    return render(
        request,
        "actions/revoke.html",
        {"profile": exemption.staff, "exemption": exemption, "form": form},
        status=400,
    )


@manager_required
def nudge(request, pk: int):
    """Send the person a one-off reminder about one requirement that needs action."""
    profile = staff_to_act_on(request.user, pk)
    now = timezone.now()
    rows = [r for r in compliance_rows(staff=[profile], now=now) if r.needs_action]
    form = NudgeForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        kind, key = form.requirement_parts()
        try:
            reminder = nudges.send_nudge(
                staff=profile, kind=kind, requirement_key=key, actor=request.user, now=now
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                f"A reminder about {reminder.label} goes to {profile.display_name} with the "
                "next reminder run, inside their sending hours.",
            )
            return _record(profile)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "actions/nudge.html",
        {"profile": profile, "form": form, "rows": rows},
        status=status,
    )


def _assignment_args(form) -> dict:
    what, page_id = form.what_and_page_id()
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise ValidationError({"page": assignments.NOT_PUBLISHED})
    return {"what": what, "page": page, "due_on": form.cleaned_data["due_on"]}


@manager_required
def assign(request, pk: int):
    """Assign a module or drill to this person, due on a date."""
    profile = staff_to_act_on(request.user, pk)
    form = AssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assignment = assignments.assign_to_person(
                staff=profile, actor=request.user, now=timezone.now(), **_assignment_args(form)
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{profile.display_name}: {assignment} assigned.")
            return _record(profile)
    return render(
        request,
        "actions/assign.html",
        {"profile": profile, "form": form},
        status=400 if form.is_bound else 200,
    )


@manager_required
def assign_role(request):
    """Assign a module or drill to everyone holding a role at a location the viewer manages."""
    form = RoleAssignForm(
        request.POST or None,
        locations=managed_locations(request.user),
        roles=JobRole.objects.order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = assignments.assign_to_role(
                role=form.cleaned_data["role"],
                location=form.cleaned_data["location"],
                actor=request.user,
                now=timezone.now(),
                **_assignment_args(form),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                f"{made[0].title} assigned to {len(made)} "
                f"{'person' if len(made) == 1 else 'people'}, due {made[0].due_on:%-d %b %Y}.",
            )
            return redirect("dashboard:manage")
    return render(
        request, "actions/assign_role.html", {"form": form}, status=400 if form.is_bound else 200
    )


@manager_required
def record_card(request, pk: int):
    """Upload a card on the person's behalf; another manager verifies it."""
    profile = staff_to_act_on(request.user, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = cards.record_card_for(
                staff=profile,
                certification_type=data["certification_type"],
                issued_on=data["issued_on"],
                card_number=data["card_number"],
                card_file=data["card_file"],
                expires_on=data["expires_on"],
                override_reason=data["override_reason"],
                actor=request.user,
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                f"{record.certification_type.name} recorded for {profile.display_name}, valid "
                f"through {record.expires_on:%-d %B %Y}. Another manager verifies it.",
            )
            return _record(profile)
    return render(
        request,
        "actions/record_card.html",
        {"profile": profile, "form": form},
        status=400 if form.is_bound else 200,
    )
