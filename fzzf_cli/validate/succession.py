"""Cross-checks of units that change (model/succession.py): every successor is a unit of
units.yaml, other than the unit itself and named once; it takes over only after the unit
ended (``from`` after ``until``), and had not itself ended by then; and no chain of
successors leads back to where it started. A unit with successors must say when it ended.
"""

from __future__ import annotations

from collections.abc import Iterator

from fzzf_cli.errors import Problem
from fzzf_cli.model.dataset import UNITS, Dataset
from fzzf_cli.model.plan import Unit
from fzzf_cli.text import msg


def succession(ds: Dataset) -> Iterator[Problem]:
    """Successors that exist, in order, and without cycles."""
    for i, unit in enumerate(ds.units_file.units):
        if unit.successors and unit.until is None:
            at = ds.where(UNITS, ("units", i, "successors"), at_key=True)
            yield Problem(at, msg("succ_needs_until", name=unit.name), msg("hint_succ_until"))
        seen: set[str] = set()
        for j, heir in enumerate(unit.successors):
            yield from _successor(ds, i, j, unit, seen)
            seen.add(heir.unit)
    yield from _cycles(ds)


def _successor(ds: Dataset, i: int, j: int, unit: Unit, seen: set[str]) -> Iterator[Problem]:
    from fzzf_cli.validate.checks import suggest_unit  # checks.py registers this module

    heir = unit.successors[j]
    loc: tuple[str | int, ...] = ("units", i, "successors", j)
    other = ds.units.get(heir.unit)
    if other is None:
        text = msg("succ_unknown", ref=heir.unit, name=unit.name)
        yield Problem(ds.where(UNITS, (*loc, "unit")), text, suggest_unit(ds, heir.unit, True))
        return
    if heir.unit in seen:
        yield Problem(ds.where(UNITS, (*loc, "unit")), msg("succ_repeated", ref=heir.unit))
    if unit.until is not None and heir.from_ <= unit.until:
        text = msg("succ_from_not_after", day=heir.from_, until=unit.until, name=unit.name)
        yield Problem(ds.where(UNITS, (*loc, "from")), text)
    if other.until is not None and other.until < heir.from_ and other.id != unit.id:
        text = msg("succ_ended", name=other.name, until=other.until, day=heir.from_)
        yield Problem(ds.where(UNITS, (*loc, "unit")), text, msg("hint_succ_ended"))


def _cycles(ds: Dataset) -> Iterator[Problem]:
    """A chain of successors that comes back: reported once, at its first unit in the file."""
    reported: set[str] = set()
    for i, unit in enumerate(ds.units_file.units):
        path = _back_to(ds, unit.id)
        if path is None or reported & set(path):
            continue
        reported |= set(path)
        names = " → ".join(ds.name_of(uid) for uid in path)
        at = ds.where(UNITS, ("units", i, "successors"), at_key=True)
        yield Problem(at, msg("succ_cycle", chain=f"{names} → {unit.name}"))


def _back_to(ds: Dataset, start: str) -> list[str] | None:
    """The chain of successors from ``start`` back to itself, if there is one (each unit
    visited once: hostile data may name every unit as every unit's successor)."""
    parent: dict[str, str] = {}
    stack = [start]
    while stack:
        uid = stack.pop()
        unit = ds.units.get(uid)
        for heir in unit.successors if unit is not None else ():
            if heir.unit == start:
                path = [uid]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return path[::-1]
            if heir.unit not in parent and heir.unit in ds.units:
                parent[heir.unit] = uid
                stack.append(heir.unit)
    return None
