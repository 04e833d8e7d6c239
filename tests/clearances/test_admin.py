"""Clearances in Wagtail admin: educators write them, only medical directors publish."""

from django.urls import reverse

from clearances.approval import grant_author_permissions
from organisation import groups
from tests.factories import StaffProfileFactory
from tests.factories.clearances import ClearanceFactory


def test_educators_write_clearances_and_only_directors_publish(client, fillers):
    grant_author_permissions()
    educator = StaffProfileFactory(user__groups=[groups.STAFF, groups.EDUCATORS]).user
    director = StaffProfileFactory(user__groups=[groups.STAFF, groups.MEDICAL_DIRECTORS]).user
    assert educator.has_perm("clearances.change_clearance")
    assert not educator.has_perm("clearances.publish_clearance")
    assert not educator.has_perm("clearances.delete_clearance")
    assert director.has_perm("clearances.publish_clearance")
    client.force_login(educator)
    assert client.get(reverse("wagtailsnippets_clearances_clearance:add")).status_code == 200
    edit = reverse("wagtailsnippets_clearances_clearance:edit", args=[fillers.pk])
    response = client.get(edit)
    assert response.status_code == 200
    assert b"Requirements" in response.content
    assert b"Minimum cleared per location" in response.content


def test_staff_cannot_reach_the_clearances_admin(client, db):
    ClearanceFactory()
    client.force_login(StaffProfileFactory().user)
    response = client.get(reverse("wagtailsnippets_clearances_clearance:list"))
    assert response.status_code in (302, 403)
