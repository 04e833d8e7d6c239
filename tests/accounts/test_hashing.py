from django.contrib.auth.hashers import Argon2PasswordHasher, make_password
from django.test import override_settings

from accounts.hashers import MeasuredArgon2PasswordHasher
from readyroom import settings as production_settings
from tests.factories.organisation import PASSWORD

# The suite hashes with MD5 for speed (tests/settings.py); these tests use production's list.
PRODUCTION_HASHERS = production_settings.PASSWORD_HASHERS
# What accounts/hashers.py chose by measurement, as Argon2 writes it into the hash.
MEASURED_PARAMETERS = "$m=12288,t=3,p=1$"


def test_measured_argon2_comes_first_in_production():
    assert PRODUCTION_HASHERS[0] == "accounts.hashers.MeasuredArgon2PasswordHasher"


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_a_pbkdf2_hash_becomes_argon2_at_login(client, staff):
    staff.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    staff.save(update_fields=["password"])
    assert staff.password.startswith("pbkdf2_sha256$")

    response = client.post("/accounts/login/", {"username": "sam", "password": PASSWORD})

    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.password.startswith("argon2$argon2id$")
    assert MEASURED_PARAMETERS in staff.password
    assert staff.check_password(PASSWORD)


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_an_argon2_hash_with_django_defaults_verifies_and_is_rehashed_at_login(client, staff):
    staff.password = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    staff.save(update_fields=["password"])
    assert "$m=102400,t=2,p=8$" in staff.password

    response = client.post("/accounts/login/", {"username": "sam", "password": PASSWORD})

    assert response.status_code == 302
    staff.refresh_from_db()
    assert MEASURED_PARAMETERS in staff.password
    assert staff.check_password(PASSWORD)


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_a_wrong_password_leaves_an_old_hash_alone(client, staff):
    old = make_password(PASSWORD, hasher="pbkdf2_sha256")
    staff.password = old
    staff.save(update_fields=["password"])

    response = client.post("/accounts/login/", {"username": "sam", "password": "not-it"})

    assert response.status_code == 200
    staff.refresh_from_db()
    assert staff.password == old


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_new_passwords_are_hashed_with_the_measured_parameters(db):
    encoded = make_password("a-new-long-phrase")
    assert encoded.startswith("argon2$argon2id$")
    assert MEASURED_PARAMETERS in encoded
    assert not MeasuredArgon2PasswordHasher().must_update(encoded)
