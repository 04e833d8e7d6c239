"""Sample content: what a medical director has not yet reviewed says so wherever it appears.

One flag, `SampleContentMixin.sample_content` on protocol, module and drill pages; one notice,
drawn by the `sample_content` template tags (a banner on the page, the quiz and its result,
a drill run and its debrief; a badge in lists) and printed on a certificate of completion.
"""

from django.utils.translation import gettext_lazy as _

SAMPLE_LABEL = _("Sample content")
SAMPLE_NOTICE = _(
    "Written for the ReadyRoom demo; your medical director must review and approve it before "
    "clinical use."
)


def is_sample(page) -> bool:
    """Whether `page` (a protocol, module or drill page, or None) is flagged as sample."""
    return bool(page is not None and getattr(page, "sample_content", False))
