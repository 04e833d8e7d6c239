"""The site's own error pages, for views that must show them whatever DEBUG says."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

NOT_FOUND_TEMPLATE = "404.html"


def not_found(request: HttpRequest, *, message: str = "") -> HttpResponse:
    """The site's 404 page (the template Django also renders for a 404 with DEBUG off).

    Raising Http404 would show Django's technical page while DEBUG is on; a public page
    (certificate verification) renders this instead, so nobody ever sees the debug page."""
    return render(request, NOT_FOUND_TEMPLATE, {"message": message}, status=404)
