"""Reading a roster CSV: every row is checked before anything is written.

Columns: email, first_name, last_name, roles, locations, hire_date. Roles and locations are
`;`-separated slugs; the first location is the person's home location.
"""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from organisation.bounds import EARLIEST_DATE, LATEST_DATE, date_in_range

COLUMNS = ("email", "first_name", "last_name", "roles", "locations", "hire_date")
# The longest value each stored column holds (Django's User: email 254, names 150).
MAX_LENGTHS = {"email": 254, "first_name": 150, "last_name": 150}

MISSING_COLUMNS = "line 1: missing column(s): {columns}"
EMPTY_FILE = "line 1: the file is empty; expected a header row: " + ",".join(COLUMNS)
BAD_EMAIL = "line {line}: {email!r} is not an email address"
DUPLICATE_EMAIL = "line {line}: email {email} is also on line {first}"
UNKNOWN_ROLE = "line {line}: unknown role {slug!r}"
UNKNOWN_LOCATION = "line {line}: unknown location {slug!r}"
NO_LOCATION = "line {line}: at least one location is required"
BAD_DATE = "line {line}: hire_date {value!r} is not a date (YYYY-MM-DD)"
MISSING_NAME = "line {line}: first_name and last_name are required"
TOO_LONG = "line {line}: {column} is longer than {limit} characters"
DATE_OUT_OF_RANGE = (
    "line {line}: hire_date {value} is outside "
    f"{EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"
)
UNREADABLE = "line {line}: the file cannot be read as CSV ({error})"
WRONG_CELLS = "line {line}: expected {expected} cells, found {found}"


@dataclass(frozen=True)
class RosterEntry:
    line: int
    email: str
    first_name: str
    last_name: str
    role_slugs: tuple[str, ...]
    location_slugs: tuple[str, ...]
    hire_date: date | None


@dataclass
class RosterCheck:
    entries: list[RosterEntry]
    errors: list[str]

    @property
    def ok(self) -> bool:
        return not self.errors


def _slugs(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.strip() for s in cell.split(";") if s.strip()))


def _rows(reader, errors: list[str]) -> Iterator[list[str]]:
    """The reader's rows; a row the csv module refuses (a cell past its 128 KB field limit,
    a NUL byte) ends the file with an error naming the line instead of a traceback."""
    try:
        yield from reader
    except csv.Error as error:
        errors.append(UNREADABLE.format(line=reader.line_num, error=error))


def check_roster(
    lines: Iterable[str], *, known_roles: set[str], known_locations: set[str]
) -> RosterCheck:
    """Parse and validate a whole roster; `errors` names every bad row by its line number."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None:
        return RosterCheck([], [EMPTY_FILE])
    header = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return RosterCheck([], [MISSING_COLUMNS.format(columns=", ".join(missing))])
    index = {name: header.index(name) for name in COLUMNS}

    entries: list[RosterEntry] = []
    errors: list[str] = []
    first_line_of: dict[str, int] = {}
    for row in _rows(reader, errors):
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            errors.append(WRONG_CELLS.format(line=line, expected=len(header), found=len(row)))
            continue
        cell = {name: row[i].strip() for name, i in index.items()}
        row_errors = [
            TOO_LONG.format(line=line, column=column, limit=limit)
            for column, limit in MAX_LENGTHS.items()
            if len(cell[column]) > limit
        ]

        email = cell["email"].lower()
        try:
            validate_email(email)
        except ValidationError:
            row_errors.append(BAD_EMAIL.format(line=line, email=cell["email"]))
        else:
            if email in first_line_of:
                row_errors.append(
                    DUPLICATE_EMAIL.format(line=line, email=email, first=first_line_of[email])
                )
            else:
                first_line_of[email] = line

        if not cell["first_name"] or not cell["last_name"]:
            row_errors.append(MISSING_NAME.format(line=line))

        roles = _slugs(cell["roles"])
        row_errors += [
            UNKNOWN_ROLE.format(line=line, slug=s) for s in roles if s not in known_roles
        ]
        locations = _slugs(cell["locations"])
        if not locations:
            row_errors.append(NO_LOCATION.format(line=line))
        row_errors += [
            UNKNOWN_LOCATION.format(line=line, slug=s)
            for s in locations
            if s not in known_locations
        ]

        hire_date = None
        if cell["hire_date"]:
            try:
                hire_date = date.fromisoformat(cell["hire_date"])
            except ValueError:
                row_errors.append(BAD_DATE.format(line=line, value=cell["hire_date"]))
            else:
                if not date_in_range(hire_date):
                    row_errors.append(DATE_OUT_OF_RANGE.format(line=line, value=hire_date))

        if row_errors:
            errors.extend(row_errors)
            continue
        entries.append(
            RosterEntry(
                line=line,
                email=email,
                first_name=cell["first_name"],
                last_name=cell["last_name"],
                role_slugs=roles,
                location_slugs=locations,
                hire_date=hire_date,
            )
        )
    return RosterCheck(entries, errors)
