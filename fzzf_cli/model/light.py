"""The plan's records as the plan cache gives them back: plain objects, no pydantic.

A query answered from the cache needs the plan's values, not its validators; importing
pydantic and building the models' classes costs more than the rest of the query. The
cache (``validate/cache.py``) stores each record as its class name and field values, and
gives it back as a ``LightRecord`` of a class of the same name: the same attributes,
frozen, equal and hashed by class name and values as the pydantic record was, with the
defaults of its fields (``construct``) and the few methods later stages call.

Nothing here is ever validated: only what passed the models is cached.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

Bounds = dict[str, tuple[int, int | None]]  # "measures" / "pilots" / "areas" → (first, last)


def conventions_bounds(conventions: Any) -> Bounds:
    """The validation context the plan's numbers are checked in (``Conventions.bounds``)."""
    numbers = conventions.measures
    measures = (numbers.first, numbers.last) if numbers is not None else (1, None)
    pilots = conventions.pilots
    pilot_range = (pilots.first, pilots.last) if pilots is not None else measures
    return {
        "measures": measures,
        "pilots": pilot_range,
        "areas": (1, len(conventions.area_numerals)),
    }


class LightRecord:
    """A record read back from the cache: its fields are its ``__dict__``."""

    defaults: dict[str, Any] = {}

    def __init__(self, fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)

    @classmethod
    def construct(cls, **fields: Any) -> Any:
        """Like pydantic's ``model_construct``: the given fields, the rest at their defaults."""
        return cls({**cls.defaults, **fields})

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if type(other).__name__ != type(self).__name__:
            return NotImplemented
        return self.__dict__ == getattr(other, "__dict__", None)

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self.__dict__.values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({fields})"

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        return type(self)({**self.__dict__, **(update or {})})


class _Conventions(LightRecord):
    def bounds(self) -> Bounds:
        return conventions_bounds(self)


_METHODS: dict[str, type[LightRecord]] = {"Conventions": _Conventions}
_CLASSES: dict[str, type[LightRecord]] = {}


def light_class(name: str, defaults: dict[str, Any] | None = None) -> type[LightRecord]:
    """The light class for the record class ``name`` (one per name, its defaults set once)."""
    found = _CLASSES.get(name)
    if found is None:
        base = _METHODS.get(name, LightRecord)
        found = _CLASSES[name] = type(name, (base,), {"__module__": __name__, "defaults": {}})
    if defaults is not None:
        found.defaults = defaults
    return found


def is_light(record: object) -> bool:
    return isinstance(record, LightRecord)


class Revision(NamedTuple):
    """One extension of one obligation: the new due date and the document granting it."""

    due: date
    document: str
    date: date
