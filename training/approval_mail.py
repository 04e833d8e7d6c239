"""Approval mail for work done in bulk: one message for an import, not one per question.

Wagtail mails the approvers when anything is submitted, and the requester when it is approved
or sent back, from inside the transaction, once per object. A GIFT import of 40 questions
would mail every director 40 times while the import holds its transaction open (and wait on
a slow mail server for each), and the demo's approvals would print a hundred messages. So
Wagtail's four workflow mailers are wrapped (installed by TrainingConfig.ready()) to stay
quiet inside `workflow_mail_held()`; everything else, pages included, is mailed as before.
A bulk import then queues one message to the approvers after its commit.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from organisation.links import absolute_url

_held: ContextVar[bool] = ContextVar("training_workflow_mail_held", default=False)


@contextmanager
def workflow_mail_held() -> Iterator[None]:
    """Inside this block Wagtail sends no workflow mail (this thread or task only)."""
    token = _held.set(True)
    try:
        yield
    finally:
        _held.reset(token)


def _unless_held(notifier):
    def receiver(**kwargs):
        return None if _held.get() else notifier(**kwargs)

    return receiver


def hold_wagtail_workflow_mail_in_bulk() -> None:
    """Put each of Wagtail's workflow mailers behind `workflow_mail_held()`.

    Connected under Wagtail's own dispatch uids: whichever app is ready first, exactly one
    receiver per signal remains (Django ignores a second connect with the same uid).
    """
    from wagtail.admin import signal_handlers as wagtail_mail

    mailers = (
        (task_submitted, TaskState, "group_approval_task_submitted_email_notification",
         wagtail_mail.task_submission_email_notifier),
        (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification",
         wagtail_mail.workflow_submission_email_notifier),
        (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification",
         wagtail_mail.workflow_rejection_email_notifier),
        (workflow_approved, WorkflowState, "workflow_state_approved_email_notification",
         wagtail_mail.workflow_approval_email_notifier),
    )  # fmt: skip
    for signal, sender, uid, notifier in mailers:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(_unless_held(notifier), sender=sender, dispatch_uid=uid, weak=False)


def review_request_text(*, count: int, bank_name: str, requested_by: str) -> tuple[str, str]:
    """The subject and body of the one message an import sends the approvers."""
    subject = f"{count} question(s) from {bank_name!r} await your review"
    body = (
        f"{requested_by} imported {count} question(s) into the question bank {bank_name!r} and "
        "submitted them for the medical director's approval. Learners see none of them until "
        "they are approved.\n\n"
        f"Review them under 'Awaiting your review': {absolute_url(reverse('wagtailadmin_home'))}\n"
    )
    return subject, body


def send_review_request(
    *, group_ids: list[int], count: int, bank_name: str, requested_by: str, exclude_user_id=None
) -> int:
    """Mail the active members of the approving groups who have an address; how many got it."""
    recipients = sorted(
        set(
            get_user_model()
            .objects.filter(groups__in=group_ids, is_active=True)
            .exclude(email="")
            .exclude(pk=exclude_user_id)
            .values_list("email", flat=True)
        )
    )
    if not recipients:
        return 0
    subject, body = review_request_text(count=count, bank_name=bank_name, requested_by=requested_by)
    for address in recipients:
        send_mail(subject, body, None, [address])
    return len(recipients)
