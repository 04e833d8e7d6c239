from django.contrib.auth.hashers import make_password
from django.test import override_settings

from readyroom import settings as production_settings
from tests.factories.organisation import PASSWORD

# The suite hashes with MD5 for speed (tests/settings.py); these tests use production's list.
PRODUCTION_HASHERS = production_settings.PASSWORD_HASHERS


def test_argon2_comes_first_in_production():
    assert PRODUCTION_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_a_pbkdf2_hash_becomes_argon2_at_login(client, staff):
    staff.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    staff.save(update_fields=["password"])
    assert staff.password.startswith("pbkdf2_sha256$")

    response = client.post("/accounts/login/", {"username": "sam", "password": PASSWORD})

    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.password.startswith("argon2$")
    assert staff.check_password(PASSWORD)


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_new_passwords_are_hashed_with_argon2(db):
    assert make_password("a-new-long-phrase").startswith("argon2$")
