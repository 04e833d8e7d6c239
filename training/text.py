"""Question text as learners see it, by its GIFT format: pure, no database.

`[markdown]` is rendered (CommonMark) and `[html]` is taken as written; both then pass nh3 with
an allowlist of harmless tags, so a script, an event handler, a `javascript:` link, an image
from elsewhere or a `style` never reaches a learner's page. `[moodle]` and `[plain]` are text:
escaped, line breaks kept. Stored text is never changed, so a GIFT export gives back exactly
what was imported.

Block text (stems, feedback, explanations) may hold paragraphs and lists; inline text (a
choice, which sits in a `<label>`) keeps only emphasis, code and line breaks, since a link or
a paragraph inside a radio button's label breaks the control.
"""

from functools import lru_cache

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

MARKDOWN = "markdown"
HTML = "html"
INLINE_TAGS = frozenset({"b", "strong", "i", "em", "u", "sub", "sup", "code", "br", "span"})
BLOCK_TAGS = INLINE_TAGS | {
    "p",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "hr",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"scope"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # Raw HTML inside Markdown is allowed, as Moodle allows it, and sanitised like [html].
    return MarkdownIt("commonmark", {"html": True})


def sanitise(html: str, *, inline: bool = False) -> str:
    """`html` with only the allowlisted tags, attributes and URL schemes left (text kept)."""
    return nh3.clean(
        html,
        tags=set(INLINE_TAGS if inline else BLOCK_TAGS),
        clean_content_tags={"script", "style"},
        attributes={} if inline else ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


def _unwrap_paragraph(html: str) -> str:
    """A single `<p>...</p>` as its contents, so one line of text sits inline."""
    stripped = html.strip()
    if stripped.startswith("<p>") and stripped.endswith("</p>") and stripped.count("<p>") == 1:
        return stripped[3:-4]
    return stripped


def render_text(text: str, text_format: str, *, inline: bool = False) -> SafeString:
    """`text` in `text_format` as safe HTML for a learner's page (or the admin preview)."""
    if text_format == MARKDOWN:
        markdown = _markdown()
        html = markdown.renderInline(text) if inline else markdown.render(text)
    elif text_format == HTML:
        html = text
    else:
        lines = text.replace("\r\n", "\n").replace("\r", "\n")
        return mark_safe(escape(lines).replace("\n", "<br>"))  # noqa: S308 - escaped
    html = sanitise(html, inline=inline)
    return mark_safe(html if inline else _unwrap_paragraph(html))  # noqa: S308 - sanitised
