from wagtail import hooks

from content.models import ProtocolIndexPage
from content.services import put_under_medical_director_approval


@hooks.register("after_create_page")
def approve_new_protocol_libraries(request, page):
    # A library created in the admin is under approval from its first save, like the demo's.
    if isinstance(page.specific, ProtocolIndexPage):
        put_under_medical_director_approval(page=page)
