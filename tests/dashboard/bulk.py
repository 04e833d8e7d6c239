"""Many staff fast (bulk inserts), for query-count tests and the benchmark."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from organisation.models import JobRole, Location, StaffProfile


def bulk_staff(
    *, count: int, location: Location, roles: list[JobRole], prefix: str = "bulk"
) -> list[StaffProfile]:
    """`count` active staff at `location`, each holding every one of `roles`."""
    User = get_user_model()
    password = make_password(None)
    users = User.objects.bulk_create(
        [
            User(
                username=f"{prefix}{i}",
                first_name=f"First{i}",
                last_name=f"Last{i:05d}",
                email=f"{prefix}{i}@bulk.test",
                password=password,
            )
            for i in range(count)
        ]
    )
    users = list(User.objects.filter(username__startswith=prefix).order_by("pk"))
    StaffProfile.objects.bulk_create(
        [
            StaffProfile(user=u, home_location=location, hire_date=datetime.date(2020, 1, 1))
            for u in users
        ]
    )
    profiles = list(StaffProfile.objects.filter(user__in=users).order_by("pk"))
    StaffProfile.locations.through.objects.bulk_create(
        [StaffProfile.locations.through(staffprofile=p, location=location) for p in profiles]
    )
    StaffProfile.roles.through.objects.bulk_create(
        [StaffProfile.roles.through(staffprofile=p, jobrole=r) for p in profiles for r in roles]
    )
    return profiles
