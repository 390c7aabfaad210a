"""Unit names as people type them: id, name, full name, alias, short form, unique prefix.

``德庆``, ``德庆县``, ``德庆县人民政府`` and ``deqing`` all name the same county. A name
that fits several units is ambiguous and one that fits none is unknown: both are usage
errors that list the candidates, never a guess.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.model.names import fold, labels
from fzzf_cli.text import join, msg

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset


def resolve(ds: Dataset, typed: str, *, units_only: bool = True) -> str:
    """The id ``typed`` names, or a usage error listing candidates."""
    table = labels(ds, units_only)
    key = fold(typed)
    if not key:
        raise FzzfError(msg("name_empty"), EXIT_USAGE)
    if typed.strip() in ds.units or (not units_only and typed.strip() in ds.groups):
        return typed.strip()  # an id is itself, whatever an alias folds to
    if units_only and key not in table and not any(label.startswith(key) for label in table):
        everything = labels(ds, units_only=False)
        groups = everything.get(key, set()) & set(ds.groups) or {
            i for label, ids in everything.items() if label.startswith(key) for i in ids
        } & set(ds.groups)
        if groups:
            group = ds.groups[next(iter(groups))]
            members = ds.members(group)
            shown = join([ds.name_of(m) for m in members[:8]]) or msg("group_members_none")
            raise FzzfError(msg("name_is_group", name=group.name, members=shown), EXIT_USAGE)
    exact = table.get(key, set())
    if len(exact) == 1:
        return next(iter(exact))
    found = exact or {i for label, ids in table.items() if label.startswith(key) for i in ids}
    if len(found) == 1:
        return next(iter(found))
    if found:
        ordered = _ordered(ds, found)
        shown = join([msg("named", name=ds.name_of(i), id=i) for i in ordered[:8]])
        if len(ordered) > 8:
            shown += msg("name_more", n=len(ordered))
        raise FzzfError(msg("name_ambiguous", name=typed, candidates=shown), EXIT_USAGE)
    import difflib  # only for a name that fits no unit

    close = difflib.get_close_matches(key, list(table), n=5, cutoff=0.4)
    ids = _ordered(ds, {i for label in close for i in table[label]})
    hint = join([msg("named", name=ds.name_of(i), id=i) for i in ids[:5]])
    if hint:
        raise FzzfError(msg("name_unknown_close", name=typed, candidates=hint), EXIT_USAGE)
    raise FzzfError(msg("name_unknown_none", name=typed), EXIT_USAGE)


def _ordered(ds: Dataset, ids: set[str]) -> list[str]:
    order = [u.id for u in ds.units_file.units] + [g.id for g in ds.units_file.groups]
    return sorted(ids, key=lambda i: order.index(i) if i in order else len(order))
