"""The module page's lesson blocks: the shared blocks, a video, a clinical pearl, and the
heading that starts each lesson."""

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


class LessonBlock(blocks.StructBlock):
    """Starts a lesson: the blocks after it, up to the next one, are that lesson.

    Reading progress is kept per lesson under this block's id (training.lessons), which the
    editor keeps across edits, so a lesson reworked under the same heading stays read.
    """

    title = blocks.CharBlock(max_length=120, help_text=_("The lesson's title, shown as a heading."))

    class Meta:
        icon = "title"
        label = _("New lesson")
        help_text = _(
            "Starts a lesson: the blocks below it, up to the next lesson, are what a learner "
            "marks as read. Keep this block when you rework its content, or learners' progress "
            "on it starts over."
        )
        template = "training/blocks/lesson.html"
        preview_value = {"title": "Cool first"}


class LessonStreamBlock(SharedStreamBlock):
    """What a module's lessons may hold: everything a protocol may, plus video and pearls, in
    lessons each started by a LessonBlock."""

    lesson = LessonBlock()
    video = VideoBlock()
    pearl = PearlBlock()

    class Meta:
        icon = "doc-full"
