"""The action pages hold a fixed number of queries however many requirements, exemptions and
assignments the person has."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actions.models import Assignment, Exemption
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRequirementFactory,
    CertificationTypeFactory,
)
from tests.factories.training import TrainingIndexPageFactory, module_with_questions

# The session, user and viewer, the manager check, the person, the providers' reads (four of
# certifications, training's, drills', the assignments and what was done about them, the
# assigned pages, the attestations provider's two), exemptions in force, the layout. The nudge
# page reads the same.
EXEMPT_PAGE_QUERIES = 17
# The staff record's (tests/dashboard/test_manage.py) with the assignments, exemptions in
# force and the panel's open exemptions, and the assigned pages and their passes, and the
# attestations provider's two.
RECORD_QUERIES = 29


def _person(home_page, size: int):
    north = LocationFactory(slug="north")
    role = JobRoleFactory(slug="injector")
    sam = StaffProfileFactory(home_location=north, roles=[role])
    manager = ManagerFactory(home_location=north)
    index = TrainingIndexPageFactory(parent=home_page)
    today = timezone.now().date()
    for n in range(size):
        kind = CertificationTypeFactory(code=f"C{n}", name=f"Card {n}")
        CertificationRequirementFactory(role=role, certification_type=kind)
        Exemption.objects.create(
            staff=sam,
            kind="certification",
            requirement_key=f"C{n}",
            label=f"Card {n}",
            reason="Leave",
            starts_on=today - datetime.timedelta(days=1),
            ends_on=today + datetime.timedelta(days=30),
            granted_by=manager.user,
            granted_at=timezone.now(),
        )
        module = module_with_questions(index, title=f"Module {n}", slug=f"m{n}", count=1)
        Assignment.objects.create(
            staff=sam,
            what="module",
            page=module,
            title=module.title,
            assigned_on=today,
            due_on=today + datetime.timedelta(days=20),
            assigned_by=manager.user,
            assigned_at=timezone.now(),
        )
    return sam, manager


@pytest.mark.parametrize("size", [1, 8])
def test_exempt_page_and_record_hold_their_queries(
    client, home_page, size, django_assert_max_num_queries
):
    sam, manager = _person(home_page, size)
    client.force_login(manager.user)
    client.get(reverse("dashboard:manage"))  # the page tree is read once, by the first page
    with django_assert_max_num_queries(EXEMPT_PAGE_QUERIES):
        page = client.get(reverse("actions:exempt", args=[sam.pk]))
    assert page.content.decode().count('value="certification|C') == size
    with django_assert_max_num_queries(EXEMPT_PAGE_QUERIES):
        nudge = client.get(reverse("actions:nudge", args=[sam.pk]))
    assert nudge.content.decode().count('value="assigned|module:') == size
    with django_assert_max_num_queries(RECORD_QUERIES):
        record = client.get(reverse("dashboard:staff_record", args=[sam.pk]))
    html = record.content.decode()
    assert html.count("/revoke/") == size
    assert html.count('status--exempt">Exempt until') >= size
