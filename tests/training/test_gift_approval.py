"""A GIFT import makes drafts and submits them (and a new bank) for approval in one step;
a dry run writes nothing; the approvers get one message for the whole import."""

from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry, Revision, TaskState, WorkflowState

from organisation import groups
from tests.factories import UserFactory
from tests.factories.training import QuestionBankFactory
from training import approval_mail
from training.bank_services import NO_WORKFLOW, import_gift
from training.models import Question, QuestionBank

pytestmark = pytest.mark.django_db
EVERY_CONSTRUCT = Path(__file__).with_name("every_construct.gift")


@pytest.fixture
def educator(db):
    return UserFactory(username="erin", email="erin@example.test", groups=[groups.EDUCATORS])


@pytest.fixture
def directors(db):
    return [
        UserFactory(
            username=f"dir{n}", email=f"dir{n}@example.test", groups=[groups.MEDICAL_DIRECTORS]
        )
        for n in (1, 2)
    ]


def written() -> dict[str, int]:
    return {
        "questions": Question.objects.count(),
        "banks": QuestionBank.objects.count(),
        "revisions": Revision.objects.count(),
        "workflow states": WorkflowState.objects.count(),
        "task states": TaskState.objects.count(),
        "log entries": ModelLogEntry.objects.count(),
    }


def test_import_submits_every_question_and_the_new_bank_in_one_step(educator, directors):
    report = import_gift(text=EVERY_CONSTRUCT.read_text(), bank_name="Laser safety", user=educator)
    bank = QuestionBank.objects.get(name="Laser safety")
    assert report.new_bank and report.submitted == 10 and len(report.created) == 9
    for obj in [bank, *bank.questions.all()]:
        assert not obj.live
        state = obj.current_workflow_state
        assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == educator
        assert state.current_task_state.revision_id == obj.latest_revision_id
    assert TaskState.objects.reviewable_by(directors[0]).count() == 10
    assert TaskState.objects.reviewable_by(educator).count() == 0


def test_the_director_finds_an_upload_awaiting_review(client, educator, directors):
    client.force_login(educator)
    upload = SimpleUploadedFile(
        "bank.gift", EVERY_CONSTRUCT.read_bytes(), content_type="text/plain"
    )
    response = client.post(reverse("training_gift_upload"), {"file": upload, "new_bank": "Laser"})
    assert "Imported and submitted for approval" in response.content.decode()
    client.force_login(directors[0])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in home
    assert "Cool first" in home and "Laser" in home


def test_import_into_an_approved_bank_submits_only_the_questions(educator):
    bank = QuestionBankFactory(name="Existing")
    report = import_gift(text=EVERY_CONSTRUCT.read_text(), bank_name="Existing", user=educator)
    bank.refresh_from_db()
    assert not report.new_bank and report.submitted == 9
    assert bank.live and bank.current_workflow_state is None


def test_dry_run_writes_nothing_and_mails_no_one(
    educator, directors, django_capture_on_commit_callbacks
):
    before = written()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = import_gift(
            text=EVERY_CONSTRUCT.read_text(), bank_name="Laser safety", dry_run=True, user=educator
        )
    assert len(report.created) == 9 and report.submitted == 10
    assert "would be submitted for approval" in "\n".join(report.lines())
    assert written() == before
    assert callbacks == [] and mail.outbox == []


def test_approvers_get_one_message_for_the_whole_import(
    educator, directors, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_gift(text=EVERY_CONSTRUCT.read_text(), bank_name="Laser safety", user=educator)
    assert len(callbacks) == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["dir1@example.test", "dir2@example.test"]
    message = mail.outbox[0]
    assert message.subject == "9 question(s) from 'Laser safety' await your review"
    assert reverse("wagtailadmin_home") in message.body
    assert message.body.startswith(f"{educator.get_full_name()} imported 9 question(s)")


def test_wagtail_still_mails_the_approvers_for_one_question_submitted_in_the_editor(
    client, educator, directors
):
    from tests.training.test_admin import question_post

    client.force_login(educator)
    bank = QuestionBankFactory()
    data = question_post(bank, "single", [100, 0], **{"action-submit": "1"})
    client.post(reverse("wagtailsnippets_training_question:add"), data)
    assert bank.questions.get().workflow_in_progress
    assert {m.to[0] for m in mail.outbox} >= {"dir1@example.test", "dir2@example.test"}
    mail.outbox.clear()
    with approval_mail.workflow_mail_held():
        client.post(reverse("wagtailsnippets_training_question:add"), data | {"stem": "Two?"})
    assert mail.outbox == []


def test_without_a_workflow_the_import_leaves_drafts_and_says_so(educator):
    from wagtail.models import WorkflowContentType

    WorkflowContentType.objects.all().delete()
    report = import_gift(text=EVERY_CONSTRUCT.read_text(), bank_name="Plain", user=educator)
    assert report.submitted == 0 and NO_WORKFLOW in report.lines()
    assert not Question.objects.filter(live=True).exists()
    assert not WorkflowState.objects.exists()


def test_command_submits_as_the_named_educator_and_dry_run_writes_nothing(educator):
    before = written()
    out = StringIO()
    call_command(
        "import_gift", str(EVERY_CONSTRUCT), "--bank", "Cmd", "--dry-run", "--submitted-by", "erin",
        stdout=out,
    )  # fmt: skip
    assert "Would import 9 question(s)" in out.getvalue() and written() == before
    out = StringIO()
    call_command(
        "import_gift", str(EVERY_CONSTRUCT), "--bank", "Cmd", "--submitted-by", "erin", stdout=out
    )
    assert "submitted for approval (Medical director approval)" in out.getvalue()
    states = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert states.count() == 10 and {s.requested_by for s in states} == {educator}
    with pytest.raises(CommandError, match="No active user"):
        call_command("import_gift", str(EVERY_CONSTRUCT), "--bank", "X", "--submitted-by", "nobody")
    UserFactory(username="sam-staff", groups=[groups.STAFF])
    with pytest.raises(CommandError, match="may not author questions"):
        call_command(
            "import_gift", str(EVERY_CONSTRUCT), "--bank", "X", "--submitted-by", "sam-staff"
        )
