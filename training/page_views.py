"""The module page's routes: overview, quiz/ (start, answer), quiz/save/, quiz/submit/ and
quiz/attempts/<id>/ (the result). Thin: fetch-and-authorise, call a service, render."""

from django.contrib import messages
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from content.routes import subpage_url
from organisation.access import acting_profile
from organisation.selectors import profile_of
from training import lesson_selectors, selectors, services
from training.models import ReviewMode

NO_PROFILE = "Quizzes are taken by staff members; this account has no staff profile."
BAD_FIELD = "The form sent a field this quiz does not know."
ANSWER_PREFIX = "q-"


def answers_from(post) -> dict[int, list[str]]:
    """{question id: [choice keys]} from the form's `q-<id>` fields; ValueError if malformed."""
    answers = {}
    for name in post:
        if not name.startswith(ANSWER_PREFIX):
            continue
        question_id = name.removeprefix(ANSWER_PREFIX)
        if not question_id.isdigit():
            raise ValueError(BAD_FIELD)
        answers[int(question_id)] = post.getlist(name)
    return answers


def overview(page, request):
    context = {"quiz_url": subpage_url(page, "quiz") if page.live else ""}
    profile = profile_of(request.user)
    if getattr(request, "is_preview", False):
        profile = None
    if profile is not None:
        context["my_attempts"] = list(selectors.attempts_of(profile, module=page)[:5])
    progress = lesson_selectors.progress_in(page, profile)
    context["lesson_progress"] = progress if profile is not None else None
    context["lessons"] = [
        {
            "lesson": lesson,
            "blocks": [page.lessons[position] for position in lesson.positions],
            "read": lesson.key in progress.read,
        }
        for lesson in progress.lessons
    ]
    return page.render(request, context_overrides=context)


def quiz(page, request):
    profile = acting_profile(request, NO_PROFILE)
    now = timezone.now()
    if request.method == "POST":
        try:
            services.start_attempt(staff=profile, module=page, now=now)
        except services.QuizError as error:
            return _intro(page, request, profile, error=str(error), status=400)
        return redirect(subpage_url(page, "quiz"))
    attempt = services.open_attempt(staff=profile, module=page)
    if attempt is not None and services.past_deadline(attempt, now):
        attempt = services.submit_attempt(attempt=attempt, answers=None, now=now)
        return redirect(subpage_url(page, "quiz_result", attempt.pk))
    if attempt is None:
        return _intro(page, request, profile)
    saved = {a.position: a.selected_keys for a in selectors.answers_of(attempt)}
    questions = [
        {**q, "number": i + 1, "selected": saved.get(i, [])}
        for i, q in enumerate(attempt.questions)
    ]
    return render(
        request,
        "training/quiz.html",
        {
            "page": page,
            "attempt": attempt,
            "questions": questions,
            "save_url": subpage_url(page, "quiz_save"),
            "submit_url": subpage_url(page, "quiz_submit"),
        },
    )


def _intro(page, request, profile, *, error: str = "", status: int = 200):
    return render(
        request,
        "training/quiz_intro.html",
        {
            "page": page,
            "error": error,
            "attempts": list(selectors.attempts_of(profile, module=page)[:10]),
            "quiz_url": subpage_url(page, "quiz"),
            "lesson_progress": lesson_selectors.progress_in(page, profile),
        },
        status=status,
    )


def _posted_attempt(page, request):
    if request.method != "POST":
        return None, HttpResponseNotAllowed(["POST"])
    attempt_id = request.POST.get("attempt", "")
    if not attempt_id.isdigit():
        return None, HttpResponseBadRequest(BAD_FIELD)
    return selectors.attempt_for_owner(request.user, int(attempt_id), module=page), None


def save(page, request):
    attempt, refusal = _posted_attempt(page, request)
    if refusal:
        return refusal
    try:
        services.save_answers(
            attempt=attempt, answers=answers_from(request.POST), now=timezone.now()
        )
    except (ValueError, services.AnswerRejected) as error:
        if _wants_json(request):
            return JsonResponse({"saved": False, "error": str(error)}, status=400)
        return HttpResponseBadRequest(str(error))
    if _wants_json(request):
        return JsonResponse({"saved": True})
    messages.success(request, "Answers saved.")
    return redirect(subpage_url(page, "quiz"))


def submit(page, request):
    attempt, refusal = _posted_attempt(page, request)
    if refusal:
        return refusal
    try:
        attempt = services.submit_attempt(
            attempt=attempt, answers=answers_from(request.POST), now=timezone.now()
        )
    except (ValueError, services.AnswerRejected) as error:
        return HttpResponseBadRequest(str(error))
    return redirect(subpage_url(page, "quiz_result", attempt.pk))


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def result(page, request, attempt_id: int):
    attempt = selectors.attempt_for_owner(request.user, attempt_id, module=page)
    if attempt.is_open:
        return redirect(subpage_url(page, "quiz"))
    review = attempt.review_mode == ReviewMode.AFTER_EACH or (
        attempt.review_mode == ReviewMode.AFTER_PASS and attempt.passed
    )
    answers = {a.position: a for a in selectors.answers_of(attempt)}
    questions = []
    if review:
        for i, q in enumerate(attempt.questions):
            row = answers.get(i)
            picked = set(row.selected_keys) if row else set()
            questions.append(
                {
                    **q,
                    "number": i + 1,
                    "percent": round(row.score * 100) if row else 0,
                    "choices": [{**c, "picked": c["key"] in picked} for c in q["choices"]],
                }
            )
    return render(
        request,
        "training/quiz_result.html",
        {
            "page": page,
            "attempt": attempt,
            "review": review,
            "questions": questions,
            "quiz_url": subpage_url(page, "quiz"),
        },
    )
