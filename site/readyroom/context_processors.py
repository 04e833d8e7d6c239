"""What every page's layout needs: the navigation for this user."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from accounts.selectors import viewer_of
from content.page_tree import protocol_library_url

# (label, url name, what it is for). A capability appears in the navigation once its app
# routes the name, so the layout never links to a page that does not exist yet.
STAFF_SECTIONS = (
    (
        _("My training"),
        "training:my_training",
        _("Modules your roles require, quizzes, and certificates of completion."),
    ),
    (
        _("Drills"),
        "drills:my_drills",
        _("Branching complication drills against the clock, and your debriefs."),
    ),
    (
        _("My certifications"),
        "certifications:my_certifications",
        _("BLS, ACLS and other cards: what is current, what is due, and renewals."),
    ),
    (
        _("Emergency kits"),
        "kits:my_kits",
        _("Your location's emergency kits and their weekly check, item by item."),
    ),
    (
        _("My clearances"),
        "clearances:my_clearances",
        _("The procedures you may perform, and what each still needs."),
    ),
    (
        _("My attestations"),
        "attestations:mine",
        _("Revised protocols to read and confirm, and your yearly attestations."),
    ),
    (
        _("My follow-up actions"),
        "followups:mine",
        _("What you were asked to do after an incident or a team drill, and by when."),
    ),
)
MANAGER_SECTIONS = (
    (
        _("Manage"),
        "dashboard:manage",
        _("Who is current, who is about to lapse, and the records for an inspection."),
    ),
    (
        _("Clearances"),
        "clearances:board",
        _("Who is cleared for each procedure, and the roster gate for a day."),
    ),
)
PROTOCOLS_DESCRIPTION = _("The clinic's standardised protocols, readable in a treatment room.")


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str | None
    description: str = ""

    @property
    def available(self) -> bool:
        return self.url is not None


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _build(request) -> dict:
    user = request.user
    if not user.is_authenticated:
        return {"staff": [], "manager": [], "all": [], "can_author": False}
    staff = [NavItem(str(label), _url(name), str(text)) for label, name, text in STAFF_SECTIONS]
    # Kept between requests until the page tree changes (content.page_tree).
    library_url = protocol_library_url(request)
    staff.append(NavItem(str(_("Protocols")), library_url, str(PROTOCOLS_DESCRIPTION)))
    # One query for who this is, shared with the second-factor check (accounts.selectors).
    viewer = viewer_of(request)
    manager = (
        [NavItem(str(label), _url(name), str(text)) for label, name, text in MANAGER_SECTIONS]
        if viewer.manages
        else []
    )
    return {
        "staff": staff,
        "manager": manager,
        "all": staff + manager,
        "can_author": viewer.can_author,
    }


def navigation(request) -> dict:
    # Lazy, so pages that never draw the layout (files, feeds) pay no queries for it.
    return {"nav": SimpleLazyObject(lambda: _build(request))}
