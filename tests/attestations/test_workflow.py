"""Through the admin: an educator marks a change clinically significant and submits it; the
medical director's approval publishes it, and the retraining follows from that publish."""

import datetime

import pytest
from attestations.models import Attestation, ProtocolRevision
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from actions.models import Assignment
from content.protocol_form import WHAT_CHANGED_NEEDED
from organisation import groups
from tests.attestations.conftest import module_on, passed
from tests.factories import UserFactory

WHAT_CHANGED = "Consent is now recorded in the referral note."


@pytest.fixture
def educator(db):
    return UserFactory(username="evan", groups=[groups.STAFF, groups.EDUCATORS])


@pytest.fixture
def dana(db):
    return UserFactory(username="dana", groups=[groups.STAFF, groups.MEDICAL_DIRECTORS])


def edit_form(protocol, action: str, *, significant: bool, what_changed: str = "") -> dict:
    fields = {
        "title": protocol.title,
        "slug": protocol.slug,
        "summary": protocol.summary,
        "body": streamfield([("rich_text", rich_text("Record consent first."))]),
        "reviewed_on": "",
        "what_changed": what_changed,
    }
    if significant:
        fields["significant_change"] = "on"
    data = nested_form_data(fields)
    data[action] = "1"
    return data


def test_the_directors_approval_publishes_and_reassigns(
    client, protocol, training, nadia, educator, dana
):
    passed(nadia, module_on(training, protocol), at=timezone.now() - datetime.timedelta(days=40))
    edit = f"/admin/pages/{protocol.pk}/edit/"
    client.force_login(educator)
    form = client.get(edit).text
    assert (
        'name="significant_change"' in form
        and "checked" not in form.split('name="significant_change"')[1].split(">")[0]
    )
    client.post(
        edit, edit_form(protocol, "action-submit", significant=True, what_changed=WHAT_CHANGED)
    )
    assert not Assignment.objects.exists()  # nothing until the director approves

    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(protocol.pk))
    client.force_login(dana)
    response = client.post(
        f"/admin/pages/workflow/action/{protocol.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code == 302
    record = ProtocolRevision.objects.get(significant=True)
    assert record.what_changed == WHAT_CHANGED and record.published_by == dana
    assignment = Assignment.objects.get()
    assert assignment.staff == nadia and assignment.assigned_by == dana
    assert Attestation.objects.get().staff == nadia

    # The next edit starts unticked: the box was about that publish only.
    client.force_login(educator)
    form = client.get(edit).text
    assert "checked" not in form.split('name="significant_change"')[1].split(">")[0]


def test_a_significant_change_says_what_changed(client, protocol, educator):
    client.force_login(educator)
    response = client.post(
        f"/admin/pages/{protocol.pk}/edit/",
        edit_form(protocol, "action-submit", significant=True),
    )
    assert response.status_code == 200
    assert str(WHAT_CHANGED_NEEDED) in response.text
    assert not WorkflowState.objects.filter(object_id=str(protocol.pk)).exists()
