"""The pure graph: parsing, every validation problem, best path, speed at 200 nodes."""

import json
import time

from drills import graph as g
from drills.graph import Graph
from tests.factories.drills import anaphylaxis_graph, chain_graph, choice, node


def messages(raw):
    return [p.message for p in Graph.from_raw(raw).validate()]


def test_sample_graph_is_valid():
    assert Graph.from_raw(anaphylaxis_graph()).validate() == []


def test_parses_the_json_string_a_revision_stores_and_new_style_list_items():
    raw = anaphylaxis_graph()
    raw[0]["value"]["choices"] = [
        {"type": "item", "value": c, "id": "x"} for c in raw[0]["value"]["choices"]
    ]
    parsed = Graph.from_raw(json.dumps(raw))
    assert parsed.start.key == "itching"
    assert parsed.start.choices[0].critical is True
    assert parsed.start.timer_seconds == 60


def test_empty_graph():
    assert messages([]) == [g.NO_NODES]


def test_no_start_node():
    raw = [node("a", [choice("x", "b")]), node("b", outcome="good")]
    assert messages(raw) == [g.NO_START]


def test_two_start_nodes_names_the_second():
    raw = [node("a", [choice("x", "b")], start=True), node("b", outcome="good", start=True)]
    problems = Graph.from_raw(raw).validate()
    assert [p.message for p in problems] == [g.MANY_STARTS.format(others="“b”")]
    assert problems[0].position == 1


def test_duplicate_keys_name_the_node_and_the_first_use():
    raw = [
        node("a", [choice("x", "b")], start=True),
        node("b", outcome="good"),
        node("b", outcome="harm"),
    ]
    problems = Graph.from_raw(raw).validate()
    assert [p.message for p in problems] == [g.DUPLICATE_KEY.format(node="b", first=2)]
    assert (problems[0].position, problems[0].field) == (2, "key")


def test_choice_target_missing_names_node_and_choice():
    raw = [
        node("a", [choice("Go on", "b"), choice("Call EMS", "nowhere")], start=True),
        node("b", outcome="good"),
    ]
    problems = Graph.from_raw(raw).validate()
    assert [p.message for p in problems] == [
        g.CHOICE_TARGET_MISSING.format(node="a", choice="2 (“Call EMS”)", target="nowhere")
    ]
    assert (problems[0].position, problems[0].choice_index, problems[0].field) == (0, 1, "next")


def test_choice_without_target():
    raw = [node("a", [choice("Go on", "")], start=True), node("b", outcome="good")]
    assert messages(raw) == [g.CHOICE_TARGET_EMPTY.format(node="a", choice="1 (“Go on”)")]


def test_timeout_target_missing():
    raw = [
        node("a", [choice("x", "b")], start=True, timer=30, timeout="gone"),
        node("b", outcome="good"),
    ]
    assert messages(raw) == [g.TIMEOUT_TARGET_MISSING.format(node="a", target="gone")]


def test_timer_without_timeout_target_and_the_reverse():
    raw = [
        node("a", [choice("x", "b")], start=True, timer=30),
        node("b", [choice("x", "c")], timeout="c"),
        node("c", outcome="good"),
    ]
    assert messages(raw) == [
        g.TIMER_WITHOUT_TARGET.format(node="a"),
        g.TARGET_WITHOUT_TIMER.format(node="b"),
    ]


def test_end_node_with_choices_or_timer():
    raw = [
        node("a", [choice("x", "b")], start=True),
        node("b", [choice("x", "a")], outcome="good"),
        node("c", outcome="harm", timer=10),
    ]
    assert messages(raw) == [
        g.END_WITH_CHOICES.format(node="b"),
        g.END_WITH_TIMER.format(node="c"),
    ]


def test_non_end_node_without_choices():
    raw = [node("a", [choice("x", "b")], start=True), node("b")]
    assert messages(raw) == [g.NO_CHOICES.format(node="b")]


def test_unreachable_node():
    raw = [
        node("a", [choice("x", "b")], start=True),
        node("b", outcome="good"),
        node("c", outcome="harm"),
    ]
    assert messages(raw) == [g.UNREACHABLE.format(node="c", start="a")]


def test_node_that_cannot_reach_an_end():
    raw = [
        node("a", [choice("x", "b"), choice("y", "loop1")], start=True),
        node("b", outcome="good"),
        node("loop1", [choice("again", "loop2")]),
        node("loop2", [choice("again", "loop1")]),
    ]
    assert messages(raw) == [g.DEAD_END.format(node="loop1"), g.DEAD_END.format(node="loop2")]


def test_timeout_edge_counts_for_reachability():
    raw = [
        node("a", [choice("x", "b")], start=True, timer=20, timeout="c"),
        node("b", outcome="good"),
        node("c", outcome="harm"),
    ]
    assert messages(raw) == []


def test_best_path_takes_most_points_to_a_good_end():
    path = Graph.from_raw(anaphylaxis_graph()).best_path()
    assert [n.key for n, _ in path] == ["itching", "wheeze", "ems", "recovered"]
    assert sum(c.points for _, c in path if c) == 25


def test_best_path_survives_loops():
    raw = [
        node("a", [choice("reassess", "b", 1), choice("finish", "end", 0)], start=True),
        node("b", [choice("back", "a", 5), choice("finish", "end", 2)]),
        node("end", outcome="good"),
    ]
    path = Graph.from_raw(raw).best_path()
    assert [n.key for n, _ in path] == ["a", "b", "end"]


def test_critical_actions_grouped_by_label():
    actions = Graph.from_raw(anaphylaxis_graph()).critical_actions()
    labels = {a.label: a.node_keys for a in actions}
    assert labels["Give intramuscular epinephrine"] == ("wheeze", "collapse")
    assert len(actions) == 3


def test_two_hundred_nodes_validate_well_under_a_second():
    raw = chain_graph(200)
    started = time.perf_counter()
    graph = Graph.from_raw(json.dumps(raw))
    assert graph.validate() == []
    assert len(graph.best_path()) == 199
    elapsed = time.perf_counter() - started
    print(f"200-node parse+validate+best path: {elapsed * 1000:.1f} ms")
    assert elapsed < 1.0
