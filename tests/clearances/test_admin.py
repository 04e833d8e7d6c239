"""Clearances in Wagtail admin: educators write them, only medical directors publish."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clearances.approval import grant_author_permissions
from clearances.models import ONE_TARGET, ClearanceRequirement
from organisation import groups
from tests.factories import StaffProfileFactory
from tests.factories.clearances import ClearanceFactory
from tests.factories.training import TrainingIndexPageFactory, TrainingModulePageFactory


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


def test_a_requirement_names_exactly_one_thing_and_recency_for_modules_and_drills(bls, home_page):
    module = TrainingModulePageFactory(parent=TrainingIndexPageFactory(parent=home_page))
    with pytest.raises(ValidationError, match=str(ONE_TARGET)):
        ClearanceRequirement().clean()
    with pytest.raises(ValidationError, match=str(ONE_TARGET)):
        ClearanceRequirement(certification_type=bls, module=module, within_months=12).clean()
    with pytest.raises(ValidationError) as missing:
        ClearanceRequirement(module=module).clean()
    assert "within_months" in missing.value.message_dict
    ClearanceRequirement(certification_type=bls).clean()
    ClearanceRequirement(module=module, within_months=12).clean()
