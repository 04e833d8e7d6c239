"""Reading the clinical library's text files: YAML (with the line of every value), front
matter, and errors that name the file and the line.

Everything here is pure: it reads text and returns data or raises SourceError. The apps that
own each kind of file (content, training, drills) build on it; nothing here writes.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jsonschema
import yaml

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "library" / "schema"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

NO_FRONT_MATTER = "the file must start with a line '---', then YAML front matter, then '---'"
FRONT_MATTER_OPEN = "the front matter is not closed by a line '---'"
NOT_A_MAPPING = "expected a YAML mapping (key: value lines) at the top"


class SourceError(Exception):
    """A problem in one library file, at one line: `path:line: message`."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SourceErrors(Exception):
    """Every problem found in a library, so an author can fix them all in one pass."""

    def __init__(self, errors: Sequence[SourceError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML and its node tree, to map a path of keys back to a line of the file."""

    path: str
    data: object
    node: yaml.Node | None
    first_line: int = 1  # line of the file where the YAML text starts

    def line_of(self, keys: Iterable) -> int:
        """Line (1-based) of the value at `keys`, or of the nearest enclosing value."""
        node = self.node
        if node is None:
            return self.first_line
        for key in keys:
            child = _child(node, key)
            if child is None:
                break
            node = child
        return node.start_mark.line + self.first_line


def _child(node: yaml.Node, key) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def parse_yaml(text: str, *, path: str | Path, first_line: int = 1) -> YamlDocument:
    """`text` as YAML (JSON is YAML too); a syntax error names the file and its line."""
    # One pass: the node tree (for lines) is built once and the data constructed from it, by
    # libyaml when present (the pure-Python parser takes seconds over the whole library).
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        raise SourceError(path, line, f"YAML: {error.problem or error.context}") from error
    except yaml.YAMLError as error:
        raise SourceError(path, first_line, f"YAML: {error}") from error
    finally:
        loader.dispose()
    return YamlDocument(path=str(path), data=data, node=node, first_line=first_line)


def split_front_matter(text: str, *, path: str | Path) -> tuple[YamlDocument, str, int]:
    """(front matter, body, the body's first line) of a Markdown file with YAML front matter."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceError(path, 1, NO_FRONT_MATTER)
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            front = parse_yaml("\n".join(lines[1 : number - 1]), path=path, first_line=2)
            return front, "\n".join(lines[number:]), number + 1
    raise SourceError(path, 1, FRONT_MATTER_OPEN)


@cache
def schema(name: str) -> dict:
    """A JSON Schema of the library's formats (library/schema/<name>.schema.json)."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def check_schema(document: YamlDocument, schema_name: str) -> list[SourceError]:
    """Every place `document` breaks the schema, by line, with the field's path."""
    if not isinstance(document.data, dict):
        return [SourceError(document.path, document.first_line, NOT_A_MAPPING)]
    validator = jsonschema.Draft202012Validator(schema(schema_name))
    errors = sorted(validator.iter_errors(document.data), key=lambda e: list(e.absolute_path))
    return [
        SourceError(
            document.path,
            document.line_of(error.absolute_path),
            f"{field_name(error.absolute_path)}: {_schema_message(error)}",
        )
        for error in errors
    ]


def field_name(path: Iterable) -> str:
    """A path of keys as an author reads it: nodes[2].choices[0].next."""
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(top level)"


def _schema_message(error: jsonschema.ValidationError) -> str:
    # The schema's own description says what a value should be better than jsonschema's
    # default ("'x' does not match '^[a-z]...'"), so it follows the raw message.
    described = error.schema.get("description") if isinstance(error.schema, dict) else None
    if error.validator in {"pattern", "enum", "const"} and described:
        return f"{error.message} ({described})"
    return error.message
