"""`{% question_text text text_format %}`: question text as learners see it (training.text)."""

from django import template
from django.utils.safestring import SafeString

from training.text import render_text

register = template.Library()


@register.simple_tag
def question_text(text: str, text_format: str, inline: bool = False) -> SafeString:
    """Stems, feedback and explanations as blocks; `inline=True` for a choice in its label."""
    return render_text(text or "", text_format or "", inline=inline)
