"""The node editor's picker: where a choice (or a timer) leads is chosen from the scenario's own
nodes instead of typed. The saved value stays the node's key, so graphs already saved, the
validator and every run read exactly as before.

The options are filled in the browser (drills/static/drills/editor.js) from the keys and titles
in the form as it stands, so a node added or renamed a moment ago is offered at once.
"""

from django import forms
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.admin.telepath.widgets import WidgetAdapter

EDITOR_JS = "drills/editor.js"


class NodeKeySelect(forms.Select):
    """A <select> of the form's node keys; it holds one empty option until the browser fills it."""

    def __init__(self, *, empty_label: str, attrs: dict | None = None):
        super().__init__(attrs={"data-drill-node-key": "", **(attrs or {})})
        self.choices = [("", empty_label)]

    @property
    def media(self):
        return forms.Media(js=[versioned_static(EDITOR_JS)])


class NodeKeySelectAdapter(WidgetAdapter):
    js_constructor = "readyroom.drills.NodeKeySelect"


register(NodeKeySelectAdapter(), NodeKeySelect)
