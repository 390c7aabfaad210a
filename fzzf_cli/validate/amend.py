"""What a change does to records already filed: ``fzzf check --changed-since REV``.

A filed record is amended by a new note, not rewritten (rewrites.py). Against the version
in ``REV``, each filed file a pull request rewrites, or deletes, is a problem located where
the change is. A draft (``submitted`` empty in ``REV``) may change freely.
"""

from __future__ import annotations

from pathlib import Path

from fzzf_cli.errors import Location, Problem
from fzzf_cli.read.gitrepo import Repo, blobs, changed_paths, tree
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
