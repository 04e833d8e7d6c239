import datetime

import pytest
from wagtail.models import Page, Site

from content.services import put_under_medical_director_approval
from tests.factories import HomePageFactory, ProtocolIndexPageFactory


@pytest.fixture
def now():
    """A fixed instant, late on a Tuesday evening in New York (already Wednesday in UTC)."""
    return datetime.datetime(2026, 3, 4, 2, 30, tzinfo=datetime.UTC)


@pytest.fixture
def home_page(db):
    """A HomePage as the default site's root, as seed_demo makes it."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="readyroom")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def library(home_page):
    """The protocol library, under medical director approval."""
    index = ProtocolIndexPageFactory(parent=home_page, slug="protocols")
    put_under_medical_director_approval(page=index)
    return index
