"""A manager reads a person's record on a phone (390 px) and a laptop (1280 px): a summary on
top, the history folded, nothing wider than the window and no axe violation with every fold
open (issue 15, point 4)."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect
from reminders.models import Reminder, ReminderStatus

from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
)


@pytest.fixture
def record(home_page):
    north = LocationFactory(name="North", slug="north")
    injector = JobRoleFactory(slug="injector", name="Injector")
    today = north.local_date(timezone.now())
    sam = StaffProfileFactory(
        home_location=north, roles=[injector], user__first_name="Sam", user__last_name="Okafor"
    )
    for n in range(6):
        card = CertificationTypeFactory(code=f"C{n}", name=f"Sample card {n}")
        CertificationRequirementFactory(role=injector, certification_type=card)
        if n:  # C0 is missing; C1 lapsed; the rest current
            CertificationRecordFactory(
                staff=sam,
                certification_type=card,
                issued_on=today - datetime.timedelta(days=700),
                expires_on=today + datetime.timedelta(days=-10 if n == 1 else 300),
            )
    manager = ManagerFactory(home_location=north, user__username="maria")
    now = timezone.now()
    for n in range(12):
        Reminder.objects.create(
            recipient_key=f"staff:{manager.pk}",
            item_key=f"{sam.pk}:certification:C1",
            due_key=str(n),
            kind=f"manager:overdue-{7 * (n + 1)}",
            audience="manager",
            recipient=manager,
            subject=sam,
            label="Sample card 1",
            planned_on=today,
            created_at=now,
            status=ReminderStatus.SENT,
            sent_at=now,
        )
    return sam


@pytest.mark.parametrize("width", [390, 1280])
def test_the_record_opens_on_a_summary_with_its_history_folded(
    page, live_server, log_in, record, width
):
    page.set_viewport_size({"width": width, "height": 844})
    log_in("maria")
    page.goto(f"{live_server.url}/manage/staff/{record.pk}/")
    summary = page.get_by_role("region", name="Summary")
    assert summary.get_by_role("list", name="Requirements by status").inner_text().split() == [
        "4",
        "Current",
        "1",
        "Overdue",
        "1",
        "Missing",
    ]
    steps = summary.get_by_role("listitem").filter(has_text="Sample card 1")
    assert "Overdue" in steps.first.inner_text()
    reminders = page.locator("details", has_text="Reminders")
    assert not reminders.evaluate("d => d.open")
    assert not page.get_by_text("Escalated to the manager, 7 days overdue").is_visible()
    reminders.locator("summary").click()
    expect(page.get_by_text("Escalated to the manager, 7 days overdue")).to_be_visible()

    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
