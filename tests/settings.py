"""The project's settings with what tests need changed; everything else is as in production."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")

from readyroom.settings import *  # noqa: E402,F403

# Fast hashing: the suite creates many users; production keeps PBKDF2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
PRIVATE_STORAGE_ROOT = Path(tempfile.mkdtemp(prefix="readyroom-private-"))
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="readyroom-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
