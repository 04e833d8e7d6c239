"""The project's settings with what tests need changed; everything else is as in production."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
# A developer's .env (written by `make run`) must not change what the suite runs with; the
# subprocesses the tests start inherit this too.
os.environ["READYROOM_IGNORE_DOTENV"] = "1"

from readyroom.settings import *  # noqa: E402,F403

# Fast hashing: the suite creates many users; production keeps PBKDF2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
PRIVATE_STORAGE_ROOT = Path(tempfile.mkdtemp(prefix="readyroom-private-"))
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="readyroom-media-"))
# whitenoise reads STATIC_ROOT each time a test client builds its middleware: keep it empty
# (a developer's collected var/static holds thousands of files); the live server serves
# static files from the apps' folders itself.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="readyroom-static-"))
for _folder in (PRIVATE_STORAGE_ROOT, MEDIA_ROOT, STATIC_ROOT):
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The test client and the live server speak plain HTTP; production redirects to HTTPS.
SECURE_SSL_REDIRECT = False

# Logging in (accounts): most tests log in with force_login, which never gives a second
# factor, and Client.login() cannot pass django-axes the request it needs. The tests of
# both turn them back on with the `settings` fixture (tests/accounts/).
READYROOM_MFA_REQUIRED = False
AXES_ENABLED = False
# The suite runs in one process with the local-memory cache, which is then shared by every
# request: the page tree's cache is tested as production runs it (tests/conftest.py gives each
# test a fresh token, since a rolled-back test sends no signal).
READYROOM_PAGE_TREE_CACHE = True
