"""Marking a lesson read: posted by lessons.js when a lesson has been on screen, or by the
lesson's "Mark as read" button without JavaScript. Only ever the signed-in person's own."""

from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from organisation.access import acting_profile
from training import lesson_selectors
from training.lesson_services import LessonRejected, record_lesson_read
from training.lessons import outline

NO_PROFILE = "Only staff members keep reading progress."
QUIZ_ANCHOR = "quiz-heading"


def lesson_anchor(key: str) -> str:
    return f"lesson-{key}"


@require_POST
def mark_lesson_read(request, module_id: int):
    profile = acting_profile(request, NO_PROFILE, refuse=Http404)
    module = lesson_selectors.published_module(module_id)
    key = request.POST.get("lesson", "")
    wants_json = "application/json" in request.headers.get("Accept", "")
    try:
        record_lesson_read(staff=profile, module=module, lesson_key=key, now=timezone.now())
    except LessonRejected as error:
        if wants_json:
            return JsonResponse({"read": False, "error": str(error)}, status=400)
        return HttpResponseBadRequest(str(error))
    if wants_json:
        return JsonResponse({"read": True, "lesson": key})
    # Without JavaScript the reader lands where they go on: the next lesson, or the quiz.
    keys = [lesson.key for lesson in outline(module.lessons.raw_data)]
    following = keys[keys.index(key) + 1 :]
    anchor = lesson_anchor(following[0]) if following else QUIZ_ANCHOR
    return redirect(f"{module.url}#{anchor}")
