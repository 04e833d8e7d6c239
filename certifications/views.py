"""Thin views: fetch-and-authorise through selectors, change through services."""

from datetime import timedelta
from pathlib import PurePosixPath

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from certifications import previews, selectors, services
from certifications.forms import (
    BulkVerifyForm,
    DecisionForm,
    ExpiryRequestForm,
    OverrideForm,
    UploadForm,
)
from organisation.access import acting_profile, manager_required
from organisation.form_errors import apply_service_errors
from organisation.policies import managed_locations
from organisation.selectors import profile_of

NO_PROFILE = "Only staff members have certifications."


def my_certifications(request):
    profile = acting_profile(request, NO_PROFILE, refuse=Http404)
    now = timezone.now()
    form = UploadForm(
        request.POST or None, request.FILES or None, initial_code=request.GET.get("type", "")
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = services.upload_record(
                staff=profile,
                certification_type=data["certification_type"],
                issued_on=data["issued_on"],
                card_number=data["card_number"],
                card_file=data["card_file"],
                expires_on=data["expires_on"],
                override_reason=data["override_reason"],
                actor=request.user,
                now=now,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            asked = (
                f" and decide on the expiry date you asked for "
                f"({record.requested_expires_on:%d %B %Y})"
                if record.expiry_request_pending
                else ""
            )
            messages.success(
                request,
                f"{record.certification_type.name} recorded, valid through "
                f"{record.expires_on:%d %B %Y}. A manager will verify the card{asked}.",
            )
            return redirect("certifications:my_certifications")
    return render(
        request,
        "certifications/my_certifications.html",
        {
            "profile": profile,
            "holdings": selectors.holdings_for(profile, now=now),
            "today": profile.local_date(now),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def record_detail(request, pk: int):
    record = selectors.record_for_viewer(request.user, pk)
    can_manage = selectors.can_manage_record(request.user, record)
    return render(
        request,
        "certifications/record_detail.html",
        {
            "record": record,
            "chain": selectors.chain_of(record),
            "audit": selectors.audit_trail_for(record.staff),
            "can_manage": can_manage,
            "decision_form": DecisionForm(),
            "override_form": OverrideForm(),
            "expiry_form": ExpiryRequestForm(),
            "today": record.staff.local_date(timezone.now()),
            "no_preview": previews.NO_PREVIEW,
        },
    )


def card_file(request, pk: int):
    record = selectors.record_for_viewer(request.user, pk)
    if not record.card_file:
        raise Http404("This record has no card file.")
    suffix = PurePosixPath(record.card_file.name).suffix
    response = FileResponse(
        record.card_file.open("rb"),
        as_attachment=True,
        filename=f"{record.certification_type.code}-card-{record.issued_on:%Y-%m-%d}{suffix}",
        content_type=record.card_content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def card_preview(request, pk: int):
    """The card's picture (a PDF's first page), for whoever may download the card.

    A card that cannot be drawn answers 404 with NO_PREVIEW as plain text: the queue's image
    fails to load and the page says so beside the download link."""
    record = selectors.record_for_viewer(request.user, pk)
    try:
        png = previews.card_preview(record)
    except previews.NoPreview:
        response = HttpResponse(
            str(previews.NO_PREVIEW), status=404, content_type="text/plain; charset=utf-8"
        )
    else:
        response = HttpResponse(png, content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    # As the card itself: a picture of a licence is not left in a shared PC's browser cache.
    response["Cache-Control"] = "no-store"
    return response


def _manage_page(request, bulk_form=None, status=200):
    now = timezone.now()
    profile = profile_of(request.user)
    today = profile.local_date(now) if profile else timezone.localdate(now)
    queue = selectors.cards_awaiting_verification(request.user)
    return render(
        request,
        "certifications/manage.html",
        {
            "queue": queue,
            "bulk_form": bulk_form or BulkVerifyForm(queue=queue),
            "picked": {str(pk) for pk in request.POST.getlist("records")},
            "no_preview": previews.NO_PREVIEW,
            "expiry_requests": selectors.expiry_requests_awaiting(request.user),
            "expiry_form": ExpiryRequestForm(),
            "expiring": selectors.expiries_between(
                request.user, start=today - timedelta(days=30), end=today + timedelta(days=90)
            ),
            "locations": managed_locations(request.user),
            "today": today,
        },
        status=status,
    )


@manager_required
def manage(request):
    return _manage_page(request)


@require_POST
@manager_required
def bulk_verify(request):
    # Nobody verifies their own card: a batch holding one is refused whole, not just invalid.
    if selectors.owns_any_record(request.user, request.POST.getlist("records")):
        raise PermissionDenied(services.OWN_CARD)
    form = BulkVerifyForm(request.POST, queue=selectors.cards_awaiting_verification(request.user))
    if form.is_valid():
        try:
            verified = services.verify_records(
                records=form.cleaned_data["records"],
                actor=request.user,
                note=form.cleaned_data["note"],
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            noun = "card" if len(verified) == 1 else "cards"
            messages.success(request, f"{len(verified)} {noun} verified.")
            return redirect("certifications:manage")
    return _manage_page(request, bulk_form=form, status=400)


@require_POST
@manager_required
def decide(request, pk: int):
    record = selectors.record_for_manager(request.user, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        service = (
            services.verify_record
            if form.cleaned_data["decision"] == DecisionForm.VERIFY
            else services.reject_record
        )
        try:
            service(
                record=record,
                actor=request.user,
                note=form.cleaned_data["note"],
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        except PermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        else:
            verb = (
                "verified" if form.cleaned_data["decision"] == DecisionForm.VERIFY else "rejected"
            )
            messages.success(
                request, f"{record.certification_type.code} card of {record.staff} {verb}."
            )
            return redirect(_next_url(request))
    return _record_with_errors(request, record, decision_form=form)


@require_POST
@manager_required
def override(request, pk: int):
    record = selectors.record_for_manager(request.user, pk)
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            services.override_expiry(
                record=record,
                expires_on=form.cleaned_data["expires_on"],
                reason=form.cleaned_data["override_reason"],
                actor=request.user,
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Expiry date changed and logged.")
            return redirect("certifications:record", pk=record.pk)
    return _record_with_errors(request, record, override_form=form)


@require_POST
@manager_required
def decide_expiry_request(request, pk: int):
    record = selectors.record_for_manager(request.user, pk)
    form = ExpiryRequestForm(request.POST)
    if form.is_valid():
        approve = form.cleaned_data["decision"] == ExpiryRequestForm.APPROVE
        service = services.approve_expiry_request if approve else services.refuse_expiry_request
        try:
            record = service(
                record=record,
                actor=request.user,
                note=form.cleaned_data["note"],
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            verb = "approved" if approve else "refused"
            messages.success(
                request,
                f"Expiry request for {record.staff}'s {record.certification_type.code} card "
                f"{verb}; it is valid through {record.expires_on:%d %B %Y}.",
            )
            return redirect(_next_url(request))
    return _record_with_errors(request, record, expiry_form=form)


def _next_url(request) -> str:
    """Where to go after a decision: the posted `next` when it is on this site, else the queue."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("certifications:manage")


def _record_with_errors(request, record, **forms):
    context = {
        "record": record,
        "chain": selectors.chain_of(record),
        "audit": selectors.audit_trail_for(record.staff),
        "can_manage": True,
        "decision_form": DecisionForm(),
        "override_form": OverrideForm(),
        "expiry_form": ExpiryRequestForm(),
        "today": record.staff.local_date(timezone.now()),
        "no_preview": previews.NO_PREVIEW,
        **forms,
    }
    return render(request, "certifications/record_detail.html", context, status=400)
