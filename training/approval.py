"""Questions and banks under the medical director's approval: the protocol pages' workflow,
assigned to both snippet types, and the two steps the code takes itself (submit, approve).

Nothing reaches a learner unapproved: a quiz draws only live questions of live banks
(training.services.question_pool), an object becomes live only when a revision is published,
educators may not publish, and the workflow's last approval publishes. While a question or
bank is live, Wagtail saves edits as revisions and leaves the row as approved, so an edit
awaiting approval changes nothing a learner sees until the director approves it.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS, transaction
from wagtail.models import Workflow, WorkflowState

from content.services import put_snippets_under_approval
from training.models import Question, QuestionBank

UNDER_APPROVAL = (Question, QuestionBank)
NOT_A_REVIEWER = "Only a member of the approving group may approve this."
NOTHING_TO_APPROVE = "This is not awaiting approval."


def put_questions_under_approval(*, using: str = DEFAULT_DB_ALIAS, **kwargs) -> Workflow | None:
    """Assign the medical director's workflow to questions and banks (post_migrate, idempotent).

    A content type that already has a workflow keeps it, so an administrator's own choice in
    Settings, Workflows survives the next migrate.
    """
    return put_snippets_under_approval(*UNDER_APPROVAL, using=using)


@transaction.atomic
def submit_for_approval(
    *, obj: Question | QuestionBank, user: AbstractBaseUser | None
) -> WorkflowState | None:
    """Put `obj`'s latest revision in front of the approvers, as the admin's "Submit" does.

    Resumes a workflow sent back with "Request changes"; an object already in moderation stays
    where it is. Returns the workflow state, or None when no workflow is assigned to the type
    (the draft then waits for someone allowed to publish).
    """
    workflow = obj.get_workflow()
    if workflow is None:
        return None
    state = obj.current_workflow_state
    if state is None:
        return workflow.start(obj, user)
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    return state


@transaction.atomic
def approve(*, obj: Question | QuestionBank, user: AbstractBaseUser, comment: str = "") -> None:
    """Approve `obj`'s current task as `user`, as the dashboard's "Approve" does; the last
    task's approval publishes the revision under review.

    Raises PermissionDenied when nothing awaits approval or `user` is not one of the approvers.
    """
    task_state = obj.current_workflow_task_state
    if task_state is None:
        raise PermissionDenied(NOTHING_TO_APPROVE)
    task = task_state.task.specific
    if "approve" not in {name for name, _, _ in task.get_actions(obj, user)}:
        raise PermissionDenied(NOT_A_REVIEWER)
    task.on_action(task_state, user, "approve", comment=comment)
