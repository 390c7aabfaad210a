"""What Tab offers for a unit: the units (and, where a command takes them, groups) whose
id, name, full name, alias or short form begins with what was typed, in the plan's order.

Typed in Chinese (or nothing yet), the offer is the name people read (德庆县); typed in
letters, the id it matches (deqing), each with the other as its description. A name that a
shell could split or run (blanks, controls, ASCII punctuation) is never offered: its id is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fzzf_cli.model.names import fold, short_forms

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.model.plan import Group, Unit


def unit_choices(ds: Dataset, typed: str, *, units_only: bool = True) -> list[tuple[str, str]]:
    """(value to complete, description) for each unit or group ``typed`` can begin."""
    key = fold(typed)
    records: list[Unit | Group] = [*ds.units_file.units]
    if not units_only:
        records += ds.units_file.groups
    found: list[tuple[str, str]] = []
    for rec in records:
        if key and key.isascii() and fold(rec.id).startswith(key):
            found.append((rec.id, rec.name if _plain(rec.name) else ""))
            continue
        name = _form(rec, typed, key, ds)
        if name is not None:
            found.append((name, rec.id) if _plain(name) else (rec.id, ""))
    return found


def _form(rec: Unit | Group, typed: str, key: str, ds: Dataset) -> str | None:
    """The form of ``rec``'s names that begins with ``typed`` (the shell keeps only such
    offers): its name if it does, else the longest of its other names and short forms."""
    names = [rec.name, getattr(rec, "full_name", None) or "", *rec.aliases]
    forms = [
        f
        for name in filter(None, names)
        for f in sorted(short_forms(name, ds.units_file.naming), key=len, reverse=True)
    ]
    for matches in (lambda f: f.startswith(typed), lambda f: fold(f).startswith(key)):
        for form in [rec.name, *forms]:
            if matches(form):
                return form
    return None


def _plain(text: str) -> bool:
    """Safe as a shell word, inserted as typed: letters, digits and ``-_.``, or any other
    printable non-ASCII character (full-width punctuation means nothing to a shell). ASCII
    punctuation (``( ) $ ` ; & |`` …), blanks, controls and bidi marks are not."""
    return bool(text) and all(
        c.isalnum() if c.isascii() and c not in "-_." else c.isprintable() and not c.isspace()
        for c in text
    )
