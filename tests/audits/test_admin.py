"""Audit checklists in Wagtail admin: educators and directors write them; staff cannot."""

from audits.checklists import grant_author_permissions
from django.urls import reverse

from organisation import groups
from tests.factories import StaffProfileFactory


def test_educators_write_a_procedures_checklist_with_its_own_items(client, checklist):
    grant_author_permissions()
    educator = StaffProfileFactory(user__groups=[groups.STAFF, groups.EDUCATORS]).user
    assert educator.has_perm("audits.change_auditchecklist")
    client.force_login(educator)
    assert client.get(reverse("wagtailsnippets_audits_auditchecklist:add")).status_code == 200
    edit = client.get(reverse("wagtailsnippets_audits_auditchecklist:edit", args=[checklist.pk]))
    assert edit.status_code == 200
    assert "The protocol&#x27;s own items" in edit.text and "Test patch recorded" in edit.text


def test_staff_cannot_reach_the_checklists_admin(client, checklist):
    client.force_login(StaffProfileFactory().user)
    response = client.get(reverse("wagtailsnippets_audits_auditchecklist:list"))
    assert response.status_code in (302, 403)
