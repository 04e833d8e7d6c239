"""Drill scenarios as files: export, import, export again gives the same file, and the imported
scenario runs the same graph; a broken file is refused with its lines and creates nothing."""

import datetime

import pytest
import yaml

from drills.models import DrillScenarioPage
from drills.scenario_format import dump_scenario, read_scenario, scenario_data
from drills.scenario_services import ScenarioImportRefused, import_scenario
from drills.services import decide, start_run
from readyroom.library import library_dir
from tests.factories import ProtocolPageFactory, UserFactory
from tests.factories.drills import DrillIndexPageFactory, DrillScenarioPageFactory
from tests.factories.organisation import StaffProfileFactory

NOW = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def other_library(home_page):
    return DrillIndexPageFactory(parent=home_page, slug="shared-drills", title="Shared drills")


@pytest.fixture
def linked_scenario(library, drill_index):
    """The factory's anaphylaxis scenario, linked to a protocol of the site."""
    protocol = ProtocolPageFactory(parent=library, slug="anaphylaxis", title="Anaphylaxis")
    return DrillScenarioPageFactory(
        parent=drill_index,
        slug="anaphylaxis-drill",
        sample_content=True,
        protocols=[{"type": "protocol_link", "value": {"page": protocol.pk, "note": ""}}],
    )


def _export(page) -> str:
    return dump_scenario(scenario_data(page.get_latest_revision_as_object()))


def _play_best(page, staff, at):
    run = start_run(staff=staff, page=page, now=at)
    best = {node.key: choice for node, choice in page.drill_graph.best_path() if choice}
    while not page.drill_graph.node(run.current_node).is_end:
        at += datetime.timedelta(seconds=5)
        choice = best[run.current_node]
        run = decide(
            staff=staff, page=page, node_key=run.current_node, choice_index=choice.index, now=at
        ).run
    return run


def test_export_import_export_gives_the_same_file_and_the_same_graph(
    linked_scenario, other_library
):
    exported = _export(linked_scenario)
    educator = UserFactory()
    imported = import_scenario(
        parent=other_library, text=exported, filename="anaphylaxis-drill.yaml", user=educator
    )
    page = DrillScenarioPage.objects.get(pk=imported.page.pk)
    assert not page.live and page.has_unpublished_changes  # a draft, for approval
    assert imported.unlinked_protocols == []
    assert _export(page) == exported
    assert page.drill_graph.nodes == linked_scenario.drill_graph.nodes
    assert [b.value["page"].slug for b in page.protocols] == ["anaphylaxis"]
    assert page.checklist_items() == linked_scenario.checklist_items()

    # Published, the copy runs as the original does: the same path, score and outcome.
    page.save_revision(user=educator).publish(user=educator, skip_permission_checks=True)
    page.refresh_from_db()
    original = _play_best(linked_scenario, StaffProfileFactory(), NOW)
    copy = _play_best(page, StaffProfileFactory(), NOW)
    assert (copy.outcome, copy.score) == (original.outcome, original.score)
    assert list(copy.decisions.values_list("node_key", "choice_label")) == list(
        original.decisions.values_list("node_key", "choice_label")
    )


@pytest.mark.parametrize(
    "slug",
    [
        "laser-vein-burn",
        "vasovagal-microneedling",
        "anaphylaxis-topical-anaesthetic",
        "filler-vascular-occlusion",
    ],
)
def test_a_library_scenario_survives_import_and_export(drill_index, slug):
    text = (library_dir() / "drills" / f"{slug}.yaml").read_text()
    imported = import_scenario(
        parent=drill_index, text=text, filename=f"{slug}.yaml", user=UserFactory()
    )
    # The library's protocols are not on this site: named, and the rest still imported.
    assert imported.unlinked_protocols
    exported = yaml.safe_load(_export(imported.page))
    original = read_scenario(text, path=f"{slug}.yaml").data
    for key in ("title", "vignette", "objectives", "start", "nodes", "milestones", "checklist"):
        assert exported[key] == original[key], key


def test_a_broken_file_is_refused_with_each_line_and_creates_nothing(drill_index, scenario):
    data = scenario_data(scenario)
    data["slug"] = "broken"
    data["nodes"][0]["situation"] = '<p onclick="steal()">Itching</p><script>x()</script>'
    data["nodes"][1]["choices"][0]["next"] = "nowhere"
    data["nodes"][2]["choices"][0]["points"] = 50
    text = dump_scenario(data)
    lines = text.splitlines()
    with pytest.raises(ScenarioImportRefused) as refused:
        import_scenario(parent=drill_index, text=text, filename="broken.yaml", user=UserFactory())
    messages = refused.value.messages
    points_line = next(n for n, line in enumerate(lines, 1) if line.strip() == "points: 50")
    assert f"broken.yaml:{points_line}: nodes[2].choices[0].points: 50 is greater than the " in (
        "\n".join(messages)
    )
    # The schema is checked first: once it passes, the HTML and the graph are.
    data["nodes"][2]["choices"][0]["points"] = 5
    text = dump_scenario(data)
    lines = text.splitlines()
    with pytest.raises(ScenarioImportRefused) as refused:
        import_scenario(parent=drill_index, text=text, filename="broken.yaml", user=UserFactory())
    messages = refused.value.messages
    situation_line = next(n for n, line in enumerate(lines, 1) if "steal()" in line)
    assert any(
        m.startswith(f"broken.yaml:{situation_line}: nodes[0].situation: <script>")
        for m in messages
    ), messages
    assert any("onclick" in m for m in messages)
    assert any("“nowhere” does not exist" in m for m in messages), messages
    assert not DrillScenarioPage.objects.filter(slug="broken").exists()


def test_a_slug_already_in_the_library_is_refused(scenario, drill_index):
    text = _export(scenario)
    with pytest.raises(ScenarioImportRefused, match="already in Drills"):
        import_scenario(parent=drill_index, text=text, filename="x.yaml", user=UserFactory())
    assert DrillScenarioPage.objects.filter(slug=scenario.slug).count() == 1


def test_json_is_read_too_and_its_errors_have_lines(drill_index, scenario):
    import json

    data = scenario_data(scenario)
    data["slug"] = "from-json"
    text = json.dumps(data, indent=2, ensure_ascii=False)
    imported = import_scenario(parent=drill_index, text=text, filename="s.json", user=UserFactory())
    assert imported.page.slug == "from-json"
    broken = text.replace('"start": "itching",', '"start": "itching"')
    line = next(n for n, row in enumerate(broken.splitlines(), 1) if '"start"' in row)
    with pytest.raises(ScenarioImportRefused) as refused:
        import_scenario(parent=drill_index, text=broken, filename="s.json", user=UserFactory())
    assert refused.value.messages[0].startswith(f"s.json:{line + 1}: YAML:")
