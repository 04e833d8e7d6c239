"""What a treatment record's reference may look like in an audit.

An audit names a record only by the clinic's own short reference (e.g. "BRK-0412"), never by
anything that identifies the patient. The check is deliberately simple and strict: letters,
digits and hyphens, 3 to 20 characters, with at least one letter and one digit. So a name
("Jane Doe": a space, no digit), a bare record number ("00123456": digits only) and a date of
birth ("12/03/1985", "1985-03-12", "120385": no letter, or a date inside) are refused.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REFERENCE_HELP = _(
    "The clinic's own record reference (e.g. BRK-0412): never the patient's name, date of "
    "birth or record number."
)
NOT_A_REFERENCE = _(
    "Use the clinic's own record reference: letters, digits and hyphens, 3 to 20 characters, "
    "with a letter and a digit (e.g. BRK-0412). Never a name, date of birth or record number."
)
LOOKS_LIKE_A_DATE = _(
    "That looks like a date (a date of birth?): use the clinic's own record reference instead."
)

SHAPE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{1,18})[A-Za-z0-9]")
# A date inside the reference: 12-03-1985, 1985-03-12, 12031985, 19850312.
DATE_INSIDE = re.compile(
    r"(?<!\d)(?:\d{1,2}-\d{1,2}-\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|(?:19|20)\d{6}|\d{4}(?:19|20)\d{2})(?!\d)"
)


def validate_reference(value: str) -> None:
    """Raise ValidationError unless `value` looks like a clinic's record reference."""
    if not SHAPE.fullmatch(value or ""):
        raise ValidationError(NOT_A_REFERENCE, code="reference")
    if DATE_INSIDE.search(value):
        raise ValidationError(LOOKS_LIKE_A_DATE, code="reference_date")
    if not (re.search(r"[A-Za-z]", value) and re.search(r"\d", value)):
        raise ValidationError(NOT_A_REFERENCE, code="reference")
