"""Exemptions: granted and revoked by a manager of the person, audited; while in force (the
person's local date up to the end date) the requirement reads "Exempt until <date>" on every
surface and is not reminded; the day after, it is judged as before."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook
from reminders.planner import plan_reminders

from actions import exemptions
from actions.models import Exemption
from actions.selectors import exemptions_in_force
from organisation.compliance import compliance_rows
from organisation.models import AuditEntry
from organisation.status import Status
from tests.dashboard.test_verification import pdf_text
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
)

LAPSED = datetime.date(2026, 1, 31)  # BLS's last valid day: overdue on every date below
ENDS = datetime.date(2026, 3, 31)
# 04:30 UTC on 1 April: still 31 March in New York (the end date), 1 April in UTC.
LAST_DAY_IN_NEW_YORK = datetime.datetime(2026, 4, 1, 3, 30, tzinfo=datetime.UTC)
DAY_AFTER_IN_NEW_YORK = datetime.datetime(2026, 4, 1, 4, 30, tzinfo=datetime.UTC)


@pytest.fixture
def clinic(db, home_page):
    north = LocationFactory(slug="north", name="North", time_zone="America/New_York")
    south = LocationFactory(slug="south", name="South", time_zone="America/New_York")
    role = JobRoleFactory(slug="injector", name="Injector")
    bls = CertificationTypeFactory(code="BLS", name="Basic Life Support")
    CertificationRequirementFactory(role=role, certification_type=bls)
    sam = StaffProfileFactory(
        user__username="sam", user__first_name="Sam", home_location=north, roles=[role]
    )
    CertificationRecordFactory(
        staff=sam, certification_type=bls, issued_on=datetime.date(2024, 1, 10), expires_on=LAPSED
    )
    return {
        "sam": sam,
        "manager": ManagerFactory(user__username="nora", home_location=north),
        "other_manager": ManagerFactory(user__username="olga", home_location=south),
    }


def grant(clinic, now, **kwargs):
    values = {
        "staff": clinic["sam"],
        "kind": "certification",
        "requirement_key": "BLS",
        "ends_on": ENDS,
        "reason": "On maternity leave; renews BLS on return (class booked 14 April).",
        "actor": clinic["manager"].user,
        "now": now,
    }
    return exemptions.grant_exemption(**(values | kwargs))


def bls_row(sam, now):
    return next(r for r in compliance_rows(staff=[sam], now=now) if r.requirement_key == "BLS")


def test_grant_writes_an_audit_entry_and_the_row_reads_exempt_until(clinic, now):
    exemption = grant(clinic, now)
    entry = AuditEntry.objects.get(action="exemption.granted")
    assert entry.staff == clinic["sam"] and entry.actor == clinic["manager"].user
    assert entry.summary.startswith("Exempt from Basic Life Support until 31 Mar 2026: On mat")
    assert entry.data["status_before"] == "overdue"
    assert exemption.starts_on == datetime.date(2026, 3, 3)  # Sam's date in New York at `now`
    row = bls_row(clinic["sam"], now)
    assert (row.status, row.due_on, row.due_phrase) == (Status.EXEMPT, ENDS, "")
    assert row.status.label == "Exempt until" and not row.needs_action


def test_the_end_date_is_the_persons_local_date(clinic, now):
    grant(clinic, now)
    assert bls_row(clinic["sam"], LAST_DAY_IN_NEW_YORK).status is Status.EXEMPT
    after = bls_row(clinic["sam"], DAY_AFTER_IN_NEW_YORK)
    assert (after.status, after.due_on) == (Status.OVERDUE, LAPSED)  # judged as before


def test_selector_for_clearances_is_keyed_by_person_kind_and_requirement(clinic, now):
    exemption = grant(clinic, now)
    sam = clinic["sam"]
    assert exemptions_in_force(staff_ids=[sam.pk], on=ENDS) == {
        (sam.pk, "certification", "BLS"): exemption
    }
    assert exemptions_in_force(staff_ids=[sam.pk], on=ENDS + datetime.timedelta(days=1)) == {}
    assert exemptions_in_force(staff_ids=[sam.pk], on=datetime.date(2026, 3, 2)) == {}


def test_revoke_ends_it_at_once_and_is_audited(clinic, now):
    exemption = grant(clinic, now)
    exemptions.revoke_exemption(
        exemption=exemption, actor=clinic["manager"].user, now=now, note="Back early"
    )
    assert bls_row(clinic["sam"], now).status is Status.OVERDUE
    entry = AuditEntry.objects.get(action="exemption.revoked")
    assert entry.actor == clinic["manager"].user and entry.summary.endswith("revoked: Back early")
    with pytest.raises(ValidationError) as refused:
        exemptions.revoke_exemption(exemption=exemption, actor=clinic["manager"].user, now=now)
    assert exemptions.ALREADY_REVOKED in refused.value.messages


def test_another_locations_manager_can_neither_grant_nor_revoke(clinic, now):
    with pytest.raises(PermissionDenied):
        grant(clinic, now, actor=clinic["other_manager"].user)
    exemption = grant(clinic, now)
    with pytest.raises(PermissionDenied):
        exemptions.revoke_exemption(
            exemption=exemption, actor=clinic["other_manager"].user, now=now
        )
    assert Exemption.objects.get().revoked_at is None
    assert AuditEntry.objects.filter(action__startswith="exemption.").count() == 1


def test_a_manager_cannot_exempt_themselves(clinic, now):
    manager = clinic["manager"]
    with pytest.raises(PermissionDenied):
        grant(clinic, now, staff=manager, actor=manager.user)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"reason": "  "}, "reason"),
        ({"ends_on": datetime.date(2026, 3, 2)}, "ends_on"),  # Sam's yesterday
        ({"requirement_key": "ACLS"}, "requirement"),
        ({"kind": "training"}, "requirement"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(clinic, now, change, field):
    with pytest.raises(ValidationError) as refused:
        grant(clinic, now, **change)
    assert field in refused.value.message_dict
    assert not Exemption.objects.exists() and not AuditEntry.objects.exists()


def test_a_second_exemption_while_one_is_open_is_refused(clinic, now):
    grant(clinic, now)
    with pytest.raises(ValidationError) as refused:
        grant(clinic, now, ends_on=datetime.date(2026, 6, 30))
    assert "already has an exemption" in refused.value.message_dict["requirement"][0]


def test_not_reminded_or_escalated_while_exempt_and_reminded_after(clinic, now):
    sam = clinic["sam"]
    before = [p for p in plan_reminders(now=now, staff_ids=[sam.pk]) if p.subject == sam]
    assert {p.audience for p in before} >= {"staff", "manager"}
    grant(clinic, now)
    assert [p for p in plan_reminders(now=now, staff_ids=[sam.pk]) if p.subject == sam] == []
    after = plan_reminders(now=DAY_AFTER_IN_NEW_YORK, staff_ids=[sam.pk])
    assert any(p.subject == sam and p.audience == "staff" for p in after)


def test_every_surface_reads_exempt_until(client, clinic, now):
    grant(clinic, now)  # `now` is fixed; the pages judge on today's clock: end far ahead
    Exemption.objects.update(ends_on=datetime.date(2099, 12, 31))
    exempt = '<span class="status status--exempt">Exempt until</span>'
    sam, manager = clinic["sam"], clinic["manager"]

    client.force_login(sam.user)
    home = client.get("/").content.decode()
    assert exempt in home and '<time datetime="2099-12-31">31 Dec 2099</time>' in home

    client.force_login(manager.user)
    matrix = client.get("/manage/").content.decode()
    assert 'class="cell cell--exempt"' in matrix and ">Exempt until</span><br><time" in matrix
    record = client.get(f"/manage/staff/{sam.pk}/").content.decode()
    assert exempt in record

    lines = list(csv.reader(io.StringIO(client.get("/manage/compliance.csv").content.decode())))
    sam_line = next(li for li in lines if li[0] == sam.display_name)
    by_heading = dict(zip(lines[0], sam_line, strict=True))
    assert by_heading["Basic Life Support (Certification) status"] == "Exempt until"
    assert by_heading["Basic Life Support (Certification) expires"] == "2099-12-31"

    sheet = load_workbook(io.BytesIO(client.get("/manage/compliance.xlsx").content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    sam_row = dict(zip(rows[0], next(r for r in rows if r[0] == sam.display_name), strict=True))
    assert sam_row["Basic Life Support (Certification) status"] == "Exempt until"
    assert sam_row["Basic Life Support (Certification) expires"].date() == datetime.date(
        2099, 12, 31
    )

    packet = pdf_text(client.get("/manage/inspection/north.pdf").content)
    assert "Basic Life Support Certification Exempt until 31 Dec 2099" in packet
    # Exempt counts as compliant: Sam (exempt) and the manager (nothing required) both are.
    assert "2 active staff, 2 fully compliant" in packet


def test_the_calendar_feed_has_no_due_date_while_exempt(clinic, now):
    from icalendar import Calendar
    from reminders.calendar_feed import build_calendar

    summaries = [
        str(e["summary"])
        for e in Calendar.from_ical(build_calendar(profile=clinic["sam"], now=now)).walk("VEVENT")
    ]
    assert summaries == ["Basic Life Support expires"]
    grant(clinic, now)
    events = Calendar.from_ical(build_calendar(profile=clinic["sam"], now=now)).walk("VEVENT")
    assert events == []


def test_the_sweep_sends_nothing_about_it_while_exempt(clinic):
    from django.core import mail
    from reminders.sweep import run_sweep

    morning = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)  # 10:00 in New York
    grant(clinic, morning)
    run_sweep(now=morning)
    assert mail.outbox == []  # neither Sam nor his manager hears of the exempt card
    run_sweep(now=DAY_AFTER_IN_NEW_YORK.replace(hour=15))  # 1 April, the exemption over
    assert {address for m in mail.outbox for address in m.to} == {
        clinic["sam"].user.email,
        clinic["manager"].user.email,
    }
