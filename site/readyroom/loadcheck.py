"""Did the database keep what the load test's users were told it kept?

The locust users (loadtest/locustfile.py) write a ledger line for every save, submit and drill
decision the server acknowledged. This compares the ledger with the stored answers and
decisions, read through the training and drills selectors.
"""

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from drills.selectors import stored_decisions
from training.selectors import stored_answers

EMPTY_LEDGER = "The ledger holds no answer and no decision: the load test checked nothing."


@dataclass
class LedgerCheck:
    attempts: int = 0
    answers: int = 0
    decisions: int = 0
    # Decisions the server stored as timed out (the node's timer ran out before they arrived):
    # kept, but not as the choice sent. Only a server slower than the timers makes these.
    late: int = 0
    lost: list[str] = field(default_factory=list)

    @property
    def checked(self) -> int:
        return self.answers + self.decisions


def read_ledger(lines: Iterable[str]) -> list[dict]:
    return [json.loads(line) for line in lines if line.strip()]


def check_ledger(entries: list[dict]) -> LedgerCheck:
    """Compare each acknowledged answer and decision with the database; list what is missing.

    An answer must be stored with the keys last sent for its question, in the sender's
    attempt. One first sent by a save must carry a time before the submit (a save that was
    lost and only rescued by the submit's copy counts as lost). Decisions are compared as a
    multiset of (person, scenario, step, node, choice), so a person's second run of a scenario
    cannot stand in for a decision lost in the first.
    """
    result = LedgerCheck()
    _check_answers([e for e in entries if e["t"] == "answers"], result)
    _check_decisions([e for e in entries if e["t"] == "decision"], result)
    return result


def _check_answers(entries: list[dict], result: LedgerCheck) -> None:
    # attempt -> question -> (keys last sent, whether those keys were first sent by a save)
    expected: dict[int, dict[int, tuple[frozenset, bool]]] = defaultdict(dict)
    owner: dict[int, str] = {}
    for entry in entries:
        attempt = int(entry["attempt"])
        owner[attempt] = entry["user"]
        for question, keys in entry["answers"].items():
            keys = frozenset(keys)
            before = expected[attempt].get(int(question))
            saved_first = before[1] if before and before[0] == keys else entry["via"] == "save"
            expected[attempt][int(question)] = (keys, saved_first)
    stored = {(a.attempt_id, a.question_id): a for a in stored_answers(attempt_ids=list(expected))}
    result.attempts = len(expected)
    for attempt, questions in expected.items():
        for question, (keys, saved_first) in questions.items():
            result.answers += 1
            where = f"attempt {attempt} of {owner[attempt]}, question {question}"
            row = stored.get((attempt, question))
            if row is None:
                result.lost.append(f"{where}: no answer stored")
            elif row.username != owner[attempt]:
                result.lost.append(f"{where}: stored in {row.username}'s attempt")
            elif frozenset(row.selected_keys) != keys:
                result.lost.append(
                    f"{where}: stored {sorted(row.selected_keys)}, sent {sorted(keys)}"
                )
            elif (
                saved_first
                and row.submitted_at is not None
                and (row.answered_at is None or row.answered_at >= row.submitted_at)
            ):
                result.lost.append(f"{where}: the save was not stored (only the submit's copy)")


def _check_decisions(entries: list[dict], result: LedgerCheck) -> None:
    # A choice of None is the timeout form, sent when the page came after the timer ran out.
    sent = Counter(
        (e["user"], e["scenario"], int(e["step"]), e["node"], e["choice"]) for e in entries
    )
    stored = Counter()
    timed_out = Counter()
    for user, slug, step, node, choice, late in stored_decisions(
        usernames=sorted({e["user"] for e in entries})
    ):
        if late:
            timed_out[(user, slug, step, node)] += 1
            stored[(user, slug, step, node, None)] += 1
        else:
            stored[(user, slug, step, node, choice)] += 1
    result.decisions = sum(sent.values())
    for key, count in sent.items():
        if key[4] is None:
            # Claimed first, so a choice that arrived late cannot take its row.
            timed_out[key[:4]] -= min(count, stored[key])
    for key, count in sorted(sent.items(), key=str):
        missing = count - stored[key]
        if missing <= 0:
            continue
        excused = min(missing, max(0, timed_out[key[:4]]))
        timed_out[key[:4]] -= excused
        result.late += excused
        if missing > excused:
            user, slug, step, node, choice = key
            result.lost.append(
                f"drill {slug} of {user}, step {step} at {node}: choice {choice} not stored"
            )
