import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from organisation.policies import (
    about_managed_staff,
    about_visible_staff,
    can_manage_staff,
    can_see_staff,
    is_manager,
    managed_locations,
    managed_staff,
    visible_staff,
)
from organisation.selectors import staff_for_viewer
from tests.factories import LocationFactory, ManagerFactory, StaffProfileFactory, UserFactory


@pytest.fixture
def clinic(db):
    north, south, east = LocationFactory.create_batch(3)
    return {
        "north": north,
        "south": south,
        "east": east,
        "ann": StaffProfileFactory(home_location=north),
        "bo": StaffProfileFactory(home_location=south),
        "cy": StaffProfileFactory(home_location=east),
        "floater": StaffProfileFactory(home_location=north, locations=[north, east]),
        "north_manager": ManagerFactory(home_location=north),
        "regional": ManagerFactory(home_location=north, managed_locations=[north, south]),
    }


def test_manager_sees_only_their_locations_staff(clinic):
    seen = set(visible_staff(clinic["north_manager"].user))
    assert clinic["ann"] in seen and clinic["floater"] in seen
    assert clinic["bo"] not in seen and clinic["cy"] not in seen


def test_regional_manager_sees_every_location_they_manage(clinic):
    seen = set(visible_staff(clinic["regional"].user))
    assert {clinic["ann"], clinic["bo"], clinic["floater"]} <= seen
    assert clinic["cy"] not in seen


def test_staff_member_sees_only_themselves(clinic):
    assert list(visible_staff(clinic["ann"].user)) == [clinic["ann"]]
    assert not is_manager(clinic["ann"].user)


def test_someone_at_two_locations_is_listed_once(clinic):
    regional = ManagerFactory(
        home_location=clinic["north"], managed_locations=[clinic["north"], clinic["east"]]
    )
    ids = list(visible_staff(regional.user).values_list("pk", flat=True))
    assert ids.count(clinic["floater"].pk) == 1


def test_per_object_check_agrees_with_the_queryset(clinic):
    people = [v for v in clinic.values() if hasattr(v, "user")]
    for viewer in people:
        visible = set(visible_staff(viewer.user))
        for person in people:
            assert can_see_staff(viewer.user, person) == (person in visible)


def test_lookup_gives_the_same_404_for_missing_and_not_yours(clinic):
    manager = clinic["north_manager"].user
    assert staff_for_viewer(manager, clinic["ann"].pk) == clinic["ann"]
    with pytest.raises(Http404) as not_yours:
        staff_for_viewer(manager, clinic["bo"].pk)
    with pytest.raises(Http404) as missing:
        staff_for_viewer(manager, 999_999)
    assert str(not_yours.value) == str(missing.value)


def test_anonymous_and_superuser(clinic):
    assert not visible_staff(AnonymousUser()).exists()
    assert not managed_locations(AnonymousUser()).exists()
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert visible_staff(admin).count() == 6
    assert is_manager(admin)


def test_a_manager_acts_on_their_locations_staff_but_never_on_themselves(clinic):
    manager = clinic["north_manager"]
    acted_on = set(managed_staff(manager.user))
    assert clinic["ann"] in acted_on and clinic["floater"] in acted_on
    assert manager not in acted_on and clinic["bo"] not in acted_on
    assert can_manage_staff(manager.user, clinic["ann"])
    assert not can_manage_staff(manager.user, manager)  # their own manager does
    assert not can_manage_staff(manager.user, clinic["bo"])
    # The regional manager is the one who acts on the local manager.
    assert can_manage_staff(clinic["regional"].user, manager)
    assert not can_manage_staff(AnonymousUser(), clinic["ann"])


def test_rows_about_people_are_filtered_by_the_same_rule(clinic):
    from organisation.models import AuditEntry
    from organisation.services import record_audit

    for person in ("ann", "bo", "cy"):
        record_audit(
            staff=clinic[person], action="test.row", summary=person, at=None or _now(), actor=None
        )
    rows = AuditEntry.objects.filter(action="test.row")
    seen = {e.summary for e in about_visible_staff(clinic["north_manager"].user, rows)}
    managed = {e.summary for e in about_managed_staff(clinic["regional"].user, rows)}
    own = {e.summary for e in about_visible_staff(clinic["bo"].user, rows)}
    assert (seen, managed, own) == ({"ann"}, {"ann", "bo"}, {"bo"})


def _now():
    from django.utils import timezone

    return timezone.now()
