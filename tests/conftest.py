import datetime

import pytest
from wagtail.models import Collection, Locale, Page, Site

from content import page_tree
from content.services import put_under_medical_director_approval
from tests.factories import HomePageFactory, ProtocolIndexPageFactory


@pytest.fixture(autouse=True)
def _fresh_page_tree():
    """content.page_tree keeps what it read of the page tree until a change signals; a test's
    rows vanish in a rollback that signals nothing, so every test starts with a new token."""
    page_tree.forget()


@pytest.fixture
def now():
    """A fixed instant, late on a Tuesday evening in New York (already Wednesday in UTC)."""
    return datetime.datetime(2026, 3, 4, 2, 30, tzinfo=datetime.UTC)


def _wagtail_roots() -> Page:
    """The rows Wagtail's migrations make (locale, root page, root collection), made again
    when a live-server test's flush has removed them. Returns the root page."""
    locale, _ = Locale.objects.get_or_create(language_code="en")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


@pytest.fixture
def home_page(db):
    """A HomePage as the default site's root, as seed_demo makes it."""
    root = _wagtail_roots()
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
