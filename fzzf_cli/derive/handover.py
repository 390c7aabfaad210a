"""Duties of units that changed (model/succession.py): an obligation due after its unit
ended passes to each of the unit's successors, and on along a chain of successors; those
due on or before the day it ended stay with it, even if still open.

The successor's obligation is ``<thing>.<successor>``, the id its own would have: it files
in its own name, and one filing answers for the thing, however many predecessors owed it
(市国家税务局 and 市地方税务局 both owed the 2018-H2 report; 市税务局 files one). If the
successor owed the thing itself, its own record stays and notes what it also carries.
``from_units`` and ``acts`` record where an obligation came from and by which act.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.model.succession import Act, Successor


def act_label(act: Act) -> str:
    """《深化党和国家机构改革方案》（2018-03-21）, with its 文号 when it has one."""
    if act.number:
        return msg("act_numbered", title=act.title, number=act.number, date=act.date)
    return msg("act_dated", title=act.title, date=act.date)


def heirs(ds: Dataset, uid: str, due: date) -> list[tuple[str, list[Successor]]]:
    """Who owes ``uid``'s duty due on ``due``: the unit itself, or its successors at the end
    of each chain, each with the handovers that led there."""
    found: dict[str, list[Successor]] = {}
    todo: list[tuple[str, list[Successor]]] = [(uid, [])]
    visited = {uid}  # each unit once: a cycle (refused by validate) cannot loop
    while todo:
        current, chain = todo.pop(0)
        unit = ds.units.get(current)
        passes = unit is not None and unit.until is not None and due > unit.until
        onward = [s for s in unit.successors if s.unit in ds.units] if unit and passes else []
        if not onward:  # not ended by then, or no successor known: the duty stays
            found.setdefault(current, chain)
        for s in onward:
            if s.unit not in visited:
                visited.add(s.unit)
                todo.append((s.unit, [*chain, s]))
    return list(found.items()) or [(uid, [])]


def hand_over(ds: Dataset, found: list[Obligation]) -> list[Obligation]:
    """The obligations with every duty of an ended unit passed on, in the same order."""
    if not any(u.successors for u in ds.units_file.units):
        return found
    result: dict[str, Obligation] = {}
    for o in found:
        # The plan's date decides, not an extension's: a duty due before the end stays.
        for heir, chain in heirs(ds, o.unit_id, o.due_original or o.due):
            moved = o if not chain else _moved(ds, o, heir, chain)
            before = result.get(moved.id)
            result[moved.id] = moved if before is None else _merged(before, moved)
    return list(result.values())


def _moved(ds: Dataset, o: Obligation, heir: str, chain: list[Successor]) -> Obligation:
    return o._replace(
        id=f"{o.thing}.{heir}",
        unit_id=heir,
        unit=ds.name_of(heir),
        from_units=(o.unit_id,),
        acts=tuple(act_label(s.act) for s in chain),
        handed=chain[0].from_,
    )


def _merged(before: Obligation, moved: Obligation) -> Obligation:
    """One obligation of a thing per unit: its own record (or the first predecessor's),
    noting every unit whose duty it also carries."""
    base = moved if before.from_units and not moved.from_units else before
    units = tuple(dict.fromkeys([*before.from_units, *moved.from_units]))
    acts = tuple(dict.fromkeys([*before.acts, *moved.acts]))
    handed = min(filter(None, (before.handed, moved.handed)), default=None)
    return base._replace(from_units=units, acts=acts, handed=handed)
