"""Record audit pages for managers: rounds, scoring records, scores over time, retraining."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from actions.assignments import NOT_PUBLISHED
from actions.forms import AssignForm
from audits import selectors, services
from audits.charts import score_trend_chart
from audits.forms import RecordForm, RoundForm
from organisation.access import acting_profile, manager_required
from organisation.form_errors import apply_service_errors
from organisation.policies import managed_locations

NO_PROFILE = "Only staff with a profile audit records."
LIST_LENGTH = 100  # rounds on the list: about two years of weekly audits at a location


@manager_required
def round_list(request):
    rounds = list(selectors.rounds_for_manager(request.user)[:LIST_LENGTH])
    lines = [(r, selectors.round_tally(r)) for r in rounds]
    return render(request, "audits/round_list.html", {"lines": lines})


@manager_required
@require_http_methods(["GET", "POST"])
def round_new(request):
    now = timezone.now()
    first = managed_locations(request.user).order_by("name").first()
    form = RoundForm(
        request.POST or None,
        user=request.user,
        initial={"audited_on": first.local_date(now) if first else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            audit_round = services.start_round(
                auditor=acting_profile(request, NO_PROFILE), now=now, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect("audits:record_new", pk=audit_round.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "audits/round_form.html", {"form": form}, status=status)


@manager_required
def round_detail(request, pk: int):
    audit_round = selectors.round_for_manager(request.user, pk)
    result = selectors.round_result(audit_round)
    retrainings = selectors.retrainings(audit_round)
    context = {"round": audit_round, "result": result, "retrainings": retrainings}
    return render(request, "audits/round_detail.html", context)


@manager_required
@require_http_methods(["GET", "POST"])
def record_new(request, pk: int):
    """Score one treatment record: its reference, who treated, each item's outcome."""
    audit_round = selectors.round_for_manager(request.user, pk)
    form = RecordForm(request.POST or None, audit_round=audit_round)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.score_record(
                audit_round=audit_round,
                reference=form.cleaned_data["reference"],
                treated_by=form.cleaned_data["treated_by"],
                outcomes=form.outcomes(),
                scored_by=acting_profile(request, NO_PROFILE),
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Record {record.reference} scored.")
            if "another" in request.POST:
                return redirect("audits:record_new", pk=audit_round.pk)
            return redirect("audits:round_detail", pk=audit_round.pk)
    status = 400 if request.method == "POST" else 200
    context = {"round": audit_round, "form": form}
    return render(request, "audits/record_form.html", context, status=status)


@manager_required
@require_POST
def round_complete(request, pk: int):
    audit_round = selectors.round_for_manager(request.user, pk)
    try:
        services.complete_round(
            audit_round=audit_round,
            completed_by=acting_profile(request, NO_PROFILE),
            now=timezone.now(),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("audits:round_detail", pk=audit_round.pk)
    messages.success(request, "Round completed.")
    return redirect("audits:round_detail", pk=audit_round.pk)


@manager_required
@require_http_methods(["GET", "POST"])
def retrain(request, pk: int, item_pk: int):
    """Assign a module or drill to everyone who treated a record in the round."""
    item = selectors.round_item_for_manager(request.user, pk, item_pk)
    people = selectors.treating_staff(item.round)
    form = AssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        what, page_id = form.what_and_page_id()
        page = Page.objects.filter(pk=page_id).first()
        try:
            if page is None:
                raise ValidationError({"page": NOT_PUBLISHED})
            services.assign_retraining(
                item=item,
                what=what,
                page=page,
                due_on=form.cleaned_data["due_on"],
                assigned_by=acting_profile(request, NO_PROFILE),
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{page.title} assigned to {len(people)} people.")
            return redirect("audits:round_detail", pk=item.round_id)
    status = 400 if request.method == "POST" else 200
    context = {"item": item, "round": item.round, "people": people, "form": form}
    return render(request, "audits/retrain_form.html", context, status=status)


@manager_required
def trend(request):
    """Each location's and procedure's score over time: a chart, its table, one sentence."""
    chart = score_trend_chart(selectors.score_trend(request.user))
    return render(request, "audits/trend.html", {"chart": chart})
