"""ReadyRoom's load test: staff log in, take a quiz and run a drill, thinking between steps.

Run by `make loadtest` (see the Makefile for the whole sequence); by hand:

    LOADTEST_LEDGER=/tmp/ledger.jsonl locust -f loadtest/locustfile.py --headless \
        --host http://127.0.0.1:8001 -u 600 -r 10 -t 5m

Each simulated person takes a synthetic staff member no one else is using (made by
`manage.py loadtest_staff`), and goes through the flow as a browser would: the login form with
its CSRF token, a redirect followed at once, a form posted with the token the page gave,
LOADTEST_THINK_MIN..MAX seconds (8-12) of reading between steps. Every request is named by its
step, so locust reports percentiles per step. Each answer and drill decision the server
acknowledged is written to LOADTEST_LEDGER (JSON lines), and `manage.py loadtest_check` then
looks for every one of them in the database.

Plain Python and locust only (no Django): it runs in locust's own process.
"""

import collections
import json
import os
import random
from urllib.parse import urlencode, urlsplit

import gevent

# locust puts this file's folder on the path; profile_flow.py runs the same flow in-process.
from flowpages import (
    ATTEMPT,
    CHOICE,
    CSRF,
    DRILL_LINK,
    MAX_DRILL_STEPS,
    NODE,
    QUESTION_INPUT,
    RESULT_URL,
    STEP_NUMBER,
    TRAINING_LINK,
    half_of,
    links,
    pick_answers,
    quiz_form,
)
from locust import FastHttpUser, constant, events, task

PASSWORD = os.environ.get("LOADTEST_PASSWORD", "readyroom-loadtest")
STAFF = int(os.environ.get("LOADTEST_STAFF", "1000"))
THINK_MIN = float(os.environ.get("LOADTEST_THINK_MIN", "8"))
THINK_MAX = float(os.environ.get("LOADTEST_THINK_MAX", "12"))
LEDGER = os.environ.get("LOADTEST_LEDGER", "loadtest-ledger.jsonl")
# The demo modules allow three attempts a day; a person who used them skips the quiz.
ATTEMPTS_PER_DAY = int(os.environ.get("LOADTEST_ATTEMPTS_PER_DAY", "3"))
# countdown.js waits the server's grace (DRILLS_TIMER_GRACE_SECONDS, 2) and a second more.
TIMEOUT_GRACE = 3

# Synthetic staff not in use, so two simulated people never share one account.
free_staff = collections.deque(f"loadtest-{n:04d}" for n in range(1, STAFF + 1))
# (username, module url) -> attempts started in this run, against the daily limit.
attempts_started = collections.Counter()
_ledger = None


def record(entry: dict) -> None:
    """Append what the server acknowledged. Greenlets share one process, so lines never mix."""
    global _ledger
    if _ledger is None:
        _ledger = open(LEDGER, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run
    _ledger.write(json.dumps(entry, separators=(",", ":")) + "\n")
    _ledger.flush()


@events.quitting.add_listener
def _close_ledger(environment, **kwargs):
    if _ledger is not None:
        _ledger.close()


class FlowError(Exception):
    """The page was not what the flow expected (already reported to locust as a failure)."""


class StaffMember(FastHttpUser):
    wait_time = constant(0)  # the flow thinks between its own steps

    def on_start(self):
        self.username = None
        self.last_page = ""

    def on_stop(self):
        self._release()

    def _release(self):
        if self.username is not None:
            free_staff.append(self.username)
            self.username = None

    def think(self):
        gevent.sleep(random.uniform(THINK_MIN, THINK_MAX))

    # --- requests -------------------------------------------------------------------------

    def get(self, url: str, name: str, *, expect: int = 200) -> str:
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != expect:
                response.failure(f"{name}: {response.status_code} for GET {url}")
                raise FlowError(name)
            self.last_page = response.text or ""
            return self.last_page

    def post(self, url: str, name: str, fields, *, expect: int = 302, json_reply=False):
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            # What a browser sends with a same-origin form; Django's CSRF check compares it.
            "Origin": self.host.rstrip("/"),
            "Referer": self.host.rstrip("/") + url,
        }
        if json_reply:
            headers["Accept"] = "application/json"
        with self.client.post(
            url,
            name=name,
            data=urlencode(fields),
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != expect:
                response.failure(f"{name}: {response.status_code} for POST {url}")
                raise FlowError(name)
            if json_reply:
                try:
                    return response.json()
                except ValueError:
                    response.failure(f"{name}: not JSON")
                    raise FlowError(name) from None
            return urlsplit(response.headers.get("Location", "")).path

    def token(self, html: str, name: str) -> str:
        found = CSRF.search(html)
        if found is None:
            self.fail(name, "no CSRF token on the page")
        return found.group(1)

    def fail(self, name: str, why: str):
        events.request.fire(
            request_type="FLOW",
            name=name,
            response_time=0,
            response_length=0,
            exception=FlowError(why),
            context={},
        )
        raise FlowError(why)

    # --- the flow -------------------------------------------------------------------------

    @task
    def shift(self):
        if not free_staff:
            gevent.sleep(1)
            return
        self.username = free_staff.popleft()
        try:
            home = self.log_in()
            self.think()
            self.take_quiz(home)
            self.run_drill(home)
            self.log_out()
        except FlowError:
            self.client.cookiejar.clear()
            self.think()
        finally:
            self._release()

    def log_in(self) -> str:
        page = self.get("/accounts/login/", "01 login page")
        self.think()
        landed = self.post(
            "/accounts/login/",
            "02 log in",
            {
                "csrfmiddlewaretoken": self.token(page, "02 log in"),
                "username": self.username,
                "password": PASSWORD,
            },
        )
        if landed != "/":
            self.fail("02 log in", f"login did not land on the home page but on {landed!r}")
        return self.get("/", "03 home")

    def take_quiz(self, home: str):
        modules = [
            url
            for url in links(TRAINING_LINK, home)
            if attempts_started[(self.username, url)] < ATTEMPTS_PER_DAY
        ]
        if not modules:
            return
        module = min(modules, key=lambda url: attempts_started[(self.username, url)])
        page = self.get(module, "04 module")
        self.think()
        attempts_started[(self.username, module)] += 1
        self.post(
            module + "quiz/", "05 quiz start", {"csrfmiddlewaretoken": self.token(page, "05")}
        )
        quiz = self.get(module + "quiz/", "06 quiz")
        attempt = ATTEMPT.search(quiz)
        if attempt is None:
            self.fail("06 quiz", "no open attempt on the quiz page")
        attempt_id = int(attempt.group(1))
        token = self.token(quiz, "06 quiz")
        answers = pick_answers(QUESTION_INPUT.findall(quiz))
        self.think()
        half = half_of(answers)
        reply = self.post(
            module + "quiz/save/",
            "07 save answers",
            quiz_form(token, attempt_id, half),
            expect=200,
            json_reply=True,
        )
        if not reply.get("saved"):
            self.fail("07 save answers", f"not saved: {reply}")
        record(
            {
                "t": "answers",
                "user": self.username,
                "attempt": attempt_id,
                "via": "save",
                "answers": half,
            }
        )
        self.think()
        result = self.post(
            module + "quiz/submit/", "08 submit", quiz_form(token, attempt_id, answers)
        )
        if RESULT_URL.search(result) is None:
            self.fail("08 submit", f"submit did not lead to a result but to {result!r}")
        record(
            {
                "t": "answers",
                "user": self.username,
                "attempt": attempt_id,
                "via": "submit",
                "answers": answers,
            }
        )
        self.get(result, "09 result")
        self.think()

    def run_drill(self, home: str):
        drills = links(DRILL_LINK, home)
        if not drills:
            return
        scenario = random.choice(drills)
        slug = scenario.strip("/").split("/")[-1]
        page = self.get(scenario, "10 drill")
        self.think()
        run_url = scenario + "run/"
        self.post(
            run_url,
            "11 drill start",
            {"csrfmiddlewaretoken": self.token(page, "11"), "action": "start"},
        )
        step = self.get(run_url, "12 drill step")
        for _ in range(MAX_DRILL_STEPS):
            node, choices = NODE.search(step), CHOICE.findall(step)
            number = STEP_NUMBER.search(step)
            if node is None or number is None:
                self.fail("12 drill step", "no drill step on the run page")
            fields = {
                "csrfmiddlewaretoken": self.token(step, "13"),
                "action": "decide",
                "node": node.group(1),
            }
            if choices:
                self.think()
                choice = int(random.choice(choices))
                fields["choice"] = choice
            else:
                # The step's timer ran out before the page came (a slow server): countdown.js
                # posts the timeout form once the server's grace has passed, and so do we.
                gevent.sleep(TIMEOUT_GRACE)
                choice = None
            landed = self.post(run_url, "13 drill decide", fields)
            record(
                {
                    "t": "decision",
                    "user": self.username,
                    "scenario": slug,
                    "step": int(number.group(1)),
                    "node": node.group(1),
                    "choice": choice,
                }
            )
            if landed != run_url:
                self.get(landed, "14 debrief")
                return
            step = self.get(run_url, "12 drill step")
        self.fail("13 drill decide", f"no end after {MAX_DRILL_STEPS} steps")

    def log_out(self):
        self.think()
        token = self.token(self.last_page, "15 log out")
        self.post("/accounts/logout/", "15 log out", {"csrfmiddlewaretoken": token})
        self.client.cookiejar.clear()
