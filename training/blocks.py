"""The module page's lesson blocks: the shared blocks plus a video and a clinical pearl."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from content.blocks import RICH_TEXT_FEATURES, SharedStreamBlock


class PearlBlock(blocks.StructBlock):
    """A clinical pearl: one short, memorable point worth carrying into the treatment room."""

    title = blocks.CharBlock(max_length=120, help_text=_("The point in a few words."))
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pick"
        label = _("Clinical pearl")
        template = "training/blocks/pearl.html"
        preview_value = {
            "title": "Cool first, document second",
            "body": "<p>At the first sign of an unexpected burn, stop and cool the area.</p>",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text=_("A link to the video (the clinic's own host, or YouTube)."))
    caption = blocks.CharBlock(max_length=250, required=False)
    transcript = blocks.TextBlock(
        required=False, help_text=_("What is said and shown, for anyone who cannot watch.")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "training/blocks/video.html"


class LessonStreamBlock(SharedStreamBlock):
    """What a module's lessons may hold: everything a protocol may, plus video and pearls."""

    video = VideoBlock()
    pearl = PearlBlock()

    class Meta:
        icon = "doc-full"
