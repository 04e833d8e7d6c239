"""Two requests at once on one run (a double tap, two tabs): one run, one decision per step."""

import threading

import pytest
from django.db import connection
from wagtail.models import Site

from content.demo import wagtail_roots
from drills import services
from drills.models import DrillDecision, DrillRun
from drills.services import DrillRejected, decide, start_run

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locking (select_for_update) and concurrent inserts only mean something on "
    "PostgreSQL; this test runs in the PostgreSQL pass (DATABASE_URL=postgres://...).",
)


@pytest.fixture(autouse=True)
def _wagtail_base(transactional_db):
    """The rows Wagtail's migrations make, which an earlier transactional test's flush removed.

    Made here rather than by serialized rollback: after a flush the content types are remade
    with new ids, so restoring the serialized root page would point at ids that are gone.
    """
    root = wagtail_roots()
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)


def _together(work, count=2):
    start = threading.Barrier(count)
    results, errors = [], []

    def run(index):
        try:
            start.wait(timeout=10)
            results.append(work(index))
        except DrillRejected as rejected:
            results.append(rejected.message)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    return results


@pytest.mark.django_db(transaction=True)
def test_two_starts_at_once_make_one_run(scenario, staff, now):
    runs = _together(lambda i: start_run(staff=staff, page=scenario, now=now).pk)
    assert len(set(runs)) == 1
    assert DrillRun.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_decisions_at_once_on_one_step_record_one(scenario, staff, now):
    start_run(staff=staff, page=scenario, now=now)
    results = _together(
        lambda i: (
            decide(
                staff=staff, page=scenario, node_key="itching", choice_index=i, now=now
            ).decision.pk
        )
    )
    assert services.NOT_CURRENT_NODE in results
    assert DrillDecision.objects.count() == 1
    assert DrillRun.objects.get().steps == 1
