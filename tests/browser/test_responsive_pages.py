"""Every staff and manager page at a phone's width (390 px) and a laptop's (1280 px): nothing
wider than the window, nothing hidden in a sideways scroll box without a cue, and no axe
violation (issue 15, point 1).

The pages show the demo clinic (seed_demo: long protocols, quiz histories, drill runs, a
manager's whole location), seeded once for the module and served by a live server of the
module's own: pytest-django's `live_server` flushes the database after every test, which would
mean seeding once per page. Each role logs in once (the manager with the demo authenticator's
code, as in production) and its pages reuse that tab, resized to each width.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest
from audits.models import AuditRound
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from incidents.models import Incident
from pytest_django.live_server_helper import LiveServer

from accounts.demo import DEMO_TOTP_KEY
from certifications.models import CertificationRecord
from content.models import ProtocolPage
from drills.models import DrillRun, DrillScenarioPage, TeamDrillSession
from kits.models import EmergencyKit
from organisation.demo import DEMO_PASSWORD
from organisation.models import StaffProfile
from training.models import QuizAttempt, TrainingModulePage

WIDTHS = (390, 1280)
HEIGHT = 844
# A made-up certificate code: the site's own 404 page.
UNKNOWN_CODE = "NO-SUCH-CODE"

# Each box that scrolls sideways with more inside than it shows, as "tag.class: 812 > 366": a
# column out of sight with nothing to say so. Exempt: site.css's .scroll-region (a shaded edge
# and a hint tell there is more; it takes the keyboard), kept for what is wide by nature (the
# compliance matrix), and the chart library's own boxes.
HIDDEN_SIDEWAYS = """() => [...document.querySelectorAll("body *")]
  .filter(el => ["auto", "scroll"].includes(getComputedStyle(el).overflowX)
             && el.scrollWidth > el.clientWidth + 1
             && !el.matches(".scroll-region") && !el.closest(".js-plotly-plot"))
  .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}: `
             + `${el.scrollWidth} > ${el.clientWidth}`)"""
# What sticks out past the window's right edge, for the message when the page is too wide.
WIDE_ELEMENTS = """() => [...document.querySelectorAll("body *")]
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 8)
  .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} `
             + `right=${Math.round(el.getBoundingClientRect().right)}`)"""
CHARTS_DRAWN = """() => [...document.querySelectorAll("[data-chart]")]
  .every(el => el.dataset.drawn === "true")"""


@dataclass(frozen=True)
class Visit:
    name: str
    # "anonymous", "staff" (Sam), "manager" (Maria, Brookline) or "half" (a manager who gave
    # the password and not yet the second factor)
    role: str
    url: Callable[[dict], str]
    # A button to press when the page offers it (starting a quiz or a drill), to reach the
    # page past it; the next width may find the quiz or drill already open.
    press: str = ""
    # What the page must show, so the test measures the page it means to.
    shows: str = "main h1"


def _url(name: str, *args: Callable[[dict], object]) -> Callable[[dict], str]:
    return lambda world: reverse(name, args=[arg(world) for arg in args])


def _at(path: str) -> Callable[[dict], str]:
    return lambda world: path


VISITS = (
    # Open to anyone
    Visit("login", "anonymous", _url("login")),
    Visit("password_reset", "anonymous", _url("password_reset")),
    Visit("password_reset_done", "anonymous", _url("password_reset_done")),
    Visit(
        "password_reset_confirm",
        "anonymous",
        _url("password_reset_confirm", lambda w: "bm9ib2R5", lambda w: "set-password"),
    ),
    Visit("password_reset_complete", "anonymous", _url("password_reset_complete")),
    Visit("verify_anonymous", "anonymous", _url("training:verify", lambda w: w["code"])),
    Visit("not_found", "anonymous", _url("training:verify", lambda w: UNKNOWN_CODE)),
    # Staff
    Visit("home", "staff", _at("/")),
    Visit("my_training", "staff", _url("training:my_training")),
    Visit("training_index", "staff", lambda w: w["modules"][0].get_parent().url),
    Visit("module", "staff", lambda w: w["modules"][0].url),
    Visit("quiz_intro", "staff", lambda w: w["modules"][1].url + "quiz/"),
    Visit(
        "quiz",
        "staff",
        lambda w: w["modules"][2].url + "quiz/",
        press="Start the quiz",
        shows="form.quiz",
    ),
    Visit("quiz_result", "staff", lambda w: w["result"]),
    Visit("verify", "staff", _url("training:verify", lambda w: w["code"])),
    Visit("my_drills", "staff", _url("drills:my_drills")),
    Visit("drill_index", "staff", lambda w: w["scenario"].get_parent().url),
    Visit("drill_scenario", "staff", lambda w: w["scenario"].url),
    Visit("drill_start", "staff", lambda w: w["fresh_scenario"].url + "run/"),
    Visit(
        "drill_step",
        "staff",
        lambda w: w["scenario"].url + "run/",
        press="Start the drill",
        shows=".drill-node",
    ),
    Visit("debrief", "staff", lambda w: w["debrief"]),
    Visit("my_certifications", "staff", _url("certifications:my_certifications")),
    Visit("certification_record", "staff", _url("certifications:record", lambda w: w["record"])),
    Visit("calendar", "staff", _url("reminders:calendar")),
    Visit("my_clearances", "staff", _url("clearances:my_clearances")),
    Visit("my_kits", "staff", _url("kits:my_kits")),
    Visit("kit_check", "staff", _url("kits:check", lambda w: w["kit"])),
    Visit("my_attestations", "staff", _url("attestations:mine")),
    Visit("my_follow_ups", "staff", _url("followups:mine")),
    Visit("protocol_index", "staff", lambda w: w["protocol"].get_parent().url),
    Visit("protocol", "staff", lambda w: w["protocol"].url),
    Visit("password_change", "staff", _url("password_change")),
    Visit("password_change_done", "staff", _url("password_change_done")),
    Visit("mfa_settings", "staff", _url("accounts:mfa_settings")),
    Visit("mfa_setup", "staff", _url("accounts:mfa_setup")),
    # Managers
    Visit("mfa_verify", "half", _url("accounts:mfa_verify")),
    Visit("manager_home", "manager", _at("/")),
    Visit("manage", "manager", _url("dashboard:manage")),
    Visit("staff_record", "manager", _url("dashboard:staff_record", lambda w: w["staff"])),
    Visit("verification_queue", "manager", _url("certifications:manage")),
    Visit("exempt", "manager", _url("actions:exempt", lambda w: w["staff"])),
    Visit("assign", "manager", _url("actions:assign", lambda w: w["staff"])),
    Visit("nudge", "manager", _url("actions:nudge", lambda w: w["staff"])),
    Visit("record_card", "manager", _url("actions:record_card", lambda w: w["staff"])),
    Visit("assign_role", "manager", _url("actions:assign_role")),
    Visit("drill_sessions", "manager", _url("drills:session_list")),
    Visit("drill_session_pick", "manager", _url("drills:session_new")),
    Visit(
        "drill_session_form",
        "manager",
        lambda w: reverse("drills:session_new") + f"?scenario={w['scenario'].pk}",
    ),
    Visit("drill_session", "manager", _url("drills:session_detail", lambda w: w["session"])),
    Visit("kits", "manager", _url("kits:manage")),
    Visit("kit", "manager", _url("kits:kit_detail", lambda w: w["kit"])),
    Visit("kit_replace", "manager", _url("kits:item_replace", lambda w: w["kit_item"])),
    Visit("incidents", "manager", _url("incidents:list")),
    Visit("incident", "manager", _url("incidents:detail", lambda w: w["incident_closed"])),
    Visit("incident_new", "manager", _url("incidents:new")),
    Visit("incident_close", "manager", _url("incidents:close", lambda w: w["incident_open"])),
    Visit("follow_ups", "manager", _url("followups:manage")),
    Visit(
        "follow_up_new",
        "manager",
        _url("followups:new_from_incident", lambda w: w["incident_open"]),
    ),
    Visit("attestations", "manager", _url("attestations:manage")),
    Visit("snapshots", "manager", _url("snapshots:snapshot_list")),
    Visit("audits", "manager", _url("audits:round_list")),
    Visit("audit_round_new", "manager", _url("audits:round_new")),
    Visit("audit_round", "manager", _url("audits:round_detail", lambda w: w["audit_round"])),
    Visit("audit_record", "manager", _url("audits:record_new", lambda w: w["audit_round"])),
    Visit(
        "audit_retrain",
        "manager",
        _url("audits:retrain", lambda w: w["audit_round"], lambda w: w["audit_failing_item"]),
    ),
    Visit("audit_scores", "manager", _url("audits:trend")),
    Visit("clearances_board", "manager", _url("clearances:board")),
    Visit(
        "roster_gate",
        "manager",
        lambda w: (
            reverse("clearances:gate")
            + f"?location=brookline&procedure=dermal-fillers&date={w['brookline_today']}"
        ),
    ),
    Visit("manager_mfa_settings", "manager", _url("accounts:mfa_settings")),
    Visit(
        "recovery_codes",
        "manager",
        _url("accounts:mfa_settings"),
        press="Make new recovery codes",
        shows=".recovery-codes",
    ),
)


def _world() -> dict:
    """What the pages are about, picked from the demo clinic: Sam's longest debrief, a result
    of his with its certificate code, a module of each kind of page, a Brookline team drill."""
    staff = StaffProfile.objects.get(user__username="staff")
    modules = list(TrainingModulePage.objects.live().order_by("path"))
    passed = QuizAttempt.objects.filter(staff=staff, passed=True).order_by("-submitted_at")
    attempt = passed.select_related("module").first()
    longest = (
        DrillRun.objects.filter(staff=staff, finished_at__isnull=False)
        .order_by("-steps", "pk")
        .first()
    )
    scenarios = list(DrillScenarioPage.objects.live().order_by("path"))
    kit = EmergencyKit.objects.filter(location=staff.home_location).order_by("pk").first()
    audit_round = AuditRound.objects.filter(location=staff.home_location).first()  # the latest
    return {
        "staff": staff.pk,
        "modules": modules,
        "result": attempt.module.specific.url + f"quiz/attempts/{attempt.pk}/",
        "code": attempt.certificate_code,
        "debrief": longest.page.url + f"runs/{longest.pk}/",
        "scenario": scenarios[0],
        "fresh_scenario": scenarios[-1],
        "protocol": max(ProtocolPage.objects.live(), key=lambda p: len(str(p.body.raw_data))),
        "record": CertificationRecord.objects.filter(staff=staff).order_by("pk").first().pk,
        "session": TeamDrillSession.objects.filter(location=staff.home_location).first().pk,
        "kit": kit.pk,
        "kit_item": kit.items.order_by("position").first().pk,
        "incident_closed": Incident.objects.filter(status="closed").first().pk,
        "incident_open": Incident.objects.filter(status="open").first().pk,
        "audit_round": audit_round.pk,
        "audit_failing_item": audit_round.items.get(text="Photos taken").pk,
        # The roster gate asks about Brookline's today, as a manager there would.
        "brookline_today": staff.home_location.local_date(timezone.now()).isoformat(),
    }


def _log_in(page, username: str, *, second_factor: str = "") -> None:
    """Through the login form; a manager is then asked for the second factor, and gives
    `second_factor` ("" stops there, on the verify page)."""
    page.goto(reverse("login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    if username != "staff":
        page.wait_for_url(lambda url: urlparse(url).path == reverse("accounts:mfa_verify"))
        if not second_factor:
            return
        page.get_by_label("Code").fill(second_factor)
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: urlparse(url).path == "/")


@pytest.fixture(scope="module")
def clinic(browser, django_db_setup, django_db_blocker):
    """(world, tabs): the demo clinic behind a live server for the whole module, and a tab per
    role, logged in (outside any test's transaction, so the sessions last). Afterwards the
    database is put back as it was (what migrations wrote included, which a flush alone would
    lose for the tests that follow)."""
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        # A seed that fails halfway (it is not one transaction) is put back too: left in the
        # database, its home page made every later test on this worker fail (300 of them).
        try:
            call_command("seed_demo", stdout=io.StringIO())
            world = _world()
            yield from _served(browser, world)
        finally:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(before)
            _sequences_past_restored_rows()


def _served(browser, world: dict):
    """The live server and a logged-in tab per role, for as long as the module's tests run."""
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    # Managers give the second factor, as they must in production.
    mfa = override_settings(READYROOM_MFA_REQUIRED=True)
    mfa.enable()
    tabs = {}
    try:
        for role in ("anonymous", "staff", "manager", "half"):
            tabs[role] = browser.new_context(base_url=server.url).new_page()
        _log_in(tabs["staff"], "staff")
        code = f"{TOTP(bytes.fromhex(DEMO_TOTP_KEY)).token():06d}"
        _log_in(tabs["manager"], "manager", second_factor=code)
        _log_in(tabs["half"], "regional")
        yield world, tabs
    finally:
        for page in tabs.values():
            page.context.close()
        mfa.disable()
        server._live_server_modified_settings.disable()
        server.stop()


def _sequences_past_restored_rows() -> None:
    """The restored rows keep their ids, but PostgreSQL's flush restarted every id sequence at
    1: the next insert would reuse a restored id (a duplicate key in whatever test follows on
    this worker). SQLite needs nothing (it takes the largest id), and gets no statements."""
    statements = connection.ops.sequence_reset_sql(
        no_style(), apps.get_models(include_auto_created=True)
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


# The database must exist (pytest-django sets it up for tests that ask); each test's own
# writes (a quiz or drill started) are rolled back where the server shares the connection.
@pytest.mark.django_db
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("visit", VISITS, ids=lambda visit: visit.name)
def test_page_fits_the_window_and_passes_axe(clinic, visit, width):
    world, tabs = clinic
    page = tabs[visit.role]
    page.set_viewport_size({"width": width, "height": HEIGHT})
    response = page.goto(visit.url(world))
    expected = 404 if visit.name == "not_found" else 200
    assert response.status == expected, f"{visit.name}: {response.status} at {page.url}"
    if visit.press and page.get_by_role("button", name=visit.press).count():
        with page.expect_navigation():
            page.get_by_role("button", name=visit.press).click()
    assert page.locator(visit.shows).count(), f"{visit.name}: no {visit.shows} at {page.url}"
    page.wait_for_function(CHARTS_DRAWN)

    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"{page.url} is {overflow} px wide: {page.evaluate(WIDE_ELEMENTS)}"
    assert page.evaluate(HIDDEN_SIDEWAYS) == [], f"{page.url} hides content sideways"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
