"""The drill library's pages: an index and one page per branching scenario."""

from functools import cached_property

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from content.blocks import ProtocolLinkBlock
from content.labelled_blocks import LabelledCharBlock
from content.models import SampleContentMixin
from content.page_tree import CachedViewRestrictionsMixin
from drills.blocks import ChecklistItemBlock, DrillGraphBlock
from drills.graph import Graph
from drills.panels import DrillMapPanel


class DrillIndexPage(CachedViewRestrictionsMixin, Page):
    """The drill library: every scenario sits under it, under medical director approval."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = ["drills.DrillScenarioPage"]
    template = "drills/drill_index_page.html"

    class Meta:
        verbose_name = _("drill library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["scenarios"] = (
            DrillScenarioPage.objects.child_of(self).live().specific().order_by("title")
        )
        return context


class FitzpatrickType(models.TextChoices):
    I = "I", "I"  # noqa: E741
    II = "II", "II"
    III = "III", "III"
    IV = "IV", "IV"
    V = "V", "V"
    VI = "VI", "VI"


class DrillScenarioPage(CachedViewRestrictionsMixin, RoutablePageMixin, SampleContentMixin, Page):  # noqa: DJ008
    """A branching complication drill: the patient vignette and the graph of decisions.

    The routes (run/, runs/<id>/) live in drills.page_views to keep this model small; editors
    see the full-size map of the latest draft in the admin (drills.admin_views.draft_map).
    """

    procedure = models.CharField(_("procedure"), max_length=200)
    device = models.CharField(
        _("device and settings"),
        max_length=250,
        blank=True,
        help_text=_("e.g. 1064 nm Nd:YAG, 6 mm spot, 140 J/cm², 30 ms."),
    )
    fitzpatrick = models.CharField(
        _("Fitzpatrick skin type"), max_length=3, choices=FitzpatrickType.choices, blank=True
    )
    history = models.TextField(
        _("history"), blank=True, help_text=_("Relevant history, medications, allergies.")
    )
    objectives = StreamField(
        [("objective", LabelledCharBlock(max_length=250, label=_("Objective")))],
        blank=True,
        use_json_field=True,
        verbose_name=_("learning objectives"),
    )
    graph = StreamField(DrillGraphBlock(), use_json_field=True, verbose_name=_("nodes"))
    protocols = StreamField(
        [("protocol_link", ProtocolLinkBlock())],
        blank=True,
        use_json_field=True,
        verbose_name=_("related protocols"),
    )
    milestones = StreamField(
        [("milestone", LabelledCharBlock(max_length=80, label=_("Milestone")))],
        blank=True,
        use_json_field=True,
        verbose_name=_("team drill milestones"),
        help_text=_("Times a manager records in an in-person drill, e.g. “EMS called”."),
    )
    checklist = StreamField(
        [("item", ChecklistItemBlock())],
        blank=True,
        use_json_field=True,
        verbose_name=_("team drill checklist"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("procedure"),
                FieldPanel("device"),
                FieldPanel("fitzpatrick"),
                FieldPanel("history"),
            ],
            heading=_("Patient vignette"),
        ),
        FieldPanel("objectives"),
        DrillMapPanel(heading=_("Map of the saved graph")),
        FieldPanel("graph"),
        FieldPanel("protocols"),
        MultiFieldPanel(
            [FieldPanel("milestones"), FieldPanel("checklist")],
            heading=_("In-person team drill"),
        ),
        FieldPanel("sample_content"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("procedure"),
        index.SearchField("history"),
    ]

    parent_page_types = ["drills.DrillIndexPage"]
    subpage_types: list[str] = []
    template = "drills/drill_scenario_page.html"

    class Meta:
        verbose_name = _("drill scenario")

    @cached_property
    def drill_graph(self) -> Graph:
        """This instance's graph (the page as loaded: live, a draft, or a preview)."""
        return Graph.from_raw(self.graph.get_prep_value())

    def milestone_labels(self) -> list[str]:
        return [str(block.value) for block in self.milestones]

    def checklist_items(self) -> list[dict]:
        return [
            {"item": str(block.value["item"]), "required": bool(block.value["required"])}
            for block in self.checklist
        ]

    @path("")
    def overview(self, request):
        from drills import page_views

        return page_views.overview(self, request)

    @path("run/")
    def run(self, request):
        from drills import page_views

        return page_views.run(self, request)

    @path("runs/<int:run_id>/")
    def debrief(self, request, run_id):
        from drills import page_views

        return page_views.debrief(self, request, run_id)
