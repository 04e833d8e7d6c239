import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from content.models import ProtocolPage
from content.services import APPROVAL_WORKFLOW, put_under_medical_director_approval
from organisation import groups
from tests.factories import ProtocolPageFactory, UserFactory


@pytest.fixture
def educator(db):
    return UserFactory(username="evan", groups=[groups.STAFF, groups.EDUCATORS])


@pytest.fixture
def director(db):
    return UserFactory(username="dana", groups=[groups.STAFF, groups.MEDICAL_DIRECTORS])


def protocol_form(action: str, title: str = "Cold injury after cryolipolysis") -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": "cold-injury",
            "summary": "Recognising and managing cold injury.",
            "body": streamfield([("rich_text", rich_text("Stop and rewarm gently."))]),
            "reviewed_on": "",
        }
    )
    data[action] = "1"
    return data


def test_protocols_inherit_the_medical_director_workflow(library):
    protocol = ProtocolPageFactory(parent=library)
    assert protocol.get_workflow().name == APPROVAL_WORKFLOW


def test_educator_may_edit_but_not_publish(library, educator, director):
    protocol = ProtocolPageFactory(parent=library)
    assert protocol.permissions_for_user(educator).can_edit()
    assert not protocol.permissions_for_user(educator).can_publish()
    assert protocol.permissions_for_user(director).can_publish()


def test_educator_publish_saves_a_draft_and_publishes_nothing(client, library, educator):
    client.force_login(educator)
    response = client.post(
        f"/admin/pages/add/content/protocolpage/{library.pk}/", protocol_form("action-publish")
    )
    assert response.status_code == 302
    page = ProtocolPage.objects.get(slug="cold-injury")
    assert not page.live
    assert page.has_unpublished_changes


def test_submitted_change_goes_live_only_when_the_director_approves(
    client, library, educator, director
):
    client.force_login(educator)
    client.post(
        f"/admin/pages/add/content/protocolpage/{library.pk}/", protocol_form("action-submit")
    )
    page = ProtocolPage.objects.get(slug="cold-injury")
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.live

    task_state = state.current_task_state
    actions = [name for name, *_ in task_state.task.specific.get_actions(page, educator)]
    assert "approve" not in actions  # an educator cannot approve their own change

    client.force_login(director)
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_putting_a_library_under_approval_twice_changes_nothing(library):
    from wagtail.models import GroupPagePermission, WorkflowPage

    before = (GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    put_under_medical_director_approval(page=library)
    assert (GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == before
