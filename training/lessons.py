"""A module's lessons: its `lessons` stream cut at each "New lesson" block.

A lesson is a LessonBlock and the blocks after it up to the next one; its key is that block's
id, which Wagtail keeps when an editor reworks the content. Blocks before the first
LessonBlock (a module written before lessons were marked, or an introduction) are a lesson of
their own, keyed by the first block's id. Pure code over the stream's raw data, so outlines
cost no query and convert no block.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

LESSON_BLOCK = "lesson"
INTRODUCTION = _("Introduction")
ONLY_LESSON = _("Lesson")


@dataclass(frozen=True)
class Lesson:
    key: str
    title: str
    # Positions in the stream of the blocks it shows (its own heading excluded).
    positions: tuple[int, ...] = field(default=())


def outline(raw_blocks: Iterable[dict]) -> list[Lesson]:
    """The lessons of a stream's raw data ([{"type", "value", "id"}, ...]), in order."""
    lessons: list[Lesson] = []
    key, title, positions, implicit = None, "", [], False
    for position, block in enumerate(raw_blocks):
        if block.get("type") == LESSON_BLOCK:
            if key is not None:
                lessons.append(Lesson(key, title, tuple(positions)))
            key, title, positions = block.get("id"), block["value"].get("title", ""), []
            continue
        if key is None:
            key, title, implicit = block.get("id"), str(INTRODUCTION), True
        positions.append(position)
    if key is not None:
        if not lessons and implicit:
            # No lesson marked at all: the whole stream is one lesson, not an introduction.
            title = str(ONLY_LESSON)
        lessons.append(Lesson(key, title, tuple(positions)))
    # A block saved without an id (never by Wagtail's editor) cannot be tracked.
    return [lesson for lesson in lessons if lesson.key]


def lesson_keys(raw_blocks: Iterable[dict]) -> list[str]:
    return [lesson.key for lesson in outline(raw_blocks)]
