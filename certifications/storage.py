"""Where card files live: a private folder outside MEDIA_ROOT, never given a public URL."""

import os
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateCardStorage(FileSystemStorage):
    """FileSystemStorage rooted at settings.PRIVATE_STORAGE_ROOT, read at each use (so a
    changed setting, e.g. in tests, takes effect)."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_STORAGE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None  # no URL: files are served only by a view that checks the viewer

    def url(self, name):
        raise NotImplementedError("Card files have no public URL; use the card view.")


_storage = PrivateCardStorage()


def card_storage() -> PrivateCardStorage:
    return _storage


def card_upload_to(instance, filename: str) -> str:
    # The person's own file name never reaches the disk: it could hold anything.
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"cards/{instance.staff_id}/{uuid.uuid4().hex}{suffix}"
