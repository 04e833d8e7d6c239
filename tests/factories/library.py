"""A small clinical library written to a temporary folder: two protocols, three modules on one
question file, one drill; every format and block kind once. Tests that change a file
start from it, so a broken line is at a known place."""

from pathlib import Path

from drills.scenario_format import FORMAT, dump_scenario
from tests.factories.drills import anaphylaxis_graph

NOTICE = "Sample content for these tests; a medical director must review it."

BURNS = f"""---
slug: burns
title: Burn first aid
summary: Cooling a burn, and when a burn needs more than first aid.
sample: true
notice: {NOTICE}
---

## First minutes

Stop the treatment and **cool the burn** with *cool* running water.

::: callout danger Call EMS when
- the burn is larger than the patient's palm
:::

::: checklist Before the patient leaves
- Record how the area looks.
- Give the aftercare sheet and go through it
  with the patient.
:::

::: timed-steps First minutes
- 0 min: Stop the laser.
- 0-1 min: Cool the burn.
:::

::: protocol-link faints
Fainting after a burn is common.
:::
"""

FAINTS = f"""---
slug: faints
title: Faints
summary: Lie them flat.
sample: true
notice: {NOTICE}
---

Lie the patient flat and raise the legs.
"""

MODULE = """slug: {slug}
title: {title}
sample: true
notice: {notice}
order: {order}
summary: A sample module.
objectives:
  - cool a burn.
protocols: [burns]
questions: burns.gift
questions_per_attempt: 3
roles: [{roles}]
lessons: |
  ## Cool first

  Cool running water.

  ::: pearl Cool the burn, warm the patient
  Keep the rest of the patient **warm**.
  :::

  ::: protocol-link burns
  The full protocol.
  :::
"""

GIFT = f"""// sample: true
// notice: {NOTICE}

// [tag:burns]
[plain]A patient's skin turns grey-white under the handpiece. What do you do first? {{
=Stop the laser#Right.
~Finish the pass#No.
####Stop first.
}}

[plain]Ice held directly on a burn is the best way to cool it. {{
FALSE#It is not.#Right.
}}

[plain]Which help cool a burn? {{
~%50%Cool running water
~%50%A wrapped cold pack
~%-50%Ice on the skin
}}

[plain]How long do you cool a burn? {{
=20 minutes
~1 minute
}}
"""


def drill_data(slug: str = "anaphylaxis-sample") -> dict:
    nodes = []
    for block in anaphylaxis_graph():
        value = block["value"]
        node = {"key": value["key"], "title": value["title"], "situation": value["situation"]}
        if value["timer_seconds"]:
            node["timer_seconds"] = value["timer_seconds"]
            node["timeout_next"] = value["timeout_next"]
        if value["outcome"]:
            node["outcome"], node["summary"] = value["outcome"], value["summary"]
        if value["choices"]:
            node["choices"] = value["choices"]
        nodes.append(node)
    return {
        "format": FORMAT,
        "slug": slug,
        "title": "Sample anaphylaxis",
        "sample": True,
        "notice": NOTICE,
        "vignette": {"procedure": "Microneedling", "fitzpatrick": "II"},
        "objectives": ["Recognise anaphylaxis"],
        "protocols": ["faints"],
        "start": "itching",
        "nodes": nodes,
        "milestones": ["Recognised", "EMS called"],
        "checklist": [{"item": "Incident report completed", "required": True}],
        "requirement": {"roles": ["injector", "esthetician"], "every_months": 12},
    }


def small_library(root: Path) -> Path:
    """The small library under `root`; returns its folder."""
    library = root / "library"
    for folder in ("protocols", "modules", "questions", "drills"):
        (library / folder).mkdir(parents=True)
    (library / "protocols" / "burns.md").write_text(BURNS)
    (library / "protocols" / "faints.md").write_text(FAINTS)
    for order, slug, title, roles in (
        (20, "burns-two", "Burns again", "injector"),
        (10, "burns", "Burns", "laser-technician, injector"),
        (30, "burns-three", "Burns, third time", "injector"),
    ):
        text = MODULE.format(slug=slug, title=title, notice=NOTICE, order=order, roles=roles)
        (library / "modules" / f"{slug}.yaml").write_text(text)
    (library / "questions" / "burns.gift").write_text(GIFT)
    (library / "drills" / "anaphylaxis-sample.yaml").write_text(dump_scenario(drill_data()))
    return library
