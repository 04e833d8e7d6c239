"""The page tree's base: the home page and the protocol library."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from content.blocks import SharedStreamBlock
from content.page_tree import CachedViewRestrictionsMixin
from content.protocol_form import ProtocolPageForm
from content.routes import route_by_url_path
from organisation.bounds import validate_date_in_range
from organisation.compliance import due_for

SAMPLE_CONTENT_NOTICE = _(
    "Sample content written for the ReadyRoom demo. It must be reviewed and approved by your "
    "medical director before clinical use."
)


class SampleContentMixin(models.Model):
    """Marks a page as demo material a medical director has not yet reviewed."""

    sample_content = models.BooleanField(
        _("sample content"),
        default=False,
        help_text=_("Shows a banner: this page is sample content awaiting medical review."),
    )

    class Meta:
        abstract = True


class HomePage(CachedViewRestrictionsMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "content/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["due_rows"] = due_for(request.user, now=timezone.now())
        return context

    def route(self, request, path_components):
        # Every page request starts here (the site's root): two queries at any depth instead
        # of two per level (content/routes.py), falling back to Wagtail's walk where needed.
        found = route_by_url_path(self, request, path_components)
        return found if found is not None else super().route(request, path_components)

    # content.routes.route_from_cached_site may route below this page without loading it.
    route.routes_by_url_path = True


class ProtocolIndexPage(CachedViewRestrictionsMixin, Page):
    """The protocol library: every standardised protocol sits under it."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.ProtocolPage"]
    template = "content/protocol_index_page.html"

    class Meta:
        verbose_name = _("protocol library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["protocols"] = (
            ProtocolPage.objects.child_of(self).live().specific().order_by("title")
        )
        return context


class ProtocolPage(CachedViewRestrictionsMixin, SampleContentMixin, Page):  # noqa: DJ008 - Page gives __str__
    """One standardised clinical protocol, readable on a phone in a treatment room."""

    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("What the protocol covers and who uses it.")
    )
    body = StreamField(SharedStreamBlock(), use_json_field=True)
    reviewed_on = models.DateField(
        _("last clinical review"),
        null=True,
        blank=True,
        validators=[validate_date_in_range],
        help_text=_("When the medical director last reviewed the content itself."),
    )
    # Judged for each publish: read from the revision being published (attestations), and an
    # edit starting from what is live begins with the box unticked (ProtocolPageForm).
    significant_change = models.BooleanField(
        _("clinically significant change"),
        default=False,
        help_text=_(
            "Tick when this revision changes what staff do. On publishing, everyone who passed "
            "a module built on this protocol is assigned it again and asked to attest that they "
            "have read the revised protocol."
        ),
    )
    what_changed = models.TextField(
        _("what changed"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences staff read before they attest."),
    )
    attestation_roles = ParentalManyToManyField(
        "organisation.JobRole",
        blank=True,
        related_name="+",
        verbose_name=_("roles that attest every year"),
        help_text=_(
            "Everyone holding one of these roles signs once every 12 months that they have read "
            "and follow this protocol. None: no yearly attestation."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("reviewed_on"), FieldPanel("sample_content")], heading=_("Review")
        ),
        MultiFieldPanel(
            [FieldPanel("significant_change"), FieldPanel("what_changed")],
            heading=_("This revision"),
        ),
        FieldPanel("attestation_roles"),
    ]
    base_form_class = ProtocolPageForm
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["content.ProtocolIndexPage"]
    subpage_types: list[str] = []
    template = "content/protocol_page.html"

    class Meta:
        verbose_name = _("protocol")
