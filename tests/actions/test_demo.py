"""The demo clinic has one exemption and one assignment at Brookline, each audited, marked
sample, and seeding again adds nothing."""

from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from actions import demo
from actions.models import Assignment, Exemption
from organisation.compliance import compliance_rows
from organisation.models import AuditEntry, StaffProfile
from organisation.status import Status

TODAY = "2026-11-24"
NOW = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)


@pytest.fixture
def seeded(db):
    call_command("seed_demo", "--today", TODAY, stdout=open("/dev/null", "w"))


def test_one_exemption_and_one_assignment_at_the_demo_clinic(seeded):
    # Other demos assign too (retraining after an incident, an audit, a protocol revision):
    # this one is Leo's, set by his manager on its own.
    exemption = Exemption.objects.get()
    assignment = Assignment.objects.get(staff__user__username="leo.martins", role=None)
    assert (exemption.staff.user.username, exemption.requirement_key) == ("grace.obi", "BLS")
    assert exemption.reason.startswith("Sample (for the medical director to review)")
    assert assignment.staff.user.username == "leo.martins"
    assert assignment.title == "Filler vascular occlusion"
    for person in (exemption.staff, assignment.staff):
        assert {"brookline"} <= {loc.slug for loc in person.locations.all()}
    assert AuditEntry.objects.filter(action="exemption.granted").count() == 1
    assert AuditEntry.objects.filter(
        action="assignment.created", data__assignment=assignment.pk
    ).exists()
    rows = compliance_rows(staff=[exemption.staff, assignment.staff], now=NOW)
    assert any(r.status is Status.EXEMPT and r.due_on == exemption.ends_on for r in rows)
    assert any(r.kind == "assigned" and r.due_on == assignment.due_on for r in rows)

    profiles = {p.user.username: p for p in StaffProfile.objects.select_related("user")}
    audited = AuditEntry.objects.filter(action__in=["exemption.granted", "assignment.created"])
    counts = (Exemption.objects.count(), Assignment.objects.count(), audited.count())
    demo.seed(today=NOW.date(), profiles=profiles, publisher=profiles["director"].user)
    assert (Exemption.objects.count(), Assignment.objects.count(), audited.count()) == counts

    demo.reset()
    assert not Exemption.objects.exists() and not Assignment.objects.exists()
