"""Validation on save: the stream block places each problem on its node and choice, and the
editor's save or publish of an invalid graph writes nothing."""

import pytest
from django.urls import reverse
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from drills import graph as g
from drills.blocks import SITUATION_FEATURES, DrillGraphBlock
from drills.models import DrillScenarioPage
from tests.factories.drills import choice, node
from tests.factories.organisation import UserFactory


def clean(raw):
    block = DrillGraphBlock()
    return block.clean(block.to_python(raw))


def test_valid_graph_cleans():
    raw = [node("a", [choice("x", "b")], start=True), node("b", outcome="good")]
    assert len(clean(raw)) == 2


def test_missing_target_error_sits_on_the_choice_field():
    raw = [
        node("a", [choice("ok", "b"), choice("Call EMS", "nowhere")], start=True),
        node("b", outcome="good"),
    ]
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(raw)
    node_error = caught.value.block_errors[0]
    choice_error = node_error.block_errors["choices"].block_errors[1]
    assert choice_error.block_errors["next"].messages == [
        g.CHOICE_TARGET_MISSING.format(node="a", choice="2 (“Call EMS”)", target="nowhere")
    ]


def test_graph_wide_problem_is_a_non_block_error():
    raw = [node("a", [choice("x", "b")]), node("b", outcome="good")]
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(raw)
    assert [e.message for e in caught.value.non_block_errors.as_data()] == [g.NO_START]


def test_node_problem_sits_on_its_field():
    raw = [node("a", [choice("x", "b")], start=True, timer=30), node("b", outcome="good")]
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(raw)
    assert caught.value.block_errors[0].block_errors["timeout_next"].messages == [
        g.TIMER_WITHOUT_TARGET.format(node="a")
    ]


def _messages(data) -> list[str]:
    """Every message in a block error's JSON form (as the editor's widget receives it)."""
    if isinstance(data, str):
        return [data]
    items = data.values() if isinstance(data, dict) else data or []
    return [message for item in items for message in _messages(item)]


def _node_form(n):
    value = n["value"]
    return {
        "key": value["key"],
        "title": value["title"],
        "start": "on" if value["start"] else "",
        "situation": rich_text(value["situation"], features=SITUATION_FEATURES),
        "image": "",
        "timer_seconds": value["timer_seconds"] or "",
        "timeout_next": value["timeout_next"],
        "outcome": value["outcome"],
        "summary": value["summary"],
        "choices": {
            "count": str(len(value["choices"])),
            **{
                str(i): {
                    "deleted": "",
                    "order": str(i),
                    "id": "",
                    "value": {
                        "label": c["label"],
                        "next": c["next"],
                        "points": str(c["points"]),
                        "critical": "on" if c["critical"] else "",
                        "feedback": c["feedback"],
                    },
                }
                for i, c in enumerate(value["choices"])
            },
        },
    }


def _post_data(page, raw_graph, action):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "procedure": page.procedure,
            "device": page.device,
            "fitzpatrick": page.fitzpatrick,
            "history": page.history,
            "objectives": streamfield([]),
            "graph": streamfield([("node", _node_form(n)) for n in raw_graph]),
            "protocols": streamfield([]),
            "milestones": streamfield([]),
            "checklist": streamfield([]),
        }
    )
    data[action] = "1"
    return data


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize("action", ["action-publish", "action-submit", ""])
def test_editor_save_of_an_invalid_graph_shows_the_error_and_saves_nothing(
    admin_client, scenario, action
):
    revisions = Revision.objects.count()
    raw = [
        node("start", [choice("Stop the laser", "gone", 5, True)], start=True),
        node("end", outcome="good"),
    ]
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[scenario.pk]), _post_data(scenario, raw, action)
    )
    assert response.status_code == 200
    expected = g.CHOICE_TARGET_MISSING.format(
        node="start", choice="1 (“Stop the laser”)", target="gone"
    )
    (graph_error,) = response.context["form"].errors.as_data()["graph"]
    assert expected in _messages(graph_error.as_json_data())
    assert Revision.objects.count() == revisions
    scenario.refresh_from_db()
    assert scenario.drill_graph.node("gone") is None
    assert scenario.drill_graph.node("itching") is not None


def test_editor_save_of_a_valid_graph_saves_a_draft(admin_client, scenario):
    raw = [node("start", [choice("Stop", "end", 5)], start=True), node("end", outcome="good")]
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[scenario.pk]), _post_data(scenario, raw, "")
    )
    assert response.status_code == 302
    draft = DrillScenarioPage.objects.get(pk=scenario.pk).get_latest_revision_as_object()
    assert [n.key for n in draft.drill_graph.nodes] == ["start", "end"]


def test_editor_shows_the_map_of_the_saved_graph(admin_client, scenario):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[scenario.pk]))
    content = response.content.decode()
    assert 'class="drill-map"' in content
    assert 'data-key="itching"' in content
