"""Absolute links for mail and calendar feeds, which are read away from the site."""

from django.conf import settings


def absolute(url: str) -> str:
    site = settings.SITE_URL.rstrip("/")
    return url if url.startswith(("http://", "https://")) else f"{site}{url}"
