"""One status vocabulary: a requirement reads the same word on the home page, My training, the
matrix, the staff record, the CSV and the XLSX; status and date are separate columns; nothing
a person reads is a raw code."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from reminders.models import Reminder, ReminderStatus

from tests.dashboard.test_verification import pdf_text
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
)
from tests.factories.training import (
    TrainingIndexPageFactory,
    TrainingRequirementFactory,
    module_with_questions,
)
from training import services

MODULE = "Post-laser recovery"
LAPSED = datetime.date(2025, 1, 31)  # the card's last valid day, long gone


@pytest.fixture
def clinic(db, home_page):
    north = LocationFactory(slug="north", name="North")
    role = JobRoleFactory(slug="laser-technician", name="Laser technician")
    module = module_with_questions(
        TrainingIndexPageFactory(parent=home_page), title=MODULE, slug="post-laser"
    )
    TrainingRequirementFactory(role=role, module=module)
    bls = CertificationTypeFactory(code="BLS", name="Basic Life Support")
    CertificationRequirementFactory(role=role, certification_type=bls)
    sam = StaffProfileFactory(
        user__username="sam", user__first_name="Sam", home_location=north, roles=[role]
    )
    CertificationRecordFactory(
        staff=sam, certification_type=bls, issued_on=datetime.date(2023, 1, 10), expires_on=LAPSED
    )
    # Sam opened the quiz and has not finished it: Missing, with "quiz started" beside it.
    services.start_attempt(staff=sam, module=module, now=timezone.now())
    return {"sam": sam, "manager": ManagerFactory(home_location=north), "module": module}


def badge(status: str, word: str) -> str:
    return f'<span class="status status--{status}">{word}</span>'


def test_the_same_requirement_reads_the_same_word_everywhere(client, clinic):
    sam, manager = clinic["sam"], clinic["manager"]
    missing = badge("missing", "Missing") + ' <span class="status-detail">quiz started</span>'
    overdue = badge("overdue", "Overdue")

    client.force_login(sam.user)
    home = client.get("/").content.decode()
    my_training = client.get("/my/training/").content.decode()
    assert missing in home and overdue in home
    assert f'expired <time datetime="{LAPSED.isoformat()}">' in home
    assert missing in my_training
    for word in ("In progress", "Not started", "Passed"):  # no word of the module's own
        assert word not in my_training

    client.force_login(manager.user)
    matrix = client.get("/manage/").content.decode()
    assert re.search(r'class="cell cell--missing"[^>]*><span class="cell__status">Missing<', matrix)
    assert re.search(r'class="cell cell--overdue"[^>]*><span class="cell__status">Overdue<', matrix)
    record = client.get(f"/manage/staff/{sam.pk}/").content.decode()
    assert missing in record and overdue in record

    lines = list(csv.reader(io.StringIO(client.get("/manage/compliance.csv").content.decode())))
    header, sam_line = lines[0], next(line for line in lines if line[0] == sam.display_name)
    by_heading = dict(zip(header, sam_line, strict=True))
    assert by_heading[f"{MODULE} (Training) status"] == "Missing"
    assert by_heading[f"{MODULE} (Training) due"] == ""
    assert by_heading["Basic Life Support (Certification) status"] == "Overdue"
    assert by_heading["Basic Life Support (Certification) expires"] == LAPSED.isoformat()

    sheet = load_workbook(io.BytesIO(client.get("/manage/compliance.xlsx").content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    sam_row = dict(zip(rows[0], next(r for r in rows if r[0] == sam.display_name), strict=True))
    assert sam_row[f"{MODULE} (Training) status"] == "Missing"
    assert sam_row["Basic Life Support (Certification) status"] == "Overdue"
    assert sam_row["Basic Life Support (Certification) expires"].date() == LAPSED

    packet = pdf_text(client.get("/manage/inspection/north.pdf").content)
    assert f"{MODULE} Training Missing \\(quiz started\\)" in packet  # PDF escapes ( )
    assert "Basic Life Support Certification Overdue 31 Jan 2025" in packet


def test_no_export_cell_mixes_a_status_and_a_date(client, clinic):
    client.force_login(clinic["manager"].user)
    body = client.get("/manage/compliance.csv").content.decode()
    assert not re.search(r"(Current|Due soon|Overdue|Missing|verification) \d{4}-", body)


def test_the_xlsx_header_row_is_frozen_and_filtered_and_statuses_coloured(client, clinic):
    client.force_login(clinic["manager"].user)
    workbook = load_workbook(io.BytesIO(client.get("/manage/compliance.xlsx").content))
    sheet = workbook.active
    assert sheet.freeze_panes == "B2"  # the header row, and the names beside the figures
    assert sheet.auto_filter.ref == f"A1:H{sheet.max_row}"  # 4 about the person, 2 x 2
    assert sheet.max_row == 3  # the header, Sam and the manager
    rules = [
        (rule.formula[0], rule.dxf.fill.bgColor.rgb)
        for cf in sheet.conditional_formatting
        for rule in cf.rules
    ]
    assert ('"Overdue"', "00FBE0E1") in rules and ('"Missing"', "00EFE3F6") in rules
    assert {str(r) for cf in sheet.conditional_formatting for r in cf.sqref.ranges} == {
        "E2:E3",
        "G2:G3",
    }


def test_the_staff_record_shows_no_raw_codes(client, clinic):
    sam, manager = clinic["sam"], clinic["manager"]
    now = timezone.now()
    for kind, to in (("manager:overdue-35", manager), ("staff:before-30", sam)):
        Reminder.objects.create(
            recipient_key=f"staff:{to.pk}",
            item_key=f"{sam.pk}:certification:BLS",
            due_key=LAPSED.isoformat(),
            kind=kind,
            audience=kind.split(":")[0],
            recipient=to,
            subject=sam,
            label="Basic Life Support",
            due_on=LAPSED,
            planned_on=now.date(),
            created_at=now,
            status=ReminderStatus.SENT,
            sent_at=now,
        )
    client.force_login(manager.user)
    html = client.get(f"/manage/staff/{sam.pk}/").content.decode()
    assert "Escalated to the manager, 35 days overdue" in html
    assert "Reminder 30 days before the due date" in html
    assert "manager:overdue-35" not in html and "before-30" not in html
    main = html[html.index("<main") : html.index("</main>")]  # the record, not the navigation
    text = re.sub(r"<[^>]+>", " ", main)  # what a person reads, not the markup
    for code in ("certification", "training", "due_soon", "awaiting", "in_progress"):
        assert not re.search(rf"(?<![\w/-]){code}(?![\w/-])", text), code
