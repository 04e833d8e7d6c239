"""Queries compiled once per process and run again with other values.

Django builds a queryset's SQL afresh each time it runs one. For the few queries every
request asks (the session's user with what the page needs to know of them, the page a URL
names), that Python work cost several times what the database spent answering: the session
user's query took 3.6 ms of CPU to build and 0.1 ms to run. A PreparedQuery has the ORM
build and compile its queryset once, with placeholder values, remembers where those values
went among the SQL's parameters, and afterwards only sends the SQL with the real values and
turns the rows into model instances (or tuples) as Django's own iterables do.

Only plain values are substituted (ints and strings, alone or in a non-empty list); anything
else, or a queryset whose SQL does not carry its values as parameters, is simply run through
the ORM as usual, so a PreparedQuery always answers what its queryset would.
"""

import itertools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)

_sentinels = itertools.count(1)
_lock = threading.Lock()


def _sentinel(value):
    """A stand-in for `value` that no real query parameter equals."""
    number = next(_sentinels)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        # Inside a 32-bit column's range: Django answers an out-of-range lookup as empty.
        return -2_000_000_000 - number
    if isinstance(value, str):
        return f"readyroom-prepared-placeholder-{number}"
    return None


@dataclass
class _Plan:
    sql: str
    params: list
    slots: list  # (parameter index, argument index, element index or None)
    converters: list  # (position, converters, expression)
    col_count: int
    trim: bool
    kind: str  # "model", "tuple" or "flat"
    model: type | None = None
    init_list: list | None = None
    model_slice: slice | None = None
    populators: list | None = None
    annotations: dict | None = None


_NO_PLAN = object()


class PreparedQuery:
    """`build(*values)` returns the queryset; `PreparedQuery(build).all(*values)` its rows."""

    def __init__(self, build: Callable[..., QuerySet]):
        self._build = build
        self._plans: dict = {}

    def all(self, *values, using: str = "default") -> list:
        shape = _shape(values)
        plan = self._plans.get((using, shape), None) if shape is not None else _NO_PLAN
        if plan is None:
            try:
                plan = self._plan(values, using)
            except Exception:
                # Django refused to build or compile it (a value the field rejects, a lock
                # outside a transaction): the ORM says so below, and the next call tries again.
                plan = _NO_PLAN
            else:
                with _lock:
                    self._plans[(using, shape)] = plan
        if plan is _NO_PLAN:
            return list(self._build(*values).using(using))
        return _run(plan, values, using)

    def first(self, *values, using: str = "default"):
        rows = self.all(*values, using=using)
        return rows[0] if rows else None

    def _plan(self, values: Sequence, using: str):
        stand_ins = [
            [_sentinel(v) for v in value] if isinstance(value, list | tuple) else _sentinel(value)
            for value in values
        ]
        if any(s is None for s in _flat(stand_ins)):
            return _NO_PLAN
        queryset = self._build(*stand_ins).using(using)
        query = queryset.query
        compiler = query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            return _NO_PLAN
        params = list(params)
        slots = []
        for index, param in enumerate(params):
            for argument, stand_in in enumerate(stand_ins):
                for element, one in _elements(stand_in):
                    if type(param) is type(one) and param == one:
                        slots.append((index, argument, element))
        placed = {(argument, element) for _, argument, element in slots}
        expected = {
            (argument, element)
            for argument, stand_in in enumerate(stand_ins)
            for element, _ in _elements(stand_in)
        }
        # Every value must travel as a parameter (not written into the SQL itself).
        if placed != expected or any(str(s) in sql for s in _flat(stand_ins)):
            return _NO_PLAN
        fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
        if compiler.has_composite_fields(fields):
            return _NO_PLAN
        converters = [
            (position, convs, expression)
            for position, (convs, expression) in compiler.get_converters(fields).items()
        ]
        plan = _Plan(
            sql=sql,
            params=params,
            slots=slots,
            converters=converters,
            col_count=compiler.col_count,
            trim=bool(compiler.has_extra_select),
            kind="",
        )
        iterable = queryset._iterable_class
        if iterable is ModelIterable:
            klass_info = compiler.klass_info
            select_fields = klass_info["select_fields"]
            start, end = select_fields[0], select_fields[-1] + 1
            plan.kind = "model"
            plan.model = klass_info["model"]
            plan.model_slice = slice(start, end)
            plan.init_list = [f[0].target.attname for f in compiler.select[start:end]]
            plan.populators = get_related_populators(klass_info, compiler.select, using)
            plan.annotations = dict(compiler.annotation_col_map or {})
        elif iterable in (ValuesListIterable, FlatValuesListIterable) and not (
            query.extra_select or query.annotation_select
        ):
            plan.kind = "flat" if iterable is FlatValuesListIterable else "tuple"
        else:
            return _NO_PLAN
        return plan


def _run(plan: _Plan, values: Sequence, using: str) -> list:
    params = list(plan.params)
    for index, argument, element in plan.slots:
        params[index] = values[argument] if element is None else values[argument][element]
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(plan.sql, params)
        rows = cursor.fetchall()
    results = []
    for raw in rows:
        row = list(raw[: plan.col_count] if plan.trim else raw)
        for position, convs, expression in plan.converters:
            value = row[position]
            for converter in convs:
                value = converter(value, expression, connection)
            row[position] = value
        if plan.kind == "flat":
            results.append(row[0])
        elif plan.kind == "tuple":
            results.append(tuple(row))
        else:
            obj = plan.model.from_db(using, plan.init_list, row[plan.model_slice])
            for populator in plan.populators:
                populator.populate(row, obj)
            for name, position in plan.annotations.items():
                setattr(obj, name, row[position])
            results.append(obj)
    return results


def _shape(values: Sequence):
    shape = []
    for value in values:
        # A plan is made for each type and list length: the SQL's parameters follow them.
        if isinstance(value, list | tuple):
            if not value or not all(_plain(v) for v in value):
                return None
            shape.append(tuple(type(v) for v in value))
        elif _plain(value):
            shape.append(type(value))
        else:
            return None
    return tuple(shape)


def _plain(value) -> bool:
    return isinstance(value, int | str) and not isinstance(value, bool)


def _elements(stand_in):
    if isinstance(stand_in, list):
        return list(enumerate(stand_in))
    return [(None, stand_in)]


def _flat(stand_ins):
    for stand_in in stand_ins:
        yield from (stand_in if isinstance(stand_in, list) else [stand_in])
