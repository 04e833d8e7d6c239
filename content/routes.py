"""Routing to pages: a routable page's own sub-routes, and finding a deep page in two queries.

Wagtail routes a request one level at a time: each level costs a query for the child by slug
and another for its specific page, so `/training/<module>/quiz/` paid four before the view
ran. Every page stores its `url_path` (kept up to date by Wagtail on moves and slug changes),
so the deepest page a path names is one query away, and its specific page one more.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page


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
    found = list(
        Page.objects.filter(url_path__in=prefixes)
        .order_by("depth")
        .values_list("pk", "depth", "content_type_id")
    )
    # The prefixes are nested, so the pages found must be one per level, from root down.
    if not found or [depth for _, depth, _ in found] != list(
        range(root.depth + 1, root.depth + 1 + len(found))
    ):
        return None
    classes = [ContentType.objects.get_for_id(ct).model_class() for _, _, ct in found]
    if any(cls is None or cls.route is not Page.route for cls in classes[:-1]):
        return None
    deepest = classes[-1].objects.filter(pk=found[-1][0]).first()
    if deepest is None:
        return None
    return deepest.route(request, path_components[len(found) :])
