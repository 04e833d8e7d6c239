"""A module's CE hours, written one way on its page and its certificate."""

from decimal import Decimal

import pytest

from training.models import TrainingModulePage
from training.templatetags.credit import ce_hours


@pytest.mark.parametrize(
    "value, text",
    [("0.25", "0.25"), ("1.50", "1.5"), ("1.00", "1"), ("10.00", "10"), (None, "")],
)
def test_hours_read_as_a_person_writes_them(value, text):
    assert ce_hours(None if value is None else Decimal(value)) == text


@pytest.mark.parametrize(
    "hours, line", [("1.00", "Earns 1 CE hour."), ("0.50", "Earns 0.5 CE hours.")]
)
def test_the_module_page_says_what_a_pass_earns(client, module, sam, hours, line):
    TrainingModulePage.objects.filter(pk=module.pk).update(ce_hours=Decimal(hours))
    client.force_login(sam.user)
    assert line in client.get(module.url).content.decode()


def test_a_module_without_credit_says_nothing_of_it(client, module, sam):
    client.force_login(sam.user)
    assert "CE hour" not in client.get(module.url).content.decode()
