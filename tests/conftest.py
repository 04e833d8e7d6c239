import datetime

import pytest
from wagtail.models import Site

from content import page_tree
from content.demo import wagtail_roots
from content.services import put_under_medical_director_approval
from tests.factories import (
    HomePageFactory,
    LocationFactory,
    ManagerFactory,
    ProtocolIndexPageFactory,
)


@pytest.fixture(autouse=True)
def _fresh_page_tree():
    """content.page_tree keeps what it read of the page tree until a change signals; a test's
    rows vanish in a rollback that signals nothing, so every test starts with a new token."""
    page_tree.forget()


@pytest.fixture(autouse=True)
def _wagtail_rows(request):
    """Wagtail's migrations write a root page, a root collection and a locale that much of the
    code takes for granted; a live-server test's flush removes them for every later test on
    its worker, so each database test starts with them made again where missing."""
    if request.node.get_closest_marker("django_db") or "_django_db_helper" in request.fixturenames:
        request.getfixturevalue("_django_db_helper")
        wagtail_roots()


@pytest.fixture
def now():
    """A fixed instant, late on a Tuesday evening in New York (already Wednesday in UTC)."""
    return datetime.datetime(2026, 3, 4, 2, 30, tzinfo=datetime.UTC)


@pytest.fixture
def home_page(db):
    """A HomePage as the default site's root, as seed_demo makes it."""
    root = wagtail_roots()
    home = HomePageFactory(parent=root, slug="readyroom")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def library(home_page):
    """The protocol library, under medical director approval."""
    index = ProtocolIndexPageFactory(parent=home_page, slug="protocols")
    put_under_medical_director_approval(page=index)
    return index


# Two locations in two time zones, each with its manager: the shape of every test that a
# manager sees their own location's records and never the other's. A folder's conftest may
# define its own under the same names.
@pytest.fixture
def north(db):
    return LocationFactory(slug="north", name="North", time_zone="America/New_York")


@pytest.fixture
def south(db):
    return LocationFactory(slug="south", name="South", time_zone="America/Los_Angeles")


@pytest.fixture
def maria(north):
    """North's manager."""
    return ManagerFactory(home_location=north, user__first_name="Maria")


@pytest.fixture
def oscar(south):
    """South's manager: never sees North's records."""
    return ManagerFactory(home_location=south, user__first_name="Oscar")
