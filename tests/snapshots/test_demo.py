import datetime

from snapshots import demo
from snapshots.models import MonthEndSnapshot

from organisation.demo import seed_organisation

TODAY = datetime.date(2026, 3, 4)


def test_the_demo_has_the_last_two_month_ends_at_each_location_once(db):
    profiles = seed_organisation(today=TODAY)
    for _ in range(2):
        demo.seed(today=TODAY, profiles=profiles, publisher=profiles["director"].user)
    ends = MonthEndSnapshot.objects.values_list("location__slug", "month_end")
    assert sorted(ends) == sorted(
        (slug, day)
        for slug in ("brookline", "oak-park", "pasadena")
        for day in (datetime.date(2026, 1, 31), datetime.date(2026, 2, 28))
    )
    brookline = MonthEndSnapshot.objects.filter(location__slug="brookline").first()
    assert brookline.staff_count > 5 and bytes(brookline.pdf).startswith(b"%PDF")
    demo.reset()
    assert not MonthEndSnapshot.objects.exists()
