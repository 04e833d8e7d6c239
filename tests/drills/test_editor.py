"""The node editor without traps: a new node has no choice, the next node is picked from the
scenario's nodes while the key is what is saved, each problem is reported once on its node,
the editor's inputs have names, and the full-size map of the latest draft is in the admin."""

import html
import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.admin.telepath import JSContext
from wagtail.blocks.stream_block import StreamBlockValidationError

from drills import graph as g
from drills.blocks import DrillChoiceBlock, DrillGraphBlock, DrillNodeBlock
from drills.models import DrillScenarioPage
from drills.widgets import NodeKeySelect
from organisation import groups
from tests.drills.test_blocks import _messages, _post_data
from tests.factories.drills import anaphylaxis_graph, choice, node
from tests.factories.organisation import ManagerFactory, StaffProfileFactory, UserFactory


def test_a_new_node_has_no_choices():
    assert list(DrillNodeBlock().get_default()["choices"]) == []


def test_an_end_node_added_as_new_saves_without_an_error():
    new_node = DrillNodeBlock()
    end = new_node.get_prep_value(new_node.get_default())
    end.update(key="end", title="Transferred", situation="<p>EMS arrive.</p>", outcome="good")
    raw = [node("start", [choice("Stop", "end")], start=True), {"type": "node", "value": end}]
    block = DrillGraphBlock()
    cleaned = block.clean(block.to_python(raw))
    assert [child.value["key"] for child in cleaned] == ["start", "end"]


def test_next_and_timeout_are_node_pickers_that_hold_the_key():
    choice_block = DrillChoiceBlock()
    node_block = DrillNodeBlock()
    for field in (choice_block.child_blocks["next"], node_block.child_blocks["timeout_next"]):
        assert isinstance(field.field.widget, NodeKeySelect)
        # The editor's state for a saved key is the key itself.
        assert field.get_form_state("wheeze") == ["wheeze"]
        assert field.clean("wheeze") == "wheeze"
    packed = JSContext().pack(choice_block.child_blocks["next"].field.widget)
    assert packed["_type"] == "readyroom.drills.NodeKeySelect"
    assert "data-drill-node-key" in packed["_args"][0]


def test_saved_graphs_read_and_write_back_unchanged():
    """Keys stay keys: data saved before the picker (and the library's files) load as they are."""
    raw = anaphylaxis_graph()
    block = DrillGraphBlock()
    again = block.get_prep_value(block.to_python(raw))
    assert g.Graph.from_raw(again).nodes == g.Graph.from_raw(raw).nodes
    assert g.Graph.from_raw(again).validate() == []


def test_an_empty_next_node_is_reported_once_by_the_graph_even_when_publishing():
    """Not also as "This field is required.": one message, on the choice, naming it."""
    block = DrillGraphBlock()
    raw = [node("a", [choice("Call EMS", "")], start=True), node("b", outcome="good")]
    with pytest.raises(StreamBlockValidationError) as caught:
        block.clean(block.to_python(raw))
    assert _messages(caught.value.as_json_data()) == [
        g.CHOICE_TARGET_EMPTY.format(node="a", choice="1 (“Call EMS”)")
    ]


BROKEN = {
    "choice target": (
        [
            node("a", [choice("Go", "b"), choice("Call EMS", "nowhere")], start=True),
            node("b", outcome="good"),
        ],
        [g.CHOICE_TARGET_MISSING.format(node="a", choice="2 (“Call EMS”)", target="nowhere")],
    ),
    "end node with a choice and a timer": (
        [
            node("a", [choice("Go", "b")], start=True),
            node("b", [choice("Back", "a")], outcome="good", timer=30, timeout="a"),
        ],
        [g.END_WITH_CHOICES.format(node="b"), g.END_WITH_TIMER.format(node="b")],
    ),
    "graph-wide and per node": (
        [node("a", [choice("Go", "a")]), node("a", outcome="good")],
        [g.NO_START, g.DUPLICATE_KEY.format(node="a", first=1)],
    ),
    "unreachable dead end": (
        [
            node("a", [choice("Go", "b")], start=True),
            node("b", outcome="good"),
            node("c", [choice("Loop", "c")]),
        ],
        [g.UNREACHABLE.format(node="c", start="a"), g.DEAD_END.format(node="c")],
    ),
}


@pytest.mark.parametrize("case", BROKEN)
@pytest.mark.parametrize("action", ["", "action-submit"])
def test_each_problem_reaches_the_editor_once(client, scenario, case, action):
    raw, expected = BROKEN[case]
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[scenario.pk]), _post_data(scenario, raw, action)
    )
    (graph_error,) = response.context["form"].errors.as_data()["graph"]
    assert sorted(_messages(graph_error.as_json_data())) == sorted(expected)
    # Nothing else on the page repeats them (the map panel draws the saved version).
    page = html.unescape(response.content.decode())
    for message in expected:
        assert _occurrences(page, message) == 1, message


def _occurrences(page: str, message: str) -> int:
    """How often `message` is on the page, as text or inside the editor's JSON data."""
    as_json = json.dumps(message)[1:-1]
    return page.count(message) + (page.count(as_json) if as_json != message else 0)


def test_editor_inputs_carry_their_labels():
    objective = DrillScenarioPage._meta.get_field("objectives").stream_block.child_blocks
    milestone = DrillScenarioPage._meta.get_field("milestones").stream_block.child_blocks
    assert objective["objective"].field.widget.attrs["aria-label"] == "Objective"
    assert milestone["milestone"].field.widget.attrs["aria-label"] == "Milestone"
    situation = DrillNodeBlock().child_blocks["situation"]
    assert situation.field.widget.options["ariaLabel"] == "Situation"


# --- the map: a link in the editor, and the full-size map of the latest revision ------------


def test_editor_links_the_full_size_map_of_a_never_published_draft(client, drill_index):
    draft = DrillScenarioPage(
        title="Filler occlusion",
        slug="occlusion",
        procedure="Filler",
        graph=anaphylaxis_graph(),
        live=False,
    )
    drill_index.add_child(instance=draft)
    draft.save_revision()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    content = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert f'href="{reverse("drills_map", args=[draft.pk])}"' in content


def test_the_add_form_has_no_map_link(client, drill_index):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:add", args=["drills", "drillscenariopage", drill_index.pk])
    content = client.get(url).content.decode()
    assert "Open the map full size" not in content


def test_full_size_map_shows_the_latest_draft_not_the_live_page(client, scenario):
    draft = scenario.get_latest_revision_as_object()
    graph = anaphylaxis_graph()
    graph.insert(-1, node("second-dose", [choice("Call EMS", "recovered")], title="Second dose"))
    graph[2]["value"]["choices"][1]["next"] = "second-dose"
    draft.graph = graph
    draft.save_revision()
    client.force_login(StaffProfileFactory(user__groups=[groups.EDUCATORS]).user)
    response = client.get(reverse("drills_map", args=[scenario.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-key="second-dose"' in content
    assert "a draft, not yet published" in content
    assert DrillScenarioPage.objects.get(pk=scenario.pk).drill_graph.node("second-dose") is None


def test_full_size_map_of_a_missing_scenario_is_404(client, db):
    client.force_login(StaffProfileFactory(user__groups=[groups.MEDICAL_DIRECTORS]).user)
    assert client.get(reverse("drills_map", args=[999999])).status_code == 404


def _admin_only():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_only_educators_and_directors_read_the_draft_map(client, scenario):
    people = {
        "anonymous": None,
        "staff": StaffProfileFactory().user,
        "manager": ManagerFactory().user,
        "admin_only": _admin_only(),
        "educator": StaffProfileFactory(user__groups=[groups.STAFF, groups.EDUCATORS]).user,
        "director": StaffProfileFactory(user__groups=[groups.MEDICAL_DIRECTORS]).user,
    }
    url = reverse("drills_map", args=[scenario.pk])
    got = {}
    for role, user in people.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        location = response.get("Location", "")
        got[role] = (
            "login"
            if location.startswith(reverse("login"))
            else "refused"
            if location == reverse("wagtailadmin_home")
            else response.status_code
        )
    assert got == {
        "anonymous": "login",
        "staff": "login",
        "manager": "login",
        "admin_only": "refused",
        "educator": 200,
        "director": 200,
    }
