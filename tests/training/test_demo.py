"""The demo loader: modules on protocols, a bank each, requirements, histories; idempotent."""

import datetime

import pytest

from content.demo import seed_protocol_library
from organisation.demo import seed_organisation
from organisation.models import StaffProfile
from training import demo, selectors
from training.models import Question, QuestionBank, QuizAttempt, TrainingModulePage
from training.status import ModuleStatus

TODAY = datetime.date(2026, 3, 3)
NOW = datetime.datetime(2026, 3, 3, 17, 0, tzinfo=datetime.UTC)


def _question(kind, n):
    if kind == "true_false":
        choices = [
            {"key": "true", "text": "True", "weight": 100, "feedback": "Yes."},
            {"key": "false", "text": "False", "weight": 0, "feedback": "No."},
        ]
    elif kind == "multiple":
        choices = [
            {"key": "a", "text": "Cool", "weight": 50, "feedback": ""},
            {"key": "b", "text": "Photograph", "weight": 50, "feedback": ""},
            {"key": "c", "text": "Ice", "weight": -50, "feedback": "Not on skin."},
            {"key": "d", "text": "Ignore", "weight": 0, "feedback": ""},
        ]
    else:
        choices = [
            {"key": "a", "text": "Stop and cool", "weight": 100, "feedback": "Right."},
            {"key": "b", "text": "Carry on", "weight": 0, "feedback": "No."},
            {"key": "c", "text": "Raise fluence", "weight": 0, "feedback": "No."},
        ]
    return {
        "kind": kind,
        "stem": f"Sample question {n} ({kind})?",
        "choices": choices,
        "explanation": "Because.",
        "tags": ["aftercare"],
    }


def _module(slug, protocol_slug, roles):
    kinds = ["single", "multiple", "true_false"] * 3
    return {
        "slug": f"{slug}-module",
        "title": slug.replace("-", " ").capitalize(),
        "protocol_slug": protocol_slug,
        "summary": "A sample module.",
        "objectives": ["By the end you can cool a burn."],
        "estimated_minutes": 10,
        "roles": roles,
        "recurrence_months": 12,
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "lessons": [
            ("rich_text", "<p>Read this.</p>"),
            ("pearl", {"title": "Cool first", "body": "<p>Always.</p>"}),
            ("protocol_link", {"slug": protocol_slug, "note": "The protocol"}),
        ],
        "questions": [_question(kind, n) for n, kind in enumerate(kinds)],
    }


SAMPLE = [
    _module("post-laser-recovery", "post-laser-recovery", ["laser-technician", "injector"]),
    _module("erythema", "post-procedure-erythema", ["injector", "esthetician"]),
    _module("vein-emergency", "laser-vein-complications-emergency", ["laser-technician"]),
]


@pytest.fixture
def sample(monkeypatch):
    monkeypatch.setattr(demo, "load_modules", lambda: SAMPLE)


def _seed():
    profiles = seed_organisation(today=TODAY)
    director = profiles["director"].user
    seed_protocol_library(publisher=director)
    demo.seed(today=TODAY, profiles=profiles, publisher=director)


def test_seed_builds_modules_histories_and_is_idempotent(db, sample):
    _seed()
    modules = TrainingModulePage.objects.live()
    assert modules.count() == 3 and all(m.sample_content for m in modules)
    first = modules.get(slug="post-laser-recovery-module")
    assert [p.slug for p in first.protocols.all()] == ["post-laser-recovery"]
    assert first.lessons[2].value["page"].slug == "post-laser-recovery"
    assert QuestionBank.objects.count() == 3 and Question.objects.filter(live=True).count() == 27

    sam = StaffProfile.objects.select_related("home_location").get(user__username="staff")
    statuses = sorted(line.status for line in selectors.required_modules(sam, now=NOW))
    assert statuses == sorted([ModuleStatus.PASSED, ModuleStatus.IN_PROGRESS, ModuleStatus.OVERDUE])
    everyone = {
        line.status
        for profile in StaffProfile.objects.select_related("home_location")
        for line in selectors.required_modules(profile, now=NOW)
    }
    assert {ModuleStatus.PASSED, ModuleStatus.OVERDUE, ModuleStatus.IN_PROGRESS} <= everyone

    counts = (
        QuizAttempt.objects.count(),
        Question.objects.count(),
        TrainingModulePage.objects.count(),
    )
    _seed()
    assert (
        QuizAttempt.objects.count(),
        Question.objects.count(),
        TrainingModulePage.objects.count(),
    ) == counts


def test_reset_removes_the_library_and_reseeds(db, sample):
    _seed()
    demo.reset()
    assert not TrainingModulePage.objects.exists() and not QuestionBank.objects.exists()
    _seed()
    assert TrainingModulePage.objects.count() == 3


def test_invalid_content_names_the_module(db, monkeypatch):
    broken = [{**SAMPLE[0], "questions": [{**_question("single", 1), "choices": []}]}]
    monkeypatch.setattr(demo, "load_modules", lambda: broken)
    with pytest.raises(demo.DemoContentInvalid, match="post-laser-recovery-module, question 1"):
        demo.seed(today=TODAY, profiles={}, publisher=None)


def test_no_content_file_seeds_nothing(db, monkeypatch):
    monkeypatch.setattr(demo, "load_modules", lambda: [])
    demo.seed(today=TODAY, profiles={}, publisher=None)
    assert not TrainingModulePage.objects.exists()


def test_the_demo_content_file_fits_the_format():
    modules = demo.load_modules()
    assert len(modules) >= 6
    from content.demo_protocols import PROTOCOLS
    from organisation.demo import ROLES

    protocol_slugs = {p["slug"] for p in PROTOCOLS}
    role_slugs = {slug for slug, _ in ROLES}
    assert len({m["slug"] for m in modules}) == len(modules)
    for spec in modules:
        demo.check_spec(spec)
        assert spec["protocol_slug"] in protocol_slugs, spec["slug"]
        assert set(spec["roles"]) <= role_slugs, spec["slug"]
        assert len(spec["questions"]) >= 8, spec["slug"]
        assert spec["questions_per_attempt"] <= len(spec["questions"]), spec["slug"]
