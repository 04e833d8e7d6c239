"""Routing to pages: a routable page's own sub-routes, and finding a deep page in two queries.

Wagtail routes a request one level at a time: each level costs a query for the child by slug
and another for its specific page, so `/training/<module>/quiz/` paid four before the view
ran. Every page stores its `url_path` (kept up to date by Wagtail on moves and slug changes),
so the deepest page a path names is one query away, and its specific page one more.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import Page

from content import page_tree
from organisation.prepared import PreparedQuery

# Every page request asks these two: compiled once per process (organisation.prepared).
_pages_on_path = PreparedQuery(
    lambda prefixes: (
        Page.objects.filter(url_path__in=prefixes)
        .order_by("depth")
        .values_list("pk", "depth", "content_type_id")
    )
)
_page_by_pk: dict[type, PreparedQuery] = {}


def page_by_pk(model: type[Page], pk: int) -> Page | None:
    """`model.objects.filter(pk=pk).first()`, its SQL compiled once per page type."""
    query = _page_by_pk.get(model)
    if query is None:
        query = _page_by_pk.setdefault(model, PreparedQuery(lambda pk: model.objects.filter(pk=pk)))
    return query.first(pk)


def subpage_url(page: Page, name: str, *args) -> str:
    return page.url + page.reverse_subpage(name, args=args)


def route_by_url_path(root: Page, request, path_components: list[str]):
    """What `root.route(request, path_components)` returns, in two queries at any depth.

    Finds the pages the path's prefixes name below `root` in one query, fetches the deepest
    as its specific page, and lets it route the rest (a routable page's sub-route, or a 404).
    When a page on the way routes in its own way (a RoutablePageMixin page, or any page type
    overriding `route`), it hands over to Wagtail's level-by-level routing, so no route
    answers differently from Wagtail's.
    """
    if not path_components:
        return None
    prefixes = [
        root.url_path + "".join(f"{c}/" for c in path_components[:n])
        for n in range(1, len(path_components) + 1)
    ]
    found = _pages_on_path.all(prefixes)
    # The prefixes are nested, so the pages found must be one per level, from root down.
    if not found or [depth for _, depth, _ in found] != list(
        range(root.depth + 1, root.depth + 1 + len(found))
    ):
        return None
    classes = [ContentType.objects.get_for_id(ct).model_class() for _, _, ct in found]
    if any(cls is None or cls.route is not Page.route for cls in classes[:-1]):
        return None
    deepest = page_by_pk(classes[-1], found[-1][0])
    if deepest is None:
        return None
    return deepest.route(request, path_components[len(found) :])


def route_from_cached_site(request, path: str) -> None:
    """Route `path` as Page.route_for_request would, from the site the page tree's cache
    knows (content.page_tree: no query for the site, nor for its root page below it), and
    leave the answer where Wagtail's serve view looks first (`request._wagtail_site`,
    `request._wagtail_route_for_request`). Where the cache cannot answer in the same way (a
    root page that routes otherwise, translations, a path the url_path lookup hands back),
    nothing is left but the site, and Wagtail routes as it always does.
    """
    site_root = page_tree.site_root_for(request)
    if site_root is None:
        return
    request._wagtail_site = site_root.as_site()
    root_class = ContentType.objects.get_for_id(site_root.content_type_id).model_class()
    if root_class is None or getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return
    components = [component for component in path.split("/") if component]
    try:
        if not components:
            root = page_by_pk(root_class, site_root.id)
            found = root.route(request, []) if root is not None else None
        elif getattr(root_class.route, "routes_by_url_path", False):
            found = route_by_url_path(site_root, request, components)
        else:
            found = None
    except Http404:
        request._wagtail_route_for_request = None
        return
    if found is not None:
        request._wagtail_route_for_request = found
