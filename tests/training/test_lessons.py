"""What one lesson is: a module's stream cut at each "New lesson" block, and the library's
`## ` headings turned into those blocks."""

import pytest

from content.markdown_blocks import LESSON_BLOCKS, LONG_SECTION_TITLE, markdown_to_blocks
from content.sources import SourceError
from training.lessons import INTRODUCTION, ONLY_LESSON, lesson_keys, outline


def raw(*blocks):
    return [
        {"type": kind, "value": value, "id": f"id-{i}"} for i, (kind, value) in enumerate(blocks)
    ]


def test_each_lesson_block_starts_a_lesson_keyed_by_its_id():
    stream = raw(
        ("lesson", {"title": "Cool first"}),
        ("rich_text", "<p>Cool running water.</p>"),
        ("pearl", {"title": "Warm the patient", "body": "<p>Keep them warm.</p>"}),
        ("lesson", {"title": "Escalate"}),
        ("callout", {"kind": "danger", "title": "Call", "body": "<p>Call.</p>"}),
    )
    lessons = outline(stream)
    assert [(lesson.key, lesson.title, lesson.positions) for lesson in lessons] == [
        ("id-0", "Cool first", (1, 2)),
        ("id-3", "Escalate", (4,)),
    ]
    assert lesson_keys(stream) == ["id-0", "id-3"]


def test_blocks_before_the_first_lesson_are_an_introduction():
    lessons = outline(
        raw(("rich_text", "<p>Why this matters.</p>"), ("lesson", {"title": "Cool first"}))
    )
    assert [(lesson.key, lesson.title) for lesson in lessons] == [
        ("id-0", str(INTRODUCTION)),
        ("id-1", "Cool first"),
    ]


def test_a_stream_with_no_lesson_block_is_one_lesson():
    lessons = outline(raw(("rich_text", "<p>Stop and cool.</p>"), ("rich_text", "<p>More.</p>")))
    assert [(lesson.key, lesson.title, lesson.positions) for lesson in lessons] == [
        ("id-0", str(ONLY_LESSON), (0, 1))
    ]
    assert outline([]) == []


def test_a_library_heading_starts_a_lesson_but_not_inside_a_block():
    text = (
        "## Cool first\n\nCool running water.\n\n### For how long\n\nTwenty minutes.\n\n"
        "::: callout info Note\n## Not a lesson\nInside the callout.\n:::\n\n## Escalate\n\nCall."
    )
    blocks = markdown_to_blocks(
        text, path="m.yaml", first_line=1, allowed=LESSON_BLOCKS, section_block="lesson"
    )
    assert [kind for kind, _ in blocks] == ["lesson", "rich_text", "callout", "lesson", "rich_text"]
    assert blocks[0][1] == {"title": "Cool first"}
    assert blocks[1][1] == ("<p>Cool running water.</p><h3>For how long</h3><p>Twenty minutes.</p>")
    assert "<h2>Not a lesson</h2>" in blocks[2][1]["body"]
    # Protocols keep their headings in the text.
    assert markdown_to_blocks("## Cool first\n\nText.", path="p.md", first_line=1) == [
        ("rich_text", "<h2>Cool first</h2><p>Text.</p>")
    ]


def test_a_lesson_title_too_long_for_the_editor_is_refused_with_its_line():
    with pytest.raises(SourceError) as error:
        markdown_to_blocks(
            "Intro.\n\n## " + "x" * 121, path="m.yaml", first_line=10, section_block="lesson"
        )
    assert error.value.line == 12 and error.value.message == LONG_SECTION_TITLE
