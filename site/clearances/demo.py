"""The demo clinic's clearances, one per service it offers, from demo_clearances.yaml (sample
content for the medical director to review), published as the director's approval would.

Idempotent: a clearance whose slug exists is left as it is. Called by seed_demo.
"""

from datetime import date
from pathlib import Path

import yaml
from django.db import transaction

from certifications.models import CertificationType
from clearances.models import Clearance, ClearanceMinimum, ClearanceRequirement
from drills.models import DrillScenarioPage
from organisation.models import JobRole, Location
from training.models import TrainingModulePage

SOURCE = Path(__file__).with_name("demo_clearances.yaml")


def clearances_data() -> list[dict]:
    return yaml.safe_load(SOURCE.read_text())


@transaction.atomic
def seed(*, today: date, profiles: dict, publisher) -> None:
    for data in clearances_data():
        if Clearance.objects.filter(slug=data["slug"]).exists():
            continue
        clearance = Clearance(name=data["name"], slug=data["slug"], description=data["description"])
        clearance.roles.set(JobRole.objects.filter(slug__in=data["roles"]))
        for order, wanted in enumerate(data["requirements"]):
            clearance.requirements.add(ClearanceRequirement(sort_order=order, **_target(wanted)))
        for slug, count in data.get("minimums", {}).items():
            location = Location.objects.filter(slug=slug).first()
            if location is not None:
                clearance.minimums.add(ClearanceMinimum(location=location, minimum=count))
        clearance.live = False
        clearance.save()
        # Published as the director's approval publishes: a revision, then live.
        clearance.save_revision(user=publisher).publish(user=publisher)


def _target(wanted: dict) -> dict:
    months = {"within_months": wanted.get("within_months")}
    if "certification" in wanted:
        return {"certification_type": CertificationType.objects.get(code=wanted["certification"])}
    if "module" in wanted:
        return {"module": TrainingModulePage.objects.get(slug=wanted["module"]), **months}
    return {"scenario": DrillScenarioPage.objects.get(slug=wanted["drill"]), **months}


def reset() -> None:
    slugs = [data["slug"] for data in clearances_data()]
    Clearance.objects.filter(slug__in=slugs).delete()
