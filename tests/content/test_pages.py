import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from content.blocks import SharedStreamBlock
from content.models import HomePage, ProtocolIndexPage, ProtocolPage
from tests.factories import ProtocolPageFactory, StaffProfileFactory


def test_the_tree_can_only_be_built_one_way(db):
    assert ProtocolPage.can_create_at(Page()) is False
    assert ProtocolPage.allowed_parent_page_models() == [ProtocolIndexPage]
    assert ProtocolIndexPage.allowed_parent_page_models() == [HomePage]
    assert ProtocolPage.allowed_subpage_models() == []
    assert HomePage.max_count == 1


def test_protocol_page_shows_every_shared_block(client, library):
    other = ProtocolPageFactory(parent=library, title="Vasovagal collapse", slug="vasovagal")
    protocol = ProtocolPageFactory(
        parent=library,
        slug="anaphylaxis",
        sample_content=True,
        body=[
            ("rich_text", "<p>Recognise it early.</p>"),
            ("callout", {"kind": "danger", "title": "Epinephrine first", "body": "<p>IM.</p>"}),
            ("checklist", {"title": "Kit check", "items": ["Epinephrine", "Oxygen"]}),
            (
                "timed_steps",
                {"title": "First minutes", "steps": [{"at": "0 min", "action": "Call for help"}]},
            ),
            ("protocol_link", {"page": other, "note": "Fainting looks similar"}),
        ],
    )
    client.force_login(StaffProfileFactory().user)
    html = client.get(protocol.url).content.decode()
    assert "Recognise it early." in html
    assert 'class="callout callout--danger"' in html and "Epinephrine first" in html
    assert '<ol class="checklist"><li>Epinephrine</li><li>Oxygen</li></ol>' in html
    assert "<td>0 min</td><td>Call for help</td>" in html
    assert 'href="/protocols/vasovagal/"' in html and "Fainting looks similar" in html
    assert "Sample content." in html


def test_protocol_library_lists_live_protocols(client, library):
    ProtocolPageFactory(parent=library, title="Peel aftercare", slug="peel")
    draft = ProtocolPageFactory(parent=library, title="Unfinished", slug="draft", live=False)
    client.force_login(StaffProfileFactory().user)
    html = client.get(library.url).content.decode()
    assert "Peel aftercare" in html and draft.title not in html


def test_image_block_refuses_an_image_without_alt_text(db):
    image = Image.objects.create(title="burn", file=get_test_image_file())
    block = SharedStreamBlock()
    value = block.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}}]
    )
    with pytest.raises(Exception) as error:
        block.clean(value)
    assert "alt_text" in str(error.value.as_json_data())
    good = block.to_python(
        [
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Grey blanching", "caption": ""},
            }
        ]
    )
    assert block.clean(good)[0].value["alt_text"] == "Grey blanching"


def test_home_greets_and_lists_what_is_due_soonest_first(client, home_page):
    import datetime

    from organisation.compliance import ComplianceRow, Status, provider_registered

    profile = StaffProfileFactory(user__first_name="Priya")

    def provide(*, staff, now, as_of):
        return [
            ComplianceRow(p.pk, "test", key, key, status, due, f"/do/{key}/")
            for p in staff
            for key, status, due in (
                ("ACLS", Status.DUE_SOON, datetime.date(2026, 5, 31)),
                ("BLS", Status.OVERDUE, datetime.date(2026, 1, 31)),
                ("LSO", Status.CURRENT, datetime.date(2027, 1, 31)),
            )
        ]

    client.force_login(profile.user)
    with provider_registered("test", provide):
        html = client.get("/").content.decode()
    assert "Hello, Priya" in html
    assert html.index("/do/BLS/") < html.index("/do/ACLS/")
    assert "/do/LSO/" not in html  # current items are not "due"


def test_home_says_when_nothing_is_due(client, home_page):
    client.force_login(StaffProfileFactory().user)
    assert "Nothing is due" in client.get("/").content.decode()
