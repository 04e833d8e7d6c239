"""`{% manager_actions profile %}`: the staff record's panel of what a manager can do about
this person, with the exemptions and assignments still open (two queries)."""

from django import template
from django.utils import timezone

from actions.selectors import open_exemptions_of

register = template.Library()


@register.inclusion_tag("actions/record_actions.html")
def manager_actions(profile):
    today = profile.local_date(timezone.now())
    return {
        "profile": profile,
        "exemptions": list(open_exemptions_of(profile, on=today).select_related("granted_by")),
    }
