"""`make screenshots`: the main pages of the demo clinic at a phone's width and a laptop's, as
full-page PNG files for review (issue 15).

`main_pages` picks what each page shows from the seeded demo (it reads the database, so it runs
before the browser starts: Django refuses the ORM beside Playwright's event loop); `capture`
logs each role in once, through the real forms (the manager with the demo authenticator's
code), and photographs its pages at each width.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from django.urls import reverse
from django_otp.oath import TOTP

from accounts.demo import DEMO_TOTP_KEY
from certifications.models import CertificationRecord
from content.models import ProtocolIndexPage, ProtocolPage
from content.routes import subpage_url
from drills.models import DrillRun, DrillScenarioPage, TeamDrillSession
from organisation.demo import DEMO_PASSWORD
from organisation.models import StaffProfile
from training.models import QuizAttempt, TrainingModulePage

WIDTHS = (390, 1280)
HEIGHT = 844
ANONYMOUS, STAFF, MANAGER = "anonymous", "staff", "manager"
# Plotly draws the dashboard's charts after the page has loaded.
CHARTS_DRAWN = """() => [...document.querySelectorAll("[data-chart]")]
  .every(el => el.dataset.drawn === "true")"""


@dataclass(frozen=True)
class Shot:
    name: str
    role: str
    path: str
    # A button pressed first when the page shows it (starting a quiz or a drill).
    press: str = ""


def main_pages() -> list[Shot]:
    """The pages to photograph, about Sam (`staff`) and seen by Maria (`manager`): his longest
    debrief, his latest passed quiz and its certificate's verification, a module he has not
    passed, his first card."""
    sam = StaffProfile.objects.get(user__username=STAFF)
    passed = (
        QuizAttempt.objects.filter(staff=sam, passed=True)
        .select_related("module")
        .latest("submitted_at")
    )
    passed_module = passed.module.specific
    other_module = (
        TrainingModulePage.objects.live().exclude(pk=passed_module.pk).order_by("path").first()
    )
    longest = (
        DrillRun.objects.filter(staff=sam, finished_at__isnull=False)
        .select_related("page")
        .order_by("-steps", "pk")
        .first()
    )
    scenario = DrillScenarioPage.objects.live().order_by("path").first()
    protocol = max(ProtocolPage.objects.live(), key=lambda page: len(str(page.body.raw_data)))
    card = CertificationRecord.objects.filter(staff=sam).order_by("pk").first()
    session = TeamDrillSession.objects.filter(location=sam.home_location).first()
    return [
        Shot("login", ANONYMOUS, reverse("login")),
        Shot("verify", ANONYMOUS, reverse("training:verify", args=[passed.certificate_code])),
        Shot("home", STAFF, "/"),
        Shot("my-training", STAFF, reverse("training:my_training")),
        Shot("module", STAFF, other_module.url),
        Shot("quiz-intro", STAFF, subpage_url(passed_module, "quiz")),
        Shot("quiz", STAFF, subpage_url(other_module, "quiz"), press="Start the quiz"),
        Shot("quiz-result", STAFF, subpage_url(passed_module, "quiz_result", passed.pk)),
        Shot("my-drills", STAFF, reverse("drills:my_drills")),
        Shot("drill-step", STAFF, subpage_url(scenario, "run"), press="Start the drill"),
        Shot("debrief", STAFF, subpage_url(longest.page.specific, "debrief", longest.pk)),
        Shot("my-certifications", STAFF, reverse("certifications:my_certifications")),
        Shot("card", STAFF, reverse("certifications:record", args=[card.pk])),
        Shot("calendar", STAFF, reverse("reminders:calendar")),
        Shot("protocols", STAFF, ProtocolIndexPage.objects.live().first().url),
        Shot("protocol", STAFF, protocol.url),
        Shot("manager-home", MANAGER, "/"),
        Shot("manage", MANAGER, reverse("dashboard:manage")),
        Shot("staff-record", MANAGER, reverse("dashboard:staff_record", args=[sam.pk])),
        Shot("verification-queue", MANAGER, reverse("certifications:manage")),
        Shot("team-drills", MANAGER, reverse("drills:session_list")),
        Shot("team-drill", MANAGER, reverse("drills:session_detail", args=[session.pk])),
    ]


def _log_in(page, username: str) -> None:
    """Through the login form; the demo managers then give their authenticator's code."""
    page.goto(reverse("login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    if username != STAFF:
        page.wait_for_url(lambda url: urlparse(url).path == reverse("accounts:mfa_verify"))
        code = TOTP(bytes.fromhex(DEMO_TOTP_KEY)).token()
        page.get_by_label("Code").fill(f"{code:06d}")
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: urlparse(url).path == "/")


def capture(
    *,
    base_url: str,
    shots: Iterable[Shot],
    out_dir: Path,
    chromium: str,
    progress: Callable[[Path], None],
) -> list[Path]:
    """Photograph every shot at every width into out_dir as <width>/<name>.png; returns the
    files in the order taken, calling progress with each."""
    from playwright.sync_api import sync_playwright

    shots = list(shots)
    taken = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            for role in dict.fromkeys(shot.role for shot in shots):
                page = browser.new_context(base_url=base_url).new_page()
                if role != ANONYMOUS:
                    _log_in(page, role)
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": HEIGHT})
                    for shot in (s for s in shots if s.role == role):
                        path = out_dir / str(width) / f"{shot.name}.png"
                        _photograph(page, shot, path)
                        taken.append(path)
                        progress(path)
                page.context.close()
        finally:
            browser.close()
    return taken


def _photograph(page, shot: Shot, path: Path) -> None:
    page.goto(shot.path)
    button = page.get_by_role("button", name=shot.press) if shot.press else None
    if button is not None and button.count():
        with page.expect_navigation():
            button.click()
    page.wait_for_function(CHARTS_DRAWN)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path, full_page=True)
