"""The admin's drill scenario export and import: who may use them, the file they give, the
draft an import makes, and a refused file's errors shown with nothing created."""

import pytest
import yaml
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from drills.models import DrillScenarioPage
from drills.scenario_format import dump_scenario, scenario_data
from organisation import groups
from tests.factories import ManagerFactory, StaffProfileFactory, UserFactory

ROLES = ("anonymous", "staff", "manager", "admin_only", "educator", "director")
# Wagtail admin sends people without admin access to the login; staff and managers have none.
# One who may enter the admin but is neither educator nor director is refused by our check,
# which Wagtail answers by sending them back to the admin's dashboard.
EXPECTED = {
    "anonymous": "login",
    "staff": "login",
    "manager": "login",
    "admin_only": "refused",
    "educator": 200,
    "director": 200,
}


def _outcome(response):
    if response.status_code != 302:
        return response.status_code
    if response["Location"].startswith(reverse("login")):
        return "login"
    return "refused" if response["Location"] == reverse("wagtailadmin_home") else response


def _admin_only():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def people(db):
    return {
        "staff": StaffProfileFactory().user,
        "manager": ManagerFactory().user,
        "admin_only": _admin_only(),
        "educator": StaffProfileFactory(user__groups=[groups.STAFF, groups.EDUCATORS]).user,
        "director": StaffProfileFactory(user__groups=[groups.STAFF, groups.MEDICAL_DIRECTORS]).user,
    }


def _upload(text: str, name: str = "shared.yaml") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="application/yaml")


@pytest.mark.parametrize("name", ["drills_export", "drills_import"])
def test_only_educators_and_directors_export_and_import(client, scenario, people, name):
    url = reverse(name, args=[scenario.pk] if name == "drills_export" else None)
    got = {}
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(people[role])
        got[role] = _outcome(client.get(url))
    assert got == EXPECTED


def test_export_downloads_the_latest_revision_as_yaml(client, scenario, people):
    scenario.title = "Anaphylaxis, revised draft"
    scenario.save_revision()
    client.force_login(people["educator"])
    response = client.get(reverse("drills_export", args=[scenario.pk]))
    assert response["Content-Type"].startswith("application/yaml")
    assert response["Content-Disposition"] == 'attachment; filename="anaphylaxis.yaml"'
    data = yaml.safe_load(response.content.decode())
    assert data["format"] == "readyroom-drill/1"
    assert data["title"] == "Anaphylaxis, revised draft"
    assert [n["key"] for n in data["nodes"]] == [n.key for n in scenario.drill_graph.nodes]


def test_the_buttons_are_on_the_scenario_and_the_library(client, scenario, drill_index, people):
    client.force_login(people["educator"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[scenario.pk])).content.decode()
    assert reverse("drills_export", args=[scenario.pk]) in edit
    listing = client.get(reverse("wagtailadmin_explore", args=[drill_index.pk])).content.decode()
    assert reverse("drills_export", args=[scenario.pk]) in listing
    assert f"{reverse('drills_import')}?parent={drill_index.pk}" in listing


def test_import_makes_a_draft_and_opens_its_editor(client, scenario, drill_index, people):
    data = scenario_data(scenario)
    data["slug"], data["title"] = "shared-anaphylaxis", "Shared anaphylaxis drill"
    client.force_login(people["educator"])
    response = client.post(
        reverse("drills_import"),
        {"file": _upload(dump_scenario(data)), "parent": drill_index.pk},
    )
    page = DrillScenarioPage.objects.get(slug="shared-anaphylaxis")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.get_parent().pk == drill_index.pk
    assert page.latest_revision.user == people["educator"]


def test_a_refused_import_shows_every_problem_and_creates_nothing(
    client, scenario, drill_index, people
):
    data = scenario_data(scenario)
    data["slug"] = "broken-import"
    data["nodes"][1]["choices"][0]["next"] = "nowhere"
    del data["vignette"]
    client.force_login(people["director"])
    pages_before = DrillScenarioPage.objects.count()
    response = client.post(
        reverse("drills_import"),
        {"file": _upload(dump_scenario(data), "broken.yaml"), "parent": drill_index.pk},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Nothing was imported" in content
    assert "broken.yaml:1: (top level): &#x27;vignette&#x27; is a required property" in content
    assert DrillScenarioPage.objects.count() == pages_before


def test_a_file_that_is_not_text_is_refused(client, drill_index, people):
    client.force_login(people["educator"])
    response = client.post(
        reverse("drills_import"),
        {
            "file": _upload("", "x.yaml").__class__("x.yaml", b"\xff\xfe\x00"),
            "parent": drill_index.pk,
        },
    )
    assert response.status_code == 400
    assert "not UTF-8 text" in response.content.decode()
