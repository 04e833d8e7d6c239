"""The clinical library loader: every file under library/ read and checked first, then written
as pages, banks and requirements in one transaction (seed_demo; check_library only reads).

Each app reads its own kind of file (content.library, training.library,
drills.scenario_format); this module walks the folder, checks what files say about each other
(every slug a file names exists) and collects every problem, so an author sees them all at
once, each as `file:line: message`.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from content.demo import home_page
from content.library import ProtocolSpec, check_references, read_protocol, write_protocols
from content.sources import SourceError, SourceErrors
from drills.scenario_format import ScenarioInvalid, ScenarioSpec, read_scenario
from drills.scenario_services import library_index, write_scenarios
from training.library import ModuleSpec, read_module, read_questions, write_modules

DUPLICATE_SLUG = "the slug '{slug}' is also used by {other}"
SCENARIO_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Library:
    protocols: list[ProtocolSpec]
    modules: list[ModuleSpec]
    scenarios: list[ScenarioSpec]

    def counts(self) -> str:
        questions = sum(len(m.questions.questions) for m in self.modules)
        return (
            f"{len(self.protocols)} protocols, {len(self.modules)} modules with {questions} "
            f"questions, {len(self.scenarios)} drill scenarios"
        )


def library_dir() -> Path:
    return Path(settings.BASE_DIR) / "library"


def read_library(root: Path | None = None) -> Library:
    """Every file of the library at `root`, checked; SourceErrors lists every problem."""
    root = root or library_dir()
    errors: list[SourceError] = []

    def shown(path: Path) -> str:
        return f"{root.name}/{path.relative_to(root)}"

    def each(folder: str, suffixes: tuple[str, ...], read):
        found = []
        for path in sorted((root / folder).glob("*")):
            if path.suffix not in suffixes or not path.is_file():
                continue
            try:
                found.append(read(path))
            except ScenarioInvalid as error:
                errors.extend(error.errors)
            except SourceError as error:
                errors.append(error)
        return found

    questions_dir = root / "questions"
    protocols = each("protocols", (".md",), lambda p: read_protocol(p, shown_as=shown(p)))
    # Every question file is read, including one no module names yet, so none hides an error.
    each("questions", (".gift",), lambda p: read_questions(p, shown_as=shown(p)))
    modules = each(
        "modules",
        (".yaml", ".yml"),
        lambda p: read_module(
            p, questions_dir=questions_dir, shown_as=shown(p), shown_dir=shown(questions_dir)
        ),
    )
    scenarios = each(
        "drills",
        SCENARIO_SUFFIXES,
        lambda p: read_scenario(p.read_text(encoding="utf-8"), path=shown(p), file_stem=p.stem),
    )

    # A protocol file with a problem of its own still names its slug: what refers to it is
    # not reported again.
    known = {p.stem for p in (root / "protocols").glob("*.md")}
    for spec in [*protocols, *modules]:
        _collect(errors, check_references, spec.path, spec.references(), known)
    for scenario in scenarios:
        _collect(errors, check_references, scenario.path, scenario.protocols, known)
    _collect_duplicates(errors, scenarios)
    if errors:
        # One broken file named by a module is reported once, not again for the module.
        raise SourceErrors(list({str(e): e for e in errors}.values()))
    modules.sort(key=lambda m: (m.order, m.slug))
    return Library(protocols=protocols, modules=modules, scenarios=scenarios)


def _collect(errors: list[SourceError], check, *args) -> None:
    try:
        check(*args)
    except SourceError as error:
        errors.append(error)


def _collect_duplicates(errors: list[SourceError], scenarios: list[ScenarioSpec]) -> None:
    first: dict[str, str] = {}
    for scenario in scenarios:
        if scenario.slug in first:
            message = DUPLICATE_SLUG.format(slug=scenario.slug, other=first[scenario.slug])
            errors.append(SourceError(scenario.path, None, message))
        first.setdefault(scenario.slug, scenario.path)


@transaction.atomic
def write_library(library: Library, *, publisher: AbstractBaseUser) -> None:
    """The library as published pages (protocols, modules and their banks, drills) and their
    requirements by role. What exists is kept; a role no one has raises SourceError and, in
    this one transaction, nothing is written."""
    home = home_page()
    write_protocols(home=home, specs=library.protocols, publisher=publisher)
    write_modules(home=home, specs=library.modules, publisher=publisher)
    index = library_index(home=home, publisher=publisher)
    write_scenarios(index=index, specs=library.scenarios, publisher=publisher)
