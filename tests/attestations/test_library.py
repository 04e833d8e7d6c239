"""A library protocol's front matter names the roles that sign it every year (attest_yearly):
the loader sets them on the page, and refuses a role the site does not have."""

from dataclasses import replace

import pytest

from content.library import UNKNOWN_ROLE, read_protocol, write_protocols
from content.models import ProtocolPage
from content.sources import SourceError
from tests.factories import JobRoleFactory, UserFactory
from tests.factories.library import BURNS


def _spec(tmp_path, roles: str):
    path = tmp_path / "burns.md"
    path.write_text(BURNS.replace("sample: true\n", f"sample: true\nattest_yearly: [{roles}]\n"))
    spec = read_protocol(path)
    # Its protocol-link names a protocol this test does not load.
    return replace(spec, body=spec.body[:1])


def test_the_roles_named_sign_it_every_year(home_page, tmp_path):
    esthetician = JobRoleFactory(slug="esthetician")
    JobRoleFactory(slug="injector")
    spec = _spec(tmp_path, "esthetician")
    write_protocols(home=home_page, specs=[spec], publisher=UserFactory())
    page = ProtocolPage.objects.get(slug="burns")
    assert list(page.attestation_roles.all()) == [esthetician]


def test_a_role_the_site_lacks_is_refused_and_nothing_written(home_page, tmp_path):
    spec = _spec(tmp_path, "nobody")
    with pytest.raises(SourceError) as refused:
        write_protocols(home=home_page, specs=[spec], publisher=UserFactory())
    assert UNKNOWN_ROLE.format(slug="nobody") in str(refused.value)
    assert not ProtocolPage.objects.exists()
