"""The demo's reading progress: which lessons the demo staff have read, told by their quiz
histories so the two agree. Sample activity on sample content, like the histories."""

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from organisation.models import StaffProfile
from training.lessons import lesson_keys
from training.models import LessonRead, QuizAttempt, TrainingModulePage, TrainingRequirement

MINUTES_PER_LESSON = 6
# The staff login's own story: he went straight to the quiz of his last module of three lessons
# or more, its last lesson unread, so his module page and quiz intro show a part read.
STAFF_LOGIN = "staff"


def seed_reading(
    *,
    today: date,
    profiles: dict[str, StaffProfile],
    modules: list[TrainingModulePage],
    skip: set[str],
) -> None:
    """Who passed a module read every lesson before their first attempt (but STAFF_LOGIN's
    story); who only failed had read less than half (and it shows); of those who have not
    started, every other one read the first lesson two days ago. Nothing if any reading of
    these modules exists."""
    if not modules or LessonRead.objects.filter(module__in=modules).exists():
        return
    tries = defaultdict(list)
    for staff_id, module_id, started_at, passed in QuizAttempt.objects.filter(
        module__in=modules
    ).values_list("staff_id", "module_id", "started_at", "passed"):
        tries[staff_id, module_id].append((started_at, passed))
    required = defaultdict(set)
    for role_id, module_id in TrainingRequirement.objects.filter(module__in=modules).values_list(
        "role_id", "module_id"
    ):
        required[role_id].add(module_id)
    not_started_on = datetime.combine(today - timedelta(days=2), time(14, 0), tzinfo=UTC)
    rows = []
    for n, (username, profile) in enumerate(sorted(profiles.items())):
        if username in skip or not profile.is_active:
            continue
        wanted = set().union(*(required[r.pk] for r in profile.roles.all()))
        mine = [(m, lesson_keys(m.lessons.raw_data)) for m in modules if m.pk in wanted]
        skipped = None
        if username == STAFF_LOGIN:
            skipped = next((m for m, keys in reversed(mine) if len(keys) >= 3), None)
        for m, (module, keys) in enumerate(mine):
            history = sorted(tries.get((profile.pk, module.pk), []))
            if any(passed for _, passed in history):
                read, before = keys[:-1] if module == skipped else keys, history[0][0]
            elif history:
                read, before = keys[: len(keys) // 2], history[0][0]
            elif (n + m) % 2:
                read, before = keys[:1], not_started_on
            else:
                continue
            first = before - timedelta(minutes=MINUTES_PER_LESSON * (len(read) + 1))
            rows += [
                LessonRead(
                    staff=profile,
                    module=module,
                    lesson_key=key,
                    read_at=first + timedelta(minutes=MINUTES_PER_LESSON * i),
                )
                for i, key in enumerate(read)
            ]
    LessonRead.objects.bulk_create(rows)
