import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from organisation.models import StaffProfile
from organisation.roster import (
    BAD_DATE,
    DUPLICATE_EMAIL,
    MISSING_COLUMNS,
    UNKNOWN_LOCATION,
    UNKNOWN_ROLE,
)
from tests.factories import JobRoleFactory, LocationFactory, StaffProfileFactory

HEADER = "email,first_name,last_name,roles,locations,hire_date\n"
GOOD = (
    HEADER
    + "ana@clinic.test,Ana,Reyes,injector,north,2023-04-01\n"
    + "ben@clinic.test,Ben,Ode,laser-technician;esthetician,north;south,\n"
)


@pytest.fixture
def org(db):
    for slug in ("injector", "laser-technician", "esthetician"):
        JobRoleFactory(slug=slug)
    return {"north": LocationFactory(slug="north"), "south": LocationFactory(slug="south")}


def run(tmp_path, text, *args):
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    call_command("import_roster", str(path), *args)


def snapshot():
    return sorted(
        (
            p.user.email,
            p.user.first_name,
            p.user.last_name,
            p.is_active,
            p.hire_date,
            p.home_location.slug,
            tuple(sorted(p.roles.values_list("slug", flat=True))),
            tuple(sorted(p.locations.values_list("slug", flat=True))),
        )
        for p in StaffProfile.objects.select_related("user", "home_location")
    )


def test_import_creates_staff_with_roles_locations_and_home(org, tmp_path, capsys):
    run(tmp_path, GOOD)
    ben = StaffProfile.objects.get(user__email="ben@clinic.test")
    assert set(ben.roles.values_list("slug", flat=True)) == {"laser-technician", "esthetician"}
    assert ben.home_location == org["north"]
    assert ben.hire_date is None
    assert ben.user.groups.filter(name="Staff").exists()
    assert not ben.user.has_usable_password()
    assert "2 created, 0 updated, 0 unchanged, 0 deactivated" in capsys.readouterr().out


def test_every_bad_row_is_reported_by_line_and_nothing_is_written(org, tmp_path, capsys):
    bad = (
        HEADER
        + "ana@clinic.test,Ana,Reyes,injector,north,2023-04-01\n"  # line 2, fine
        + "cy@clinic.test,Cy,Lu,nurse,north,2023-01-01\n"  # line 3
        + "di@clinic.test,Di,Mo,injector,west,2023-01-01\n"  # line 4
        + "ed@clinic.test,Ed,No,injector,north,2023-13-01\n"  # line 5
        + "ANA@clinic.test,Ana,Again,injector,north,\n"  # line 6
    )
    with pytest.raises(CommandError, match="4 problem"):
        run(tmp_path, bad)
    err = capsys.readouterr().err.splitlines()
    assert err == [
        UNKNOWN_ROLE.format(line=3, slug="nurse"),
        UNKNOWN_LOCATION.format(line=4, slug="west"),
        BAD_DATE.format(line=5, value="2023-13-01"),
        DUPLICATE_EMAIL.format(line=6, email="ana@clinic.test", first=2),
    ]
    assert not get_user_model().objects.exists()


def test_missing_column_is_reported(org, tmp_path, capsys):
    with pytest.raises(CommandError):
        run(tmp_path, "email,first_name,last_name,roles,locations\nx@y.test,X,Y,injector,north\n")
    assert capsys.readouterr().err.strip() == MISSING_COLUMNS.format(columns="hire_date")


def test_reimporting_the_same_file_changes_nothing(org, tmp_path, capsys):
    run(tmp_path, GOOD)
    before = snapshot()
    capsys.readouterr()
    run(tmp_path, GOOD)
    assert snapshot() == before
    assert "0 created, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_a_changed_row_updates_that_person_only(org, tmp_path, capsys):
    run(tmp_path, GOOD)
    changed = GOOD.replace("Ana,Reyes,injector,north,2023-04-01", "Ana,Reyes-Ng,injector,south,")
    capsys.readouterr()
    run(tmp_path, changed)
    ana = StaffProfile.objects.get(user__email="ana@clinic.test")
    assert ana.user.last_name == "Reyes-Ng"
    assert ana.home_location == org["south"]
    assert list(ana.locations.values_list("slug", flat=True)) == ["south"]
    assert "0 created, 1 updated, 1 unchanged" in capsys.readouterr().out


def test_dry_run_reports_and_writes_nothing(org, tmp_path, capsys):
    run(tmp_path, GOOD, "--dry-run")
    assert "Dry run, nothing saved: would have 2 created" in capsys.readouterr().out
    assert not StaffProfile.objects.exists()


def test_people_missing_from_the_file_stay_active_unless_asked(org, tmp_path, capsys):
    leaver = StaffProfileFactory(home_location=org["north"])
    run(tmp_path, GOOD)
    leaver.refresh_from_db()
    assert leaver.is_active

    run(tmp_path, GOOD, "--deactivate-missing")
    leaver.refresh_from_db()
    leaver.user.refresh_from_db()
    assert not leaver.is_active and not leaver.user.is_active
    assert f"deactivated: {leaver.user.email}" in capsys.readouterr().out


def test_unreadable_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_roster", str(tmp_path / "absent.csv"))
