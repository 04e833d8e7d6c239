"""A staff record shows only rows about the viewer's own locations."""

import datetime

from django.urls import reverse
from django.utils import timezone
from reminders.models import Reminder

from tests.factories import LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.drills import (
    DrillIndexPageFactory,
    DrillScenarioPageFactory,
    TeamDrillSessionFactory,
)

SOUTH_NAME = "Sula Southerner"


def test_a_regional_managers_record_seen_by_a_local_manager_keeps_other_locations_out(
    client, home_page
):
    north = LocationFactory(name="North", slug="north")
    south = LocationFactory(name="South", slug="south")
    rachel = ManagerFactory(home_location=north, managed_locations=[north, south])
    nora = ManagerFactory(home_location=north)
    sula = StaffProfileFactory(
        home_location=south, user__first_name="Sula", user__last_name="Southerner"
    )
    now = timezone.now()
    common = {"due_key": "2026-12-31", "planned_on": now.date(), "created_at": now}
    Reminder.objects.create(
        recipient_key=f"staff:{rachel.pk}", item_key=f"{sula.pk}:certification:BLS",
        kind="regional:overdue-14", audience="regional", recipient=rachel, subject=sula,
        label="Escalated BLS of the south", status="sent", **common,
    )  # fmt: skip
    Reminder.objects.create(
        recipient_key=f"staff:{rachel.pk}", item_key=f"{rachel.pk}:certification:BLS",
        kind="staff:before-30", audience="staff", recipient=rachel, subject=rachel,
        label="Rachel's own BLS", status="sent", **common,
    )  # fmt: skip
    scenario = DrillScenarioPageFactory(parent=DrillIndexPageFactory(parent=home_page))
    TeamDrillSessionFactory(
        location=south, page=scenario, participants=[rachel, sula],
        held_on=datetime.date(2026, 11, 1),
    )  # fmt: skip
    TeamDrillSessionFactory(
        location=north, page=scenario, participants=[rachel], held_on=datetime.date(2026, 11, 2)
    )

    client.force_login(nora.user)
    page = client.get(reverse("dashboard:staff_record", args=[rachel.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Rachel&#x27;s own BLS" in body or "Rachel's own BLS" in body
    assert "Escalated BLS of the south" not in body and SOUTH_NAME not in body
    assert [s.location for s in page.context["team_drills"]] == [north]

    # Rachel's own manager view of the south shows both.
    client.force_login(ManagerFactory(home_location=south, managed_locations=[north, south]).user)
    page = client.get(reverse("dashboard:staff_record", args=[rachel.pk]))
    assert "Escalated BLS of the south" in page.content.decode()
    assert len(page.context["team_drills"]) == 2
