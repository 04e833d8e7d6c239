"""Demo certifications: types, who requires what, and records spread around `today`.

Most cards are verified by a manager (current, due soon or overdue); a few await
verification, one was rejected with a reason, one asks for a later expiry, a few are missing.
The "staff" login has BLS due soon and an LSO card awaiting verification; Priya Nair renewed
her BLS early, inside the window, and kept its anniversary; Tom Reilly, hired 40 days ago,
has no BLS card yet and is chased for it. Card files are tiny
generated PNGs and PDFs.
Idempotent: a person who already has a record of a type gets no new one.
"""

import zlib
from datetime import UTC, date, datetime, time, timedelta
from io import BytesIO
from struct import pack

from django.core.files.base import ContentFile
from django.db import transaction
from reportlab.pdfgen import canvas

from certifications.models import (
    CertificationRecord,
    CertificationRequirement,
    CertificationType,
)
from certifications.services import reject_record, upload_record, verify_record
from organisation.models import JobRole, StaffProfile

TYPES = (
    # code, name, issuing body, months, rule, renewal window
    ("BLS", "Basic Life Support", "American Heart Association", 24, "end_of_month", 90),
    (
        "ACLS",
        "Advanced Cardiovascular Life Support",
        "American Heart Association",
        24,
        "end_of_month",
        90,
    ),
    (
        "PALS",
        "Pediatric Advanced Life Support",
        "American Heart Association",
        24,
        "end_of_month",
        90,
    ),
    ("LSO", "Laser Safety Officer", "Board of Laser Safety", 36, "exact_date", 120),
    ("RN-licence", "Registered nurse licence", "State board of nursing", 24, "exact_date", 90),
)
REQUIRED_BY_ALL = "BLS"
REQUIRED_BY_ROLE = {"injector": ("ACLS",), "laser-technician": ("LSO",)}

# days until expiry, verified?  Picked per person and type by a stable index; None = missing.
SPREAD = (
    (400, True),
    (540, True),
    (45, True),  # due soon
    (250, False),  # awaiting verification
    (-12, True),  # overdue
    (620, True),
    (20, True),  # due soon
    (None, None),  # missing
    (300, True),
    (-40, True),  # overdue
    (75, False),  # due soon, awaiting verification
    (480, True),
)
# The README's logins see something worth looking at.
FIXED = {
    ("staff", "BLS"): (21, True),
    ("staff", "ACLS"): (380, True),
    ("staff", "LSO"): (500, False),
    ("leo.martins", "BLS"): (600, False),
    ("hana.sato", "LSO"): (700, False),
    ("priya.nair", "BLS"): (40, True),
    # Hired 40 days ago and has not uploaded a BLS card: missing since the hire date, chased.
    ("tom.reilly", "BLS"): (None, None),
}
# When the roles began to require their cards: half a year before the demo's today, so a
# card missing from someone hired earlier is missing since then, from a newer hire since
# their hire date.
REQUIRED_FOR_DAYS = 180
# Renewed early, inside the renewal window: the previous card (placed by FIXED) and the days
# ago the renewal course was completed. The renewal keeps the card's anniversary (BLS counts
# from the previous expiry), so the new card runs two years from the old one's expiry.
RENEWED_EARLY = {("priya.nair", "BLS"): 10}
# Cards a manager rejected, and why: the person sees the reason and uploads a corrected card.
REJECTED = {
    ("leo.martins", "BLS"): "The photo is too blurred to read the card number",
}
# Cards whose holder asked for an expiry other than the rule's: (days later, why).
EXPIRY_REQUESTS = {
    ("hana.sato", "LSO"): (30, "The board's renewal letter extends the card by a month"),
}


def _png() -> bytes:
    """A 2x2 grey PNG, built by hand: a stand-in card image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return pack(">I", len(data)) + kind + data + pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80\x80\x80" * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _pdf(text: str) -> bytes:
    """A one-page wallet-card PDF that the upload check parses like a real one."""
    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(243, 153))
    pdf.drawString(12, 120, f"Sample card: {text}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _issued_for(cert_type: CertificationType, today: date, days_left: int) -> date:
    issued = today - timedelta(days=cert_type.validity_months * 30 - days_left)
    # Walk the issue date so the rule's expiry lands near the wanted days left.
    while cert_type.expiry_for(issued) - today > timedelta(days=days_left + 15):
        issued -= timedelta(days=7)
    return min(issued, today)


def _verifier(profile: StaffProfile, profiles: dict[str, StaffProfile]) -> StaffProfile:
    director = profiles.get("director")
    return profiles["regional"] if director is None or profile == director else director


@transaction.atomic
def seed(*, today: date, profiles: dict[str, StaffProfile], publisher) -> None:
    now = datetime.combine(today, time(12), tzinfo=UTC)
    types = {}
    for code, name, body, months, rule, window in TYPES:
        types[code], _ = CertificationType.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "issuing_body": body,
                "validity_months": months,
                "expiry_rule": rule,
                "renewal_window_days": window,
                # AHA cards keep their anniversary when renewed inside the window; the board
                # and licence types count from completion (the migration's choice too).
                "renewal_basis": "previous_expiry" if rule == "end_of_month" else "completion",
            },
        )
    for role in JobRole.objects.all():
        codes = (REQUIRED_BY_ALL, *REQUIRED_BY_ROLE.get(role.slug, ()))
        for code in codes:
            CertificationRequirement.objects.get_or_create(
                role=role,
                certification_type=types[code],
                defaults={"added_at": now - timedelta(days=REQUIRED_FOR_DAYS)},
            )

    held = set(
        CertificationRecord.objects.filter(staff__in=profiles.values()).values_list(
            "staff_id", "certification_type__code"
        )
    )
    png, index = _png(), 0
    for username, profile in sorted(profiles.items()):
        role_slugs = sorted(profile.roles.values_list("slug", flat=True))
        codes = [REQUIRED_BY_ALL] + [c for s in role_slugs for c in REQUIRED_BY_ROLE.get(s, ())]
        for code in dict.fromkeys(codes):
            index += 1
            if (profile.pk, code) in held:
                continue
            days_left, verified = FIXED.get((username, code), SPREAD[index % len(SPREAD)])
            if days_left is None:
                continue
            cert_type = types[code]
            if username == "staff" and code == "BLS":
                _record(profile, cert_type, today, days_left - 730, png, now, True, profiles)
            record = _record(
                profile,
                cert_type,
                today,
                days_left,
                png,
                now,
                verified,
                profiles,
                request=EXPIRY_REQUESTS.get((username, code)),
            )
            completed_ago = RENEWED_EARLY.get((username, code))
            if completed_ago is not None:
                _renewal(profile, cert_type, today - timedelta(days=completed_ago), now, profiles)
            reason = REJECTED.get((username, code))
            if reason:
                reject_record(
                    record=record, actor=_verifier(profile, profiles).user, note=reason, now=now
                )


def _record(profile, cert_type, today, days_left, png, now, verified, profiles, request=None):
    issued_on = _issued_for(cert_type, today, days_left)
    requested, why = (None, "")
    if request is not None:
        requested = cert_type.expiry_for(issued_on) + timedelta(days=request[0])
        why = request[1]
    content = png if profile.pk % 2 else _pdf(f"{cert_type.code} for {profile.display_name}")
    name = "card.png" if content is png else "card.pdf"
    upload = ContentFile(content, name=name)
    record = upload_record(
        staff=profile,
        certification_type=cert_type,
        issued_on=issued_on,
        card_number=f"DEMO-{cert_type.code}-{profile.pk:04d}-{issued_on:%y%m}",
        card_file=upload,
        expires_on=requested,
        override_reason=why,
        actor=profile.user,
        now=now,
    )
    if verified:
        verify_record(record=record, actor=_verifier(profile, profiles).user, now=now)
    return record


def _renewal(profile, cert_type, completed_on, now, profiles):
    """A renewal uploaded and verified: its expiry is the upload service's, by the type's
    renewal rule."""
    record = upload_record(
        staff=profile,
        certification_type=cert_type,
        issued_on=completed_on,
        card_number=f"DEMO-{cert_type.code}-{profile.pk:04d}-{completed_on:%y%m}",
        card_file=ContentFile(_png(), name="card.png"),
        actor=profile.user,
        now=now,
    )
    verify_record(record=record, actor=_verifier(profile, profiles).user, now=now)
    return record


@transaction.atomic
def reset() -> None:
    """Remove demo certification data: ledger rows, records (and their files), requirements,
    types. People are removed by the organisation's own reset."""
    codes = [code for code, *_ in TYPES]
    records = CertificationRecord.objects.filter(certification_type__code__in=codes)
    # Ledger rows and calendar tokens go with the demo people (cascade).
    files = [r.card_file for r in records.exclude(card_file="")]
    records.delete()
    CertificationRequirement.objects.filter(certification_type__code__in=codes).delete()
    CertificationType.objects.filter(code__in=codes).delete()
    for card in files:
        card.storage.delete(card.name)
