"""Writes for reading progress: a staff member read a lesson of a module."""

from datetime import datetime

from organisation.models import StaffProfile
from training.lessons import lesson_keys
from training.models import LessonRead, TrainingModulePage

# Error messages: the views show them and the tests reuse them.
UNKNOWN_LESSON = "That lesson is not part of this module."


class LessonRejected(Exception):
    """The lesson named is not one of the module's; nothing was stored."""


def record_lesson_read(
    *, staff: StaffProfile, module: TrainingModulePage, lesson_key: str, now: datetime
) -> None:
    """Records that `staff` read the lesson `lesson_key` of `module` as published.

    Keeps the first reading: reading again, or the page and a form sending it at once, change
    nothing (one INSERT that a conflict on the unique key leaves undone, no read first). A key
    that is not a lesson of the module raises LessonRejected and stores nothing. No audit entry:
    reading changes no one's compliance, and the row is itself the record of when.
    """
    if lesson_key not in lesson_keys(module.lessons.raw_data):
        raise LessonRejected(UNKNOWN_LESSON)
    LessonRead.objects.bulk_create(
        [LessonRead(staff=staff, module=module, lesson_key=lesson_key, read_at=now)],
        ignore_conflicts=True,
    )
