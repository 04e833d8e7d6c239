"""URLs of a routable page's own sub-routes (a module's quiz, a drill's run)."""

from wagtail.models import Page


def subpage_url(page: Page, name: str, *args) -> str:
    return page.url + page.reverse_subpage(name, args=args)
