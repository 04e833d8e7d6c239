"""An editor panel that draws the saved graph's map beside the node editor."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class DrillMapPanel(Panel):
    """Shows the map of the graph as last saved (a draft or the live page)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "drills/admin/map_panel.html"

        class Media:
            css = {"all": ["drills/admin.css"]}

        def get_context_data(self, parent_context=None):
            from drills.graph import Graph
            from drills.svg import render_map

            context = super().get_context_data(parent_context)
            graph = Graph()
            if self.instance is not None and self.instance.pk:
                graph = self.instance.drill_graph
            context["svg"] = render_map(graph)
            # Full size in the admin, from the latest revision: drafts too, never yet published.
            context["map_url"] = (
                reverse("drills_map", args=[self.instance.pk])
                if self.instance is not None and self.instance.pk
                else ""
            )
            context["graph"] = graph
            context["problems"] = graph.validate() if graph.nodes else []
            context["note"] = _(
                "Drawn from the saved version: save a draft to refresh it. Red arrows are "
                "critical actions, dashed arrows timeouts; end nodes are coloured by outcome."
            )
            return context
