"""Kit pages: the checks a staff member records from a phone, and the manager's kit pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from kits import selectors, services
from kits.forms import CheckNotesForm, ItemCheckForm, ItemForm, KitForm, ReplaceLotForm
from organisation.access import acting_profile, manager_required
from organisation.form_errors import apply_service_errors

LOG_LENGTH = 26  # checks shown on a kit's page: about six months of weekly checks
NO_PROFILE = "Only staff with a profile record kit checks."


def my_kits(request):
    """The kits at my locations, with when each check falls due."""
    now = timezone.now()
    kits = selectors.standings(selectors.kits_to_check(request.user), now=now)
    return render(request, "kits/my_kits.html", {"standings": kits})


@require_http_methods(["GET", "POST"])
def check(request, pk: int):
    """Record a kit's weekly check: each item present and in date, or what was wrong."""
    kit = selectors.kit_to_check(request.user, pk)
    checker = acting_profile(request, NO_PROFILE)
    now = timezone.now()
    today = kit.location.local_date(now)
    data = request.POST if request.method == "POST" else None
    forms = [ItemCheckForm(data, item=item, today=today) for item in kit.items.all()]
    notes = CheckNotesForm(data)
    problem = ""
    if data is not None and all([f.is_valid() for f in forms]) and notes.is_valid():
        try:
            services.record_check(
                kit=kit,
                checked_by=checker,
                lines=[f.line() for f in forms],
                notes=notes.cleaned_data["notes"],
                now=now,
            )
        except ValidationError as error:  # the kit changed since the page was drawn
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"Check of {kit} recorded for {today:%-d %B %Y}.")
            return redirect("kits:my_kits")
    context = {
        "kit": kit,
        "today": today,
        "forms": forms,
        "notes": notes,
        "problem": problem,
        "wrong": sum(1 for f in forms if f.errors),
    }
    return render(request, "kits/check.html", context, status=400 if data is not None else 200)


@manager_required
def manage(request):
    """Each kit at the locations I manage: its last check, next due, items expiring soon."""
    now = timezone.now()
    kits = selectors.standings(selectors.kits_for_manager(request.user), now=now)
    return render(request, "kits/manage.html", {"standings": kits})


@manager_required
def kit_detail(request, pk: int):
    kit = selectors.kit_for_manager(request.user, pk)
    now = timezone.now()
    (standing,) = selectors.standings(
        selectors.kits_for_manager(request.user).filter(pk=kit.pk, is_active=True), now=now
    ) or (None,)
    log = list(selectors.check_log([kit])[:LOG_LENGTH])
    context = {"kit": kit, "standing": standing, "log": log, "log_length": LOG_LENGTH}
    return render(request, "kits/kit_detail.html", context)


@manager_required
@require_http_methods(["GET", "POST"])
def kit_new(request):
    form = KitForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        profile = acting_profile(request, NO_PROFILE)
        try:
            kit = services.create_kit(
                location=form.cleaned_data["location"],
                name=form.cleaned_data["name"],
                place=form.cleaned_data["place"],
                created_by=profile,
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect("kits:kit_detail", pk=kit.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "kits/kit_form.html", {"form": form}, status=status)


@manager_required
@require_http_methods(["GET", "POST"])
def item_new(request, pk: int):
    kit = selectors.kit_for_manager(request.user, pk)
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_item(
                kit=kit,
                added_by=acting_profile(request, NO_PROFILE),
                now=timezone.now(),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect("kits:kit_detail", pk=kit.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "kits/item_form.html", {"form": form, "kit": kit}, status=status)


@manager_required
@require_http_methods(["GET", "POST"])
def item_replace(request, pk: int):
    item = selectors.item_for_manager(request.user, pk)
    form = ReplaceLotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.replace_item_lot(
                item=item,
                replaced_by=acting_profile(request, NO_PROFILE),
                now=timezone.now(),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{item.name}: new lot recorded.")
            return redirect("kits:kit_detail", pk=item.kit_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "kits/replace_form.html", {"form": form, "item": item}, status=status)
