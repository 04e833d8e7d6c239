"""Audit checklists in Wagtail admin: educators write them, only medical directors publish, and
a round starts only from a published (approved) checklist."""

import pytest
from audits import services
from audits.approval import grant_author_permissions, put_checklists_under_approval
from audits.forms import RoundForm
from audits.models import AuditChecklist
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisation import groups
from tests.audits.conftest import TODAY
from tests.factories import StaffProfileFactory


def test_educators_write_checklists_and_only_directors_publish(client, checklist):
    grant_author_permissions()
    workflow = put_checklists_under_approval()
    assert checklist.get_workflow() == workflow
    educator = StaffProfileFactory(user__groups=[groups.STAFF, groups.EDUCATORS]).user
    director = StaffProfileFactory(user__groups=[groups.STAFF, groups.MEDICAL_DIRECTORS]).user
    assert educator.has_perm("audits.change_auditchecklist")
    assert not educator.has_perm("audits.publish_auditchecklist")
    assert not educator.has_perm("audits.delete_auditchecklist")
    assert director.has_perm("audits.publish_auditchecklist")
    client.force_login(educator)
    assert client.get(reverse("wagtailsnippets_audits_auditchecklist:add")).status_code == 200
    edit = client.get(reverse("wagtailsnippets_audits_auditchecklist:edit", args=[checklist.pk]))
    assert edit.status_code == 200
    assert "The protocol&#x27;s own items" in edit.text and "Test patch recorded" in edit.text


def test_staff_cannot_reach_the_checklists_admin(client, checklist):
    client.force_login(StaffProfileFactory().user)
    response = client.get(reverse("wagtailsnippets_audits_auditchecklist:list"))
    assert response.status_code in (302, 403)


def test_a_checklist_not_yet_approved_starts_no_round(checklist, north, maria, now):
    AuditChecklist.objects.filter(pk=checklist.pk).update(live=False)
    checklist.refresh_from_db()
    form = RoundForm(user=maria.user)
    assert checklist not in form.fields["checklist"].queryset
    with pytest.raises(ValidationError) as caught:
        services.start_round(
            location=north, checklist=checklist, audited_on=TODAY, auditor=maria, now=now
        )
    assert caught.value.message_dict == {"checklist": [str(services.NOT_APPROVED)]}
