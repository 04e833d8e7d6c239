"""StreamField blocks of a drill scenario: the graph's nodes and choices, the team-drill parts."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from content.labelled_blocks import LabelledRichTextBlock
from drills.graph import GOOD, HARM, PARTIAL, Graph, Problem
from drills.widgets import NodeKeySelect

SITUATION_FEATURES = ["bold", "italic", "ul", "ol"]
KEY_MAX_LENGTH = 60


class NodeKeyBlock(blocks.FieldBlock):
    """A node's key chosen from the scenario's nodes (see drills.widgets); stored as the key.

    Never required here: an empty or unknown key is the graph validator's to report, once, on
    the choice or node it belongs to (drills.graph)."""

    def __init__(self, *, empty_label, help_text=None, **kwargs):
        self.field = forms.CharField(
            required=False,
            max_length=KEY_MAX_LENGTH,
            help_text=help_text,
            widget=NodeKeySelect(empty_label=empty_label),
        )
        super().__init__(**kwargs)


class DrillChoiceBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=200, help_text=_("What the learner does, e.g. “Call EMS”."))
    next = NodeKeyBlock(
        empty_label=_("Choose the next node"),
        label=_("next node"),
        help_text=_("The node this choice leads to."),
    )
    points = blocks.IntegerBlock(
        default=0, min_value=-10, max_value=10, help_text=_("-10 to 10; negative when harmful.")
    )
    critical = blocks.BooleanBlock(
        required=False,
        label=_("critical action"),
        help_text=_("A step that must not be missed, e.g. “Give IM epinephrine”."),
    )
    feedback = blocks.TextBlock(required=False, help_text=_("Shown at the debrief: why."))

    class Meta:
        icon = "arrow-right"
        label = _("Choice")
        # Block headings name their panel for assistive technology: the same action offered
        # at two nodes still reads as two different choices.
        label_format = "{label} → {next}"


class DrillNodeBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=r"^[a-z0-9][a-z0-9-]*$",
        max_length=KEY_MAX_LENGTH,
        error_messages={"invalid": _("Lower-case letters, digits and hyphens, e.g. “call-ems”.")},
        help_text=_("Short and unique, e.g. “first-pulse”. Choices point to it."),
    )
    title = blocks.CharBlock(max_length=120)
    start = blocks.BooleanBlock(
        required=False, label=_("start node"), help_text=_("Exactly one node starts the drill.")
    )
    situation = LabelledRichTextBlock(
        features=SITUATION_FEATURES, help_text=_("What the learner sees and hears.")
    )
    image = ImageChooserBlock(required=False)
    timer_seconds = blocks.IntegerBlock(
        required=False,
        min_value=5,
        max_value=600,
        label=_("timer (seconds)"),
        help_text=_("Leave empty for no timer. The server enforces it."),
    )
    timeout_next = NodeKeyBlock(
        empty_label=_("None (no timer)"),
        label=_("when the timer runs out, go to"),
        help_text=_("The node reached when time runs out."),
    )
    outcome = blocks.ChoiceBlock(
        required=False,
        choices=[(GOOD, _("Good")), (PARTIAL, _("Partial")), (HARM, _("Harm"))],
        help_text=_("Only for end nodes, which have no choices."),
    )
    summary = blocks.TextBlock(required=False, help_text=_("End nodes: what happened and why."))
    # A new node starts without choices: an end node never has any, and an empty choice
    # would only be an error to delete.
    choices = blocks.ListBlock(DrillChoiceBlock(), required=False, min_num=0, max_num=6, default=[])

    class Meta:
        icon = "radio-full"
        label = _("Node")
        label_format = "{title} ({key})"
        # drills/static/drills/editor.js: an end node's choice list and timer are hidden.
        form_attrs = {"data-controller": "drill-node"}


def _struct_error(field: str, message: str) -> StructBlockValidationError:
    return StructBlockValidationError(block_errors={field: ValidationError(message)})


def problems_to_error(problems: list[Problem]) -> StreamBlockValidationError:
    """Place each problem on the node (and choice, and field) it is about."""
    graph_wide: list[ValidationError] = []
    per_node: dict[int, dict[str, list[str]]] = {}
    per_choice: dict[int, dict[int, list[str]]] = {}
    for problem in problems:
        if problem.position is None:
            graph_wide.append(ValidationError(problem.message))
        elif problem.choice_index is not None:
            per_choice.setdefault(problem.position, {}).setdefault(problem.choice_index, []).append(
                problem.message
            )
        else:
            per_node.setdefault(problem.position, {}).setdefault(problem.field or "key", []).append(
                problem.message
            )
    block_errors = {}
    for position in sorted(set(per_node) | set(per_choice)):
        fields = {
            name: ValidationError(" ".join(messages))
            for name, messages in per_node.get(position, {}).items()
        }
        if position in per_choice:
            choice_errors = {
                index: _struct_error("next", " ".join(messages))
                for index, messages in per_choice[position].items()
            }
            # A node-level "choices" message and per-choice ones share the list's error.
            list_messages = fields.pop("choices", None)
            fields["choices"] = ListBlockValidationError(
                block_errors=choice_errors,
                non_block_errors=[list_messages] if list_messages else None,
            )
        block_errors[position] = StructBlockValidationError(block_errors=fields)
    return StreamBlockValidationError(
        block_errors=block_errors, non_block_errors=graph_wide or None
    )


class DrillGraphBlock(blocks.StreamBlock):
    """The scenario's nodes. Saving checks the whole graph (see drills.graph.Graph.validate)."""

    node = DrillNodeBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        problems = Graph.from_raw(self.get_prep_value(value)).validate()
        if problems:
            raise problems_to_error(problems)
        return value


class ChecklistItemBlock(blocks.StructBlock):
    item = blocks.CharBlock(max_length=200)
    required = blocks.BooleanBlock(
        required=False, default=True, help_text=_("Must be done for the drill to count.")
    )

    class Meta:
        icon = "tick"
        label = _("Checklist item")
