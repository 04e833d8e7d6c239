"""StreamField blocks every ReadyRoom page type shares (protocols, modules, drills)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Note")), ("warning", _("Caution")), ("danger", _("Danger"))],
        default="info",
        help_text=_("Danger is for what can harm a patient if missed."),
    )
    title = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "content/blocks/callout.html"
        preview_value = {
            "kind": "warning",
            "title": "Stop and cool",
            "body": "<p>Stop treatment and cool the area at the first sign of a burn.</p>",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        required=True,
        # Required by the block itself: an image without alt text cannot be saved.
        help_text=_("What the image shows, for someone who cannot see it."),
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "content/blocks/image.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=300), min_num=1, help_text=_("Steps, in the order done.")
    )

    class Meta:
        icon = "list-ol"
        template = "content/blocks/checklist.html"
        preview_value = {
            "title": "Before treatment",
            "items": ["Confirm consent", "Check contraindications", "Photograph the area"],
        }


class TimedStepBlock(blocks.StructBlock):
    at = blocks.CharBlock(max_length=40, help_text=_("When, e.g. '0-1 min' or 'by 5 min'."))
    action = blocks.CharBlock(max_length=300)


class TimedStepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    steps = blocks.ListBlock(TimedStepBlock(), min_num=1)

    class Meta:
        icon = "time"
        template = "content/blocks/timed_steps.html"
        preview_value = {
            "title": "First minutes",
            "steps": [{"at": "0 min", "action": "Call for help"}],
        }


class ProtocolLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(page_type="content.ProtocolPage")
    note = blocks.CharBlock(max_length=200, required=False, help_text=_("Why to read it."))

    class Meta:
        icon = "link"
        template = "content/blocks/protocol_link.html"


class SharedStreamBlock(blocks.StreamBlock):
    """The blocks any page may hold; apps extend it with their own."""

    rich_text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    callout = CalloutBlock()
    image = ImageBlock()
    checklist = ChecklistBlock(label=_("Ordered checklist"))
    timed_steps = TimedStepsBlock(label=_("Timed steps"))
    protocol_link = ProtocolLinkBlock(label=_("Link to a protocol"))

    class Meta:
        icon = "doc-full"
