"""The load test's flow holds a fixed number of queries per request, as a staff member with
production's login rules sees it (two-step login checked), whatever else is in the database."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisation.synthetic import create_synthetic_staff
from tests.factories import StaffProfileFactory
from tests.factories.drills import DrillRunFactory
from training.models import QuizAttempt

# Most queries a step may ask, as measured with 0 and 25 other people. Every page's floor:
# the session's user with their profile and viewer flags (accounts.backends, one query) and
# routing by url_path (content/routes.py, two); the site, private pages and the protocol
# library come from content.page_tree (the home page here, the first after the fixtures
# changed the tree, reads them). Saving and submitting write the answers in bulk
# (training.services), whatever the number of questions. The home page's due list also reads
# the person's assignments and exemptions (actions) and, for a card never uploaded, since when
# their roles have required it (certifications.selectors.missing_since): one query each.
STEP_QUERIES = {
    "home": 23,
    "module": 8,
    "quiz start": 11,
    "quiz": 6,
    "save": 11,
    "submit": 12,
    "result": 6,
    "drill": 5,
    "drill start": 9,
    "drill step": 5,
    "drill decide": 9,
    "debrief": 6,
}


def others(flow_content, count):
    """`count` other people with drill runs of their own, to show nothing grows with them."""
    _, scenario = flow_content
    for _ in range(count):
        DrillRunFactory(staff=StaffProfileFactory(), page=scenario)


def counted(client, method, url, queries, step, **data):
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    queries[step] = len(captured)
    assert response.status_code in (200, 302), (step, response.status_code)
    return response


@pytest.mark.parametrize("crowd", [0, 25])
def test_each_step_of_the_flow_holds_its_queries(client, flow_content, settings, crowd):
    settings.READYROOM_MFA_REQUIRED = True
    module, scenario = flow_content
    others(flow_content, crowd)
    create_synthetic_staff(count=1)
    client.force_login(get_user_model().objects.get(username="loadtest-0001"))
    queries = {}
    counted(client, "get", "/", queries, "home")
    counted(client, "get", module.url, queries, "module")
    counted(client, "post", module.url + "quiz/", queries, "quiz start")
    counted(client, "get", module.url + "quiz/", queries, "quiz")
    attempt = QuizAttempt.objects.get(staff__user__username="loadtest-0001")
    answers = {f"q-{q['question_id']}": q["choices"][0]["key"] for q in attempt.questions}
    form = {"attempt": attempt.pk, **answers}
    counted(client, "post", module.url + "quiz/save/", queries, "save", **form)
    result = counted(client, "post", module.url + "quiz/submit/", queries, "submit", **form)
    counted(client, "get", result.url, queries, "result")
    counted(client, "get", scenario.url, queries, "drill")
    run = scenario.url + "run/"
    counted(client, "post", run, queries, "drill start", action="start")
    page = counted(client, "get", run, queries, "drill step").content.decode()
    node = re.search(r'name="node" value="([^"]+)"', page).group(1)
    landed = counted(client, "post", run, queries, "drill decide", action="decide", node=node,
                     choice=0)  # fmt: skip
    while landed.url == run:
        page = client.get(run).content.decode()
        node = re.search(r'name="node" value="([^"]+)"', page).group(1)
        landed = client.post(run, {"action": "decide", "node": node, "choice": 0})
    counted(client, "get", landed.url, queries, "debrief")

    over = {step: n for step, n in queries.items() if n > STEP_QUERIES[step]}
    assert over == {}, queries
