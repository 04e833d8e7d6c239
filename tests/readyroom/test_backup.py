"""`manage.py backup DIR` and `manage.py restore DIR`, on the suite's database (SQLite or,
with DATABASE_URL, PostgreSQL): a backup restored into a fresh database and empty folders
gives back the staff record, the card files byte for byte, the reminder ledger and the audit
trail; a restore refuses an occupied target unless --replace and a backup that changed."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from reminders.models import Reminder

from certifications.models import CertificationRecord
from organisation.models import AuditEntry, StaffProfile
from organisation.services import record_audit
from readyroom.backup.manifest import CHANGED_FILE
from readyroom.backup.services import FOLDER_NOT_EMPTY, TARGET_NOT_EMPTY
from tests.factories import StaffProfileFactory
from tests.factories.certifications import PNG_BYTES, CertificationRecordFactory, pdf_upload
from tests.scratch_database import scratch_database_url

ROOT = Path(__file__).resolve().parents[2]
# A backup reads committed data (pg_dump works from a session of its own).
committed = pytest.mark.django_db(transaction=True)


def snapshot() -> dict:
    """What must come back unchanged, as JSON: staff, cards, the ledger, the audit trail. Also
    run by the restored site (a subprocess) to read its own database."""
    state = {
        "staff": list(
            StaffProfile.objects.order_by("pk").values_list(
                "pk", "user__username", "user__email", "user__first_name", "user__last_name",
                "home_location__name", "hire_date", "is_active",
            )
        ),
        "cards": list(
            CertificationRecord.objects.order_by("pk").values_list(
                "pk", "staff_id", "card_file", "card_number", "expires_on", "verification_status"
            )
        ),
        "ledger": list(Reminder.objects.order_by("pk").values()),
        "audit": list(AuditEntry.objects.order_by("pk").values()),
    }  # fmt: skip
    return json.loads(json.dumps(state, default=str))


@pytest.fixture
def clinic(settings, tmp_path):
    """One person with an uploaded card, an image in the media folder, two reminders (one
    sent) and audit entries."""
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    sam = StaffProfileFactory(
        user__first_name="Sam", user__last_name="Okafor", user__email="sam@clinic.test"
    )
    card = CertificationRecordFactory(staff=sam, card_file=pdf_upload())
    image = settings.MEDIA_ROOT / "original_images" / "burn-dressing.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(PNG_BYTES)
    now = timezone.now()
    common = {
        "recipient_key": f"staff:{sam.pk}",
        "audience": "staff",
        "recipient": sam,
        "subject": sam,
        "planned_on": now.date(),
        "created_at": now,
        "due_key": "2027-01-31",
    }
    Reminder.objects.create(
        item_key=f"{sam.pk}:certification:BLS",
        kind="staff:before-30",
        label="BLS",
        status="sent",
        sent_at=now,
        sent_on=now.date(),
        message_id="<1@readyroom>",
        **common,
    )
    Reminder.objects.create(
        item_key=f"{sam.pk}:certification:ACLS",
        kind="staff:before-60",
        label="ACLS",
        attempts=2,
        last_error="421 try later",
        **common,
    )
    record_audit(staff=sam, action="card.uploaded", summary="Uploaded a BLS card.", at=now)
    record_audit(staff=sam, action="card.verified", summary="Verified.", at=now)
    return {"sam": sam, "card": card, "image": image}


@pytest.fixture
def backup(clinic, tmp_path):
    folder = tmp_path / "backup"
    out = StringIO()
    call_command("backup", str(folder), stdout=out)
    assert "Backed up the" in out.getvalue()
    return folder


def _restored_site(tmp_path: Path, database_url: str) -> dict[str, str]:
    """The environment of a second, empty site (production settings) to restore into."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "readyroom.settings",
        "READYROOM_IGNORE_DOTENV": "1",
        "SECRET_KEY": "restored-site-test-only",
        "DATABASE_URL": database_url,
        "READYROOM_VAR_DIR": str(tmp_path / "restored"),
        "PRIVATE_STORAGE_ROOT": str(tmp_path / "restored" / "private"),
        "MEDIA_ROOT": str(tmp_path / "restored" / "media"),
    }


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@committed
def test_restore_into_a_fresh_database_gives_back_staff_cards_ledger_and_audit(
    clinic, backup, settings, tmp_path
):
    before = snapshot()
    with scratch_database_url(name="restore", folder=tmp_path) as database_url:
        env = _restored_site(tmp_path, database_url)

        restored = _manage(env, "restore", str(backup))
        assert restored.returncode == 0, restored.stderr
        assert "each table's count checked" in restored.stdout
        read = _manage(
            env,
            "shell",
            "-v0",
            "-c",
            "import json; from tests.readyroom.test_backup import snapshot; "
            "print(json.dumps(snapshot()))",
        )
        assert read.returncode == 0, read.stderr

    after = json.loads(read.stdout)
    assert after == before
    assert after["staff"][0][1:5] == [
        clinic["sam"].user.username,
        "sam@clinic.test",
        "Sam",
        "Okafor",
    ]
    assert [row["status"] for row in after["ledger"]] == ["sent", "pending"]
    card_name = clinic["card"].card_file.name
    restored_card = tmp_path / "restored" / "private" / card_name
    assert restored_card.read_bytes() == (settings.PRIVATE_STORAGE_ROOT / card_name).read_bytes()
    restored_image = tmp_path / "restored" / "media" / "original_images" / "burn-dressing.png"
    assert restored_image.read_bytes() == clinic["image"].read_bytes()


@committed
def test_restore_over_an_occupied_target_needs_replace_and_then_puts_the_backup_back(
    clinic, backup, settings
):
    before = snapshot()
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(backup), stdout=StringIO())
    assert str(refused.value).startswith(TARGET_NOT_EMPTY.split("{what}")[0])
    assert str(settings.PRIVATE_STORAGE_ROOT) in str(refused.value)

    card_path = settings.PRIVATE_STORAGE_ROOT / clinic["card"].card_file.name
    card_bytes = card_path.read_bytes()
    Reminder.objects.filter(status="pending").delete()
    StaffProfileFactory(user__email="newcomer@clinic.test")
    record_audit(staff=clinic["sam"], action="card.noted", summary="After.", at=timezone.now())
    card_path.write_bytes(b"overwritten")

    out = StringIO()
    call_command("restore", str(backup), "--replace", stdout=out)

    assert snapshot() == before
    assert card_path.read_bytes() == card_bytes
    # The folder that was there is kept, moved aside, with the overwritten card in it.
    [aside] = settings.PRIVATE_STORAGE_ROOT.parent.glob("private.before-restore-*")
    assert (aside / clinic["card"].card_file.name).read_bytes() == b"overwritten"
    assert str(aside) in out.getvalue()
    if connection.vendor == "postgresql":
        # The audit trail's table was replaced with its trigger: still append-only.
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            AuditEntry.objects.update(summary="rewritten")


@committed
def test_a_changed_file_in_the_backup_stops_the_restore_before_anything_changes(clinic, backup):
    card_copy = backup / "files" / "private" / clinic["card"].card_file.name
    card_copy.write_bytes(card_copy.read_bytes() + b"%")
    Reminder.objects.filter(status="pending").delete()
    before = snapshot()

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(backup), "--replace", stdout=StringIO())

    assert str(refused.value) == CHANGED_FILE.format(path=card_copy)
    assert snapshot() == before


def test_backup_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("not a backup")
    with pytest.raises(CommandError) as refused:
        call_command("backup", str(tmp_path), stdout=StringIO())
    assert str(refused.value) == FOLDER_NOT_EMPTY.format(folder=tmp_path)
