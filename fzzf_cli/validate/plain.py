"""The validated plan as plain data, for the plan cache: JSON values only, so that reading it
back runs no code and needs neither pydantic nor the models' classes.

A record is ``{"~": class name, "f": {field: value}}``, a date ``{"~d": "2017-06-30"}``, a tuple
``{"~t": [...]}`` and a mapping ``{"~m": [[key, value], ...]}``; text, numbers, booleans, None
and lists are themselves. Only these exact types are written: anything else (an enum, a
subclass of str) makes ``encode`` raise, and the plan is then simply not cached, so what
comes back is always equal to what was stored. Each record class's field defaults are
stored once, for ``LightRecord.construct``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.light import LightRecord, light_class

if TYPE_CHECKING:
    from pydantic import BaseModel

FORMAT = 1
FILES = ("units_file", "measures_file", "pilots_file", "extensions_file", "rounds_file")
_SCALARS = (str, int, float, bool, type(None))


def encode(dataset: Dataset) -> dict[str, Any]:
    """``dataset`` (made of pydantic records, without its YAML) as JSON values."""
    from fzzf_cli.model.plan import Milestone  # built by Dataset.milestones: its defaults too

    writer = _Writer()
    writer.record_class(Milestone)
    plan = {name: writer.value(getattr(dataset, name)) for name in FILES}
    return {"format": FORMAT, "classes": writer.classes, "plan": plan}


class _Writer:
    def __init__(self) -> None:
        self.classes: dict[str, dict[str, Any]] = {}
        self._seen: dict[str, type] = {}

    def value(self, value: Any) -> Any:
        kind = type(value)
        if kind in _SCALARS:
            return value
        if kind is list:
            return [self.value(item) for item in value]
        if kind is tuple:
            return {"~t": [self.value(item) for item in value]}
        if kind is dict:
            return {"~m": [[self.value(k), self.value(v)] for k, v in value.items()]}
        if kind is date:
            return {"~d": value.isoformat()}
        if getattr(kind, "__pydantic_validator__", None) is not None:  # a model, any pydantic 2
            self.record_class(kind)
            return {"~": kind.__name__, "f": {k: self.value(v) for k, v in value.__dict__.items()}}
        raise TypeError(f"not plain data: {kind.__name__}")

    def record_class(self, kind: type[BaseModel]) -> None:
        name = kind.__name__
        if self._seen.setdefault(name, kind) is not kind:
            raise TypeError(f"two record classes named {name}")
        if name in self.classes:
            return
        self.classes[name] = {}  # before its defaults: a default may hold a record of its own
        defaults = {
            field: self.value(info.get_default(call_default_factory=True))
            for field, info in kind.model_fields.items()
            if not info.is_required()
        }
        self.classes[name] = defaults


def decode(data: Any) -> Dataset:
    """The plan ``encode`` wrote, of light records; raises on anything else (a record of a
    class the entry did not declare, an untagged mapping, a value JSON would not give)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a cached plan")
    reader = _Reader(set(data["classes"]))
    for name, defaults in data["classes"].items():
        light_class(name, {field: reader.value(v) for field, v in defaults.items()})
    files = {name: reader.value(data["plan"][name]) for name in FILES}
    for name, record in files.items():
        if not isinstance(record, LightRecord):
            raise ValueError(f"{name}: not a record")
    return Dataset(**files)


class _Reader:
    def __init__(self, known: set[str]) -> None:
        self.known = known

    def value(self, value: Any) -> Any:
        kind = type(value)
        if kind is list:
            return [self.value(item) for item in value]
        if kind is not dict:
            if kind not in _SCALARS:
                raise ValueError("not a JSON value")
            return value
        if "~" in value:
            name = value["~"]
            if name not in self.known:
                raise ValueError(f"a record of an undeclared class {name!r}")
            return light_class(name)({k: self.value(v) for k, v in value["f"].items()})
        if "~d" in value:
            return date.fromisoformat(value["~d"])
        if "~t" in value:
            return tuple(self.value(item) for item in value["~t"])
        if "~m" in value:
            return {self.value(k): self.value(v) for k, v in value["~m"]}
        raise ValueError("an untagged mapping")
