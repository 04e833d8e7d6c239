"""No patient identifiers: the incident and its steps have no field for one, and the form
tells the manager not to write one anywhere."""

import pytest
from django.urls import reverse
from incidents.forms import NO_PATIENT_IDENTIFIERS
from incidents.models import Incident, IncidentStep

DENIED = ("name", "patient", "birth", "dob", "mrn", "record_number", "medical_record", "chart")


@pytest.mark.parametrize("model", [Incident, IncidentStep])
def test_no_field_could_hold_a_patient_identifier(model):
    names = [f.name.lower() for f in model._meta.get_fields()]
    assert names, "the model must have fields to inspect"
    found = [n for n in names if any(word in n for word in DENIED)]
    assert found == []


def test_the_deny_list_would_catch_an_identifier_field():
    assert any(word in "patient_name" for word in DENIED)
    assert any(word in "date_of_birth" for word in DENIED)
    assert any(word in "record_number" for word in DENIED)


def test_the_form_says_not_to_enter_identifiers(client, maria):
    client.force_login(maria.user)
    page = client.get(reverse("incidents:new"))
    assert page.status_code == 200
    text = page.content.decode()
    assert str(NO_PATIENT_IDENTIFIERS).replace("'", "&#x27;") in text
    assert "Do not enter the patient" in text
