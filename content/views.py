"""The page tree's front end: Wagtail's page view, routed from the cached site."""

from wagtail import views as wagtail_views

from content import page_tree
from content.routes import route_from_cached_site


def serve(request, path):
    """Wagtail's serve view (hooks, view restrictions, the page's own serve), with the site
    and the route found through content.page_tree's cache where it is enabled."""
    if not page_tree.enabled():
        return wagtail_views.serve(request, path)
    with page_tree.serving(request):
        route_from_cached_site(request, path)
        return wagtail_views.serve(request, path)
