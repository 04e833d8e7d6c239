"""End to end: `staff` runs the library's filler vascular occlusion drill, as shipped in
library/drills/, along its best path to a good end, and the debrief counts every critical action."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from content.services import put_under_medical_director_approval
from drills.models import DrillRun, DrillScenarioPage
from drills.scenario_format import page_fields, read_scenario
from readyroom.library import library_dir
from tests.factories.drills import DrillIndexPageFactory
from tests.factories.organisation import StaffProfileFactory

SLUG = "filler-vascular-occlusion"


def _library_scenario(index) -> DrillScenarioPage:
    path = library_dir() / "drills" / f"{SLUG}.yaml"
    spec = read_scenario(path.read_text(encoding="utf-8"), path=path.name)
    # The library's protocols are not on this test site; the scenario runs without them.
    page = index.add_child(instance=DrillScenarioPage(**page_fields(spec.data, protocol_ids={})))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_staff_runs_the_occlusion_drill_from_the_library_to_a_good_end(
    page, live_server, home_page, log_in, external_requests
):
    staff = StaffProfileFactory(user__username="staff")
    index = DrillIndexPageFactory(parent=home_page)
    put_under_medical_director_approval(page=index)
    scenario = _library_scenario(index)
    graph = scenario.drill_graph
    best = graph.best_path()
    log_in("staff")

    page.get_by_role("link", name="Drills").first.click()
    page.get_by_role("link", name=scenario.title).first.click()
    page.get_by_role("button", name="Start the drill").click()
    for node, choice in best[:-1]:
        page.get_by_role("heading", name=node.title, exact=True).wait_for()
        page.get_by_role("button", name=choice.label, exact=True).click()

    page.get_by_role("heading", name=f"Debrief: {scenario.title}").wait_for()
    expect(page.get_by_role("heading", name="Outcome: Good")).to_be_visible()
    expect(page.get_by_text(best[-1][0].summary)).to_be_visible()
    critical = page.locator("table.drill-critical")
    actions = graph.critical_actions()
    assert len(actions) == 6
    for action in actions:
        row = critical.get_by_role("row", name=re.compile(re.escape(action.label)))
        assert "Hit" in row.inner_text(), action.label
    expect(page.get_by_text("Every critical action was hit.")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert external_requests == []

    run = DrillRun.objects.get(staff=staff, page=scenario)
    assert run.outcome == "good"
    assert list(run.decisions.values_list("node_key", flat=True)) == [n.key for n, _ in best[:-1]]
