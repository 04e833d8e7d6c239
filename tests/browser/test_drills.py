"""End to end: `staff` runs the anaphylaxis drill on a phone, by keyboard, to a good end and
reads the debrief with the critical action times."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from content.services import put_under_medical_director_approval
from drills.models import DrillDecision
from tests.factories.drills import (
    DrillIndexPageFactory,
    DrillScenarioPageFactory,
    anaphylaxis_graph,
)
from tests.factories.organisation import StaffProfileFactory


def _choose(page, label):
    """Answer by keyboard alone: focus the option, press Enter."""
    button = page.get_by_role("button", name=label)
    button.focus()
    page.keyboard.press("Enter")


def test_staff_runs_the_anaphylaxis_drill_to_a_good_end(
    page, live_server, home_page, log_in, external_requests
):
    StaffProfileFactory(user__username="staff", user__first_name="Sam")
    index = DrillIndexPageFactory(parent=home_page)
    put_under_medical_director_approval(page=index)
    DrillScenarioPageFactory(
        parent=index, slug="anaphylaxis", title="Anaphylaxis after a topical anaesthetic"
    )
    page.set_viewport_size({"width": 390, "height": 844})
    log_in("staff")

    page.get_by_role("link", name="Drills").first.click()
    page.get_by_role("link", name="Anaphylaxis after a topical anaesthetic").first.click()
    page.get_by_role("button", name="Start the drill").click()

    expect(page.get_by_role("heading", name="Itching after the numbing cream")).to_be_visible()
    expect(page.get_by_role("timer")).to_be_visible()
    assert re.search(r"Time left: \d+ s of 60 s", page.get_by_role("timer").inner_text())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    _choose(page, "Stop and assess airway, breathing, circulation")
    page.get_by_role("heading", name="Wheeze and lip swelling").wait_for()
    _choose(page, "Give intramuscular epinephrine")
    page.get_by_role("heading", name="Breathing easier").wait_for()
    _choose(page, "Call EMS")

    page.get_by_role("heading", name="Debrief: Anaphylaxis after a topical anaesthetic").wait_for()
    expect(page.get_by_role("heading", name="Outcome: Good")).to_be_visible()
    critical = page.locator("table.drill-critical")
    for action in ("Give intramuscular epinephrine", "Call EMS"):
        row = critical.get_by_role("row", name=re.compile(action))
        assert "Hit" in row.inner_text()
        assert re.search(r"\d+ s", row.inner_text())
    # The summary comes first; the history is folded until asked for.
    assert "3 of 3 hit" in page.locator(".drill-summary").inner_text()
    best = page.locator("details", has_text="Best path")
    assert not best.get_by_role("list").is_visible()
    best.locator("summary").click()
    expect(best.get_by_role("list")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert external_requests == []


def test_countdown_moves_the_drill_on_when_time_runs_out(
    page, live_server, home_page, log_in, settings
):
    settings.DRILLS_TIMER_GRACE_SECONDS = 0
    StaffProfileFactory(user__username="staff")
    index = DrillIndexPageFactory(parent=home_page)
    graph = anaphylaxis_graph()
    graph[0]["value"]["timer_seconds"] = 2  # shorter than an editor may set, to keep this quick
    scenario = DrillScenarioPageFactory(parent=index, slug="anaphylaxis", graph=graph)
    log_in("staff")
    page.goto(f"{live_server.url}{scenario.url}run/")
    page.get_by_role("button", name="Start the drill").click()
    page.get_by_role("heading", name="Itching after the numbing cream").wait_for()
    # Nobody answers: the page posts the timeout and the server moves the run on.
    page.get_by_role("heading", name="Patient collapses").wait_for(timeout=8000)
    assert DrillDecision.objects.get().timed_out
