"""`make bench`'s commands run end to end at a tiny size and print their figures; the
dashboard's with production's login rules on (two-step login required, HTTPS redirect)."""

from io import StringIO

from django.core.management import call_command


def test_bench_dashboard_prints_times_and_queries(db, home_page, settings):
    settings.READYROOM_MFA_REQUIRED = True
    settings.SECURE_SSL_REDIRECT = True
    out = StringIO()
    call_command("bench_dashboard", "--staff", "20", "--repeat", "1", stdout=out)
    text = out.getvalue()
    assert "/manage/ " in text and "/manage/compliance.csv" in text
    assert "SQL queries" in text


def test_bench_reminders_prints_time_messages_and_queries(db):
    out = StringIO()
    call_command("bench_reminders", "--records", "40", stdout=out)
    text = out.getvalue()
    assert "first sweep (backlog)" in text and "messages" in text and "queries" in text


def test_bench_item_analysis_prints_time_and_queries(db):
    out = StringIO()
    call_command(
        "bench_item_analysis",
        "--answers",
        "30",
        "--questions-per-attempt",
        "3",
        "--repeat",
        "1",
        stdout=out,
    )
    text = out.getvalue()
    assert "30 answers (10 attempts of 3 questions" in text
    assert "item analysis" in text and "SQL queries, 6 questions" in text
