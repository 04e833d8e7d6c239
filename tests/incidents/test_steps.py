import datetime

import pytest
from django.core.exceptions import ValidationError
from incidents.steps import NO_STEPS, Step, parse_steps, steps_text


def test_each_line_is_a_time_and_an_action():
    steps = parse_steps("14:05 Stopped the laser\n\n 9:07   Called for help \n")
    assert steps == [
        Step(datetime.time(14, 5), "Stopped the laser"),
        Step(datetime.time(9, 7), "Called for help"),
    ]
    assert steps_text(steps) == "14:05 Stopped the laser\n09:07 Called for help"


def test_every_bad_line_is_named():
    with pytest.raises(ValidationError) as refused:
        parse_steps("14:05 Stopped the laser\nCooled it\n25:10 Adrenaline\n14:70 x")
    assert refused.value.messages == [
        "Line 2: write it as “HH:MM what was done”, e.g. “14:05 Stopped the laser”.",
        "Line 3: 25:10 is not a time of day (00:00 to 23:59).",
        "Line 4: 14:70 is not a time of day (00:00 to 23:59).",
    ]


def test_nothing_written_is_refused():
    with pytest.raises(ValidationError) as refused:
        parse_steps("  \n ")
    assert refused.value.messages == [str(NO_STEPS)]
