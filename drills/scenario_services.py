"""Writes for drill scenario files: import one as a draft page (the admin), and write the
library's scenarios as published pages with their requirements (seed_demo)."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from wagtail.log_actions import log

from content.models import HomePage, ProtocolPage
from content.services import put_under_medical_director_approval
from content.sources import SourceError
from drills.models import DrillIndexPage, DrillRequirement, DrillScenarioPage
from drills.scenario_format import (
    ScenarioInvalid,
    ScenarioSpec,
    missing_protocols,
    page_fields,
    read_scenario,
)
from organisation.models import JobRole

INDEX_SLUG = "drills"
INDEX_INTRO = (
    "<p>Branching complication drills, run against the clock. Every scenario here is "
    "<em>sample content</em> for your medical director to review.</p>"
)
SLUG_TAKEN = (
    "slug: a scenario with the slug '{slug}' is already in {library}; change the slug in the file"
)
# The demo's requirement: the run scores at least this share of the best path's points and
# makes every critical action.
MIN_SCORE_SHARE = 0.6
UNKNOWN_ROLE = "no job role with the slug '{slug}'"


class ScenarioImportRefused(Exception):
    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


@dataclass(frozen=True)
class ImportedScenario:
    page: DrillScenarioPage
    unlinked_protocols: list[str]


def _protocol_ids() -> dict[str, int]:
    return dict(ProtocolPage.objects.values_list("slug", "pk"))


@transaction.atomic
def import_scenario(
    *, parent: DrillIndexPage, text: str, filename: str, user: AbstractBaseUser
) -> ImportedScenario:
    """A new draft scenario page under `parent` from a scenario file, with a first revision
    by `user`, for the usual approval. Every problem in the file raises ScenarioImportRefused
    (file, line, field) and nothing is created; so does a slug already under `parent`.
    Protocols the site does not have are left unlinked and named in the result."""
    try:
        spec = read_scenario(text, path=filename)
    except ScenarioInvalid as error:
        raise ScenarioImportRefused([str(e) for e in error.errors]) from error
    except SourceError as error:
        raise ScenarioImportRefused([str(error)]) from error
    if DrillScenarioPage.objects.child_of(parent).filter(slug=spec.slug).exists():
        raise ScenarioImportRefused(
            [f"{filename}: " + SLUG_TAKEN.format(slug=spec.slug, library=parent.title)]
        )
    protocol_ids = _protocol_ids()
    page = DrillScenarioPage(
        **page_fields(spec.data, protocol_ids=protocol_ids),
        live=False,
        has_unpublished_changes=True,
        owner=user,
    )
    parent.add_child(instance=page)
    page.save_revision(user=user)
    log(page, "wagtail.create", user=user)
    return ImportedScenario(
        page=page, unlinked_protocols=missing_protocols(spec.data, protocol_ids)
    )


def library_index(*, home: HomePage, publisher: AbstractBaseUser) -> DrillIndexPage:
    """The drill library under `home`, created and put under approval when missing."""
    index = DrillIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=DrillIndexPage(title="Drills", slug=INDEX_SLUG, intro=INDEX_INTRO)
        )
        index.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    put_under_medical_director_approval(page=index)
    return index


@transaction.atomic
def write_scenarios(
    *, index: DrillIndexPage, specs: list[ScenarioSpec], publisher: AbstractBaseUser
) -> list[DrillScenarioPage]:
    """A published page per library scenario under `index` (one whose slug exists is kept as
    it is) and the requirements its file names. An unknown role raises SourceError."""
    roles = {r.slug: r for r in JobRole.objects.all()}
    for spec in specs:
        for slug in spec.data.get("requirement", {}).get("roles", []):
            if slug not in roles:
                raise SourceError(spec.path, None, UNKNOWN_ROLE.format(slug=slug))
    existing = {p.slug: p for p in DrillScenarioPage.objects.child_of(index)}
    protocol_ids = _protocol_ids()
    pages = []
    for spec in specs:
        page = existing.get(spec.slug)
        if page is None:
            page = index.add_child(
                instance=DrillScenarioPage(**page_fields(spec.data, protocol_ids=protocol_ids))
            )
            page.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
            page.refresh_from_db()
        _requirements(page, spec, roles)
        pages.append(page)
    return pages


def _requirements(page: DrillScenarioPage, spec: ScenarioSpec, roles: dict) -> None:
    requirement = spec.data.get("requirement")
    if not requirement:
        return
    best = sum(choice.points for _, choice in page.drill_graph.best_path() if choice)
    for slug in requirement["roles"]:
        DrillRequirement.objects.get_or_create(
            role=roles[slug],
            page=page,
            defaults={
                "every_months": requirement.get("every_months", 12),
                "min_score": int(best * MIN_SCORE_SHARE),
                "all_critical": True,
            },
        )
