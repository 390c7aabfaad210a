"""The names a unit or group goes by, as an index: id, name, full name, alias, and the
short forms people type (德庆 for 德庆县, 法制局 for 市法制局), compared width- and
case-folded. Resolving what someone typed, with its usage errors, is ``select.names``."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fzzf_cli.model.conventions import Naming
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.model.plan import Group, Unit


def fold(text: str) -> str:
    """Compare names ignoring width (（ vs (), case and surrounding blanks."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def short_forms(label: str, naming: Naming) -> set[str]:
    """The forms of ``label`` people type: without the prefixes units.yaml's ``naming:``
    lists (市法制局 → 法制局), and then without one of its suffixes (德庆县 → 德庆, 法制局 →
    法制); never a single character."""
    forms = {label}
    stem = label
    for prefix in naming.prefixes:
        stem = stem.removeprefix(prefix)
    forms.add(stem)
    for suffix in naming.suffixes:
        if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
            forms.add(stem[: -len(suffix)])
    return {f for f in forms if len(f) >= 2}


def labels(ds: Dataset, units_only: bool) -> dict[str, set[str]]:
    """Folded label → the ids it can mean."""
    table: dict[str, set[str]] = {}
    naming = ds.units_file.naming
    records: list[Unit | Group] = [*ds.units_file.units]
    if not units_only:
        records += ds.units_file.groups
    for rec in records:
        names = [rec.id, rec.name, *rec.aliases, getattr(rec, "full_name", None) or ""]
        for name in filter(None, names):
            for form in short_forms(name, naming) if name != rec.id else {name}:
                table.setdefault(fold(form), set()).add(rec.id)
    return table


def unique(ds: Dataset, typed: str) -> str | None:
    """The one unit ``typed`` names exactly or by a unique prefix, else None."""
    table = labels(ds, units_only=True)
    key = fold(typed)
    exact = table.get(key, set())
    found = exact or {i for label, ids in table.items() if label.startswith(key) for i in ids}
    return next(iter(found)) if key and len(found) == 1 else None
