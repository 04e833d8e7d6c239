"""Read Moodle GIFT into questions of the kinds a bank holds; list everything else by line.

Supported: `::title::`, `//` comments (with Moodle's `[tag:name]` in them), `$CATEGORY:`
(ignored), `[html]`/`[markdown]`/`[plain]`/`[moodle]` formats, multiple choice (`=` right,
`~` wrong, `~%50%` partial), multiple response (every answer `~%n%`, negative weights allowed),
true/false (`T`, `F`, `TRUE`, `FALSE`, with `#wrong#right` feedback), per-answer feedback
(`#`), general feedback (`####`), escapes (`\\~ \\= \\# \\{ \\} \\: \\n \\\\`) and questions over
several lines. Essay, matching, numerical, short answer, missing word and description
"questions" are reported as skipped with their line number, and never half-read.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FORMATS = ("html", "markdown", "plain", "moodle")
ESCAPES = {"~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n", "\\": "\\"}
TAG = re.compile(r"\[tag:([^\]]+)\]")
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")

ESSAY = "essay questions are not supported"
MATCHING = "matching questions are not supported"
NUMERICAL = "numerical questions are not supported"
SHORT_ANSWER = "short answer questions are not supported"
MISSING_WORD = "missing word questions are not supported"
DESCRIPTION = "a description (no answer block) is not a question"
NO_CORRECT = "no answer is marked correct"
UNBALANCED = "the answer block is not closed with }"
EMPTY_STEM = "the question has no text"


@dataclass
class GiftChoice:
    text: str
    weight: int  # percent, -100..100
    feedback: str = ""


@dataclass
class GiftQuestion:
    line: int
    kind: str  # single | multiple | true_false
    stem: str
    title: str = ""
    stem_format: str = "moodle"
    choices: list[GiftChoice] = field(default_factory=list)
    explanation: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ParseResult:
    questions: list[GiftQuestion] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


class _Unsupported(Exception):
    pass


def parse(text: str) -> ParseResult:
    """Every question in `text`, in order, and every block skipped with its first line."""
    result = ParseResult()
    for line, body, tags in _blocks(text):
        try:
            question = _question(body)
        except _Unsupported as reason:
            result.skipped.append(Skipped(line, str(reason)))
            continue
        question.line, question.tags = line, tags
        result.questions.append(question)
    return result


def _blocks(text: str):
    """(first line number, text, tags) of each blank-line separated block, comments removed."""
    lines, start, tags = [], 0, []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        stripped = raw.strip()
        if stripped.startswith("//"):
            tags.extend(t.strip() for t in TAG.findall(stripped))
            continue
        if not stripped:
            if lines:
                yield start, "\n".join(lines), tags
                tags = []
            lines = []
            continue
        if stripped.startswith("$CATEGORY:") and not lines:
            continue
        if not lines:
            start = number
        lines.append(raw.rstrip())
    if lines:
        yield start, "\n".join(lines), tags


def _find(text: str, target: str, start: int = 0) -> int:
    """Index of the first unescaped `target` at or after `start`, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i):
            return i
        i += 1
    return -1


def _split(text: str, separator: str) -> list[str]:
    parts, start = [], 0
    while (at := _find(text, separator, start)) != -1:
        parts.append(text[start:at])
        start = at + len(separator)
    parts.append(text[start:])
    return parts


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPES:
            out.append(ESCAPES[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _strip_format(text: str) -> tuple[str, str]:
    text = text.strip()
    for name in FORMATS:
        if text.lower().startswith(f"[{name}]"):
            return name, text[len(name) + 2 :].strip()
    return "moodle", text


def _question(body: str) -> GiftQuestion:
    text = body.strip()
    title = ""
    if text.startswith("::"):
        end = _find(text, "::", 2)
        if end != -1:
            title, text = unescape(text[2:end]).strip(), text[end + 2 :]
    opening = _find(text, "{")
    if opening == -1:
        raise _Unsupported(DESCRIPTION)
    closing = _find(text, "}", opening + 1)
    if closing == -1:
        raise _Unsupported(UNBALANCED)
    if text[closing + 1 :].strip():
        raise _Unsupported(MISSING_WORD)
    stem_format, stem = _strip_format(text[:opening])
    stem = unescape(stem).strip()
    if not stem:
        raise _Unsupported(EMPTY_STEM)
    answers, *general = _split(text[opening + 1 : closing], "####")
    explanation = unescape("####".join(general)).strip()
    question = GiftQuestion(
        line=0, kind="", stem=stem, title=title, stem_format=stem_format, explanation=explanation
    )
    _answers(question, answers.strip())
    return question


def _answers(question: GiftQuestion, answers: str) -> None:
    if not answers:
        raise _Unsupported(ESSAY)
    if answers.startswith("#"):
        raise _Unsupported(NUMERICAL)
    verdict, *feedback = _split(answers, "#")
    if verdict.strip().upper() in {"T", "F", "TRUE", "FALSE"}:
        _true_false(question, verdict.strip().upper().startswith("T"), feedback)
        return
    if _find(answers, "->") != -1:
        raise _Unsupported(MATCHING)
    entries = _entries(answers)
    markers = {marker for marker, _ in entries}
    if markers == {"="}:
        raise _Unsupported(SHORT_ANSWER)
    choices = [_choice(marker, body) for marker, body in entries]
    if "=" in markers:
        question.kind = "single"
    elif any(c.weight for c in choices):
        question.kind = "multiple"
    else:
        raise _Unsupported(NO_CORRECT)
    if not any(c.weight > 0 for c in choices):
        raise _Unsupported(NO_CORRECT)
    question.choices = choices


def _true_false(question: GiftQuestion, is_true: bool, feedback: list[str]) -> None:
    wrong = unescape(feedback[0]).strip() if feedback else ""
    right = unescape(feedback[1]).strip() if len(feedback) > 1 else ""
    question.kind = "true_false"
    question.choices = [
        GiftChoice("True", 100 if is_true else 0, right if is_true else wrong),
        GiftChoice("False", 0 if is_true else 100, wrong if is_true else right),
    ]


def _entries(answers: str) -> list[tuple[str, str]]:
    """[(marker, body)] for each `=` or `~` answer, split at unescaped markers."""
    entries, i, marker, start = [], 0, None, 0
    while i < len(answers):
        char = answers[i]
        if char == "\\":
            i += 2
            continue
        if char in "=~":
            if marker is not None:
                entries.append((marker, answers[start:i]))
            marker, start = char, i + 1
        i += 1
    if marker is not None:
        entries.append((marker, answers[start:]))
    return entries


def _choice(marker: str, body: str) -> GiftChoice:
    body = body.strip()
    weight = 100 if marker == "=" else 0
    if match := WEIGHT.match(body):
        try:
            weight = int(Decimal(match.group(1)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        except InvalidOperation as error:  # pragma: no cover - the pattern allows numbers only
            raise _Unsupported(f"bad weight {match.group(1)}") from error
        weight = max(-100, min(100, weight))
        body = body[match.end() :]
    text, *feedback = _split(body, "#")
    _, text = _strip_format(text)
    return GiftChoice(unescape(text).strip(), weight, unescape("#".join(feedback)).strip())
