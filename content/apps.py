from django.apps import AppConfig


class ContentConfig(AppConfig):
    """The page tree's base: home, the protocol library and the blocks every page shares."""

    name = "content"
    verbose_name = "Content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from content import page_tree

        page_tree.connect_signals()
