"""StreamField blocks of a drill scenario: the graph's nodes and choices, the team-drill parts."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from drills.graph import GOOD, HARM, PARTIAL, Graph, Problem

SITUATION_FEATURES = ["bold", "italic", "ul", "ol"]


class DrillChoiceBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=200, help_text=_("What the learner does, e.g. “Call EMS”."))
    next = blocks.CharBlock(
        max_length=60,
        label=_("next node"),
        help_text=_("The key of the node this choice leads to."),
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


class DrillNodeBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=r"^[a-z0-9][a-z0-9-]*$",
        max_length=60,
        error_messages={"invalid": _("Lower-case letters, digits and hyphens, e.g. “call-ems”.")},
        help_text=_("Short and unique, e.g. “first-pulse”. Choices point to it."),
    )
    title = blocks.CharBlock(max_length=120)
    start = blocks.BooleanBlock(
        required=False, label=_("start node"), help_text=_("Exactly one node starts the drill.")
    )
    situation = blocks.RichTextBlock(
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
    timeout_next = blocks.CharBlock(
        required=False,
        max_length=60,
        label=_("when the timer runs out, go to"),
        help_text=_("The key of the node reached when time runs out."),
    )
    outcome = blocks.ChoiceBlock(
        required=False,
        choices=[(GOOD, _("Good")), (PARTIAL, _("Partial")), (HARM, _("Harm"))],
        help_text=_("Only for end nodes, which have no choices."),
    )
    summary = blocks.TextBlock(required=False, help_text=_("End nodes: what happened and why."))
    choices = blocks.ListBlock(DrillChoiceBlock(), required=False, min_num=0, max_num=6)

    class Meta:
        icon = "radio-full"
        label = _("Node")


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
