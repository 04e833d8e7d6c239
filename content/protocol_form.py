"""The protocol editor's form: the significant-change box belongs to one publish."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

WHAT_CHANGED_NEEDED = _("Say what changed: staff read it before they attest.")


class ProtocolPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        # An edit starting from the live revision is a new change: whether it is clinically
        # significant is judged afresh, not carried over from the last publish. A draft that
        # is still unpublished keeps what its author ticked.
        if page.pk and page.live and not page.has_unpublished_changes:
            self.initial["significant_change"] = False
            self.initial["what_changed"] = ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("significant_change") and not cleaned.get("what_changed", "").strip():
            self.add_error("what_changed", WHAT_CHANGED_NEEDED)
        return cleaned
