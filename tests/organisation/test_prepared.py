"""organisation.prepared: a query compiled once answers what the ORM answers, every time."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count

from organisation.models import Location, StaffProfile
from organisation.prepared import PreparedQuery
from tests.factories import LocationFactory, StaffProfileFactory

profiles = PreparedQuery(
    lambda pk: (
        StaffProfile.objects.select_related("user", "home_location")
        .annotate(roles_held=Count("roles"))
        .filter(pk=pk)
    )
)
names = PreparedQuery(
    lambda usernames: (
        get_user_model()
        .objects.filter(username__in=usernames)
        .order_by("username")
        .values_list("username", "is_active")
    )
)
slugs = PreparedQuery(
    lambda name: Location.objects.filter(name=name).values_list("slug", flat=True)
)


def test_models_come_back_as_the_orm_builds_them(db, django_assert_num_queries):
    first, second = StaffProfileFactory(), StaffProfileFactory(user__is_active=False)
    for person in (first, second, first):
        with django_assert_num_queries(1):
            found = profiles.first(person.pk)
        expected = profiles._build(person.pk).get()
        assert found == expected and found.__dict__.keys() == expected.__dict__.keys()
        assert found.roles_held == expected.roles_held
        assert (found.user.username, found.user.is_active) == (
            expected.user.username,
            expected.user.is_active,
        )
        assert found.home_location == expected.home_location
        assert found._state.adding is False and found._state.db == "default"
    assert profiles.first(10**6) is None
    # One plan for ints, made once: the values went in as the SQL's parameters.
    assert list(profiles._plans) == [("default", (int,))]


def test_lists_and_tuples_are_planned_per_length(db):
    people = [StaffProfileFactory(user__username=f"p{n}").user for n in range(3)]
    assert names.all(["p2", "p0"]) == [("p0", True), ("p2", True)]
    assert names.all(["p1"]) == [("p1", True)]
    people[1].is_active = False
    people[1].save()
    assert names.all(["p1", "p2", "nobody"]) == [("p1", False), ("p2", True)]
    assert sorted(shape for _, shape in names._plans) == [
        ((str,),),
        ((str, str),),
        ((str, str, str),),
    ]


def test_flat_values_and_values_it_cannot_plan_still_answer(db):
    LocationFactory(name="Brookline", slug="brookline")
    assert slugs.all("Brookline") == ["brookline"]
    # An empty list, None or a boolean goes through the ORM as written.
    assert names.all([]) == []
    assert slugs.all(None) == []
    assert ("default", None) not in slugs._plans


def test_a_value_the_field_refuses_is_refused_as_the_orm_refuses_it_and_not_planned(db):
    with pytest.raises(ValueError):
        profiles.first("not a number")
    assert ("default", (str,)) not in profiles._plans
