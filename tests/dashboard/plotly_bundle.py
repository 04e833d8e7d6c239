"""The vendored plotly.js bundle read as text (its version, the trace types it registers), and
a clinic whose /manage/ page draws charts, for the tests of both."""

import datetime
import re

from django.conf import settings

from dashboard.models import CoverageMinimum
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
)

STATIC = settings.BASE_DIR / "site/dashboard/static"
BUNDLE_NAME = "dashboard/vendor/plotly/plotly-basic.min.js"
BUNDLE = STATIC / BUNDLE_NAME
# plotly.js's build opens with a banner "plotly.js (basic - minified) vX.Y.Z" and registers each
# trace module as {..., moduleType:"trace", name:"bar", ...} (the browser test checks this
# reading against Plotly.PlotSchema in Chromium).
BANNER = re.compile(r"plotly\.js \([^)]*\) v(\d+\.\d+\.\d+)")
TRACE_MODULE = re.compile(r'moduleType:"trace",name:"(\w+)"')


def bundle_version() -> str:
    with BUNDLE.open(encoding="utf-8") as bundle:
        match = BANNER.search(bundle.read(500))
    assert match, f"no version banner at the top of {BUNDLE}"
    return match.group(1)


def bundle_trace_types() -> set[str]:
    return set(TRACE_MODULE.findall(BUNDLE.read_text(encoding="utf-8")))


def clinic_with_charts(*, manager: str = "maria"):
    """A location with ACLS holders, one card expiring and one lapsed, and a coverage minimum:
    /manage/ draws the coverage, expiries and compliance charts. Returns the manager."""
    today = datetime.date.today()
    north = LocationFactory(name="North", slug="north")
    injector = JobRoleFactory(slug="injector", name="Injector")
    acls = CertificationTypeFactory(code="ACLS", name="ACLS")
    CertificationRequirementFactory(role=injector, certification_type=acls)
    boss = ManagerFactory(home_location=north, user__username=manager)
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
    return boss
