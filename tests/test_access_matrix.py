"""Every named URL, tried by every kind of visitor, with the status each must get.

The URL configuration is walked, so a new URL without an entry here fails
`test_every_named_url_has_an_entry`. Ids come from one small world: two locations, a regional
manager over one of them and a third, an educator and a medical director; the records
belong to Nadia at North.
"""

import datetime

import pytest
from attestations.models import Attestation, ProtocolRevision
from audits import services as audit_services
from audits.models import AuditChecklist
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from followups import services as follow_up_services
from incidents import services as incident_services
from incidents.steps import Step
from reminders.models import CalendarToken
from snapshots.services import last_month_end, take_snapshot

from actions.models import Exemption
from kits import services as kit_services
from organisation import groups
from tests.factories import (
    JobRoleFactory,
    LocationFactory,
    ManagerFactory,
    StaffProfileFactory,
)
from tests.factories.certifications import CertificationRecordFactory, pdf_upload
from tests.factories.content import ProtocolIndexPageFactory, ProtocolPageFactory
from tests.factories.drills import (
    DrillIndexPageFactory,
    DrillScenarioPageFactory,
    TeamDrillSessionFactory,
)
from tests.factories.training import (
    TrainingIndexPageFactory,
    correct_answers,
    module_with_questions,
)
from training import services as training_services

ROLES = ("anonymous", "staff", "manager", "other_manager", "regional", "educator", "director")
# Wagtail's own routes (admin, documents, page serving, its login helpers) have their own
# permission system and tests; static and media are files.
SKIPPED_PREFIXES = ("admin/", "documents/")
SKIPPED_NAMES = {"wagtail_serve", "wagtailcore_authenticate_with_password", "wagtailcore_login"}

LOGIN = 302  # anonymous visitors are sent to the login page


def row(anonymous, staff, manager, other_manager, regional, educator, director):
    return dict(
        zip(
            ROLES,
            (anonymous, staff, manager, other_manager, regional, educator, director),
            strict=True,
        )
    )


EVERYONE_200 = row(200, 200, 200, 200, 200, 200, 200)
SIGNED_IN_200 = row(LOGIN, 200, 200, 200, 200, 200, 200)
MANAGERS_200 = row(LOGIN, 403, 200, 200, 200, 403, 403)
# An object of North's: the other location's manager gets the same 404 as for a missing one.
NORTH_OBJECT = row(LOGIN, 403, 200, 404, 200, 403, 403)
# A record of Nadia's seen from her "my" pages: only she and her managers.
NADIAS_RECORD = row(LOGIN, 404, 200, 404, 200, 404, 404)
# Only the owner, who is not among the visitors: everyone else gets the same 404.
OWNER_ONLY = row(LOGIN, 404, 404, 404, 404, 404, 404)
# A manager's POST with an empty form: 400 with the errors; another location's: 404.
NORTH_DECISION = row(LOGIN, 403, 400, 404, 400, 403, 403)

# name -> (method, how to build the URL's arguments from the world, expected per role)
MATRIX = {
    "login": ("get", None, EVERYONE_200),
    "logout": ("get", None, row(LOGIN, 405, 405, 405, 405, 405, 405)),
    "password_change": ("get", None, SIGNED_IN_200),
    "password_change_done": ("get", None, SIGNED_IN_200),
    "password_reset": ("get", None, EVERYONE_200),
    "password_reset_done": ("get", None, EVERYONE_200),
    "password_reset_confirm": ("get", lambda w: ["bm9ib2R5", "set-password"], EVERYONE_200),
    "password_reset_complete": ("get", None, EVERYONE_200),
    "accounts:mfa_settings": ("get", None, SIGNED_IN_200),
    "accounts:mfa_setup": ("get", None, SIGNED_IN_200),
    # Without an authenticator there is nothing to verify yet: on to setup.
    "accounts:mfa_verify": ("get", None, row(LOGIN, 302, 302, 302, 302, 302, 302)),
    "accounts:mfa_recovery_codes": ("get", None, row(LOGIN, 405, 405, 405, 405, 405, 405)),
    "accounts:mfa_turn_off": ("get", None, row(LOGIN, 405, 405, 405, 405, 405, 405)),
    "dashboard:manage": ("get", None, MANAGERS_200),
    "dashboard:export_csv": ("get", None, MANAGERS_200),
    "dashboard:export_xlsx": ("get", None, MANAGERS_200),
    "dashboard:staff_record": ("get", lambda w: [w["nadia"].pk], NORTH_OBJECT),
    "dashboard:inspection_packet": ("get", lambda w: ["north"], NORTH_OBJECT),
    "actions:exempt": ("get", lambda w: [w["nadia"].pk], NORTH_OBJECT),
    "actions:nudge": ("get", lambda w: [w["nadia"].pk], NORTH_OBJECT),
    "actions:assign": ("get", lambda w: [w["nadia"].pk], NORTH_OBJECT),
    "actions:assign_role": ("get", None, MANAGERS_200),
    "actions:record_card": ("get", lambda w: [w["nadia"].pk], NORTH_OBJECT),
    "actions:revoke_exemption": ("post", lambda w: [w["exemption"].pk], NORTH_DECISION),
    "certifications:my_certifications": ("get", None, SIGNED_IN_200),
    "certifications:record": ("get", lambda w: [w["record"].pk], NADIAS_RECORD),
    "certifications:card": ("get", lambda w: [w["record"].pk], NADIAS_RECORD),
    "certifications:card_preview": ("get", lambda w: [w["record"].pk], NADIAS_RECORD),
    "certifications:manage": ("get", None, MANAGERS_200),
    "certifications:bulk_verify": ("post", None, row(LOGIN, 403, 400, 400, 400, 403, 403)),
    "certifications:decide": ("post", lambda w: [w["record"].pk], NORTH_DECISION),
    "certifications:override": ("post", lambda w: [w["record"].pk], NORTH_DECISION),
    "certifications:expiry_request": ("post", lambda w: [w["record"].pk], NORTH_DECISION),
    "reminders:calendar": ("get", None, SIGNED_IN_200),
    # Public by design (calendar apps cannot sign in): without the secret token, nothing.
    "reminders:calendar_feed": ("get", None, row(404, 404, 404, 404, 404, 404, 404)),
    "training:my_training": ("get", None, SIGNED_IN_200),
    # A certificate is its owner's alone (managers see completions on the staff record).
    "training:certificate": ("get", lambda w: [w["attempt"].pk], OWNER_ONLY),
    # Public by design: an inspector checks a certificate's code without an account.
    "training:verify": ("get", lambda w: [w["attempt"].certificate_code], EVERYONE_200),
    # Marks a lesson read for the sender alone: an empty form names no lesson (400 for anyone
    # signed in, every visitor here having a staff profile); nothing names another person.
    "training:lesson_read": (
        "post", lambda w: [w["attempt"].module_id], row(LOGIN, 400, 400, 400, 400, 400, 400)
    ),
    "drills:my_drills": ("get", None, SIGNED_IN_200),
    "drills:session_list": ("get", None, MANAGERS_200),
    "drills:session_new": ("get", None, MANAGERS_200),
    "drills:session_detail": ("get", lambda w: [w["session"].pk], NORTH_OBJECT),
    "clearances:my_clearances": ("get", None, SIGNED_IN_200),
    "clearances:board": ("get", None, MANAGERS_200),
    # The gate's empty form; a question about another location is a 404 (tests/clearances).
    "clearances:gate": ("get", None, MANAGERS_200),
    # For scheduling systems, by API token alone: a session is no credential there.
    "clearances:api_gate": ("get", None, row(401, 401, 401, 401, 401, 401, 401)),
    "incidents:list": ("get", None, MANAGERS_200),
    "incidents:new": ("get", None, MANAGERS_200),
    "incidents:detail": ("get", lambda w: [w["incident"].pk], NORTH_OBJECT),
    "incidents:edit": ("get", lambda w: [w["incident"].pk], NORTH_OBJECT),
    "incidents:close": ("get", lambda w: [w["incident"].pk], NORTH_OBJECT),
    "followups:manage": ("get", None, MANAGERS_200),
    "followups:close": ("get", lambda w: [w["follow_up"].pk], NORTH_OBJECT),
    "followups:new_from_incident": ("get", lambda w: [w["incident"].pk], NORTH_OBJECT),
    "followups:new_from_session": ("get", lambda w: [w["session"].pk], NORTH_OBJECT),
    "followups:mine": ("get", None, SIGNED_IN_200),
    # Marking done is the owner's (Nadia's) alone: everyone else, the same 404 as for none.
    "followups:done": ("post", lambda w: [w["follow_up"].pk], OWNER_ONLY),
    "kits:my_kits": ("get", None, SIGNED_IN_200),
    # Whoever works at North (or manages it) checks its kit; South's manager gets a 404.
    "kits:check": ("get", lambda w: [w["kit"].pk], row(LOGIN, 200, 200, 404, 200, 200, 200)),
    "kits:manage": ("get", None, MANAGERS_200),
    "kits:kit_new": ("get", None, MANAGERS_200),
    "kits:kit_detail": ("get", lambda w: [w["kit"].pk], NORTH_OBJECT),
    "kits:item_new": ("get", lambda w: [w["kit"].pk], NORTH_OBJECT),
    "kits:item_replace": ("get", lambda w: [w["kit"].items.get().pk], NORTH_OBJECT),
    "attestations:mine": ("get", None, SIGNED_IN_200),
    # Signing is for the person asked alone: everyone else, the same 404 as for none.
    "attestations:attest": ("post", lambda w: [w["attestation"].pk], OWNER_ONLY),
    "attestations:attest_yearly": ("post", lambda w: [w["attestation"].protocol_id], OWNER_ONLY),
    "attestations:manage": ("get", None, MANAGERS_200),
    "snapshots:snapshot_list": ("get", None, MANAGERS_200),
    "snapshots:snapshot_pdf": ("get", lambda w: [w["snapshot"].pk], NORTH_OBJECT),
    "audits:round_list": ("get", None, MANAGERS_200),
    "audits:round_new": ("get", None, MANAGERS_200),
    "audits:trend": ("get", None, MANAGERS_200),
    "audits:round_detail": ("get", lambda w: [w["audit_round"].pk], NORTH_OBJECT),
    "audits:record_new": ("get", lambda w: [w["audit_round"].pk], NORTH_OBJECT),
    "audits:retrain": (
        "get", lambda w: [w["audit_round"].pk, w["audit_round"].items.first().pk], NORTH_OBJECT
    ),
    # A round with no records cannot be completed: back to the round with the reason.
    "audits:round_complete": (
        "post", lambda w: [w["audit_round"].pk], row(LOGIN, 403, 302, 404, 302, 403, 403)
    ),
}  # fmt: skip


def named_urls() -> set[str]:
    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                text = prefix + str(pattern.pattern)
                if text.startswith(SKIPPED_PREFIXES):
                    continue
                yield from walk(pattern.url_patterns, text, pattern.namespace or namespace)
            elif pattern.name and pattern.name not in SKIPPED_NAMES:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns))


def test_every_named_url_has_an_entry():
    found = named_urls()
    assert found == set(MATRIX), (
        f"missing: {sorted(found - set(MATRIX))}, stale: {sorted(set(MATRIX) - found)}"
    )


@pytest.fixture
def world(home_page, settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path
    north = LocationFactory(name="North", slug="north")
    south = LocationFactory(name="South", slug="south")
    east = LocationFactory(name="East", slug="east")
    nadia = StaffProfileFactory(home_location=north, user__first_name="Nadia")
    record = CertificationRecordFactory(
        staff=nadia, verification_status="pending", card_file=pdf_upload()
    )
    module = module_with_questions(TrainingIndexPageFactory(parent=home_page), count=2)
    now = timezone.now()
    attempt = training_services.start_attempt(staff=nadia, module=module, now=now)
    attempt = training_services.submit_attempt(
        attempt=attempt, answers=correct_answers(attempt), now=now
    )
    scenario = DrillScenarioPageFactory(parent=DrillIndexPageFactory(parent=home_page))
    session = TeamDrillSessionFactory(location=north, page=scenario, participants=[nadia])
    CalendarToken.objects.create(user=nadia.user, created_at=now)
    exemption = Exemption.objects.create(
        staff=nadia,
        kind="certification",
        requirement_key="BLS",
        label="Basic Life Support",
        reason="On leave",
        starts_on=now.date(),
        ends_on=now.date() + datetime.timedelta(days=30),
        granted_by=ManagerFactory(home_location=north).user,
        granted_at=now,
    )
    people = {
        "staff": StaffProfileFactory(home_location=north),
        "manager": ManagerFactory(home_location=north),
        "other_manager": ManagerFactory(home_location=south),
        "regional": ManagerFactory(home_location=north, managed_locations=[north, east]),
        "educator": StaffProfileFactory(
            home_location=north, user__groups=[groups.STAFF, groups.EDUCATORS]
        ),
        "director": StaffProfileFactory(
            home_location=north, user__groups=[groups.STAFF, groups.MEDICAL_DIRECTORS]
        ),
    }
    assert attempt.certificate_code, "the fixture's attempt must have passed"
    kit = kit_services.create_kit(
        location=north, name="Anaphylaxis kit", place="Room 2", created_by=nadia, now=now
    )
    kit_services.add_item(
        kit=kit,
        name="AED pads",
        lot_number="PAD-1",
        quantity_expected=2,
        expires_on=None,
        added_by=nadia,
        now=now,
    )
    audit_round = audit_services.start_round(
        location=north,
        checklist=AuditChecklist.objects.create(
            name="Laser vein treatment",
            protocol=ProtocolPageFactory(parent=ProtocolIndexPageFactory(parent=home_page)),
        ),
        audited_on=north.local_date(now),
        auditor=people["manager"],
        now=now,
    )
    protocol = ProtocolPageFactory(
        parent=ProtocolIndexPageFactory(parent=home_page, slug="attested")
    )
    protocol.attestation_roles.add(JobRoleFactory())  # a role no visitor holds
    attestation = Attestation.objects.create(
        staff=nadia,
        kind="revision",
        protocol=protocol,
        protocol_revision=ProtocolRevision.objects.create(
            protocol=protocol, title=protocol.title, significant=True, published_at=now
        ),
        requested_at=now,
        due_on=now.date() + datetime.timedelta(days=30),
    )
    incident = incident_services.record_incident(
        details=incident_services.Details(
            location=north,
            occurred_on=north.local_date(now) - datetime.timedelta(days=1),
            occurred_time=datetime.time(10, 0),
            procedure="laser_vein",
            complication="burn",
            complication_detail="",
            protocol=None,
            protocol_followed="none",
            steps=[Step(datetime.time(10, 0), "Stopped the laser")],
            outcome="Dressed.",
            follow_up_plan="",
            staff_involved=[nadia],
        ),
        recorded_by=people["manager"],
        now=now,
    )
    follow_up = follow_up_services.create_follow_up(
        what="Restock burn gel",
        owner=nadia,
        due_on=north.local_date(now) + datetime.timedelta(days=14),
        incident=incident,
        actor=people["manager"],
        now=now,
    )
    return {
        "nadia": nadia,
        "incident": incident,
        "follow_up": follow_up,
        "attestation": attestation,
        "audit_round": audit_round,
        "record": record,
        "attempt": attempt,
        "session": session,
        "exemption": exemption,
        "kit": kit,
        "snapshot": take_snapshot(
            location=north, month_end=last_month_end(north.local_date(now)), now=now
        ),
        **people,
    }


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_url_answers_each_visitor_as_it_should(client, world, name):
    method, arguments, expected = MATRIX[name]
    url = reverse(name, args=arguments(world) if arguments else None)
    got = {}
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(world[role].user)
        response = getattr(client, method)(url)
        got[role] = response.status_code
        if response.status_code == LOGIN and role == "anonymous":
            assert response["Location"].startswith(reverse("login")), (name, response["Location"])
    assert got == expected, f"{name} ({url})"


def test_nothing_changed_by_the_refused_posts(client, world):
    record = world["record"]
    for role in ("staff", "other_manager", "educator", "director"):
        client.force_login(world[role].user)
        client.post(reverse("certifications:decide", args=[record.pk]), {"decision": "verify"})
        client.post(
            reverse("certifications:override", args=[record.pk]),
            {"expires_on": "2030-01-31", "override_reason": "say so"},
        )
    record.refresh_from_db()
    assert record.verification_status == "pending"
    assert record.expires_on != datetime.date(2030, 1, 31)
