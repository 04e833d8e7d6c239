"""Security headers: the site's strict policy, the admin's own, Permissions-Policy, and no
inline script or style left in our templates for the policy to refuse."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from readyroom.headers import permissions_policy_header
from tests.factories import StaffProfileFactory, UserFactory

ROOT = Path(settings.BASE_DIR)
OUR_TEMPLATES = [
    path
    for folder in ("site", "certifications", "training", "drills", "content")
    for path in (ROOT / folder).rglob("templates/**/*.html")
]
# An inline <script> (one without src; JSON data blocks are not run), a <style> block, a style
# attribute, an inline event handler or a javascript: URL.
INLINE_CODE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>"
    r"|<style[\s>]|\sstyle=|\son[a-z]+=|javascript:",
    re.IGNORECASE,
)


def directives(policy: str) -> dict[str, list[str]]:
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.fixture
def staff_client(client, home_page):
    client.force_login(StaffProfileFactory().user)
    return client


def test_site_pages_forbid_inline_script_and_style(staff_client):
    response = staff_client.get("/my/training/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


def test_site_pages_send_the_other_security_headers(staff_client):
    response = staff_client.get("/my/training/")
    features = dict(
        feature.strip().split("=") for feature in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_login_page_has_the_sites_policy(client, db):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_the_wagtail_admin_gets_its_own_policy(client, home_page):
    client.force_login(UserFactory(is_superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy == {
        name: values
        for name, values in settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"].items()
    }
    # Looser for scripts and styles only, and framed by nothing but itself (page previews).
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]


def test_only_the_admin_prefix_gets_the_admin_policy(staff_client):
    # A path that merely starts like the admin's is a site page.
    response = staff_client.get("/administration/")
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_permissions_policy_header_spells_features_and_allow_lists():
    assert permissions_policy_header({"camera": [], "fullscreen": ["self"]}) == (
        "camera=(), fullscreen=(self)"
    )


def test_our_templates_carry_no_inline_script_or_style():
    assert len(OUR_TEMPLATES) > 20
    offenders = [
        f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}: {match.group()}"
        for path in OUR_TEMPLATES
        for text in [path.read_text()]
        for match in INLINE_CODE.finditer(text)
    ]
    assert offenders == []


def test_the_inline_code_pattern_catches_what_the_policy_refuses():
    caught = [
        "<script>alert(1)</script>",
        '<script type="module">x()</script>',
        "<style>p{}</style>",
        '<p style="color:red">',
        '<button onclick="go()">',
        '<a href="javascript:go()">',
    ]
    allowed = [
        '<script src="/static/x.js" defer></script>',
        '<script id="data" type="application/json">{}</script>',
        '<link rel="stylesheet" href="/static/site.css">',
        '<p class="stylish">',
    ]
    assert all(INLINE_CODE.search(html) for html in caught)
    assert not any(INLINE_CODE.search(html) for html in allowed)
