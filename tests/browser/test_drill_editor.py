"""The drill editor in Chromium: an end node added without an error, the next node picked from
the scenario's nodes (and kept when a key is renamed), each error shown once on its node, and
no critical or serious axe violation from our own blocks and panels on the drill and
question editors."""

import pytest
import wagtail_factories
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from drills import graph as g
from drills.models import DrillScenarioPage
from tests.factories.content import ProtocolIndexPageFactory, ProtocolPageFactory
from tests.factories.drills import DrillIndexPageFactory, DrillScenarioPageFactory
from tests.factories.organisation import StaffProfileFactory
from tests.factories.training import QuestionFactory

# Violations that come from Wagtail's own admin, not from our blocks or panels. Each is shown
# to be Wagtail's by test_excluded_violations_are_wagtails_own, on a screen without them.
WAGTAILS_OWN = {
    # The tag field's text box, added by the tag-it script of Wagtail's tag widget, has no
    # label (the field's <label> points at the hidden input it fills).
    ("label", ".ui-autocomplete-input"),
    # The minimap's list scrolls, without keyboard access, once the form's outline is taller
    # than the window.
    ("scrollable-region-focusable", ".w-minimap__list"),
}
SERIOUS = {"critical", "serious"}


def serious_violations(page) -> list[tuple[str, str]]:
    """(rule, element) of each critical or serious axe violation on the page."""
    found = []
    for violation in Axe().run(page).response["violations"]:
        if violation["impact"] in SERIOUS:
            found += [(violation["id"], n["target"][0]) for n in violation["nodes"]]
    return found


def ours(violations):
    return [v for v in violations if v not in WAGTAILS_OWN]


@pytest.fixture
def editor(page, live_server, log_in, home_page):
    StaffProfileFactory(user__username="edith", user__is_superuser=True)
    log_in("edith")
    yield page
    # The editor pings the server on a timer (editing sessions): leave it before the live
    # server's database is flushed.
    page.goto("about:blank")


def _add_node(page, *, key, title, situation):
    page.locator("#graph-root button.c-sf-add-button").last.click()
    index = page.locator('input[name^="graph-"][name$="-value-key"]').count() - 1
    page.locator(f"#graph-{index}-value-key").fill(key)
    page.locator(f"#graph-{index}-value-title").fill(title)
    # The rich text editor is found by its name, as a screen reader finds it.
    page.get_by_role("textbox", name="Situation").nth(index).fill(situation)
    return index


def _node_section(page, index):
    return page.locator(f"#graph-{index}-value-key").locator(
        "xpath=ancestor::section[contains(@class, 'w-panel')][1]"
    )


def test_an_end_node_is_added_and_the_next_node_picked_from_a_list(editor, live_server, home_page):
    page = editor
    index_page = DrillIndexPageFactory(parent=home_page)
    page.goto(f"{live_server.url}/admin/pages/add/drills/drillscenariopage/{index_page.pk}/")
    page.locator("#id_title").fill("Burn during laser hair removal")
    page.locator("#id_procedure").fill("Laser hair removal, 810 nm diode")

    first = _add_node(page, key="redness", title="Redness and pain", situation="She winces.")
    page.locator(f"#graph-{first}-value-start").check()
    end = _add_node(page, key="cooled", title="Area cooled", situation="Cool water runs.")
    # A new node has no choice; made an end node, its choice list and timer go out of sight.
    assert page.locator('input[name$="-value-choices-0-value-label"]').count() == 0
    end_section = _node_section(page, end)
    expect(end_section.locator('[data-contentpath="choices"]')).to_be_visible()
    page.locator(f"#graph-{end}-value-outcome").select_option("good")
    assert end_section.locator('[data-contentpath="choices"]').is_hidden()
    assert end_section.locator('[data-contentpath="timer_seconds"]').is_hidden()

    start_section = _node_section(page, first)
    start_section.locator('[data-contentpath="choices"] button[data-streamfield-list-add]').click()
    start_section.get_by_label("Label").fill("Stop and cool with running water")
    picker = start_section.get_by_label("next node")
    offered = picker.locator("option").all_inner_texts()
    assert offered == ["Choose the next node", "Redness and pain (redness)", "Area cooled (cooled)"]
    picker.select_option(label="Area cooled (cooled)")

    # Renaming the end node's key takes the choice along.
    page.locator(f"#graph-{end}-value-key").fill("cooled-20-min")
    page.locator(f"#graph-{end}-value-title").focus()
    assert picker.input_value() == "cooled-20-min"

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/edit/")
    assert page.locator(".error-message, .help-critical").count() == 0
    saved = DrillScenarioPage.objects.get(title="Burn during laser hair removal")
    graph = saved.get_latest_revision_as_object().drill_graph
    assert graph.validate() == []
    assert graph.node("redness").choices[0].next_key == "cooled-20-min"
    assert graph.node("cooled-20-min").choices == ()


def test_each_error_is_shown_once_on_its_node(editor, live_server, home_page):
    page = editor
    scenario = DrillScenarioPageFactory(
        parent=DrillIndexPageFactory(parent=home_page), slug="anaphylaxis"
    )
    page.goto(f"{live_server.url}/admin/pages/{scenario.pk}/edit/")
    page.locator("#graph-0-value-start").uncheck()
    page.locator("#graph-1-value-choices-1-value-next").select_option("")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("could not be saved").wait_for()

    empty_next = g.CHOICE_TARGET_EMPTY.format(
        node="wheeze", choice="2 (“Give an oral antihistamine and watch”)"
    )
    for message in (g.NO_START, empty_next):
        assert page.get_by_text(message, exact=True).count() == 1, message
    expect(_node_section(page, 1).get_by_text(empty_next, exact=True)).to_be_visible()
    assert page.locator(".error-message, .help-critical").count() == 2


def test_drill_and_question_editors_have_no_serious_violation_of_ours(
    editor, live_server, home_page
):
    page = editor
    library = ProtocolIndexPageFactory(parent=home_page)
    protocol = ProtocolPageFactory(parent=library, slug="anaphylaxis-protocol")
    scenario = DrillScenarioPageFactory(
        parent=DrillIndexPageFactory(parent=home_page),
        slug="anaphylaxis",
        protocols=[{"type": "protocol_link", "value": {"page": protocol.pk, "note": "First"}}],
    )
    draft = scenario.get_latest_revision_as_object()
    draft.graph[0].value["image"] = wagtail_factories.ImageFactory()
    draft.save_revision()

    page.goto(f"{live_server.url}/admin/pages/{scenario.pk}/edit/")
    assert ours(serious_violations(page)) == []
    # What an editor adds (a node, a choice) and a failed save's errors are ours too.
    _add_node(page, key="new-node", title="New node", situation="Something happens.")
    last = _node_section(page, len(scenario.drill_graph.nodes))
    last.locator('[data-contentpath="choices"] button[data-streamfield-list-add]').click()
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("could not be saved").wait_for()
    assert ours(serious_violations(page)) == []
    page.goto(f"{live_server.url}/admin/drills/scenarios/{scenario.pk}/map/")
    assert ours(serious_violations(page)) == []

    question = QuestionFactory()
    page.goto(f"{live_server.url}/admin/snippets/training/question/edit/{question.pk}/")
    assert ours(serious_violations(page)) == []


def test_excluded_violations_are_wagtails_own(editor, live_server, home_page):
    """Each exclusion shows up on a screen made only of Wagtail's own parts. When Wagtail fixes
    one, this fails: take it out of WAGTAILS_OWN."""
    page = editor
    image = wagtail_factories.ImageFactory()
    page.goto(f"{live_server.url}/admin/images/{image.pk}/")
    assert ("label", ".ui-autocomplete-input") in serious_violations(page)
    # Wagtail's own promote panels, in a window too short for the minimap's outline.
    index_page = DrillIndexPageFactory(parent=home_page)
    page.set_viewport_size({"width": 1280, "height": 150})
    page.goto(f"{live_server.url}/admin/pages/{index_page.pk}/edit/#tab-promote")
    # The minimap draws its outline after load; axe must see it once it overflows.
    page.wait_for_function(
        "() => { const list = document.querySelector('.w-minimap__list');"
        " return list !== null && list.scrollHeight > list.clientHeight; }"
    )
    assert ("scrollable-region-focusable", ".w-minimap__list") in serious_violations(page)
