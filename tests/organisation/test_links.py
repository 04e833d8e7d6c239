"""Absolute links come from SITE_URL, one function for every mail, feed and certificate."""

from organisation.links import absolute_url


def test_a_path_is_joined_to_the_site_url(settings):
    settings.SITE_URL = "http://127.0.0.1:8123"
    assert absolute_url("/my/certifications/") == "http://127.0.0.1:8123/my/certifications/"
    assert absolute_url("/") == "http://127.0.0.1:8123/"


def test_a_site_under_a_path_keeps_it_and_no_slash_is_doubled(settings):
    settings.SITE_URL = "https://clinic.example/readyroom/"
    assert absolute_url("/verify/abc/") == "https://clinic.example/readyroom/verify/abc/"


def test_an_address_already_absolute_is_left_alone(settings):
    settings.SITE_URL = "https://clinic.example"
    assert absolute_url("https://elsewhere.example/x") == "https://elsewhere.example/x"
