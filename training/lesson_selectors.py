"""Reads about reading progress: which lessons of which modules a staff member has read.

Progress counts only lessons the module has now: a read lesson an editor removed since no
longer counts, and a lesson added since is unread.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Aggregate, CharField, Max, OuterRef, Q, Subquery
from django.http import Http404

from organisation.models import StaffProfile
from training.lessons import Lesson, outline
from training.models import LessonRead, TrainingModulePage, TrainingRequirement

KEY_SEPARATOR = ","  # lesson keys are block ids (UUIDs): never a comma in one


class _JoinedKeys(Aggregate):
    """The group's lesson keys as one string, so a module's reads come back in its own row."""

    function = "GROUP_CONCAT"
    template = f"%(function)s(%(expressions)s, '{KEY_SEPARATOR}')"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="STRING_AGG", **extra_context)


@dataclass(frozen=True)
class LessonProgress:
    """A module's lessons and which of them one person has read."""

    lessons: list[Lesson]
    read: frozenset[str]

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def read_count(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.key in self.read)

    @property
    def first_unread(self) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.key not in self.read), None)

    @property
    def all_read(self) -> bool:
        return self.first_unread is None


@dataclass(frozen=True)
class ModuleLessons:
    """One line of a person's reading: a module, lessons read of lessons there are, and the
    person's local date of their latest reading."""

    module_id: int
    title: str
    read_count: int
    total: int
    last_read_on: date | None


def progress_in(module: TrainingModulePage, staff: StaffProfile | None) -> LessonProgress:
    """`staff`'s progress through `module`'s lessons; nothing read for no one. One query (none
    without a person): the lessons come from the page already loaded."""
    lessons = outline(module.lessons.raw_data)
    if staff is None or not lessons:
        return LessonProgress(lessons=lessons, read=frozenset())
    read = LessonRead.objects.filter(staff=staff, module=module).values_list(
        "lesson_key", flat=True
    )
    return LessonProgress(lessons=lessons, read=frozenset(read))


def reading_of(staff: StaffProfile) -> list[ModuleLessons]:
    """Per published module `staff`'s roles require or they began reading, by title: how many
    of its lessons they have read. One query however many modules and reads."""
    reads = LessonRead.objects.filter(staff=staff, module=OuterRef("pk")).values("module")
    modules = (
        TrainingModulePage.objects.live()
        .filter(
            Q(pk__in=TrainingRequirement.objects.filter(role__staff=staff).values("module"))
            | Q(pk__in=LessonRead.objects.filter(staff=staff).values("module"))
        )
        .annotate(
            read_keys=Subquery(reads.annotate(keys=_JoinedKeys("lesson_key")).values("keys")),
            last_read_at=Subquery(reads.annotate(last=Max("read_at")).values("last")),
        )
        .only("pk", "title", "lessons")
        .order_by("title", "pk")
    )
    lines = []
    for module in modules:
        read = set((module.read_keys or "").split(KEY_SEPARATOR))
        lessons = outline(module.lessons.raw_data)
        lines.append(
            ModuleLessons(
                module_id=module.pk,
                title=module.title,
                read_count=sum(1 for lesson in lessons if lesson.key in read),
                total=len(lessons),
                last_read_on=module.last_read_at and staff.local_date(module.last_read_at),
            )
        )
    return lines


def published_module(pk: int) -> TrainingModulePage:
    """A live module page by id; 404 if there is none (a draft or a deleted one alike)."""
    module = TrainingModulePage.objects.live().filter(pk=pk).first()
    if module is None:
        raise Http404("No such module.")
    return module


def published_modules():
    """Every live module page, by title (what a manager may assign: actions)."""
    return TrainingModulePage.objects.live().order_by("title")
