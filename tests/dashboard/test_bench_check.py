"""`make bench` times a matrix only once the hand-written SQL agrees with it cell by cell and
on the totals: a disagreement stops it with the cells that differ."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dashboard.reference_sql import Reference


def test_the_bench_checks_the_app_against_the_reference_sql(db, home_page):
    out = StringIO()
    call_command("bench_dashboard", "--staff", "30", "--repeat", "1", stdout=out)
    text = out.getvalue()
    assert "app and reference SQL agree on all 155 cells and the totals" in text
    assert "the CSV agrees with the reference SQL's export on all 31 people" in text
    assert "raw SQL for the matrix and its totals" in text and "ratio" in text


def test_a_cell_the_reference_sql_judges_otherwise_stops_the_bench(db, home_page, monkeypatch):
    cells = Reference.cells

    def one_wrong(self):
        found = cells(self)
        key = next(k for k, (status, _) in found.items() if status == "current")
        found[key] = ("overdue", found[key][1])
        return found

    monkeypatch.setattr(Reference, "cells", one_wrong)
    with pytest.raises(CommandError, match="disagree"):
        call_command("bench_dashboard", "--staff", "30", "--repeat", "1", stdout=StringIO())


def test_totals_the_reference_sql_counts_otherwise_stop_the_bench(db, home_page, monkeypatch):
    totals = Reference.totals

    def one_more(self):
        found = totals(self)
        return type(found)(
            found.staff + 1, found.needing_action, found.by_status, found.expiring_30_days
        )

    monkeypatch.setattr(Reference, "totals", one_more)
    with pytest.raises(CommandError, match="Totals disagree"):
        call_command("bench_dashboard", "--staff", "30", "--repeat", "1", stdout=StringIO())


def test_a_csv_line_the_reference_sql_exports_otherwise_stops_the_bench(db, home_page, monkeypatch):
    export = Reference.export

    def other_email(self):
        (first, *rest) = export(self)
        return [(*first[:3], "someone@else.test", *first[4:]), *rest]

    monkeypatch.setattr(Reference, "export", other_email)
    with pytest.raises(CommandError, match="The CSV .* disagree"):
        call_command("bench_dashboard", "--staff", "30", "--repeat", "1", stdout=StringIO())
