"""Extensions (延期) granted by the coordinator, from ``data/extensions.yaml``.

An extension moves the due date of an item (an obligation's thing) for the units it names,
or for every unit owing the item; it is granted by a document (文号) of a date. Nothing is
overwritten: every extension of an obligation is kept, in the order of the documents' dates
(the file's order for one date), and the last in force is the due date the obligation is
judged against; ``due_original`` keeps the plan's date. An extension counts from its
document's date: asked about an earlier day, the item is due as it was then.

The deadline a return (退回, ``Assessed.deadline``) sets is another thing: the coordinator's
verdict on a claim, for the redo; it comes after, and over, the date an extension gave.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from fzzf_cli.errors import Problem
from fzzf_cli.model.dataset import EXTENSIONS, Dataset
from fzzf_cli.model.light import Revision
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.model.changes import Extension


def _targets(ds: Dataset, ext: Extension) -> set[str] | None:
    """The unit ids an extension names (groups expanded); None: every unit owing it."""
    if not ext.units:
        return None
    chosen = set(ds.expand(ext.units))
    return chosen | {ref for ref in ext.units if ref in ds.groups}  # an open group owes as itself


def revise(obligations: list[Obligation], ds: Dataset, known: date | None) -> list[Obligation]:
    """The obligations with the extensions granted by ``known`` (all, if None) applied;
    an extension that would not move a date later is refused (``check``), not applied."""
    granted = [e for e in ds.extensions_file.extensions if known is None or e.date <= known]
    if not granted:
        return obligations
    granted.sort(key=lambda e: e.date)  # stable: one day's documents in the file's order
    by_thing: dict[str, list[Extension]] = {}
    for ext in granted:
        by_thing.setdefault(ext.item, []).append(ext)
    result = []
    for o in obligations:
        revisions = [
            Revision(e.due, e.document, e.date)
            for e in by_thing.get(o.thing, [])
            if e.due > o.due and ((units := _targets(ds, e)) is None or o.unit_id in units)
        ]
        if revisions:
            o = o._replace(due=revisions[-1].due, due_original=o.due, revisions=tuple(revisions))
        result.append(o)
    return result


def check(ds: Dataset, obligations: list[Obligation], root: Path | None = None) -> list[Problem]:
    """Every problem of ``data/extensions.yaml``, at its line: an item nobody owes, a unit
    that is unknown or does not owe the item, a date not after the plan's, a document
    dated before the plan."""
    found = list(_problems(ds, obligations))
    if found and root is not None and EXTENSIONS not in ds.docs:
        found = _relocated(
            ds, root, obligations, found
        )  # a plan from the cache keeps no YAML trees
    return found


def _problems(ds: Dataset, obligations: list[Obligation]) -> Iterator[Problem]:
    from fzzf_cli.validate.checks import suggest_unit  # only when checking
    from fzzf_cli.validate.subs_find import close_match

    owing: dict[str, dict[str, date]] = {}
    for o in obligations:
        owing.setdefault(o.thing, {})[o.unit_id] = o.due_original or o.due
    plan = ds.measures_file.plan
    for i, ext in enumerate(ds.extensions_file.extensions):
        at = ("extensions", i)
        if ext.date < plan.date:
            text = msg("change_before_plan", day=ext.date, plan=plan.date)
            yield Problem(ds.where(EXTENSIONS, (*at, "date")), text)
        units = owing.get(ext.item)
        if units is None:
            hint = close_match(ext.item, sorted(owing))
            text = msg("ext_unknown_item", item=ext.item)
            yield Problem(ds.where(EXTENSIONS, (*at, "item")), text, hint)
            continue
        for j, ref in enumerate(ext.units):
            where = ds.where(EXTENSIONS, (*at, "units", j))
            if ref not in ds.units and ref not in ds.groups:
                yield Problem(where, msg("ref_unknown", ref=ref), suggest_unit(ds, ref))
            elif not set(ds.expand([ref])) & set(units) and ref not in units:
                yield Problem(where, msg("ext_not_owed", unit=ds.name_of(ref), item=ext.item))
        chosen = _targets(ds, ext)
        original = [day for uid, day in units.items() if chosen is None or uid in chosen]
        if original and ext.due <= max(original):
            text = msg("ext_not_later", due=ext.due, original=max(original))
            yield Problem(ds.where(EXTENSIONS, (*at, "due")), text)


def _relocated(
    ds: Dataset, root: Path, obligations: list[Obligation], problems: list[Problem]
) -> list[Problem]:
    """The same problems, with their lines: the file is read again to place them."""
    import dataclasses

    from fzzf_cli.read.yamlio import read_yaml

    path = root / "data" / f"{EXTENSIONS}.yaml"
    doc, _ = read_yaml(path, f"data/{EXTENSIONS}.yaml", root=root / "data")
    if doc is None:
        return problems
    again = dataclasses.replace(ds, docs={**ds.docs, EXTENSIONS: doc})
    return list(_problems(again, obligations))
