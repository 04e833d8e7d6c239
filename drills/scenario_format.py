"""A drill scenario as a file (format readyroom-drill/1, YAML or JSON): read and check one, turn
it into page fields, and turn a page back into one. Pure: no database writes.

The format is described in library/README.md and defined by
library/schema/drill-scenario.schema.json. The library loader (seed_demo) and the admin's
export and import all go through here, so a file means the same thing everywhere.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import yaml

from content.markdown_blocks import ProtocolReference
from content.models import SAMPLE_CONTENT_NOTICE
from content.sources import SourceError, check_schema, parse_yaml
from drills.graph import Graph

FORMAT = "readyroom-drill/1"
SITUATION_TAGS = {"p", "strong", "b", "em", "i", "ul", "ol", "li", "br"}
# Draftail stamps each paragraph with a block key; it carries no content and is dropped.
IGNORED_ATTRIBUTES = {"data-block-key"}

NAME_NOT_SLUG = "the file is named {name} but its slug is {slug}: they must match"
START_MISSING = "start: '{start}' is not a node of this scenario"
TAG_NOT_ALLOWED = "{field}: <{tag}> is not allowed; use p, strong, em, ul, ol, li and br"
ATTRIBUTE_NOT_ALLOWED = "{field}: <{tag} {attribute}=...> is not allowed: no attributes"


@dataclass(frozen=True)
class ScenarioSpec:
    """A checked scenario file: its data as read, and where it came from."""

    path: str
    data: dict
    protocols: list[ProtocolReference] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.data["slug"]


def read_scenario(text: str, *, path: str, file_stem: str | None = None) -> ScenarioSpec:
    """The scenario in `text`; SourceErrors for everything wrong (file, line, field)."""
    document = parse_yaml(text, path=path)
    errors = check_schema(document, "drill-scenario")
    if errors:
        raise _many(errors)
    data = document.data
    if file_stem is not None and data["slug"] != file_stem:
        raise SourceError(
            path,
            document.line_of(["slug"]),
            NAME_NOT_SLUG.format(name=f"{file_stem}.*", slug=data["slug"]),
        )
    errors = _situation_errors(document)
    keys = [node["key"] for node in data["nodes"]]
    if data["start"] not in keys:
        errors.append(SourceError(path, document.line_of(["start"]), START_MISSING.format(**data)))
    else:
        # The graph is checked even when a situation is refused: an author sees all at once.
        for problem in Graph.from_raw(graph_blocks(data)).validate():
            keys_path = ["nodes", problem.position] if problem.position is not None else []
            if problem.position is not None and problem.choice_index is not None:
                keys_path += ["choices", problem.choice_index]
            errors.append(SourceError(path, document.line_of(keys_path), problem.message))
    if errors:
        raise _many(errors)
    references = [
        ProtocolReference(slug, document.line_of(["protocols", i]))
        for i, slug in enumerate(data.get("protocols", []))
    ]
    return ScenarioSpec(path=path, data=data, protocols=references)


class ScenarioInvalid(SourceError):
    """Several problems in one scenario file; str() lists each on its own line."""

    def __init__(self, errors: list[SourceError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.line, first.message)

    def __str__(self) -> str:
        return "\n".join(SourceError.__str__(e) for e in self.errors)


def _many(errors: list[SourceError]) -> ScenarioInvalid:
    return ScenarioInvalid(errors)


class _SituationChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in SITUATION_TAGS:
            self.problems.append(TAG_NOT_ALLOWED.format(field="{field}", tag=tag))
        for name, _ in attrs:
            if name not in IGNORED_ATTRIBUTES:
                self.problems.append(
                    ATTRIBUTE_NOT_ALLOWED.format(field="{field}", tag=tag, attribute=name)
                )

    def handle_endtag(self, tag):
        if tag not in SITUATION_TAGS:
            self.problems.append(TAG_NOT_ALLOWED.format(field="{field}", tag=tag))


def _situation_errors(document) -> list[SourceError]:
    """A situation is shown as HTML: a shared file may carry only harmless formatting."""
    errors = []
    for position, node in enumerate(document.data["nodes"]):
        checker = _SituationChecker()
        checker.feed(node["situation"])
        checker.close()
        for problem in dict.fromkeys(checker.problems):
            errors.append(
                SourceError(
                    document.path,
                    document.line_of(["nodes", position, "situation"]),
                    problem.format(field=f"nodes[{position}].situation"),
                )
            )
    return errors


def graph_blocks(data: dict) -> list[dict]:
    """The scenario's nodes as the graph StreamField's raw data."""
    return [
        {
            "type": "node",
            "value": {
                "key": node["key"],
                "title": node["title"],
                "start": node["key"] == data["start"],
                "situation": node["situation"],
                "image": None,
                "timer_seconds": node.get("timer_seconds"),
                "timeout_next": node.get("timeout_next", ""),
                "outcome": node.get("outcome", ""),
                "summary": node.get("summary", ""),
                "choices": [
                    {
                        "label": choice["label"],
                        "next": choice["next"],
                        "points": choice.get("points", 0),
                        "critical": choice.get("critical", False),
                        "feedback": choice.get("feedback", ""),
                    }
                    for choice in node.get("choices", [])
                ],
            },
        }
        for node in data["nodes"]
    ]


def page_fields(data: dict, *, protocol_ids: dict[str, int]) -> dict:
    """DrillScenarioPage field values; protocols the site lacks are left out (see
    missing_protocols)."""
    vignette = data["vignette"]
    return {
        "title": data["title"],
        "slug": data["slug"],
        "procedure": vignette["procedure"],
        "device": vignette.get("device", ""),
        "fitzpatrick": vignette.get("fitzpatrick", ""),
        "history": vignette.get("history", ""),
        "objectives": [{"type": "objective", "value": o} for o in data.get("objectives", [])],
        "graph": graph_blocks(data),
        "protocols": [
            {"type": "protocol_link", "value": {"page": protocol_ids[slug], "note": ""}}
            for slug in data.get("protocols", [])
            if slug in protocol_ids
        ],
        "milestones": [{"type": "milestone", "value": m} for m in data.get("milestones", [])],
        "checklist": [
            {"type": "item", "value": {"item": c["item"], "required": c.get("required", True)}}
            for c in data.get("checklist", [])
        ],
        "sample_content": data["sample"],
    }


def missing_protocols(data: dict, protocol_ids: dict[str, int]) -> list[str]:
    return [slug for slug in data.get("protocols", []) if slug not in protocol_ids]


def scenario_data(page) -> dict:
    """`page` (a DrillScenarioPage, live or a revision's copy) in the file format.

    Optional fields are written only when set, so exporting, importing and exporting again
    gives the same file. Node images are not part of the format.
    """
    graph = page.drill_graph
    start = graph.start
    data: dict = {"format": FORMAT, "slug": page.slug, "title": page.title}
    data["sample"] = bool(page.sample_content)
    if page.sample_content:
        data["notice"] = str(SAMPLE_CONTENT_NOTICE)
    vignette = {"procedure": page.procedure}
    for name in ("device", "fitzpatrick", "history"):
        if getattr(page, name):
            vignette[name] = getattr(page, name)
    data["vignette"] = vignette
    objectives = [str(block.value) for block in page.objectives]
    if objectives:
        data["objectives"] = objectives
    protocols = [
        block.value["page"].slug for block in page.protocols if block.value.get("page") is not None
    ]
    if protocols:
        data["protocols"] = protocols
    data["start"] = start.key if start else ""
    data["nodes"] = [_node_data(node) for node in graph.nodes]
    milestones = page.milestone_labels()
    if milestones:
        data["milestones"] = milestones
    checklist = page.checklist_items()
    if checklist:
        data["checklist"] = checklist
    return data


def _node_data(node) -> dict:
    out: dict = {"key": node.key, "title": node.title, "situation": _clean(node.situation)}
    if node.timer_seconds:
        out["timer_seconds"] = node.timer_seconds
    if node.timeout_next:
        out["timeout_next"] = node.timeout_next
    if node.outcome:
        out["outcome"] = node.outcome
    if node.summary:
        out["summary"] = node.summary
    if node.choices:
        out["choices"] = [_choice_data(choice) for choice in node.choices]
    return out


def _choice_data(choice) -> dict:
    out: dict = {"label": choice.label, "next": choice.next_key, "points": choice.points}
    if choice.critical:
        out["critical"] = True
    if choice.feedback:
        out["feedback"] = choice.feedback
    return out


def _clean(html: str) -> str:
    for attribute in IGNORED_ATTRIBUTES:
        html = re.sub(rf'\s{re.escape(attribute)}="[^"]*"', "", html)
    return html


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper, text: str):
    # Text over several lines (a situation's paragraphs) reads best as a literal block.
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def dump_scenario(data: dict) -> str:
    """The scenario as YAML, keys in the format's order, readable text."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
