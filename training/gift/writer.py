"""Write questions as Moodle GIFT that our parser (and Moodle) reads back to the same thing."""

from collections.abc import Iterable

SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    out = "".join("\\" + c if c in SPECIAL else c for c in text)
    # A blank line would end the question, so line breaks are written as \n.
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def write_question(question) -> str:
    """One question (GiftQuestion or anything with the same attributes) as a GIFT block."""
    lines = []
    if question.tags:
        lines.append("// " + " ".join(f"[tag:{t}]" for t in question.tags))
    head = f"::{escape(question.title)}::" if question.title else ""
    fmt = f"[{question.stem_format}]" if question.stem_format != "moodle" else ""
    lines.append(f"{head}{fmt}{escape(question.stem)} {{")
    if question.kind == "true_false":
        true, false = _true_and_false(question.choices)
        right, wrong = (true, false) if true.weight > 0 else (false, true)
        verdict = "TRUE" if true.weight > 0 else "FALSE"
        lines.append(f"{verdict}#{escape(wrong.feedback)}#{escape(right.feedback)}")
    else:
        for choice in question.choices:
            lines.append(_answer(question.kind, choice))
    if question.explanation:
        lines.append(f"####{escape(question.explanation)}")
    lines.append("}")
    return "\n".join(lines)


def _true_and_false(choices):
    by_text = {c.text.lower(): c for c in choices}
    return by_text.get("true", choices[0]), by_text.get("false", choices[-1])


def _answer(kind: str, choice) -> str:
    if kind == "single" and choice.weight == 100:
        marker = "="
    elif kind == "single" and choice.weight == 0:
        marker = "~"
    else:
        marker = f"~%{choice.weight}%"
    feedback = f"#{escape(choice.feedback)}" if choice.feedback else ""
    return f"{marker}{escape(choice.text)}{feedback}"


def write(questions: Iterable, *, header: str = "") -> str:
    blocks = [f"// {line}" for line in header.splitlines()] if header else []
    text = "\n".join(blocks)
    body = "\n\n".join(write_question(q) for q in questions)
    return (text + "\n\n" if text else "") + body + "\n"
