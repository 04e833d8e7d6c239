"""Whole question banks: GIFT import (each question all or nothing) and export."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from training.gift import GiftChoice, GiftQuestion, Skipped, parse, write
from training.models import Choice, Question, QuestionBank

SAMPLE_HEADER = "Exported from ReadyRoom. Review before clinical use."


@dataclass
class ImportReport:
    bank: str
    created: list[GiftQuestion] = field(default_factory=list)
    duplicates: list[GiftQuestion] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    dry_run: bool = False

    def lines(self) -> list[str]:
        verb = "Would import" if self.dry_run else "Imported"
        out = [f"{verb} {len(self.created)} question(s) into bank {self.bank!r}."]
        if self.duplicates:
            out.append(f"{len(self.duplicates)} already in the bank, left as they are.")
        if self.skipped:
            out.append(f"Skipped {len(self.skipped)} block(s):")
            out.extend(f"  {s}" for s in self.skipped)
        return out


class _DryRun(Exception):
    pass


def import_gift(
    *, text: str, bank_name: str, dry_run: bool = False, user: AbstractBaseUser | None = None
) -> ImportReport:
    """Add the GIFT file's questions to the bank (created if new), published, with a revision.

    Unsupported or malformed blocks are reported by line and skipped whole. A question whose
    kind and text are already in the bank is not added twice. A dry run reports the same and
    rolls back.
    """
    parsed = parse(text)
    report = ImportReport(bank=bank_name, skipped=parsed.skipped, dry_run=dry_run)
    try:
        with transaction.atomic():
            bank, _ = QuestionBank.objects.get_or_create(name=bank_name)
            existing = set(bank.questions.values_list("kind", "stem"))
            for parsed_question in parsed.questions:
                if (parsed_question.kind, parsed_question.stem) in existing:
                    report.duplicates.append(parsed_question)
                    continue
                create_question(bank=bank, spec=parsed_question, user=user)
                existing.add((parsed_question.kind, parsed_question.stem))
                report.created.append(parsed_question)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def create_question(
    *, bank: QuestionBank, spec: GiftQuestion, user: AbstractBaseUser | None = None
) -> Question:
    """One published question with its choices, tags and a first revision."""
    question = Question(
        bank=bank,
        title=spec.title[:200],
        kind=spec.kind,
        stem=spec.stem,
        stem_format=spec.stem_format,
        explanation=spec.explanation,
        live=False,
    )
    question.save()
    Choice.objects.bulk_create(
        Choice(question=question, sort_order=i, text=c.text, weight=c.weight, feedback=c.feedback)
        for i, c in enumerate(spec.choices)
    )
    if spec.tags:
        question.tags.add(*spec.tags)
        question.save()
    question = Question.objects.get(pk=question.pk)
    revision = question.save_revision(user=user)
    revision.publish(user=user, skip_permission_checks=True)
    return question


def as_gift(question: Question) -> GiftQuestion:
    return GiftQuestion(
        line=0,
        kind=question.kind,
        stem=question.stem,
        title=question.title,
        stem_format=question.stem_format,
        explanation=question.explanation,
        tags=sorted(t.name for t in question.tags.all()),
        choices=[GiftChoice(c.text, c.weight, c.feedback) for c in question.choices.all()],
    )


def export_gift(*, bank: QuestionBank, include_drafts: bool = False) -> str:
    """The bank's questions as GIFT; published ones only unless `include_drafts`."""
    questions = bank.questions.order_by("pk").prefetch_related("choices", "tags")
    if not include_drafts:
        questions = questions.filter(live=True)
    return write([as_gift(q) for q in questions], header=SAMPLE_HEADER)
