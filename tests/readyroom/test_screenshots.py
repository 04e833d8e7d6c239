"""`make screenshots`: what it photographs exists for whom it logs in as, and it never loads
the demo into a database that already holds something."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from readyroom.management.commands.screenshots import NOT_SCRATCH
from readyroom.screenshots import ANONYMOUS, main_pages


def test_refuses_a_database_that_already_has_tables(db):
    with pytest.raises(CommandError) as error:
        call_command("screenshots", stdout=StringIO())
    assert str(error.value) == NOT_SCRATCH


def test_every_main_page_answers_the_role_that_photographs_it(db, client):
    call_command("seed_demo", stdout=StringIO())
    shots = main_pages()
    assert {shot.role for shot in shots} == {ANONYMOUS, "staff", "manager"}
    for shot in shots:
        client.logout()
        if shot.role != ANONYMOUS:
            client.force_login(get_user_model().objects.get(username=shot.role))
        response = client.get(shot.path)
        assert response.status_code == 200, (shot.name, shot.path, response.status_code)
