"""A run's graph comes from its revision, parsed once per process: a revision is never
rewritten, and a drill step reads its run without the revision's content."""

from drills import selectors, services
from drills.services import revision_graph, start_run


def test_a_step_reads_the_run_without_its_revision_and_the_graph_once(
    scenario, staff, now, django_assert_num_queries
):
    run = start_run(staff=staff, page=scenario, now=now)
    services._graphs.clear()

    found = selectors.open_run(staff=staff, page=scenario)
    assert found.pk == run.pk and "content" in found.revision.get_deferred_fields()
    with django_assert_num_queries(1):  # the revision's content, the first time only
        graph = revision_graph(found.revision)
    with django_assert_num_queries(0):
        assert revision_graph(found.revision) is graph
    assert graph.node(found.current_node) == revision_graph(scenario.live_revision).node(
        found.current_node
    )
    assert [n.key for n in graph.nodes] == [n.key for n in scenario.drill_graph.nodes]


def test_a_new_revision_is_parsed_afresh(scenario, staff, now):
    first = revision_graph(scenario.live_revision)
    scenario.title = "Anaphylaxis, revised"
    scenario.save_revision().publish()
    scenario.refresh_from_db()
    assert revision_graph(scenario.live_revision) is not first
