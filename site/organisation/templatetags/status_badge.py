"""`{% status_badge status detail %}`: a requirement's status as every page shows it.

The word is always there (colour only repeats it, for people who cannot tell the colours
apart, for screen readers and for print); a kind's finer detail follows it in small type.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from organisation.status import Status

register = template.Library()


@register.simple_tag
def status_badge(status: Status | str, detail: str = "") -> SafeString:
    status = Status(status)
    badge = format_html('<span class="status status--{}">{}</span>', status.value, status.label)
    if not detail:
        return badge
    return format_html('{} <span class="status-detail">{}</span>', badge, detail)
