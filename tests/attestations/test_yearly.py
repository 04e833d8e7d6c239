"""The yearly attestation: due 12 months after the last signature, due soon in the last 30
days, overdue the day after; missing when never signed; reminded once per stage."""

import datetime

import pytest
from attestations import rows, services
from attestations.models import Attestation
from django.core import mail
from django.core.exceptions import ValidationError
from reminders.models import Reminder
from reminders.sweep import run_sweep

from organisation.models import AuditEntry
from organisation.status import Status
from tests.attestations.conftest import NOW, TODAY
from tests.factories import JobRoleFactory, StaffProfileFactory

DAY = datetime.timedelta(days=1)


@pytest.fixture
def yearly(protocol, esthetician):
    protocol.attestation_roles.add(esthetician)
    protocol.save()
    return protocol


def _row(person, *, on):
    now = datetime.datetime.combine(on, datetime.time(15), tzinfo=datetime.UTC)
    (row,) = rows.attestation_rows(staff=[person], now=now, as_of=None)
    return row


def test_never_signed_is_missing_and_only_for_the_roles_asked(yearly, nadia, north):
    front_desk = StaffProfileFactory(home_location=north, roles=[JobRoleFactory()])
    row = _row(nadia, on=TODAY)
    assert (row.status, row.due_on, row.requirement_key) == (
        Status.MISSING,
        None,
        f"yearly:{yearly.pk}",
    )
    assert rows.attestation_rows(staff=[front_desk], now=NOW, as_of=None) == []


def test_due_dates_at_the_boundaries(yearly, nadia):
    signed = services.attest_yearly(protocol=yearly, staff=nadia, now=NOW)
    assert signed.attested_on == TODAY  # 4 March 2026 in New York
    due = datetime.date(2027, 3, 4)
    assert _row(nadia, on=due - 31 * DAY).status is Status.CURRENT
    assert _row(nadia, on=due - 30 * DAY).status is Status.DUE_SOON
    assert _row(nadia, on=due).status is Status.DUE_SOON
    assert (_row(nadia, on=due).due_on, _row(nadia, on=due + DAY).status) == (
        due,
        Status.OVERDUE,
    )


def test_signing_again_starts_a_new_year(yearly, nadia, time_machine):
    services.attest_yearly(protocol=yearly, staff=nadia, now=NOW)
    later = NOW + 340 * DAY
    services.attest_yearly(protocol=yearly, staff=nadia, now=later)
    row = _row(nadia, on=(later + DAY).date())
    assert row.status is Status.CURRENT and row.due_on == datetime.date(2028, 2, 7)


def test_signing_is_audited_once_a_day_and_only_for_the_roles_asked(yearly, nadia, north):
    services.attest_yearly(protocol=yearly, staff=nadia, now=NOW)
    assert AuditEntry.objects.filter(staff=nadia, action="attestation.signed").count() == 1
    with pytest.raises(ValidationError) as twice:
        services.attest_yearly(protocol=yearly, staff=nadia, now=NOW + DAY / 4)
    assert services.ALREADY_TODAY in twice.value.messages
    other = StaffProfileFactory(home_location=north)
    with pytest.raises(ValidationError) as not_asked:
        services.attest_yearly(protocol=yearly, staff=other, now=NOW)
    assert services.NOT_REQUIRED in not_asked.value.messages
    assert Attestation.objects.count() == 1


def test_reminded_once_per_stage_through_the_ledger(yearly, nadia, maria, policy):
    services.attest_yearly(protocol=yearly, staff=nadia, now=NOW - 365 * DAY)
    # Due 4 March 2026 (signed 4 March 2025): on the day, at 10 am in New York.
    mail.outbox.clear()
    run_sweep(now=NOW)
    run_sweep(now=NOW + datetime.timedelta(hours=2))
    mine = Reminder.objects.filter(subject=nadia, item_key__contains="attestation")
    assert sorted(mine.values_list("kind", "status")) == [
        ("manager:due-today", "sent"),
        ("staff:due-today", "sent"),
    ]
    assert any("yearly attestation" in m.body for m in mail.outbox)
    assert any("/my/attestations/" in m.body for m in mail.outbox)
    # Signing ends it: the next week's sweep sends nothing more about it.
    services.attest_yearly(protocol=yearly, staff=nadia, now=NOW + DAY)
    run_sweep(now=NOW + 8 * DAY)
    assert mine.count() == 2
