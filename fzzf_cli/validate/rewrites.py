"""What counts as rewriting a filed record, rather than amending it.

A report states the work as it stood when it was sent (三(二)); once filed it is amended
by a new note, not rewritten. Notes and evidence may be added or changed; its unit,
period, pilot, kind, ``submitted`` date, the items it lists and each item's status and
completion date, its pilots' statuses, its figures and a pilot document's content may
not. ``check --changed-since`` holds a pull request to this (amend.py), and filing dates
hold the main line to it: where git shows a filed record rewritten later, the version
first filed is the one that counts (filing.py). A pure comparison of two versions.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from fzzf_cli.errors import Location, printable
from fzzf_cli.read.reread import Reread
from fzzf_cli.read.yamlio import YamlDoc, locate

# What a pilot plan or completion report says is what was filed (八: 试点方案报市法制局).
PILOT_CONTENT = ("goals", "tasks", "schedule", "responsible", "safeguards", "summary")


class Change(NamedTuple):
    location: Location  # where in the new version
    field: str
    was: str  # shown safely: one line, no control characters
    now: str


def rewrites(old: dict[str, Any], new: YamlDoc | Reread) -> list[Change]:
    """What ``new`` changes of the filed version ``old`` beyond notes and evidence."""
    new = new.load()
    data: dict[str, Any] = new.data
    found: list[Change] = []

    def changed(loc: tuple[str | int, ...], field: str, was: Any, now: Any) -> None:
        found.append(Change(locate(new, loc), field, _shown(was), _shown(now)))

    for key in ("unit", "period", "pilot", "kind", "submitted", *PILOT_CONTENT):
        if old.get(key) != data.get(key):
            changed((key,) if key in data else (), key, old.get(key), data.get(key))
    was_items, now_items = _keyed(old.get("items"), "id"), _keyed(data.get("items"), "id")
    for thing, (i, item) in now_items.items():
        before = was_items.get(thing)
        if before is None:
            changed(("items", i, "id"), f"items {_shown(thing)}", None, item.get("status"))
            continue
        for field in ("status", "done"):
            if before[1].get(field) != item.get(field):
                loc: tuple[str | int, ...] = ("items", i, field) if field in item else ("items", i)
                changed(loc, f"{_shown(thing)}.{field}", before[1].get(field), item.get(field))
    for thing in was_items.keys() - now_items.keys():
        changed(("items",) if "items" in data else (), f"items {_shown(thing)}", "…", None)
    for key, field in (("pilots", "pilot"), ("figures", "metric")):
        was, now = _keyed(old.get(key), field), _keyed(data.get(key), field)
        value = "status" if key == "pilots" else "value"
        for name in sorted(was.keys() | now.keys(), key=str):
            a, b = was.get(name, (0, {}))[1], now.get(name, (0, {}))[1]
            if a.get(value) != b.get(value):
                loc = (key, now[name][0]) if name in now else ((key,) if key in data else ())
                changed(loc, f"{key} {_shown(name)}.{value}", a.get(value), b.get(value))
    return found


def _keyed(entries: Any, key: str) -> dict[Any, tuple[int, dict[str, Any]]]:
    """A list of mappings by one of their fields (unhashable keys are left out)."""
    found: dict[Any, tuple[int, dict[str, Any]]] = {}
    if isinstance(entries, list):
        for i, entry in enumerate(entries):
            name = entry.get(key) if isinstance(entry, dict) else None
            if isinstance(name, str | int | float) and name not in found:
                found[name] = (i, entry)
    return found


def _shown(value: Any) -> str:
    return "—" if value is None else printable(str(value), 40)
