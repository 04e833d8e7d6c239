"""Who the clinic is: a Wagtail setting medical directors edit, read by one selector that never
writes, and filled by the demo only while the clinic has not named itself."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.images import get_image_model

from organisation import groups
from organisation.demo_clinic import (
    DEMO_CLINIC_NAME,
    DEMO_LOGO_TITLE,
    remove_demo_clinic,
    seed_clinic,
)
from organisation.models import ClinicSettings
from organisation.selectors import clinic
from tests.factories import UserFactory


def _edit_url(client) -> str:
    url = reverse("wagtailsettings:edit", args=["organisation", "clinicsettings"])
    return client.get(url).url  # generic settings redirect to the one instance


@pytest.mark.django_db
def test_an_unnamed_clinic_reads_as_the_site_and_nothing_is_written(settings):
    settings.WAGTAIL_SITE_NAME = "ReadyRoom"
    identity = clinic()
    assert (identity.name, identity.logo, identity.director) == ("ReadyRoom", None, "")
    assert not ClinicSettings.objects.exists()


@pytest.mark.django_db
def test_the_director_reads_with_credentials_when_given():
    row = ClinicSettings.load()
    row.name, row.medical_director_name = "Harbour Aesthetics", "Dr Ines Carvalho"
    row.save()
    assert clinic().director == "Dr Ines Carvalho"
    row.medical_director_credentials = "MD, FAAD"
    row.save()
    assert (clinic().name, clinic().director) == (
        "Harbour Aesthetics",
        "Dr Ines Carvalho, MD, FAAD",
    )


@pytest.mark.django_db
def test_only_medical_directors_are_given_the_setting():
    def may_edit(name: str) -> bool:
        return (
            Group.objects.get(name=name)
            .permissions.filter(codename="change_clinicsettings")
            .exists()
        )

    assert may_edit(groups.MEDICAL_DIRECTORS)
    assert not any(may_edit(name) for name in (groups.STAFF, groups.MANAGERS, groups.EDUCATORS))


@pytest.mark.django_db
def test_a_medical_director_names_the_clinic_in_the_admin(client):
    client.force_login(UserFactory(groups=[groups.MEDICAL_DIRECTORS]))
    url = _edit_url(client)
    assert client.get(url).status_code == 200
    data = {
        "name": "Harbour Aesthetics",
        "logo": "",
        "medical_director_name": "Dr Ines Carvalho",
        "medical_director_credentials": "MD",
    }
    assert client.post(url, data).status_code == 302
    assert clinic().name == "Harbour Aesthetics" and clinic().director == "Dr Ines Carvalho, MD"


@pytest.mark.django_db
def test_an_educator_cannot_edit_the_clinic(client):
    client.force_login(UserFactory(groups=[groups.EDUCATORS]))
    url = reverse("wagtailsettings:edit", args=["organisation", "clinicsettings"])
    response = client.get(url, follow=True)
    assert "Harbour" not in response.content.decode()
    assert response.redirect_chain and response.redirect_chain[-1][0] != url
    assert client.post(url, {"name": "Harbour Aesthetics"}).status_code in (302, 403)
    assert clinic().name != "Harbour Aesthetics"


@pytest.mark.django_db
def test_the_demo_names_the_clinic_draws_a_logo_and_its_reset_clears_only_that():
    seed_clinic()
    identity = clinic()
    assert identity.name == DEMO_CLINIC_NAME and "(sample)" in identity.name
    assert "sample" in identity.director and identity.logo.title == DEMO_LOGO_TITLE
    assert identity.logo.width > identity.logo.height  # a wide mark, drawn as a PNG
    seed_clinic()
    assert get_image_model().objects.filter(title=DEMO_LOGO_TITLE).count() == 1
    remove_demo_clinic()
    assert clinic().logo is None and ClinicSettings.load().name == ""
    assert not get_image_model().objects.filter(title=DEMO_LOGO_TITLE).exists()


@pytest.mark.django_db
def test_the_demo_leaves_a_clinic_that_named_itself_alone():
    row = ClinicSettings.load()
    row.name = "Harbour Aesthetics"
    row.save()
    seed_clinic()
    remove_demo_clinic()
    assert clinic().name == "Harbour Aesthetics" and clinic().logo is None
