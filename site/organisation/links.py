"""Absolute links to the site, for whatever is read away from it: mail, calendar feeds,
printed certificates, the Wagtail admin's notifications.

They come from one setting, SITE_URL, never from the request that happened to build them: a
reminder is built by the worker, which has no request, and a certificate downloaded on the
clinic's intranet must still print the public address. `make run` sets SITE_URL from its host
and port, so links follow the port the site runs on.
"""

from django.conf import settings


def absolute_url(url: str) -> str:
    """`url` (a path such as reverse() gives, or an address already absolute) as an absolute
    address on the configured site."""
    if url.startswith(("http://", "https://")):
        return url
    return f"{settings.SITE_URL.rstrip('/')}/{url.lstrip('/')}"
