"""Markdown with `:::` blocks, as the library writes protocol bodies and module lessons, turned
into StreamField block values (see library/README.md for the format).

Plain Markdown becomes a "rich_text" block limited to what the page editor offers (## and ###
headings, paragraphs, lists, bold, italic, links); everything else (a # heading, an image, code,
a quote, raw HTML) is refused with its line, so a file never holds what an editor could not
have written. A block sits between a line `::: kind arguments` and a line `:::`.
"""

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from content.sources import SourceError

OPENING = re.compile(r"^:::\s*([a-z-]+)\s*(.*?)\s*$")
SECTION_HEADING = re.compile(r"^##\s+(\S.*?)\s*$")
CLOSING = re.compile(r"^:::\s*$")
ITEM = re.compile(r"^(?:[-*]|\d+[.)])\s+(.*)$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CALLOUT_KINDS = ("info", "warning", "danger")
PROTOCOL_BLOCKS = ("callout", "checklist", "timed-steps", "protocol-link")
LESSON_BLOCKS = (*PROTOCOL_BLOCKS, "pearl")

ALLOWED_BLOCK_TOKENS = {
    "paragraph_open",
    "paragraph_close",
    "bullet_list_open",
    "bullet_list_close",
    "ordered_list_open",
    "ordered_list_close",
    "list_item_open",
    "list_item_close",
    "inline",
}
ALLOWED_INLINE_TOKENS = {
    "text",
    "softbreak",
    "em_open",
    "em_close",
    "strong_open",
    "strong_close",
    "link_open",
    "link_close",
}
LINK_SCHEMES = ("https://", "http://", "mailto:", "/")

UNCLOSED = "the block opened here is not closed by a line ':::'"
STRAY_CLOSE = "':::' closes no block"
UNKNOWN_BLOCK = "unknown block '{kind}': use one of {allowed}"
NEEDS_TITLE = "'::: {kind}' needs a title after it"
CALLOUT_KIND = "'::: callout' needs a kind (info, warning or danger) and a title"
LINK_SLUG = "'::: protocol-link' needs the slug of a protocol, e.g. '::: protocol-link burns'"
EMPTY_BLOCK = "the '{kind}' block is empty"
NOT_AN_ITEM = "each line of a '{kind}' block starts with '- ' (a continuation is indented)"
NO_WHEN = "a timed step reads '- when: what to do', e.g. '- 0-1 min: Call for help'"
NOT_ALLOWED = (
    "{what} is not allowed here: use ## or ### headings, paragraphs, lists, **bold**, *italic* "
    "and links"
)
BAD_LINK = "a link must start with https://, http://, mailto: or /"
SECTION_TITLE_MAX = 120
LONG_SECTION_TITLE = f"a ## heading here starts a lesson: keep it to {SECTION_TITLE_MAX} characters"


@dataclass(frozen=True)
class ProtocolReference:
    """A protocol-link block before its target page exists: the slug and the line naming it."""

    slug: str
    line: int


_markdown = MarkdownIt("commonmark", {"html": False})
# Source lines are wrapped for reading; the text they hold is one flowing paragraph.
_markdown.add_render_rule("softbreak", lambda *args, **kwargs: " ")


def markdown_to_blocks(
    text: str,
    *,
    path: str,
    first_line: int,
    allowed: tuple[str, ...] = PROTOCOL_BLOCKS,
    section_block: str | None = None,
) -> list[tuple[str, object]]:
    """The (block type, value) list of `text`, whose first line is `first_line` of `path`.

    A protocol-link's value holds a ProtocolReference in "page" until the writer resolves it.
    With `section_block`, each `## ` heading outside a `:::` block becomes a block of that
    type, {"title": ...}, instead of a heading in the text (a module's lessons start there).
    """
    blocks: list[tuple[str, object]] = []
    prose: list[str] = []
    prose_start = first_line
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        number = first_line + index
        if CLOSING.match(line):
            raise SourceError(path, number, STRAY_CLOSE)
        opening = OPENING.match(line)
        section = SECTION_HEADING.match(line) if section_block else None
        if section:
            if len(section.group(1)) > SECTION_TITLE_MAX:
                raise SourceError(path, number, LONG_SECTION_TITLE)
            _flush(blocks, prose, path=path, first_line=prose_start)
            prose = []
            blocks.append((section_block, {"title": section.group(1)}))
            index += 1
            continue
        if not opening:
            if not prose:
                prose_start = number
            prose.append(line)
            index += 1
            continue
        _flush(blocks, prose, path=path, first_line=prose_start)
        prose = []
        end = next((i for i in range(index + 1, len(lines)) if CLOSING.match(lines[i])), None)
        if end is None:
            raise SourceError(path, number, UNCLOSED)
        kind, arguments = opening.groups()
        if kind not in allowed:
            raise SourceError(
                path, number, UNKNOWN_BLOCK.format(kind=kind, allowed=", ".join(allowed))
            )
        inner = lines[index + 1 : end]
        blocks.append(_block(kind, arguments, inner, path=path, line=number))
        index = end + 1
    _flush(blocks, prose, path=path, first_line=prose_start)
    return blocks


def _flush(blocks: list, prose: list[str], *, path: str, first_line: int) -> None:
    if any(line.strip() for line in prose):
        blocks.append(("rich_text", render_markdown("\n".join(prose), path=path, line=first_line)))


def render_markdown(text: str, *, path: str, line: int) -> str:
    """`text` as the HTML a rich text field stores; refuses what the editor cannot hold."""
    tokens = _markdown.parse(text)
    for token in tokens:
        where = line + token.map[0] if token.map else line
        if token.type in ("heading_open", "heading_close"):
            if token.tag not in ("h2", "h3"):
                raise SourceError(path, where, NOT_ALLOWED.format(what=f"a {token.markup} heading"))
            continue
        if token.type not in ALLOWED_BLOCK_TOKENS:
            raise SourceError(path, where, NOT_ALLOWED.format(what=_describe(token.type)))
        for child in token.children or []:
            if child.type not in ALLOWED_INLINE_TOKENS:
                raise SourceError(path, where, NOT_ALLOWED.format(what=_describe(child.type)))
            if child.type == "link_open" and not child.attrGet("href").startswith(LINK_SCHEMES):
                raise SourceError(path, where, BAD_LINK)
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return html.replace(">\n<", "><").strip()


def _describe(token_type: str) -> str:
    name = token_type.removesuffix("_open").removesuffix("_close").replace("_", " ")
    return {"html block": "raw HTML", "html inline": "raw HTML", "fence": "code"}.get(name, name)


def _block(kind: str, arguments: str, inner: list[str], *, path: str, line: int):
    body_line = line + 1
    if kind == "callout":
        callout_kind, _, title = arguments.partition(" ")
        if callout_kind not in CALLOUT_KINDS or not title.strip():
            raise SourceError(path, line, CALLOUT_KIND)
        body = _body(kind, inner, path=path, line=line)
        return "callout", {"kind": callout_kind, "title": title.strip(), "body": body}
    if kind == "pearl":
        title = _title(kind, arguments, path=path, line=line)
        return "pearl", {"title": title, "body": _body(kind, inner, path=path, line=line)}
    if kind == "checklist":
        title = _title(kind, arguments, path=path, line=line)
        items = [text for _, text in _items(kind, inner, path=path, line=body_line)]
        return "checklist", {"title": title, "items": items}
    if kind == "timed-steps":
        title = _title(kind, arguments, path=path, line=line)
        steps = []
        for number, text in _items(kind, inner, path=path, line=body_line):
            at, separator, action = text.partition(": ")
            if not separator or not at.strip() or not action.strip():
                raise SourceError(path, number, NO_WHEN)
            steps.append({"at": at.strip(), "action": action.strip()})
        return "timed_steps", {"title": title, "steps": steps}
    # protocol-link: the note is plain text, its lines joined.
    if not SLUG.match(arguments):
        raise SourceError(path, line, LINK_SLUG)
    note = " ".join(part.strip() for part in inner if part.strip())
    return "protocol_link", {"page": ProtocolReference(arguments, line), "note": note}


def _title(kind: str, arguments: str, *, path: str, line: int) -> str:
    if not arguments:
        raise SourceError(path, line, NEEDS_TITLE.format(kind=kind))
    return arguments


def _body(kind: str, inner: list[str], *, path: str, line: int) -> str:
    if not any(part.strip() for part in inner):
        raise SourceError(path, line, EMPTY_BLOCK.format(kind=kind))
    return render_markdown("\n".join(inner), path=path, line=line + 1)


def _items(kind: str, inner: list[str], *, path: str, line: int) -> list[tuple[int, str]]:
    """(line, text) of each `- ` item; indented lines continue the item above."""
    items: list[tuple[int, str]] = []
    for offset, raw in enumerate(inner):
        if not raw.strip():
            continue
        match = ITEM.match(raw)
        if match:
            items.append((line + offset, match.group(1).strip()))
        elif raw.startswith((" ", "\t")) and items:
            number, text = items[-1]
            items[-1] = (number, f"{text} {raw.strip()}")
        else:
            raise SourceError(path, line + offset, NOT_AN_ITEM.format(kind=kind))
    if not items:
        raise SourceError(path, line - 1, EMPTY_BLOCK.format(kind=kind))
    return items
