"""{% sample_notice page %} and {% sample_badge page %}: the sample-content notice, drawn only
for a page flagged as sample (content.sample)."""

from django import template

from content.sample import SAMPLE_LABEL, SAMPLE_NOTICE, is_sample

register = template.Library()


@register.inclusion_tag("content/includes/sample_banner.html")
def sample_notice(page):
    """The banner at the top of anything showing the page's content."""
    return {"shown": is_sample(page), "label": SAMPLE_LABEL, "notice": SAMPLE_NOTICE}


@register.inclusion_tag("content/includes/sample_badge.html")
def sample_badge(page):
    """A badge beside the page's title in a list; the page itself carries the notice."""
    return {"shown": is_sample(page), "label": SAMPLE_LABEL}
