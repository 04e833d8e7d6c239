"""Whole question banks: GIFT import (each question all or nothing) and export.

An import writes drafts and submits them (and a new bank) for the medical director's approval
in the same step; learners see none of it until the director approves.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django_q.tasks import async_task

from training.approval import submit_for_approval
from training.approval_mail import workflow_mail_held
from training.gift import GiftChoice, GiftQuestion, Skipped, parse, write
from training.models import Choice, Question, QuestionBank

SAMPLE_HEADER = "Exported from ReadyRoom. Review before clinical use."
NO_WORKFLOW = (
    "No approval workflow is assigned to questions: they wait as drafts until someone allowed "
    "to publish publishes them."
)


@dataclass
class ImportReport:
    bank: str
    created: list[GiftQuestion] = field(default_factory=list)
    duplicates: list[GiftQuestion] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    dry_run: bool = False
    new_bank: bool = False
    submitted: int = 0  # questions (and a new bank) put in front of the approvers
    workflow: str = ""  # the workflow they went into; empty when none is assigned

    def lines(self) -> list[str]:
        verb = "Would import" if self.dry_run else "Imported"
        out = [f"{verb} {len(self.created)} question(s) into bank {self.bank!r} as drafts."]
        if self.created and self.workflow:
            what = "them and the new bank" if self.new_bank else "them"
            verb = "would be submitted" if self.dry_run else "submitted"
            out.append(
                f"All of {what} {verb} for approval ({self.workflow}); learners see a question "
                "once it is approved."
            )
        elif self.created:
            out.append(NO_WORKFLOW)
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
    """Add the GIFT file's questions to the bank as drafts and submit them for approval.

    A new bank is made a draft too and submitted with them. Unsupported or malformed blocks
    are reported by line and skipped whole. A question whose kind and text are already in the
    bank is not added twice. Wagtail's mail per submitted object is held; after the commit the
    approvers get one message about the whole import. A dry run reports the same and rolls
    back: no row, revision, workflow state, log entry or mail is left.
    """
    parsed = parse(text)
    report = ImportReport(bank=bank_name, skipped=parsed.skipped, dry_run=dry_run)
    try:
        with transaction.atomic(), workflow_mail_held():
            bank = QuestionBank.objects.filter(name=bank_name).first()
            if bank is None and parsed.questions:
                bank = create_bank(name=bank_name, user=user)
                report.new_bank = True
            existing = set(bank.questions.values_list("kind", "stem")) if bank else set()
            states = []
            if report.new_bank:
                states.append(submit_for_approval(obj=bank, user=user))
            for parsed_question in parsed.questions:
                if (parsed_question.kind, parsed_question.stem) in existing:
                    report.duplicates.append(parsed_question)
                    continue
                question = create_question(bank=bank, spec=parsed_question, user=user)
                states.append(submit_for_approval(obj=question, user=user))
                existing.add((parsed_question.kind, parsed_question.stem))
                report.created.append(parsed_question)
            submitted = [s for s in states if s is not None]
            report.submitted = len(submitted)
            report.workflow = submitted[0].workflow.name if submitted else ""
            if dry_run:
                raise _DryRun
            if submitted:
                _ask_for_review(state=submitted[0], report=report, user=user)
    except _DryRun:
        pass
    return report


def _ask_for_review(*, state, report: ImportReport, user: AbstractBaseUser | None) -> None:
    """After the commit, queue one message to the approvers of the workflow's first task."""
    task = state.current_task_state.task.specific if state.current_task_state else None
    group_ids = list(task.groups.values_list("pk", flat=True)) if hasattr(task, "groups") else []
    if not group_ids:
        return
    kwargs = {
        "group_ids": group_ids,
        "count": len(report.created),
        "bank_name": report.bank,
        "requested_by": (user.get_full_name() or user.get_username()) if user else "An import",
        "exclude_user_id": user.pk if user else None,
    }
    transaction.on_commit(
        lambda: async_task("training.tasks.send_review_request", save=False, **kwargs)
    )


def create_bank(*, name: str, user: AbstractBaseUser | None = None) -> QuestionBank:
    """A new bank as a draft with a first revision; it is drawn from once approved."""
    bank = QuestionBank(name=name, live=False)
    bank.save()
    bank.save_revision(user=user)
    return bank


def create_question(
    *, bank: QuestionBank, spec: GiftQuestion, user: AbstractBaseUser | None = None
) -> Question:
    """One draft question with its choices, tags and a first revision (not live: it goes
    through approval like any other)."""
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
    question.save_revision(user=user)
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
