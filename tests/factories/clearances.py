"""Clearances: a live (approved) clearance with the requirements and minimums given."""

import factory

from clearances.models import Clearance, ClearanceMinimum, ClearanceRequirement


class ClearanceFactory(factory.django.DjangoModelFactory):
    """Live, as if the medical director had approved it; `roles=[...]` names who performs it."""

    class Meta:
        model = Clearance
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Procedure {n}")
    slug = factory.Sequence(lambda n: f"procedure-{n}")
    live = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.roles.set(extracted)
            self.save()  # a ParentalManyToManyField is written when its object is saved


def requirement(clearance: Clearance, **fields) -> ClearanceRequirement:
    """One requirement: certification_type=..., module=... or scenario=... (and within_months)."""
    return ClearanceRequirement.objects.create(clearance=clearance, **fields)


def minimum(clearance: Clearance, location, count: int) -> ClearanceMinimum:
    return ClearanceMinimum.objects.create(clearance=clearance, location=location, minimum=count)
