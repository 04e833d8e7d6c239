"""What every page request asks of the page tree, kept between requests.

Serving a page asked the database, each time, for things that change only when someone
edits the site in the admin: which Site answers this host (and its root page), whether any
page anywhere is private (Wagtail looks for view restrictions on the page and each of its
ancestors, two queries), and where the protocol library is (the navigation's link). Five
queries of a staff member's twelve.

Each process keeps these facts, tagged with a generation token held in the shared cache
(Redis in production). Any save or deletion of a site, a page or a view restriction, and
every publish, unpublish or move, replaces the token, at once and again when the transaction
commits (a request between the two may have read the old rows), so the next request in every
process reads the tree afresh. Per request that is one cache read instead of five queries.
The token also expires after TOKEN_SECONDS, a bound on staleness should a change bypass the
signals (raw SQL, a restore).

Only where the cache is shared by every process (READYROOM_PAGE_TREE_CACHE, on when REDIS_URL
is set, and in the tests, which run in one process): with a per-process cache, a change made
in one worker would go unseen by the others.
"""

import threading
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.signals import page_published, page_unpublished, post_page_move

TOKEN_KEY = "readyroom:page-tree-token"
TOKEN_SECONDS = 300
TOKEN_ON_REQUEST = "_readyroom_page_tree"
MISSING = object()


@dataclass(frozen=True)
class SiteRoot:
    """A site's row, and what routing asks of its root page (content.routes) without loading
    the page itself."""

    site: tuple[tuple[str, object], ...]
    id: int
    url_path: str
    depth: int
    content_type_id: int

    def as_site(self) -> Site:
        """The Site as Site.find_for_request gives it (its root page read when asked for)."""
        names, values = zip(*self.site, strict=True)
        return Site.from_db("default", list(names), list(values))


@dataclass
class Facts:
    token: str
    sites: dict = field(default_factory=dict)
    restricted: object = MISSING
    protocols_url: object = MISSING


_latest: dict = {"facts": None}
_serving: ContextVar[Facts | None] = ContextVar("readyroom_page_tree_serving", default=None)
_lock = threading.Lock()


def enabled() -> bool:
    return settings.READYROOM_PAGE_TREE_CACHE


@contextmanager
def serving(request):
    """While a page is served, code that is not given the request (a page's view
    restrictions) reads the request's facts instead of the cache again."""
    bound = _serving.set(_facts(request))
    try:
        yield
    finally:
        _serving.reset(bound)


def _facts(request=None) -> Facts:
    """This process's facts under the current token, read once per request."""
    facts = getattr(request, TOKEN_ON_REQUEST, None) if request is not None else _serving.get()
    if facts is not None:
        return facts
    token = cache.get(TOKEN_KEY)
    if token is None:
        cache.add(TOKEN_KEY, uuid.uuid4().hex, TOKEN_SECONDS)
        token = cache.get(TOKEN_KEY)
    with _lock:
        facts = _latest["facts"]
        if facts is None or facts.token != token:
            facts = _latest["facts"] = Facts(token=token)
    if request is not None:
        setattr(request, TOKEN_ON_REQUEST, facts)
    return facts


def site_root_for(request) -> SiteRoot | None:
    """The Site answering this request's host and port (Wagtail's own matching), or None.
    Only when enabled()."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    facts = _facts(request)
    found = facts.sites.get((hostname, port), MISSING)
    if found is MISSING:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            found = None
        else:
            root = site.root_page
            found = SiteRoot(
                site=tuple(
                    (f.attname, getattr(site, f.attname)) for f in Site._meta.concrete_fields
                ),
                id=root.pk,
                url_path=root.url_path,
                depth=root.depth,
                content_type_id=root.content_type_id,
            )
        facts.sites[(hostname, port)] = found
    return found


def any_view_restriction() -> bool:
    """True when some page, anywhere, is private (a password, logged-in users, groups)."""
    if not enabled():
        return PageViewRestriction.objects.exists()
    facts = _facts()
    if facts.restricted is MISSING:
        facts.restricted = PageViewRestriction.objects.exists()
    return facts.restricted


def protocol_library_url(request=None) -> str | None:
    """The live protocol library's URL (the first in the tree), or None."""
    if not enabled():
        return _protocol_library_url()
    facts = _facts(request)
    if facts.protocols_url is MISSING:
        facts.protocols_url = _protocol_library_url()
    return facts.protocols_url


def _protocol_library_url() -> str | None:
    from content.models import ProtocolIndexPage

    library = ProtocolIndexPage.objects.live().order_by("path").first()
    return library.url if library else None


class CachedViewRestrictionsMixin:
    """For every page model: no query for view restrictions while no page has any."""

    def get_view_restrictions(self):
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def forget(**kwargs) -> None:
    """A new token: every process reads the tree afresh at its next request."""
    cache.set(TOKEN_KEY, uuid.uuid4().hex, TOKEN_SECONDS)


def _changed(sender, instance=None, **kwargs) -> None:
    if instance is not None and not isinstance(instance, Page | Site | PageViewRestriction):
        return
    forget()
    transaction.on_commit(forget)


def connect_signals() -> None:
    """Called from ContentConfig.ready(). Page subclasses send post_save and post_delete as
    themselves, so those receivers listen to every model and keep only tree rows."""
    for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid=f"readyroom-page-tree-{id(signal)}")
