"""A drill's graph as plain data: parsing, validation, best path. No Django models, no database.

The same parser reads the StreamField's raw JSON when an editor saves (in the stream block's
clean()) and a run's pinned revision at decision time, so both see exactly the same graph.
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property

GOOD, PARTIAL, HARM = "good", "partial", "harm"
OUTCOMES = (GOOD, PARTIAL, HARM)
OUTCOME_RANK = {GOOD: 0, PARTIAL: 1, HARM: 2}

# Problem messages (the tests reuse them). {node} is the node's key, {choice} "2 ("label")".
NO_NODES = "Add at least one node."
NO_START = "Mark one node as the start node."
MANY_STARTS = "Only one node can be the start node; also marked: {others}."
EMPTY_KEY = "Node {position} needs a key."
DUPLICATE_KEY = (
    "Node “{node}”: the key is used by another node (node {first}); keys must be unique."
)
CHOICE_TARGET_MISSING = "Node “{node}”, choice {choice}: the next node “{target}” does not exist."
CHOICE_TARGET_EMPTY = "Node “{node}”, choice {choice}: choose the next node."
TIMEOUT_TARGET_MISSING = "Node “{node}”: the timeout node “{target}” does not exist."
TIMER_WITHOUT_TARGET = "Node “{node}”: a timer needs a node to go to when it runs out."
TARGET_WITHOUT_TIMER = "Node “{node}”: a timeout node is set but there is no timer."
END_WITH_CHOICES = "Node “{node}”: an end node (outcome set) cannot have choices."
END_WITH_TIMER = "Node “{node}”: an end node cannot have a timer."
NO_CHOICES = "Node “{node}” has no choices and no outcome: add choices or make it an end node."
UNREACHABLE = "Node “{node}” cannot be reached from the start node “{start}”."
DEAD_END = "Node “{node}”: no path from it leads to an end node."


@dataclass(frozen=True, slots=True)
class Choice:
    index: int
    label: str
    next_key: str
    points: int = 0
    critical: bool = False
    feedback: str = ""

    def describe(self) -> str:
        return f"{self.index + 1} (“{self.label}”)"


@dataclass(frozen=True, slots=True)
class Node:
    position: int  # index in the stream: where an editor's error is shown
    key: str
    title: str = ""
    situation: str = ""
    image_id: int | None = None
    start: bool = False
    timer_seconds: int | None = None
    timeout_next: str = ""
    outcome: str = ""
    summary: str = ""
    choices: tuple[Choice, ...] = ()

    @property
    def is_end(self) -> bool:
        return bool(self.outcome)

    def targets(self) -> list[str]:
        keys = [c.next_key for c in self.choices]
        if self.timer_seconds and self.timeout_next:
            keys.append(self.timeout_next)
        return keys


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a graph, placed where the editor sees it."""

    message: str
    position: int | None = None  # node's index in the stream; None for the whole graph
    choice_index: int | None = None
    field: str | None = None  # the node (or choice) field the problem is about


@dataclass(frozen=True, slots=True)
class CriticalAction:
    """A critical action, identified by its label: the same action may be offered at two nodes."""

    label: str
    node_keys: tuple[str, ...]


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)

    @cached_property
    def by_key(self) -> dict[str, Node]:
        by_key: dict[str, Node] = {}
        for node in self.nodes:
            by_key.setdefault(node.key, node)  # the first wins; duplicates are a problem
        return by_key

    @property
    def start(self) -> Node | None:
        return next((n for n in self.nodes if n.start), None)

    def node(self, key: str) -> Node | None:
        return self.by_key.get(key)

    # -- parsing -------------------------------------------------------------------------

    @classmethod
    def from_raw(cls, raw) -> Graph:
        """From a StreamField's raw data: a list of {"type": "node", "value": {...}} (or its
        JSON string, as a revision stores it)."""
        if isinstance(raw, str):
            raw = json.loads(raw) if raw else []
        nodes = []
        for position, block in enumerate(raw or []):
            value = block.get("value", block) if isinstance(block, dict) else {}
            nodes.append(_node_from_raw(position, value))
        return cls(nodes=nodes)

    # -- validation ----------------------------------------------------------------------

    def validate(self) -> list[Problem]:
        """Every problem, in node order; an empty list means the graph can be run."""
        if not self.nodes:
            return [Problem(NO_NODES)]
        problems: list[Problem] = []
        problems += self._key_problems()
        problems += self._start_problems()
        problems += self._node_problems()
        if not problems:
            # Reachability only means something once every key and target is sound.
            problems += self._reachability_problems()
        return problems

    def _key_problems(self) -> list[Problem]:
        problems = []
        first_at: dict[str, int] = {}
        for node in self.nodes:
            if not node.key:
                problems.append(
                    Problem(
                        EMPTY_KEY.format(position=node.position + 1), node.position, None, "key"
                    )
                )
            elif node.key in first_at:
                message = DUPLICATE_KEY.format(node=node.key, first=first_at[node.key] + 1)
                problems.append(Problem(message, node.position, None, "key"))
            else:
                first_at[node.key] = node.position
        return problems

    def _start_problems(self) -> list[Problem]:
        starts = [n for n in self.nodes if n.start]
        if not starts:
            return [Problem(NO_START)]
        if len(starts) > 1:
            others = ", ".join(f"“{n.key}”" for n in starts[1:])
            return [
                Problem(MANY_STARTS.format(others=others), n.position, None, "start")
                for n in starts[1:]
            ]
        return []

    def _node_problems(self) -> list[Problem]:
        problems = []
        keys = self.by_key
        for node in self.nodes:
            at = node.position
            if node.is_end:
                if node.choices:
                    problems.append(
                        Problem(END_WITH_CHOICES.format(node=node.key), at, None, "choices")
                    )
                if node.timer_seconds:
                    problems.append(
                        Problem(END_WITH_TIMER.format(node=node.key), at, None, "timer_seconds")
                    )
                continue
            if not node.choices:
                problems.append(Problem(NO_CHOICES.format(node=node.key), at, None, "choices"))
            for choice in node.choices:
                if not choice.next_key:
                    message = CHOICE_TARGET_EMPTY.format(node=node.key, choice=choice.describe())
                    problems.append(Problem(message, at, choice.index, "next"))
                elif choice.next_key not in keys:
                    message = CHOICE_TARGET_MISSING.format(
                        node=node.key, choice=choice.describe(), target=choice.next_key
                    )
                    problems.append(Problem(message, at, choice.index, "next"))
            if node.timer_seconds and not node.timeout_next:
                problems.append(
                    Problem(TIMER_WITHOUT_TARGET.format(node=node.key), at, None, "timeout_next")
                )
            elif node.timeout_next and not node.timer_seconds:
                problems.append(
                    Problem(TARGET_WITHOUT_TIMER.format(node=node.key), at, None, "timer_seconds")
                )
            elif node.timeout_next and node.timeout_next not in keys:
                message = TIMEOUT_TARGET_MISSING.format(node=node.key, target=node.timeout_next)
                problems.append(Problem(message, at, None, "timeout_next"))
        return problems

    def _reachability_problems(self) -> list[Problem]:
        start = self.start
        reached = self.depths()
        problems = [
            Problem(UNREACHABLE.format(node=n.key, start=start.key), n.position, None, "key")
            for n in self.nodes
            if n.key not in reached
        ]
        # Backwards from every end node: whatever is not found cannot finish.
        incoming: dict[str, list[str]] = {n.key: [] for n in self.nodes}
        for node in self.nodes:
            for target in node.targets():
                incoming[target].append(node.key)
        finishing = {n.key for n in self.nodes if n.is_end}
        queue = deque(finishing)
        while queue:
            for source in incoming[queue.popleft()]:
                if source not in finishing:
                    finishing.add(source)
                    queue.append(source)
        problems += [
            Problem(DEAD_END.format(node=n.key), n.position, None, "choices")
            for n in self.nodes
            if n.key not in finishing
        ]
        return sorted(problems, key=lambda p: p.position)

    # -- reading -------------------------------------------------------------------------

    def depths(self) -> dict[str, int]:
        """Breadth-first depth of each node reachable from the start (timeouts included)."""
        start = self.start
        if start is None:
            return {}
        depth = {start.key: 0}
        queue = deque([start.key])
        while queue:
            key = queue.popleft()
            node = self.by_key.get(key)
            if node is None:
                continue
            for target in node.targets():
                if target in self.by_key and target not in depth:
                    depth[target] = depth[key] + 1
                    queue.append(target)
        return depth

    def critical_actions(self) -> list[CriticalAction]:
        """Each distinct critical action (by label), in the order first met in the stream."""
        found: dict[str, list[str]] = {}
        for node in self.nodes:
            for choice in node.choices:
                if choice.critical:
                    found.setdefault(choice.label, []).append(node.key)
        return [CriticalAction(label, tuple(keys)) for label, keys in found.items()]

    def best_path(self) -> list[tuple[Node, Choice | None]]:
        """The path of most points from the start to the best outcome reachable.

        Timeouts never count as a path and a choice that leads back to a node already on the
        way is ignored, so the search terminates on graphs with loops. Returns (node, choice
        taken) pairs; the last pair is the end node with None.
        """
        start = self.start
        if start is None or self.validate():
            return []
        best: dict[str, tuple[int, int, list]] = {}

        def walk(key: str, on_path: frozenset[str]) -> tuple[int, int, list] | None:
            # (outcome rank, -points, path) ordered so min() is best. Memoised per node when
            # the result did not depend on the loop guard; good enough for authored drills.
            if key in best:
                return best[key]
            node = self.by_key[key]
            if node.is_end:
                result = (OUTCOME_RANK.get(node.outcome, 3), 0, [(node, None)])
                best[key] = result
                return result
            options = []
            for choice in node.choices:
                if choice.next_key in on_path:
                    continue
                rest = walk(choice.next_key, on_path | {choice.next_key})
                if rest is not None:
                    rank, neg_points, path = rest
                    options.append((rank, neg_points - choice.points, [(node, choice), *path]))
            if not options:
                return None
            result = min(options, key=lambda o: (o[0], o[1], len(o[2])))
            best[key] = result
            return result

        found = walk(start.key, frozenset({start.key}))
        return found[2] if found else []


def _int_or_none(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _items(list_value) -> list[dict]:
    """A ListBlock's raw value: new-style [{"type": "item", "value": ...}] or plain values."""
    items = []
    for item in list_value or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            items.append(item["value"])
        else:
            items.append(item)
    return items


def _node_from_raw(position: int, value: dict) -> Node:
    choices = tuple(
        Choice(
            index=index,
            label=str(c.get("label") or ""),
            next_key=str(c.get("next") or "").strip(),
            points=_int_or_none(c.get("points")) or 0,
            critical=bool(c.get("critical")),
            feedback=str(c.get("feedback") or ""),
        )
        for index, c in enumerate(_items(value.get("choices")))
    )
    timer = _int_or_none(value.get("timer_seconds"))
    return Node(
        position=position,
        key=str(value.get("key") or "").strip(),
        title=str(value.get("title") or ""),
        situation=str(value.get("situation") or ""),
        image_id=_int_or_none(value.get("image")),
        start=bool(value.get("start")),
        timer_seconds=timer if timer and timer > 0 else None,
        timeout_next=str(value.get("timeout_next") or "").strip(),
        outcome=str(value.get("outcome") or ""),
        summary=str(value.get("summary") or ""),
        choices=choices,
    )
