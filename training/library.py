"""Training modules and question banks as files: library/modules/<slug>.yaml refers to its
protocols and to a GIFT file in library/questions/. Read and check them; write them as module
pages, banks and requirements. The format is in library/README.md."""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from content.library import resolve_links
from content.markdown_blocks import LESSON_BLOCKS, ProtocolReference, markdown_to_blocks
from content.models import HomePage, ProtocolPage
from content.services import put_under_medical_director_approval
from content.sources import SourceError, check_schema, parse_yaml
from organisation.models import JobRole
from training.bank_services import create_question
from training.gift import GiftQuestion, parse
from training.lessons import LESSON_BLOCK
from training.models import QuestionBank, TrainingIndexPage, TrainingModulePage, TrainingRequirement
from training.rules import choice_problems

INDEX_SLUG = "training"
INDEX_INTRO = (
    "<p>Training modules built on the clinic's protocols, each with a quiz. Every module here "
    "is <em>sample content</em> for your medical director to review.</p>"
)
BANK_SUFFIX = " (sample)"
DEFAULTS = {
    "order": 1000,
    "objectives": [],
    "estimated_minutes": 15,
    "ce_hours": None,
    "questions_per_attempt": 5,
    "pass_mark": 80,
    "recurrence_months": 12,
    "roles": [],
}
SAMPLE_LINE = re.compile(r"^//\s*sample:\s*(true|false)\s*$")
NOTICE_LINE = re.compile(r"^//\s*notice:\s*(\S.*)$")

NAME_NOT_SLUG = "the file is named {name} but its slug is {slug}: they must match"
NO_SAMPLE_MARK = "a question file starts with '// sample: true' (or false) before any question"
NO_NOTICE = "a sample question file needs a '// notice: ...' line in its header"
NO_QUESTIONS = "the file holds no question"
NO_SUCH_FILE = "no question file {name} in {folder}"
TOO_FEW = "questions_per_attempt is {wanted} but {name} holds {count} question(s)"
UNKNOWN_ROLE = "no job role with the slug '{slug}'"


@dataclass(frozen=True)
class QuestionFile:
    path: str
    sample: bool
    questions: list[GiftQuestion]


@dataclass(frozen=True)
class ModuleSpec:
    path: str
    slug: str
    title: str
    summary: str
    sample: bool
    order: int
    objectives: list[str]
    estimated_minutes: int
    ce_hours: Decimal | None
    protocols: list[ProtocolReference]
    questions: QuestionFile
    questions_per_attempt: int
    pass_mark: int
    recurrence_months: int
    roles: list[str]
    lessons: list = field(default_factory=list)

    def references(self) -> list[ProtocolReference]:
        linked = [value["page"] for kind, value in self.lessons if kind == "protocol_link"]
        return [*self.protocols, *linked]


def read_questions(path: Path, *, shown_as: str | None = None) -> QuestionFile:
    """A GIFT file with its sample header; every block must be a sound question."""
    name = shown_as or str(path)
    text = path.read_text(encoding="utf-8")
    sample, notice = _header(text)
    if sample is None:
        raise SourceError(name, 1, NO_SAMPLE_MARK)
    if sample and not notice:
        raise SourceError(name, 1, NO_NOTICE)
    parsed = parse(text)
    if parsed.skipped:
        first = parsed.skipped[0]
        raise SourceError(name, first.line, first.reason)
    if not parsed.questions:
        raise SourceError(name, 1, NO_QUESTIONS)
    for question in parsed.questions:
        problems = choice_problems(question.kind, [c.weight for c in question.choices])
        if problems:
            raise SourceError(name, question.line, problems[0])
    return QuestionFile(path=name, sample=sample, questions=parsed.questions)


def _header(text: str) -> tuple[bool | None, str]:
    sample, notice = None, ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        if match := SAMPLE_LINE.match(stripped):
            sample = match.group(1) == "true"
        elif match := NOTICE_LINE.match(stripped):
            notice = match.group(1)
    return sample, notice


def read_module(
    path: Path, *, questions_dir: Path, shown_as: str | None = None, shown_dir: str = ""
) -> ModuleSpec:
    """One module file and the question file it names, checked."""
    name = shown_as or str(path)
    document = parse_yaml(path.read_text(encoding="utf-8"), path=name)
    errors = check_schema(document, "module")
    if errors:
        raise errors[0]
    data = {**DEFAULTS, **document.data}
    if data["slug"] != path.stem:
        raise SourceError(
            name,
            document.line_of(["slug"]),
            NAME_NOT_SLUG.format(name=path.name, slug=data["slug"]),
        )
    question_path = questions_dir / data["questions"]
    if not question_path.is_file():
        raise SourceError(
            name,
            document.line_of(["questions"]),
            NO_SUCH_FILE.format(name=data["questions"], folder=shown_dir or questions_dir),
        )
    questions = read_questions(
        question_path, shown_as=f"{shown_dir}/{data['questions']}" if shown_dir else None
    )
    if data["questions_per_attempt"] > len(questions.questions):
        raise SourceError(
            name,
            document.line_of(["questions_per_attempt"]),
            TOO_FEW.format(
                wanted=data["questions_per_attempt"],
                name=data["questions"],
                count=len(questions.questions),
            ),
        )
    # A literal block's text starts on the line after its `lessons: |`.
    lessons_line = document.line_of(["lessons"]) + 1
    lessons = markdown_to_blocks(
        data["lessons"],
        path=name,
        first_line=lessons_line,
        allowed=LESSON_BLOCKS,
        section_block=LESSON_BLOCK,
    )
    return ModuleSpec(
        path=name,
        slug=data["slug"],
        title=data["title"],
        summary=data["summary"].strip(),
        sample=data["sample"],
        order=data["order"],
        objectives=list(data["objectives"]),
        estimated_minutes=data["estimated_minutes"],
        # Through str: YAML reads 0.25 as a float, and the schema allows quarter hours only.
        ce_hours=None if data["ce_hours"] is None else Decimal(str(data["ce_hours"])),
        protocols=[
            ProtocolReference(slug, document.line_of(["protocols", i]))
            for i, slug in enumerate(data["protocols"])
        ],
        questions=questions,
        questions_per_attempt=data["questions_per_attempt"],
        pass_mark=data["pass_mark"],
        recurrence_months=data["recurrence_months"],
        roles=list(data["roles"]),
        lessons=lessons,
    )


@transaction.atomic
def write_modules(
    *, home: HomePage, specs: list[ModuleSpec], publisher: AbstractBaseUser
) -> list[TrainingModulePage]:
    """The training library under `home`: per spec a bank, a published module page and its
    requirements by role. What exists (a module by slug, a bank by name) is kept as it is.
    A role slug that names no job role raises SourceError and writes nothing."""
    roles = {r.slug: r for r in JobRole.objects.all()}
    for spec in specs:
        for slug in spec.roles:
            if slug not in roles:
                raise SourceError(spec.path, None, UNKNOWN_ROLE.format(slug=slug))
    index = _index(home, publisher)
    protocols = {p.slug: p for p in ProtocolPage.objects.all()}
    modules = []
    for spec in specs:
        bank = _bank(spec, publisher)
        module = _module(spec, index, bank, protocols, publisher)
        for slug in spec.roles:
            TrainingRequirement.objects.get_or_create(role=roles[slug], module=module)
        modules.append(module)
    return modules


def _index(home: HomePage, publisher) -> TrainingIndexPage:
    index = TrainingIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=TrainingIndexPage(title="Training", slug=INDEX_SLUG, intro=INDEX_INTRO)
        )
        index.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    put_under_medical_director_approval(page=index)
    return index


def _bank(spec: ModuleSpec, publisher) -> QuestionBank:
    bank, created = QuestionBank.objects.get_or_create(
        name=f"{spec.title}{BANK_SUFFIX}"[:120],
        defaults={"description": f"Sample questions for {spec.title}; review before use."},
    )
    if created or not bank.questions.exists():
        for question in spec.questions.questions:
            create_question(bank=bank, spec=question, user=publisher)
    return bank


def _module(spec: ModuleSpec, index, bank, protocols, publisher) -> TrainingModulePage:
    module = TrainingModulePage.objects.child_of(index).filter(slug=spec.slug).first()
    if module is not None:
        return module
    module = TrainingModulePage(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        objectives="\n".join(spec.objectives),
        estimated_minutes=spec.estimated_minutes,
        ce_hours=spec.ce_hours,
        lessons=resolve_links(spec.lessons, protocols),
        pass_mark=spec.pass_mark,
        questions_per_attempt=spec.questions_per_attempt,
        valid_for_months=spec.recurrence_months,
        attempts_per_day=3,
        shuffle=True,
        sample_content=spec.sample,
    )
    index.add_child(instance=module)
    module.question_banks.set([bank])
    module.protocols.set([protocols[reference.slug] for reference in spec.protocols])
    module.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    return TrainingModulePage.objects.get(pk=module.pk)
