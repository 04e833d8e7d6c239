"""The clearance pages (/my/clearances/, the board, the roster gate) and the gate's JSON API."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from clearances.forms import GateForm
from clearances.selectors import (
    NO_SUCH_LOCATION,
    at_location,
    live_clearances,
    managed_location,
    my_clearances,
    token_for,
    token_location,
)
from organisation.access import acting_profile, manager_required
from organisation.policies import managed_locations

NO_PROFILE = "Only staff members have clearances."
BAD_QUESTION = "The roster gate needs a location, a date (YYYY-MM-DD) and a procedure; see below."
NO_TOKEN = "Send an API token: Authorization: Bearer <token>."
WRONG_TOKEN = "The API token is not valid (wrong, or revoked)."


def my_clearances_page(request):
    profile = acting_profile(request, NO_PROFILE, refuse=Http404)
    today, mine = my_clearances(profile, now=timezone.now())
    return render(request, "clearances/my_clearances.html", {"today": today, "mine": mine})


@manager_required
def board(request):
    """Every live clearance by every person at one of the viewer's locations, on its today."""
    locations = list(managed_locations(request.user).order_by("name"))
    slug = request.GET.get("location")
    if slug:
        location = managed_location(request.user, slug)
    elif locations:
        location = locations[0]
    else:
        raise Http404(NO_SUCH_LOCATION)
    now = timezone.now()
    today = location.local_date(now)
    answers = at_location(clearances=list(live_clearances()), location=location, on=today, now=now)
    people = {}
    for answer in answers:
        for judged in answer.judged:
            people.setdefault(judged.person.pk, (judged.person, {}))[1][answer.clearance.pk] = (
                judged.verdict
            )
    rows = [
        (person, [(a.clearance, verdicts.get(a.clearance.pk)) for a in answers])
        for person, verdicts in sorted(
            people.values(), key=lambda p: (p[0].last_name, p[0].first_name, p[0].pk)
        )
    ]
    return render(
        request,
        "clearances/board.html",
        {
            "location": location,
            "locations": locations,
            "today": today,
            "answers": answers,
            "rows": rows,
            "warnings": [a.warning for a in answers if a.warning],
        },
    )


@manager_required
def gate(request):
    """Who may perform a procedure at one of the viewer's locations on a day, and why not."""
    form = GateForm(request.GET or None)
    if not form.is_bound:  # the question not asked yet: the empty form
        return render(request, "clearances/gate.html", {"form": form})
    if not form.is_valid():
        context = {"form": form, "error": BAD_QUESTION}
        return render(request, "clearances/gate.html", context, status=400)
    location = managed_location(request.user, form.cleaned_data["location"])
    answer = _answer(form, location)
    return render(request, "clearances/gate.html", {"form": form, "answer": answer})


def _answer(form: GateForm, location):
    (answer,) = at_location(
        clearances=[form.cleaned_data["procedure"]],
        location=location,
        on=form.cleaned_data["date"],
        now=timezone.now(),
    )
    return answer


def _bearer(request) -> str:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" else ""


def _json_error(message: str, status: int, **more) -> JsonResponse:
    response = JsonResponse({"error": message, **more}, status=status)
    response["Cache-Control"] = "no-store"
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="readyroom-gate"'
    return response


@login_not_required
@csrf_exempt  # a GET with a bearer token: no cookie, nothing a browser could forge
@require_GET
def api_gate(request):
    """The roster gate as JSON for a scheduling system, authorised by its clinic's token
    alone (a session is ignored): 401 without a valid token, 400 for a bad question, 404 for
    a location unknown or outside the token's clinic."""
    secret = _bearer(request)
    if not secret:
        return _json_error(NO_TOKEN, 401)
    token = token_for(secret)
    if token is None:
        return _json_error(WRONG_TOKEN, 401)
    form = GateForm(request.GET)
    if not form.is_valid():
        fields = {name: [str(e) for e in errors] for name, errors in form.errors.items()}
        return _json_error(BAD_QUESTION, 400, fields=fields)
    location = token_location(token, form.cleaned_data["location"])
    if location is None:
        return _json_error(NO_SUCH_LOCATION, 404)
    response = JsonResponse(_answer(form, location).as_json())
    response["Cache-Control"] = "no-store"
    return response
