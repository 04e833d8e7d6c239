"""The demo clinic's protocol revision and attestations (demo_attestations.yaml, sample content
for the medical director to review): a clinically significant revision of a library protocol
published by the demo's medical director, so the modules built on it are set again to those
who passed them and they are asked to attest (all but two attest at once), and
a few yearly attestations signed months ago.

Through Wagtail's publish and the services, so the audit trail reads as it would have. Called
by seed_demo after training's quiz histories; running it again adds nothing.
"""

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import yaml
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from attestations.models import Attestation, AttestationKind, ProtocolRevision
from attestations.services import attest_revision, attest_yearly
from content.models import ProtocolPage
from organisation.demo import demo_usernames
from organisation.models import StaffProfile

DATA = Path(__file__).with_name("demo_attestations.yaml")


def seed(*, today: date, profiles: dict[str, StaffProfile], publisher: AbstractBaseUser) -> None:
    data = yaml.safe_load(DATA.read_text())
    people = {
        p.user.username: p
        for p in StaffProfile.objects.select_related("user", "home_location").filter(
            user__username__in=demo_usernames()
        )
    }
    with transaction.atomic():
        _revision(data["revision"], publisher)
        for spec in data["yearly"]:
            _yearly(spec, people, today)


def _revision(spec: dict, publisher: AbstractBaseUser) -> None:
    page = ProtocolPage.objects.filter(slug=spec["protocol"]).first()
    if page is None or ProtocolRevision.objects.filter(protocol=page, significant=True).exists():
        return
    page = page.get_latest_revision_as_object()
    page.significant_change = True
    page.what_changed = " ".join(spec["what_changed"].split())
    # Published now (the publish signal's time), as the director approving it would.
    page.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    asked = Attestation.objects.filter(
        kind=AttestationKind.REVISION, protocol=page, attested_at__isnull=True
    ).select_related("staff__user", "staff__home_location", "protocol_revision")
    for attestation in asked:
        if attestation.staff.user.username not in spec["yet_to_attest"]:
            attest_revision(attestation=attestation, staff=attestation.staff, now=timezone.now())


def _yearly(spec: dict, people: dict[str, StaffProfile], today: date) -> None:
    person = people.get(spec["person"])
    page = ProtocolPage.objects.filter(slug=spec["protocol"]).first()
    if person is None or page is None:
        return
    if Attestation.objects.filter(staff=person, protocol=page, kind="yearly").exists():
        return
    at = datetime.combine(today - timedelta(days=spec["days_ago"]), time(15), tzinfo=UTC)
    attest_yearly(protocol=page, staff=person, now=at)


@transaction.atomic
def reset() -> None:
    """Remove the demo people's attestations and the demo protocols' revision records (their
    audit trail goes with the people)."""
    Attestation.objects.filter(staff__user__username__in=demo_usernames()).delete()
    ProtocolRevision.objects.filter(protocol__sample_content=True).delete()
