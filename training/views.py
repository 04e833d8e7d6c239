"""Thin views: my training, a certificate of completion, and the public verification page."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from content.sample import is_sample
from organisation.access import acting_profile
from training import selectors
from training.certificate import certificate_pdf

NO_PROFILE = "Only staff members have training."


def my_training(request):
    profile = acting_profile(request, NO_PROFILE, refuse=Http404)
    now = timezone.now()
    return render(
        request,
        "training/my_training.html",
        {
            "profile": profile,
            "lines": selectors.required_modules(profile, now=now),
            "today": profile.local_date(now),
        },
    )


def certificate(request, pk: int):
    attempt = selectors.certificate_for_owner(request.user, pk)
    verify_url = request.build_absolute_uri(
        reverse("training:verify", args=[attempt.certificate_code])
    )
    response = HttpResponse(
        certificate_pdf(attempt, verify_url=verify_url, sample=is_sample(attempt.module)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{attempt.passed_on:%Y-%m-%d}-{attempt.pk}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_not_required
def verify(request, code: str):
    """Open to anyone with the code: name, module, date passed and valid until, nothing else."""
    attempt = selectors.certificate_by_code(code)
    response = render(
        request,
        "training/verify.html",
        {
            "name": attempt.staff.display_name,
            "module": attempt.module_title,
            "passed_on": attempt.passed_on,
            "valid_until": attempt.valid_until,
            "module_page": attempt.module,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response
