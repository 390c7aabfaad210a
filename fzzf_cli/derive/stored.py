"""The obligations of a cached plan, kept beside it: a query reads them instead of deriving
them again (thousands of records, most of a cached query's own time).

Only what depends on the plan alone is kept: the obligations before extensions and
handovers (``derive`` applies those for the day asked), up to the plan's horizon, in one
language (titles are catalogue text). The entry lives in the plan cache, under the plan's key, with
the same rules (``validate/cache.py``): plain JSON, per user, a damaged entry rebuilt. Rows
name their long, repeated texts (names, titles, quotes) by index in one list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.derive.obligations import Obligation
from fzzf_cli.text import spoken
from fzzf_cli.validate.cache import load_derived, store_derived, uncollected
from fzzf_cli.vocab import Kind, Role

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset

_FIELDS = 17  # id … round: what a plan alone gives; the rest are extensions and handovers
_UNSET = tuple(Obligation._field_defaults[f] for f in Obligation._fields[_FIELDS:])
# Per unit: id, unit_id, unit, role, via, lead; the rest is the thing's, shared by its units.
_OWN = (0, 4, 5, 6, 11, 12)
_SHARED = (1, 2, 3, 7, 8, 9, 10, 13, 14, 15, 16)
_SHARED_TEXTS = frozenset((0, 2, 3, 4, 8, 9, 10))  # thing, kind, title, quote, period, stage, round


def _what(horizon: date) -> str:
    return f"obligations-{horizon.isoformat()}-{spoken()}"


def remembered(
    ds: Dataset, horizon: date, make: Callable[[], list[Obligation]]
) -> list[Obligation]:
    """``make()``, or what it gave for this plan, horizon and language before."""
    with uncollected():
        found = _decode(load_derived(ds, _what(horizon)))
    if found is None:
        found = make()
        stored = _encode(found)
        if stored is not None:
            store_derived(ds, _what(horizon), stored)
    return found


def _encode(found: list[Obligation]) -> dict[str, Any] | None:
    """Runs of obligations with the same thing-wide fields, each unit's own fields after;
    strings as indexes into one list (``id`` as None when it is ``thing.unit_id``)."""
    texts: dict[str, int] = {}

    def text(value: Any) -> Any:
        return texts.setdefault(value, len(texts)) if isinstance(value, str) else value

    runs: list[list[Any]] = []
    shared_before = None
    for o in found:
        if tuple(o[_FIELDS:]) != _UNSET:
            return None  # not the plan's alone: not kept
        shared = [text(o[i]) for i in _SHARED]
        shared[1] = o.due.isoformat()
        if shared != shared_before:
            runs.append([shared, []])
            shared_before = shared
        own = [text(o[i]) for i in _OWN]
        if o.id == f"{o.thing}.{o.unit_id}":
            own[0] = None
        runs[-1][1].append(own)
    return {"texts": list(texts), "runs": runs}


def _decode(stored: Any) -> list[Obligation] | None:
    """The obligations of an entry; None when it is not one ``_encode`` wrote."""
    if not isinstance(stored, dict):
        return None
    try:
        texts = stored["texts"]
        kinds, roles = {k.value: k for k in Kind}, {r.value: r for r in Role}
        found: list[Obligation] = []
        new = tuple.__new__
        for shared, units in stored["runs"]:
            thing, due, kind, title, quote, measure, pilot, implied, period, stage, round_ = [
                texts[v] if v is not None and i in _SHARED_TEXTS else v
                for i, v in enumerate(shared)
            ]
            due, kind = date.fromisoformat(due), kinds[kind]
            for id_, uid, name, role, via, lead in units:
                uid = texts[uid]
                found.append(
                    new(Obligation, (texts[id_] if id_ is not None else f"{thing}.{uid}",
                        thing, due, kind, uid, texts[name], roles[texts[role]], title, quote,
                        measure, pilot, None if via is None else texts[via], lead, implied,
                        period, stage, round_, *_UNSET))
                )  # fmt: skip
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return found
