"""The demo clinic's coverage minimums: each location keeps two ACLS-current injectors."""

from datetime import date

from dashboard.models import CoverageMinimum
from organisation.models import JobRole, Location


def seed(*, today: date, profiles: dict, publisher) -> None:
    injector = JobRole.objects.get(slug="injector")
    laser = JobRole.objects.get(slug="laser-technician")
    for location in Location.objects.filter(slug__in=["brookline", "oak-park", "pasadena"]):
        CoverageMinimum.objects.get_or_create(
            location=location, certification_code="ACLS", role=injector, defaults={"minimum": 2}
        )
        CoverageMinimum.objects.get_or_create(
            location=location, certification_code="LSO", role=laser, defaults={"minimum": 1}
        )


def reset() -> None:
    CoverageMinimum.objects.filter(
        location__slug__in=["brookline", "oak-park", "pasadena"]
    ).delete()
