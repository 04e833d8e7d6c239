from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import ProtocolPageFactory, StaffProfileFactory


def test_staff_logs_in_and_reads_a_protocol_on_a_phone(
    page, live_server, library, log_in, external_requests
):
    StaffProfileFactory(user__username="sam", user__first_name="Sam")
    ProtocolPageFactory(
        parent=library,
        title="Anaphylaxis response",
        slug="anaphylaxis",
        sample_content=True,
        body=[
            ("callout", {"kind": "danger", "title": "Epinephrine first", "body": "<p>IM.</p>"}),
            (
                "timed_steps",
                {
                    "title": "First minutes",
                    "steps": [
                        {"at": "0 min", "action": "Call for help and note the time"},
                    ],
                },
            ),
        ],
    )
    page.set_viewport_size({"width": 390, "height": 844})
    log_in("sam")
    expect(page.get_by_role("heading", name="Hello, Sam")).to_be_visible()

    page.get_by_role("link", name="Protocols").first.click()
    page.get_by_role("link", name="Anaphylaxis response").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Anaphylaxis response"
    expect(page.get_by_text("Sample content.")).to_be_visible()
    assert page.get_by_role("cell", name="Call for help and note the time").is_visible()
    # Nothing wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert external_requests == []
