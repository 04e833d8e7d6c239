import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from organisation import groups
from organisation.models import JobRole, Location, StaffProfile

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@clinic.test")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set([Group.objects.get_or_create(name=name)[0] for name in extracted])


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Clinic {n}")
    slug = factory.Sequence(lambda n: f"clinic-{n}")
    time_zone = "America/New_York"


class JobRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobRole
        django_get_or_create = ("slug",)

    name = factory.LazyAttribute(lambda r: r.slug.replace("-", " ").capitalize())
    slug = factory.Sequence(lambda n: f"role-{n}")


class StaffProfileFactory(factory.django.DjangoModelFactory):
    """A staff member working at `home_location` (and any `locations` given)."""

    class Meta:
        model = StaffProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, groups=[groups.STAFF])
    home_location = factory.SubFactory(LocationFactory)
    hire_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=400))

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            extracted = [self.home_location] if self.home_location else []
        self.locations.set(extracted)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.roles.set(extracted)

    @factory.post_generation
    def managed_locations(self, create, extracted, **kwargs):
        if create and extracted:
            self.managed_locations.set(extracted)


class ManagerFactory(StaffProfileFactory):
    """A manager of their home location (pass managed_locations for a regional manager)."""

    user = factory.SubFactory(UserFactory, groups=[groups.STAFF, groups.MANAGERS])

    @factory.post_generation
    def managed_locations(self, create, extracted, **kwargs):
        if create:
            self.managed_locations.set(extracted or [self.home_location])
