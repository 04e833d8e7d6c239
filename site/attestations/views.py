"""Attestation pages: what a person has to read and sign, and who has yet to, for managers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from attestations import selectors, services
from organisation.access import acting_profile, manager_required

NO_PROFILE = "Only staff with a profile sign attestations."


def _page(request, profile, *, problem: str = "", status: int = 200):
    context = {"attestations": selectors.mine(profile, now=timezone.now()), "problem": problem}
    return render(request, "attestations/mine.html", context, status=status)


def mine(request):
    """My attestations: revised protocols to read and sign, and my yearly ones."""
    profile = acting_profile(request, NO_PROFILE, refuse=Http404)
    return _page(request, profile)


@require_POST
def attest(request, pk: int):
    """Sign "I have read the revised protocol", for myself only."""
    attestation = selectors.request_for_owner(request.user, pk)
    try:
        services.attest_revision(
            attestation=attestation, staff=attestation.staff, now=timezone.now()
        )
    except ValidationError as error:  # signed in another tab a moment ago
        return _page(request, attestation.staff, problem=" ".join(error.messages), status=400)
    title = attestation.protocol_revision.title
    messages.success(request, f"Recorded: you have read the revised {title}.")
    return redirect("attestations:mine")


@require_POST
def attest_yearly(request, pk: int):
    """Sign this year's attestation to a protocol one of my roles asks for."""
    protocol = selectors.yearly_protocol_for_owner(request.user, pk)
    profile = acting_profile(request, NO_PROFILE, refuse=Http404)
    try:
        services.attest_yearly(protocol=protocol, staff=profile, now=timezone.now())
    except ValidationError as error:
        return _page(request, profile, problem=" ".join(error.messages), status=400)
    messages.success(request, f"Recorded: your yearly attestation to {protocol.title}.")
    return redirect("attestations:mine")


@manager_required
def manage(request):
    """Who at my locations has yet to sign each attestation."""
    outstanding = selectors.outstanding_for_manager(request.user, now=timezone.now())
    return render(request, "attestations/manage.html", {"outstanding": outstanding})
