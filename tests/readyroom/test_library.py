"""The clinical library loader: every file read and checked first (a broken one named with its
line), then written once; the real library/ fits its formats and is all sample-marked."""

import pytest
from django.core.management import CommandError, call_command

from content.models import ProtocolPage
from content.sources import SourceErrors
from drills.models import DrillRequirement, DrillScenarioPage
from organisation.demo import seed_organisation
from readyroom.library import library_dir, read_library, write_library
from tests.factories.library import small_library
from training.models import Question, TrainingModulePage, TrainingRequirement


@pytest.fixture
def folder(tmp_path):
    return small_library(tmp_path)


def _problems(root) -> list[str]:
    with pytest.raises(SourceErrors) as raised:
        read_library(root)
    return [str(e) for e in raised.value.errors]


def _line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _replace(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_the_real_library_fits_its_formats_and_is_all_sample_content():
    library = read_library()
    assert len(library.protocols) >= 6 and len(library.modules) >= 6
    assert len(library.scenarios) >= 3
    assert all(p.sample for p in library.protocols)
    assert all(m.sample and m.questions.sample for m in library.modules)
    assert all(s.data["sample"] and s.data["notice"] for s in library.scenarios)
    for path in library_dir().glob("*/*"):
        if path.suffix in (".md", ".yaml", ".gift"):
            text = path.read_text()
            assert "sample: true" in text and "notice: " in text, path


def test_the_small_library_reads_as_written(folder):
    library = read_library(folder)
    assert [m.slug for m in library.modules] == ["burns", "burns-two", "burns-three"]  # by `order`
    burns = next(p for p in library.protocols if p.slug == "burns")
    assert [kind for kind, _ in burns.body] == [
        "rich_text",
        "callout",
        "checklist",
        "timed_steps",
        "protocol_link",
    ]
    assert (
        burns.body[2][1]["items"][1]
        == "Give the aftercare sheet and go through it with the patient."
    )
    assert burns.body[3][1]["steps"][1] == {"at": "0-1 min", "action": "Cool the burn."}
    module = library.modules[0]
    # A ## heading of a module starts a lesson: a block of its own, not a heading in the text.
    assert [kind for kind, _ in module.lessons] == ["lesson", "rich_text", "pearl", "protocol_link"]
    assert module.lessons[0][1] == {"title": "Cool first"}
    assert module.lessons[1][1] == "<p>Cool running water.</p>"
    assert (
        module.lessons[2][1]["body"] == "<p>Keep the rest of the patient <strong>warm</strong>.</p>"
    )
    assert [q.kind for q in module.questions.questions] == [
        "single",
        "true_false",
        "multiple",
        "single",
    ]


@pytest.mark.parametrize(
    "file, old, new, line_text, message",
    [
        # YAML: a list never closed, in a module file (YAML notices it on the next line)
        ("modules/burns.yaml", "order: 10", "order: [10", "summary: A sample", "YAML: "),
        # Front matter that is never closed, and bad YAML inside it
        ("protocols/faints.md", "notice: Sample", "notice: a: b Sample", "notice: a: b", "YAML: "),
        ("protocols/faints.md", "---\n\nLie", "\nLie", None, "front matter is not closed"),
        # Markdown the editor cannot hold
        ("protocols/faints.md", "Lie the patient", "# Lie the patient", "# Lie", "a # heading"),
        ("protocols/burns.md", "::: callout danger", "::: callout bad", "::: callout bad", "kind"),
        ("protocols/burns.md", "- 0 min: Stop", "- 0 min Stop", "- 0 min Stop", "when: what"),
        # GIFT that does not close, or a kind a bank cannot hold
        (
            "questions/burns.gift",
            "####Stop first.\n}",
            "####Stop first.",
            "grey-white",
            "not closed",
        ),
        ("questions/burns.gift", "FALSE#It is not.#Right.\n", "", "Ice held", "essay"),
        # JSON that is not JSON, in a drill
        ("drills/anaphylaxis-sample.yaml", "format:", "format: : :", "format: : :", "YAML: "),
    ],
)
def test_a_broken_file_is_named_with_its_line(folder, file, old, new, line_text, message):
    path = folder / file
    _replace(path, old, new)
    problems = _problems(folder)
    line = 1 if line_text is None else _line_of(path, line_text)
    assert any(p.startswith(f"library/{file}:{line}: ") and message in p for p in problems), (
        problems
    )


def test_a_json_drill_with_a_syntax_error_is_named_with_its_line(folder):
    import json

    from tests.factories.library import drill_data

    (folder / "drills" / "anaphylaxis-sample.yaml").unlink()
    text = json.dumps(drill_data(), indent=2).replace('"start": "itching",', '"start": "itching"')
    path = folder / "drills" / "anaphylaxis-sample.json"
    path.write_text(text)
    line = _line_of(path, '"nodes"')  # where the parser finds the missing comma
    assert any(
        p.startswith(f"library/drills/anaphylaxis-sample.json:{line}: YAML: ")
        for p in _problems(folder)
    )


def test_a_schema_violation_names_the_file_the_field_and_its_line(folder):
    path = folder / "drills" / "anaphylaxis-sample.yaml"
    _replace(path, "points: 10", "points: 20")
    _replace(folder / "modules" / "burns.yaml", "questions_per_attempt: 3", "pass_mark: 180\n")
    problems = _problems(folder)
    line = _line_of(path, "points: 20")
    assert f"library/drills/anaphylaxis-sample.yaml:{line}: nodes[1].choices[0].points: 20 is " in (
        "\n".join(problems)
    )
    module_line = _line_of(folder / "modules" / "burns.yaml", "pass_mark: 180")
    assert any(
        p.startswith(f"library/modules/burns.yaml:{module_line}: pass_mark: 180 is greater")
        for p in problems
    ), problems


def test_every_slug_a_file_names_must_exist(folder):
    _replace(folder / "modules" / "burns.yaml", "protocols: [burns]", "protocols: [burnz]")
    _replace(folder / "protocols" / "burns.md", "::: protocol-link faints", "::: protocol-link x")
    _replace(folder / "modules" / "burns-two.yaml", "burns.gift", "missing.gift")
    problems = _problems(folder)
    line = _line_of(folder / "modules" / "burns.yaml", "burnz")
    assert any(
        p.startswith(f"library/modules/burns.yaml:{line}: no protocol with the slug 'burnz'")
        for p in problems
    )
    assert any(
        p.startswith("library/protocols/burns.md:28: no protocol with the slug 'x'")
        for p in problems
    )
    assert any(
        "library/modules/burns-two.yaml:10: no question file missing.gift" in p for p in problems
    )


def test_a_file_must_be_named_by_its_slug_and_marked(folder):
    (folder / "protocols" / "faints.md").rename(folder / "protocols" / "fainting.md")
    _replace(folder / "questions" / "burns.gift", "// sample: true\n", "")
    problems = "\n".join(_problems(folder))
    assert (
        "library/protocols/fainting.md:2: the file is named fainting.md but its slug is faints"
        in problems
    )
    assert (
        "library/questions/burns.gift:1: a question file starts with '// sample: true'" in problems
    )


@pytest.mark.django_db
def test_a_broken_library_stops_seed_demo_before_anything_is_written(folder):
    _replace(folder / "protocols" / "faints.md", "Lie the patient", "# Lie the patient")
    with pytest.raises(CommandError, match=r"library/protocols/faints.md:\d+: a # heading"):
        call_command("seed_demo", "--library", str(folder), stdout=open("/dev/null", "w"))
    assert not ProtocolPage.objects.exists() and not TrainingModulePage.objects.exists()


@pytest.mark.django_db
def test_check_library_reports_and_writes_nothing(folder, capsys):
    call_command("check_library", str(folder))
    assert "2 protocols, 3 modules with 12 questions, 1 drill scenarios" in capsys.readouterr().out
    _replace(folder / "protocols" / "faints.md", "Lie the patient", "# Lie the patient")
    with pytest.raises(CommandError, match="1 problem"):
        call_command("check_library", str(folder))
    assert "library/protocols/faints.md:9: a # heading" in capsys.readouterr().err


@pytest.mark.django_db
def test_writing_builds_pages_banks_and_requirements_and_twice_is_once(folder, now):
    profiles = seed_organisation(today=now.date())
    library = read_library(folder)
    write_library(library, publisher=profiles["director"].user)
    counts = (
        ProtocolPage.objects.live().count(),
        TrainingModulePage.objects.live().count(),
        Question.objects.count(),
        DrillScenarioPage.objects.live().count(),
        TrainingRequirement.objects.count(),
        DrillRequirement.objects.count(),
    )
    assert counts == (2, 3, 12, 1, 4, 2)
    burns = ProtocolPage.objects.get(slug="burns")
    assert burns.sample_content
    assert burns.body[4].value["page"].slug == "faints"
    module = TrainingModulePage.objects.get(slug="burns")
    assert [p.slug for p in module.protocols.all()] == ["burns"]
    assert module.lessons[3].value["page"].slug == "burns"
    assert module.questions_per_attempt == 3 and module.sample_content
    drill = DrillScenarioPage.objects.get(slug="anaphylaxis-sample")
    assert [b.value["page"].slug for b in drill.protocols] == ["faints"]
    write_library(read_library(folder), publisher=profiles["director"].user)
    assert (
        ProtocolPage.objects.live().count(),
        TrainingModulePage.objects.live().count(),
        Question.objects.count(),
        DrillScenarioPage.objects.live().count(),
        TrainingRequirement.objects.count(),
        DrillRequirement.objects.count(),
    ) == counts


@pytest.mark.django_db
def test_a_role_no_one_has_writes_nothing(folder, now):
    profiles = seed_organisation(today=now.date())
    _replace(folder / "modules" / "burns-two.yaml", "roles: [injector]", "roles: [surgeon]")
    with pytest.raises(Exception, match="burns-two.yaml: no job role with the slug 'surgeon'"):
        write_library(read_library(folder), publisher=profiles["director"].user)
    assert not ProtocolPage.objects.exists()
