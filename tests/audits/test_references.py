import pytest
from audits.references import LOOKS_LIKE_A_DATE, NOT_A_REFERENCE, validate_reference
from django.core.exceptions import ValidationError


@pytest.mark.parametrize("value", ["BRK-0412", "TX123", "op-2026-17a", "A1B", "LV-88-QX"])
def test_clinic_references_pass(value):
    validate_reference(value)


@pytest.mark.parametrize(
    "value",
    [
        "Jane Doe",  # a name: a space, no digit
        "JaneDoe",  # letters only
        "00123456",  # a record number: digits only
        "12/03/1985",  # a date of birth with slashes
        "A1",  # too short
        "BRK-0412-XXXXXXXXXXXX",  # too long
        "-BRK1",  # must start with a letter or digit
        "",
    ],
)
def test_names_record_numbers_and_malformed_values_are_refused(value):
    with pytest.raises(ValidationError) as caught:
        validate_reference(value)
    assert caught.value.messages == [str(NOT_A_REFERENCE)]


@pytest.mark.parametrize("value", ["12-03-1985", "1985-03-12", "DOB19850312", "X12031985"])
def test_something_with_a_date_inside_is_refused_as_a_date(value):
    with pytest.raises(ValidationError) as caught:
        validate_reference(value)
    assert caught.value.messages == [str(LOOKS_LIKE_A_DATE)]
