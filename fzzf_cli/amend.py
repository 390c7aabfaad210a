"""What a change does to records already filed: ``fzzf check --changed-since REV``.

A filed record is amended by a new note, not rewritten (三(二): each report states the
work as it stood when it was sent). Against the version in ``REV``, a filed file of a
pull request may gain or change notes and evidence; changing its ``submitted`` date, a
status, a completion date, a figure or a pilot's status, adding or removing items, or
deleting the file is a problem located where the change is. A draft (``submitted`` empty
in ``REV``) may change freely.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fzzf_cli.errors import Location, Problem
from fzzf_cli.gitrepo import Repo, blobs, changed_paths, clean, tree
from fzzf_cli.messages import msg
from fzzf_cli.subs_find import SUBMISSIONS
from fzzf_cli.yamlio import MAX_BYTES, YamlDoc, locate, parse_yaml, read_yaml


def amendments(repo: Repo, rev: str, root: Path) -> list[Problem]:
    """Problems for every filed record that the work tree changes relative to ``rev``."""
    folder = SUBMISSIONS.as_posix()
    changed = set(changed_paths(repo, rev, folder))
    before = {e.path: e.blob for e in tree(repo, rev, folder) if e.path in changed}
    contents = blobs(repo, list(before.values()), MAX_BYTES)
    problems: list[Problem] = []
    label = rev[:10]
    for path, blob in sorted(before.items()):
        old, _ = parse_yaml(contents.get(blob) or b"", path)
        if old is None or not isinstance(old.data, dict) or old.data.get("submitted") is None:
            continue  # a draft then, or unreadable then: nothing was filed
        if not (root / path).exists():
            problems.append(Problem(Location(path), msg("amend_deleted", rev=label)))
            continue
        new, _ = read_yaml(root / path, path, root=root / "data")
        if new is None or not isinstance(new.data, dict):
            continue  # what is wrong with it now is reported by validation
        problems += _compare(old.data, new, label)
    return problems


def _compare(old: dict[str, Any], new: YamlDoc, rev: str) -> list[Problem]:
    data: dict[str, Any] = new.data
    found: list[Problem] = []

    def changed(loc: tuple[str | int, ...], field: str, was: Any, now: Any) -> None:
        text = msg("amend_changed", field=field, was=_shown(was), now=_shown(now), rev=rev)
        found.append(Problem(locate(new, loc), text, msg("amend_hint")))

    for key in ("unit", "period", "pilot", "kind", "submitted"):
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
    return "—" if value is None else clean(str(value), 40)
