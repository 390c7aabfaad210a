"""What a change does to records already filed: ``fzzf check --changed-since REV``.

A filed record is amended by a new note, not rewritten (rewrites.py). Against the version
in ``REV``, each filed file a pull request rewrites, or deletes, is a problem located where
the change is. A draft (``submitted`` empty in ``REV``) may change freely.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from fzzf_cli.errors import EXIT_USAGE, FzzfError, Location, Problem
from fzzf_cli.read.gitrepo import GitUnavailable, Repo, blobs, changed_paths, tree
from fzzf_cli.read.yamlio import MAX_BYTES, parse_yaml, read_yaml
from fzzf_cli.text import msg
from fzzf_cli.validate.rewrites import rewrites
from fzzf_cli.validate.subs_find import SUBMISSIONS


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
        for change in rewrites(old.data, new):
            text = msg("amend_changed", field=change.field, was=change.was, now=change.now,
                       rev=label)  # fmt: skip
            problems.append(Problem(change.location, text, msg("amend_hint")))
    return problems


class Change(NamedTuple):
    """What a pull request changes: its submission files, the units they belong to, and
    any other data file (the plan, the reviews)."""

    paths: frozenset[str]
    units: set[str]
    plan: frozenset[str] = frozenset()


def changed(repo: Repo, rev: str) -> Change:
    """Submission files that differ from ``rev`` (committed, staged or new), and whose."""
    try:
        every = changed_paths(repo, rev, "data")
    except GitUnavailable as error:
        raise FzzfError(msg("gate_git_failed", reason=error.reason), EXIT_USAGE) from None
    inside = f"{SUBMISSIONS.as_posix()}/"
    names = [name for name in every if name.startswith(inside)]
    units = {Path(name).stem.lower() for name in names if name.endswith((".yaml", ".yml"))}
    plan = frozenset(name for name in every if not name.startswith(inside))
    return Change(frozenset(names), units, plan)
