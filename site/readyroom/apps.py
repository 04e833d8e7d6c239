from django.apps import AppConfig


class ReadyRoomConfig(AppConfig):
    """The project layer: urls, base templates, static files and the demo command."""

    name = "readyroom"
    verbose_name = "ReadyRoom"
