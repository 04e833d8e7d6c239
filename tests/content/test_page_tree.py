"""content.page_tree: what every page asks of the page tree (the site, private pages, the
protocol library) is read once, and read again after any change to the tree."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from content.page_tree import TOKEN_KEY
from tests.factories import ProtocolIndexPageFactory, ProtocolPageFactory, StaffProfileFactory

TREE_TABLES = ("wagtailcore_site", "wagtailcore_pageviewrestriction")


@pytest.fixture
def reader(client, db):
    client.force_login(StaffProfileFactory().user)
    return client


def asked(captured, table: str) -> int:
    return sum(f'"{table}"' in query["sql"] for query in captured.captured_queries)


def test_after_the_first_page_none_asks_for_the_site_or_private_pages(reader, library):
    protocol = ProtocolPageFactory(parent=library, slug="burns", title="Laser burns")
    reader.get(protocol.url)

    for url in (protocol.url, library.url, "/", "/my/training/"):
        with CaptureQueriesContext(connection) as captured:
            response = reader.get(url)
        assert response.status_code == 200, url
        assert [asked(captured, table) for table in TREE_TABLES] == [0, 0], url
        assert 'href="/protocols/"' in response.content.decode(), url
    assert "Laser burns" in reader.get(protocol.url).content.decode()


def test_a_page_made_private_asks_for_its_password_at_the_next_request(reader, library):
    protocol = ProtocolPageFactory(parent=library, slug="burns", title="Laser burns")
    assert "Laser burns" in reader.get(protocol.url).content.decode()

    restriction = PageViewRestriction.objects.create(
        page=library, restriction_type=PageViewRestriction.PASSWORD, password="cool-water"
    )
    html = reader.get(protocol.url).content.decode()
    assert 'name="password"' in html and "Laser burns" not in html

    restriction.delete()
    assert "Laser burns" in reader.get(protocol.url).content.decode()


def test_the_navigation_follows_the_protocol_library_when_it_moves_or_goes(reader, home_page):
    assert 'href="/protocols/"' not in reader.get("/my/training/").content.decode()
    library = ProtocolIndexPageFactory(parent=home_page, slug="protocols")
    assert 'href="/protocols/"' in reader.get("/my/training/").content.decode()

    library.slug = "library"
    library.save_revision().publish()
    html = reader.get("/my/training/").content.decode()
    assert 'href="/library/"' in html and 'href="/protocols/"' not in html

    library.unpublish()
    assert 'href="/library/"' not in reader.get("/my/training/").content.decode()


def test_a_site_added_for_another_host_answers_at_once(reader, library, settings):
    settings.ALLOWED_HOSTS = ["testserver", "protocols.clinic.test"]
    assert reader.get("/", HTTP_HOST="protocols.clinic.test").context["page"].specific.pk != (
        library.pk
    )

    Site.objects.create(hostname="protocols.clinic.test", port=80, root_page=library)
    response = reader.get("/", HTTP_HOST="protocols.clinic.test")
    assert response.status_code == 200 and response.context["page"].pk == library.pk


def test_a_change_replaces_the_token_now_and_again_when_it_commits(
    library, django_capture_on_commit_callbacks
):
    before = cache.get(TOKEN_KEY)
    with django_capture_on_commit_callbacks(execute=False) as on_commit:
        library.title = "Protocols and checklists"
        library.save()
    meanwhile = cache.get(TOKEN_KEY)
    # A request between the save and the commit may have read the old rows under `meanwhile`.
    for callback in on_commit:
        callback()
    assert len({before, meanwhile, cache.get(TOKEN_KEY)}) == 3


def test_rows_outside_the_tree_leave_the_token(library):
    before = cache.get(TOKEN_KEY)
    StaffProfileFactory()
    assert cache.get(TOKEN_KEY) == before


def test_without_the_cache_pages_are_routed_as_wagtail_does(reader, library, settings):
    settings.READYROOM_PAGE_TREE_CACHE = False
    protocol = ProtocolPageFactory(parent=library, slug="burns", title="Laser burns")
    reader.get(protocol.url)

    with CaptureQueriesContext(connection) as captured:
        html = reader.get(protocol.url).content.decode()
    assert "Laser burns" in html and 'href="/protocols/"' in html
    assert asked(captured, "wagtailcore_site") == 1
