"""GIFT: every construct read, unsupported kinds listed by line, import/export round trip."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from organisation import groups
from tests.factories import UserFactory
from tests.factories.training import QuestionBankFactory, QuestionFactory
from training.approval import approve
from training.bank_services import as_gift, export_gift, import_gift
from training.gift import parse, write
from training.gift import parser as gift
from training.models import Question, QuestionBank

EVERY_CONSTRUCT = Path(__file__).with_name("every_construct.gift")


@pytest.fixture
def parsed():
    return parse(EVERY_CONSTRUCT.read_text())


def essentials(questions):
    return [
        (q.title, q.kind, q.stem, q.stem_format, q.choices, q.explanation, q.tags)
        for q in questions
    ]


def by_title(result, title):
    return next(q for q in result.questions if q.title == title)


def test_unsupported_kinds_are_listed_by_line(parsed):
    assert [(s.line, s.reason) for s in parsed.skipped] == [
        (47, gift.ESSAY),
        (49, gift.MATCHING),
        (55, gift.NUMERICAL),
        (57, gift.SHORT_ANSWER),
        (59, gift.MISSING_WORD),
        (61, gift.DESCRIPTION),
    ]
    assert len(parsed.questions) == 9


def test_title_format_feedback_general_feedback_and_tags(parsed):
    q = by_title(parsed, "Cool first")
    assert q.line == 6 and q.kind == "single" and q.stem_format == "html"
    assert q.stem == "What is the <b>first</b> step after an unexpected epidermal burn?"
    assert [(c.weight, c.feedback) for c in q.choices][0] == (
        100,
        "Cooling limits the depth of the injury.",
    )
    assert q.explanation == "Stop, cool, assess, then document and escalate."
    assert q.tags == ["aftercare", "burns"]


def test_escapes(parsed):
    q = by_title(parsed, "Escapes")
    assert q.stem == "Which symbols need escaping in GIFT: ~ = # { } ?"
    assert q.choices[0].text == "All of ~ = # { } and :"
    assert q.choices[0].feedback == "Right: every one of them."
    assert q.choices[1].text == "Only { and }"


def test_true_false_in_every_spelling_with_feedback(parsed):
    long = by_title(parsed, "True with feedback")
    assert long.kind == "true_false"
    true, false = long.choices
    assert (true.text, true.weight, true.feedback) == (
        "True",
        100,
        "Right: check the OD rating for the wavelength.",
    )
    assert false.feedback == "Wrong: goggles are rated per wavelength."
    assert long.explanation == "Check the goggles' label."
    assert [c.weight for c in by_title(parsed, "False short").choices] == [0, 100]
    assert by_title(parsed, "Tf words").stem_format == "plain"


def test_multiple_response_with_negative_and_decimal_weights(parsed):
    multi = by_title(parsed, "Multi")
    assert multi.kind == "multiple" and multi.stem_format == "markdown"
    assert multi.stem == "Which of these are signs of an epidermal burn?\nChoose all that apply."
    assert [c.weight for c in multi.choices] == [50, 50, -100, 0]
    assert [c.weight for c in by_title(parsed, "Thirds").choices] == [33, 33, 33, -50]


def test_partial_credit_in_single_choice_and_multi_line_stem(parsed):
    assert [c.weight for c in by_title(parsed, "Partial single").choices] == [100, 50, 0]
    stem = by_title(parsed, "Multi line stem").stem
    assert stem.startswith("Post-treatment") and stem.count("\n") == 2


def test_writer_then_parser_gives_the_same_questions(parsed):
    again = parse(write(parsed.questions))
    assert again.skipped == []
    assert essentials(again.questions) == essentials(parsed.questions)


def test_no_correct_answer_is_skipped():
    result = parse("::None::Pick one {~a ~b}")
    assert result.skipped[0].reason == gift.NO_CORRECT and not result.questions


def test_unclosed_answer_block_is_skipped():
    result = parse("Pick one {=a ~b\n\n::Next::Fine? {T}")
    assert result.skipped[0].reason == gift.UNBALANCED
    assert [q.title for q in result.questions] == ["Next"]


def approve_all(bank):
    """The director's approval of an imported bank and its questions."""
    director = UserFactory(username="director-approves", groups=[groups.MEDICAL_DIRECTORS])
    for obj in [bank, *bank.questions.all()]:
        if obj.current_workflow_state is not None:
            approve(obj=obj, user=director)


@pytest.mark.django_db
def test_import_creates_draft_questions_with_choices_and_tags():
    report = import_gift(text=EVERY_CONSTRUCT.read_text(), bank_name="Laser safety")
    assert len(report.created) == 9 and len(report.skipped) == 6
    bank = QuestionBank.objects.get(name="Laser safety")
    assert bank.questions.count() == 9 and not bank.questions.filter(live=True).exists()
    cool = bank.questions.get(title="Cool first")
    assert cool.latest_revision is not None and cool.live_revision is None
    assert sorted(t.name for t in cool.tags.all()) == ["aftercare", "burns"]
    assert len({c.key for c in cool.choices.all()}) == 3


@pytest.mark.django_db
def test_dry_run_changes_nothing_and_reimport_adds_no_duplicates():
    text = EVERY_CONSTRUCT.read_text()
    report = import_gift(text=text, bank_name="Laser safety", dry_run=True)
    assert len(report.created) == 9 and not QuestionBank.objects.exists()
    import_gift(text=text, bank_name="Laser safety")
    again = import_gift(text=text, bank_name="Laser safety")
    assert not again.created and len(again.duplicates) == 9
    assert Question.objects.count() == 9


@pytest.mark.django_db
def test_export_then_import_gives_the_same_questions():
    import_gift(text=EVERY_CONSTRUCT.read_text(), bank_name="Original")
    original = QuestionBank.objects.get(name="Original")
    approve_all(original)
    QuestionFactory(bank=original, kind="true_false", stem="Line one\nline two: {odd} #chars")
    exported = export_gift(bank=original)
    import_gift(text=exported, bank_name="Copy")
    copy = QuestionBank.objects.get(name="Copy")

    def questions(bank):
        rows = [as_gift(q) for q in bank.questions.order_by("pk")]
        return [
            (q.title, q.kind, q.stem, q.stem_format, q.choices, q.explanation, q.tags) for q in rows
        ]

    assert questions(copy) == questions(original)
    assert len(questions(copy)) == 10


@pytest.mark.django_db
def test_commands_import_dry_run_and_export(tmp_path):
    out = StringIO()
    call_command("import_gift", str(EVERY_CONSTRUCT), "--bank", "Cmd", "--dry-run", stdout=out)
    assert "Would import 9 question(s)" in out.getvalue()
    assert "line 47: essay questions are not supported" in out.getvalue()
    assert not QuestionBank.objects.filter(name="Cmd").exists()
    call_command("import_gift", str(EVERY_CONSTRUCT), "--bank", "Cmd", stdout=StringIO())
    target = tmp_path / "cmd.gift"
    call_command("export_gift", "--bank", "Cmd", "--output", str(target), stdout=StringIO())
    assert parse(target.read_text()).questions == []  # nothing approved yet
    approve_all(QuestionBank.objects.get(name="Cmd"))
    call_command("export_gift", "--bank", "Cmd", "--output", str(target), stdout=StringIO())
    assert len(parse(target.read_text()).questions) == 9
    with pytest.raises(CommandError, match="No question bank"):
        call_command("export_gift", "--bank", "Missing")
    empty = tmp_path / "empty.gift"
    empty.write_text("::Essay::Say something {}")
    with pytest.raises(CommandError, match="No question"):
        call_command("import_gift", str(empty), "--bank", "Cmd2", stdout=StringIO())


@pytest.mark.django_db
def test_draft_questions_are_not_exported_unless_asked():
    bank = QuestionBankFactory(name="Drafts")
    QuestionFactory(bank=bank, stem="Published one")
    QuestionFactory(bank=bank, stem="Draft one", live=False)
    assert "Draft one" not in export_gift(bank=bank)
    assert "Draft one" in export_gift(bank=bank, include_drafts=True)
