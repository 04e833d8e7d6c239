"""The demo clinic's page tree: the home page every library hangs under, and its removal.

The protocols, modules and drills themselves are files in library/ (see readyroom.library).
"""

from wagtail.models import Collection, Locale, Page, Site

from content.models import HomePage

HOME_INTRO = (
    "<p>Your training, drills and certifications in one place. Everything marked "
    "<em>sample</em> is demo content for your medical director to review.</p>"
)


def wagtail_roots() -> Page:
    """Wagtail's own rows (the locale, the root page, the root collection), made again when
    missing: Wagtail's migrations write them, and `manage.py flush` (or a live-server test's
    flush) removes them, after which nothing could be added to the page tree. Returns the root
    page."""
    locale, _ = Locale.objects.get_or_create(language_code="en")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def home_page() -> HomePage:
    """The site's home page, created (and made the default site's root) when missing."""
    home = HomePage.objects.first()
    if home is None:
        root = wagtail_roots()
        home = root.add_child(
            instance=HomePage(title="ReadyRoom", slug="readyroom", intro=HOME_INTRO)
        )
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        else:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "ReadyRoom"
            site.save()
            # Wagtail's own "Welcome" placeholder has nothing of ours under it.
            if old_root.specific_class is Page and old_root.pk != home.pk:
                old_root.delete()
    return home


def remove_demo_pages() -> None:
    """Delete the home page and everything under it, restoring an empty site root."""
    for home in HomePage.objects.all():
        home.delete()
