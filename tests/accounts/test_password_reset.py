import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import OrmQ

from accounts.services import RESET_MAILS_PER_HOUR
from tests.factories import UserFactory


@pytest.fixture
def queued(monkeypatch):
    """Tasks go to django-q2's queue (as in production) instead of running inline."""
    monkeypatch.setattr(Conf, "SYNC", False)


def ask(client, email):
    return client.post("/accounts/password_reset/", {"email": email})


def test_known_and_unknown_addresses_get_the_same_answer_for_the_same_work(client, staff, queued):
    answers = []
    for email in ("sam@clinic.test", "nobody@clinic.test"):
        with CaptureQueriesContext(connection) as queries:
            response = ask(client, email)
        answers.append(
            (
                response.status_code,
                response["Location"],
                response.content,
                [t.name for t in response.templates],
                [q["sql"].split(" ")[0] for q in queries.captured_queries],
            )
        )
    assert answers[0] == answers[1]
    assert answers[0][:2] == (302, "/accounts/password_reset/done/")


def test_the_request_queues_the_mail_and_sends_nothing_itself(client, staff, queued):
    ask(client, "sam@clinic.test")
    assert mail.outbox == []
    assert OrmQ.objects.count() == 1
    task = OrmQ.objects.get().task
    assert task["func"] == "accounts.tasks.send_password_reset"
    assert task["args"] == ("sam@clinic.test",)


def test_the_worker_sends_the_link(client, staff):
    ask(client, "Sam@Clinic.test")  # tests run tasks inline (Q_CLUSTER sync)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sam@clinic.test"]
    assert "http://127.0.0.1:8000/accounts/reset/" in mail.outbox[0].body


def test_a_fourth_request_within_the_hour_sends_no_mail(client, staff):
    for _ in range(RESET_MAILS_PER_HOUR + 1):
        response = ask(client, "sam@clinic.test")
        assert response.status_code == 302
    assert len(mail.outbox) == RESET_MAILS_PER_HOUR == 3
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=61)):
        ask(client, "sam@clinic.test")
    assert len(mail.outbox) == 4


def test_the_cap_is_per_address(client, staff):
    UserFactory(username="pat", email="pat@clinic.test")
    for _ in range(RESET_MAILS_PER_HOUR):
        ask(client, "sam@clinic.test")
    ask(client, "pat@clinic.test")
    assert [m.to for m in mail.outbox][-1] == ["pat@clinic.test"]
    assert len(mail.outbox) == 4


def test_unknown_addresses_send_nothing(client, db):
    ask(client, "nobody@clinic.test")
    assert mail.outbox == []
