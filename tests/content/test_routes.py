"""Routing by url_path (content/routes.py) finds what Wagtail's level-by-level walk finds."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page

from content.routes import route_by_url_path
from tests.factories import ProtocolIndexPageFactory, ProtocolPageFactory
from tests.factories.drills import DrillIndexPageFactory, DrillScenarioPageFactory
from tests.factories.training import TrainingIndexPageFactory, module_with_questions


@pytest.fixture
def request_(db):
    return RequestFactory().get("/")


def walk(root, request, path):
    """Wagtail's own routing, one level at a time."""
    return Page.route(root, request, [c for c in path.split("/") if c])


def routed(home_page, request, path, django_assert_num_queries, queries):
    with django_assert_num_queries(queries):
        return home_page.route(request, [c for c in path.split("/") if c])


def test_a_module_sub_route_routes_as_wagtail_does_in_two_queries(
    home_page, request_, django_assert_num_queries
):
    module = module_with_questions(TrainingIndexPageFactory(parent=home_page), slug="burns")

    found = routed(home_page, request_, "training/burns/quiz/", django_assert_num_queries, 2)

    expected = walk(home_page, request_, "training/burns/quiz/")
    assert found.page == expected.page == module
    assert type(found.page) is type(expected.page)
    view, args, kwargs = found.args
    assert view.__name__ == expected.args[0].__name__ == "quiz"
    assert (args, kwargs) == tuple(expected.args[1:])


def test_depth_does_not_add_queries(home_page, request_, django_assert_num_queries):
    library = ProtocolIndexPageFactory(parent=home_page, slug="protocols")
    protocol = ProtocolPageFactory(parent=library, slug="laser-burn")

    assert routed(home_page, request_, "protocols/", django_assert_num_queries, 2).page == library
    found = routed(home_page, request_, "protocols/laser-burn/", django_assert_num_queries, 2)
    assert found.page.specific == protocol


@pytest.mark.parametrize("path", ["nowhere/", "protocols/nowhere/", "protocols/laser-burn/x/"])
def test_a_path_that_names_no_page_is_a_404(home_page, request_, path):
    library = ProtocolIndexPageFactory(parent=home_page, slug="protocols")
    ProtocolPageFactory(parent=library, slug="laser-burn")

    with pytest.raises(Http404):
        home_page.route(request_, path.strip("/").split("/"))
    with pytest.raises(Http404):
        walk(home_page, request_, path)


def test_an_unpublished_page_is_a_404(home_page, request_):
    scenario = DrillScenarioPageFactory(parent=DrillIndexPageFactory(parent=home_page))
    scenario.unpublish()

    with pytest.raises(Http404):
        home_page.route(request_, ["drills", scenario.slug, "run"])


def test_a_routable_page_on_the_way_hands_over_to_wagtails_walk(home_page, request_):
    scenario = DrillScenarioPageFactory(parent=DrillIndexPageFactory(parent=home_page))
    # A child below a routable page: Wagtail asks the routable page's own routes first.
    child = scenario.add_child(instance=Page(title="Below", slug="run"))

    assert route_by_url_path(home_page, request_, ["drills", scenario.slug, "run"]) is None
    found = home_page.route(request_, ["drills", scenario.slug, "run"])
    assert found.page == scenario != child
