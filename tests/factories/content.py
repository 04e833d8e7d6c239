import wagtail_factories

from content.models import HomePage, ProtocolIndexPage, ProtocolPage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "ReadyRoom"


class ProtocolIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProtocolIndexPage

    title = "Protocols"


class ProtocolPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProtocolPage

    title = "Anaphylaxis response"
    summary = "What to do in the first minutes of a suspected anaphylaxis."
    body = [("rich_text", "<p>Call for help.</p>")]
