"""End to end under the real headers: the manager's charts, a quiz, a drill run and two-step
login setup in Chromium with the site's Content-Security-Policy (and the admin with its own),
and the browser reports no violation."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from dashboard.models import CoverageMinimum
from tests.dashboard.plotly_bundle import BUNDLE, bundle_trace_types, bundle_version
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
)
from tests.factories.drills import DrillIndexPageFactory, DrillScenarioPageFactory
from tests.factories.training import (
    TrainingIndexPageFactory,
    TrainingRequirementFactory,
    module_with_questions,
)

# Runs before any of the page's own scripts, outside the page's CSP (Playwright injects it).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    [event.violatedDirective, event.blockedURI || "inline", event.sourceFile, event.lineNumber,
     event.columnNumber, event.sample].join(" ")
  );
});
"""


@pytest.fixture
def csp_violations(page):
    """Every CSP violation the browser reports (event and console), and uncaught errors."""
    console = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    # A script the policy broke halfway shows up as an uncaught error, not as a violation.
    page.on("pageerror", lambda error: console.append(f"uncaught: {error}"))

    def collect() -> list[str]:
        return console + page.evaluate("window.__cspViolations || []")

    return collect


def assert_strict_policy(response):
    policy = response.header_value("content-security-policy")
    assert policy and "unsafe-inline" not in policy, policy


def test_charts_draw_under_the_sites_policy(page, live_server, log_in, csp_violations):
    today = datetime.date.today()
    north = LocationFactory(name="North", slug="north")
    injector = JobRoleFactory(slug="injector", name="Injector")
    acls = CertificationTypeFactory(code="ACLS", name="ACLS")
    CertificationRequirementFactory(role=injector, certification_type=acls)
    ManagerFactory(home_location=north, user__username="maria")
    for days in (120, -10):
        CertificationRecordFactory(
            staff=StaffProfileFactory(home_location=north, roles=[injector]),
            certification_type=acls,
            issued_on=today - datetime.timedelta(days=700),
            expires_on=today + datetime.timedelta(days=days),
        )
    CoverageMinimum.objects.create(
        location=north, certification_code="ACLS", role=injector, minimum=2
    )

    log_in("maria")
    response = page.goto(f"{live_server.url}/manage/")
    assert_strict_policy(response)
    for slug in ("coverage", "expiries"):
        page.wait_for_selector(f'[data-chart="{slug}"][data-drawn="true"]')
    # Drawn means plotted: bars in the SVG, and plotly's own stylesheet in force (the modebar
    # is hidden until the pointer is over the chart).
    assert page.locator('[data-chart="expiries"] .bars path').count() > 0
    modebar = page.locator('[data-chart="expiries"] .modebar').first
    assert modebar.evaluate("el => getComputedStyle(el).position") == "absolute"
    page.hover('[data-chart="expiries"] .nsewdrag')
    page.locator('[data-chart="expiries"] .modebar-btn').first.wait_for()
    assert csp_violations() == []


def test_quiz_drill_run_and_mfa_setup_under_the_sites_policy(
    page, live_server, log_in, home_page, csp_violations
):
    clinic = LocationFactory(slug="brookline", name="Brookline", time_zone="America/New_York")
    role = JobRoleFactory(slug="laser-technician", name="Laser technician")
    module = module_with_questions(
        TrainingIndexPageFactory(parent=home_page), title="Post-laser recovery", slug="post-laser"
    )
    TrainingRequirementFactory(role=role, module=module)
    StaffProfileFactory(user__username="staff", home_location=clinic, roles=[role])
    DrillScenarioPageFactory(
        parent=DrillIndexPageFactory(parent=home_page),
        slug="anaphylaxis",
        title="Anaphylaxis after a topical anaesthetic",
    )

    log_in("staff")
    response = page.goto(f"{live_server.url}{module.url}")
    assert_strict_policy(response)
    page.get_by_role("link", name="Take the quiz").click()
    # Waits for the load event: quiz.js is deferred, and an answer chosen before it runs
    # fires no save (on a busy CI machine the radio was checked first and nothing was saved).
    with page.expect_navigation():
        page.get_by_role("button", name="Start the quiz").click()
    # quiz.js saves each answer as it is chosen (a fetch: connect-src).
    page.locator("fieldset.quiz__question").first.get_by_label("Carry on", exact=True).check()
    expect(page.locator(".quiz__saved")).to_have_text("Answers saved.")

    page.goto(f"{live_server.url}/my/training/")
    page.get_by_role("link", name="Drills").first.click()
    page.get_by_role("link", name="Anaphylaxis after a topical anaesthetic").first.click()
    page.get_by_role("button", name="Start the drill").click()
    timer = page.get_by_role("timer")
    first = timer.inner_text()
    page.wait_for_function(
        "text => document.querySelector('[role=timer]').innerText !== text", arg=first
    )

    # Two-step login setup draws its QR code as inline SVG.
    response = page.goto(f"{live_server.url}{reverse('accounts:mfa_setup')}")
    assert_strict_policy(response)
    page.locator("svg.mfa-qr").wait_for()
    assert csp_violations() == []


PLOTLY_CSS = settings.BASE_DIR / "site/dashboard/static/dashboard/plotly-global.css"
# The <style> elements the vendored plotly.js adds at load, each skipped when an element with
# its id exists (dashboard/manage.html provides it). The basic bundle has no map traces, so no
# maplibre-gl style: the full one added a second element.
PLOTLY_STYLE_IDS = {"plotly.js-style-global"}
CAPTURE_PLOTLY_RULES = """() => {
  window.__plotlyRules = [];
  const insertRule = CSSStyleSheet.prototype.insertRule;
  CSSStyleSheet.prototype.insertRule = function (rule, index) {
    window.__plotlyRules.push(rule);
    return insertRule.call(this, rule, index);
  };
}"""


def test_manage_page_stands_in_for_every_style_element_plotly_adds(page):
    """Loaded without a CSP, the vendored plotly.js adds the <style> elements manage.html
    pre-empts, and its global rules are plotly-global.css's, in the same order (plotly inserts
    each at the top). On failure, the message is the file's new body. The bundle is also the
    version and has the trace types that reading its text finds (tests/dashboard)."""
    page.set_content("<!DOCTYPE html><html><head></head><body></body></html>")
    page.evaluate(CAPTURE_PLOTLY_RULES)
    page.add_script_tag(path=BUNDLE)
    added = page.evaluate("Array.from(document.querySelectorAll('style'), s => s.id)")
    assert set(added) == PLOTLY_STYLE_IDS
    assert page.evaluate("Plotly.version") == bundle_version()
    traces = page.evaluate("Object.keys(Plotly.PlotSchema.get().traces)")
    assert set(traces) == bundle_trace_types()
    injected = "\n".join(reversed(page.evaluate("window.__plotlyRules"))) + "\n"
    ours = re.sub(r"/\*.*?\*/\n", "", PLOTLY_CSS.read_text(), flags=re.DOTALL)
    assert ours == injected, injected


def test_editor_userbar_and_admin_editor_run_under_their_policies(
    page, live_server, log_in, home_page, csp_violations
):
    StaffProfileFactory(user__username="edith", user__is_superuser=True)
    drill = DrillScenarioPageFactory(
        parent=DrillIndexPageFactory(parent=home_page), slug="anaphylaxis", title="Anaphylaxis"
    )

    log_in("edith")
    response = page.goto(f"{live_server.url}{drill.url}")
    assert_strict_policy(response)
    page.locator("wagtail-userbar").wait_for(state="attached")

    response = page.goto(f"{live_server.url}/admin/pages/{drill.pk}/edit/")
    policy = response.header_value("content-security-policy")
    assert "'unsafe-inline'" in policy and "frame-ancestors 'self'" in policy
    # The drill map panel's stylesheet (once an inline style attribute) is in force.
    map_box = page.locator(".drill-map-panel__map")
    assert map_box.evaluate("el => getComputedStyle(el).overflow") == "auto"
    page.wait_for_load_state("networkidle")
    assert csp_violations() == []
    # The editor pings the server on a timer (editing sessions): leave it before the live
    # server's database is flushed, or a late ping finds the table locked.
    page.goto("about:blank")
