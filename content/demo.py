"""The demo clinic's page tree: a home page and a protocol library of sample protocols."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from wagtail.models import Page, Site

from content.demo_protocols import PROTOCOLS
from content.models import HomePage, ProtocolIndexPage, ProtocolPage
from content.services import put_under_medical_director_approval

HOME_INTRO = (
    "<p>Your training, drills and certifications in one place. Everything marked "
    "<em>sample</em> is demo content for your medical director to review.</p>"
)
LIBRARY_INTRO = (
    "<p>The clinic's standardised protocols. Read them before a procedure; the training "
    "modules and drills are built on them.</p>"
)


def home_page() -> HomePage:
    """The site's home page, created (and made the default site's root) when missing."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
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


@transaction.atomic
def seed_protocol_library(*, publisher: AbstractBaseUser) -> ProtocolIndexPage:
    """Create the protocol library and the six sample protocols; keep any that exist.

    Published as `publisher` (the demo's medical director) without the workflow: the loader
    stands in for the director's approval of content a real director must still review.
    """
    home = home_page()
    library = ProtocolIndexPage.objects.child_of(home).first()
    if library is None:
        library = home.add_child(
            instance=ProtocolIndexPage(title="Protocols", slug="protocols", intro=LIBRARY_INTRO)
        )
        library.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    put_under_medical_director_approval(page=library)

    existing = {p.slug: p for p in ProtocolPage.objects.child_of(library)}
    created: list[tuple[ProtocolPage, dict]] = []
    for spec in PROTOCOLS:
        if spec["slug"] in existing:
            continue
        page = ProtocolPage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            sample_content=True,
            body=[(kind, value) for kind, value in spec["body"] if kind != "protocol_link"],
        )
        library.add_child(instance=page)
        existing[spec["slug"]] = page
        created.append((page, spec))

    # Links need their targets to exist, so bodies are completed in a second pass.
    for page, spec in created:
        page.body = [
            (kind, _resolve_link(value, existing) if kind == "protocol_link" else value)
            for kind, value in spec["body"]
        ]
        page.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    return library


def _resolve_link(value: dict, pages: dict[str, ProtocolPage]) -> dict:
    return {"page": pages[value["slug"]], "note": value.get("note", "")}


def remove_demo_pages() -> None:
    """Delete the home page and everything under it, restoring an empty site root."""
    for home in HomePage.objects.all():
        home.delete()
