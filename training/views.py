"""Thin views: my training, a certificate of completion, and the public verification page."""

from base64 import b64encode

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from content.sample import is_sample
from organisation.access import acting_profile
from organisation.compliance import compliance_rows
from organisation.links import absolute_url
from organisation.selectors import clinic
from readyroom.errors import not_found
from training import selectors
from training.certificate import certificate_pdf, credit_line

NO_PROFILE = "Only staff members have training."
UNKNOWN_CODE = (
    "No certificate has this code. Check the address against the certificate: the code is "
    "the part after /verify/, and a certificate whose link leads here was not issued by us."
)


def my_training(request):
    profile = acting_profile(request, NO_PROFILE, refuse=Http404)
    now = timezone.now()
    return render(
        request,
        "training/my_training.html",
        {
            "profile": profile,
            "lines": selectors.required_modules(profile, now=now),
            # Modules a manager set this person, due on a date (the kind actions registers,
            # keyed "module:..." or "drill:...").
            "assigned": [
                row
                for row in compliance_rows(staff=[profile], now=now, kinds=["assigned"])
                if row.requirement_key.startswith("module:")
            ],
            "today": profile.local_date(now),
        },
    )


def certificate(request, pk: int):
    attempt = selectors.certificate_for_owner(request.user, pk)
    # The configured site address, not the request's host: the printed link and QR code must
    # lead to the public site whoever downloaded the certificate, and from wherever.
    verify_url = absolute_url(reverse("training:verify", args=[attempt.certificate_code]))
    pdf = certificate_pdf(
        attempt, verify_url=verify_url, clinic=clinic(), sample=is_sample(attempt.module)
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{attempt.passed_on:%Y-%m-%d}-{attempt.pk}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_not_required
def verify(request, code: str):
    """Open to anyone with the code: who issued it, name, module, date passed, valid until
    and its credit, nothing else. A code that names no certificate gets the site's own 404
    page, also with DEBUG on (an inspector should never see Django's debug page)."""
    try:
        attempt = selectors.certificate_by_code(code)
    except Http404:
        response = not_found(request, message=UNKNOWN_CODE)
        response["X-Robots-Tag"] = "noindex"
        return response
    identity = clinic()
    response = render(
        request,
        "training/verify.html",
        {
            "clinic": identity,
            "logo": _inline_logo(identity.logo),
            "name": attempt.staff.display_name,
            "module": attempt.module_title,
            "passed_on": attempt.passed_on,
            "valid_until": attempt.valid_until,
            # Valid through its last day on the person's own calendar, as their record says.
            "expired": attempt.valid_until < attempt.staff.local_date(timezone.now()),
            "credit": credit_line(attempt),
            "module_page": attempt.module,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _inline_logo(logo) -> dict | None:
    """The logo as a data: URI, drawn at half its pixels (sharp on dense screens). Inline
    because the page is public: the site serves media to signed-in people only, and a
    verifier has no account. An unreadable file shows no logo rather than a broken image."""
    if logo is None:
        return None
    try:
        rendition = logo.get_rendition("max-480x160|format-png")
        with rendition.file.open("rb") as file:
            data = b64encode(file.read()).decode("ascii")
    except (OSError, ValueError):
        return None
    return {
        "src": f"data:image/png;base64,{data}",
        "width": rendition.width // 2,
        "height": rendition.height // 2,
    }
