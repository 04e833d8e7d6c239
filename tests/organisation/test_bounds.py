"""The shared bounds: dates 1900-2200 and free text up to 10,000 characters; the roster import."""

import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from content.models import ProtocolPage
from organisation.bounds import (
    DATE_OUT_OF_RANGE,
    LATEST_DATE,
    MAX_FREE_TEXT,
    BoundedDateField,
    FreeTextField,
    refuse_dates_out_of_range,
    refuse_long_text,
)
from organisation.models import StaffProfile
from organisation.roster import DATE_OUT_OF_RANGE as ROSTER_DATE_OUT_OF_RANGE
from organisation.roster import TOO_LONG, UNREADABLE
from tests.factories import JobRoleFactory, LocationFactory, StaffProfileFactory

HEADER = "email,first_name,last_name,roles,locations,hire_date\n"


class BoundsForm(forms.Form):
    on = BoundedDateField(required=False)
    notes = FreeTextField(required=False)
    reason = FreeTextField(required=False, max_length=300)


@pytest.mark.parametrize("value", ["1900-01-01", "2026-03-04", "2200-12-31"])
def test_dates_from_1900_to_2200_are_accepted(value):
    form = BoundsForm({"on": value})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["on"] == datetime.date.fromisoformat(value)


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_dates_outside_1900_to_2200_are_refused_with_one_message(value):
    form = BoundsForm({"on": value})
    assert form.errors["on"] == [str(DATE_OUT_OF_RANGE)]


def test_the_date_picker_is_bounded_too():
    html = str(BoundsForm()["on"])
    assert 'type="date"' in html and 'min="1900-01-01"' in html and 'max="2200-12-31"' in html


def test_free_text_up_to_the_limit_is_kept_and_one_more_character_is_refused():
    assert BoundsForm({"notes": "x" * MAX_FREE_TEXT}).is_valid()
    form = BoundsForm({"notes": "x" * (MAX_FREE_TEXT + 1), "reason": "y" * 301})
    assert form.errors["notes"] == [
        "Keep this to 10000 characters or fewer; it has 10001. "
        "Attach long documents elsewhere and summarise here."
    ]
    assert "300 characters or fewer; it has 301" in form.errors["reason"][0]
    assert 'maxlength="10000"' in str(form["notes"])


def test_service_helpers_name_each_bad_value():
    refuse_dates_out_of_range(on=LATEST_DATE, off=None)
    refuse_long_text(notes="x" * MAX_FREE_TEXT, empty="")
    with pytest.raises(ValidationError) as error:
        refuse_dates_out_of_range(on=datetime.date(1, 1, 1), ok=datetime.date(2000, 1, 1))
    assert error.value.message_dict == {"on": [str(DATE_OUT_OF_RANGE)]}
    with pytest.raises(ValidationError) as error:
        refuse_long_text(limit=5, note="123456")
    assert list(error.value.message_dict) == ["note"]


def test_hire_date_and_protocol_review_date_are_bounded_in_admin_forms(db):
    profile = StaffProfileFactory(hire_date=datetime.date(1, 1, 1))
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert error.value.message_dict["hire_date"] == [str(DATE_OUT_OF_RANGE)]
    field = ProtocolPage._meta.get_field("reviewed_on")
    with pytest.raises(ValidationError):
        field.run_validators(datetime.date(9999, 12, 31))


@pytest.fixture
def org(db):
    JobRoleFactory(slug="injector")
    LocationFactory(slug="north")


def _import(tmp_path, text):
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    call_command("import_roster", str(path))


def test_roster_cells_longer_than_the_columns_are_refused_by_line(org, tmp_path, capsys):
    roster = (
        HEADER
        + f"ana@clinic.test,{'A' * 5000},Reyes,injector,north,\n"
        + f"ben@clinic.test,Ben,{'O' * 151},injector,north,\n"
        + f"{'c' * 250}@clinic.test,Cy,Lu,injector,north,\n"
        + f"di@clinic.test,{'D' * 150},{'M' * 150},injector,north,\n"  # exactly at the limit
    )
    with pytest.raises(CommandError, match="3 problem"):
        _import(tmp_path, roster)
    assert capsys.readouterr().err.splitlines() == [
        TOO_LONG.format(line=2, column="first_name", limit=150),
        TOO_LONG.format(line=3, column="last_name", limit=150),
        TOO_LONG.format(line=4, column="email", limit=254),
    ]
    assert not StaffProfile.objects.exists()
    assert TOO_LONG.format(line=2, column="first_name", limit=150) == (
        "line 2: first_name is longer than 150 characters"
    )


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_roster_hire_dates_outside_1900_to_2200_are_refused(org, tmp_path, capsys, value):
    with pytest.raises(CommandError, match="1 problem"):
        _import(tmp_path, HEADER + f"ana@clinic.test,Ana,Reyes,injector,north,{value}\n")
    assert capsys.readouterr().err.strip() == ROSTER_DATE_OUT_OF_RANGE.format(line=2, value=value)
    assert not StaffProfile.objects.exists()


def test_a_cell_past_the_csv_field_limit_is_an_error_not_a_traceback(org, tmp_path, capsys):
    roster = HEADER + f'ana@clinic.test,"{"A" * 200_000}",Reyes,injector,north,\n'
    with pytest.raises(CommandError, match="1 problem"):
        _import(tmp_path, roster)
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(UNREADABLE.format(line=2, error="")[:-2])
    assert not StaffProfile.objects.exists()
