"""What git history proves about the filings: the day each one reached the main line.

A filing's date is the first commit on the main line's first-parent history whose version of
the file is filed (``submitted`` set) — on a hosted repository the merge of the unit's pull
request, dated by the platform, so a unit cannot choose it. Commits on a unit's own branch
are not on the first-parent line and prove nothing. One ``git log`` reads the history of the
whole ``data/submissions`` tree; blobs are read only for files that changed after they were
added (a draft merged first and filled in later, an amended record).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple

from fzzf_cli.errors import printable
from fzzf_cli.read.gitrepo import Repo, blobs, run
from fzzf_cli.read.yamlio import MAX_BYTES

_FORMAT = "--format=%x1e%H%x1f%ct%x1f%an"


class Version(NamedTuple):
    """One change to a file on the main line."""

    commit: str
    timestamp: int
    author: str
    status: str  # A added, M modified, T type changed
    blob: str


class Proof(NamedTuple):
    """When a filing reached the main line, and what it declared then."""

    commit: str
    day: date
    author: str
    declared: date | None  # its ``submitted`` as first filed
    original: bytes | None = None  # the version first filed, when the file differs now
    rewritten_on: date | None = None  # the day the line last changed it, when it differs
    forged: bool = False  # the commit is dated before the line had reached that day


# Whether one version of a file is a filing, and its declared date: (path, bytes, the day its
# commit reached the line) -> the date, or None when that version is not a valid filing.
Accept = Callable[[str, bytes, date], date | None]


def versions(repo: Repo, rev: str, folder: str) -> dict[str, list[Version]]:
    """Each file's changes on ``rev``'s first-parent line since it last appeared, oldest
    first (a file deleted and added again starts over: the new one is a new filing)."""
    raw = run(repo.root, "log", "-m", "--first-parent", "--no-renames", "--reverse", "--raw",
              "-z", "--no-abbrev", "--relative", _FORMAT, "--end-of-options", rev, "--",
              folder)  # fmt: skip
    return parse_log(raw)


def parse_log(raw: bytes) -> dict[str, list[Version]]:
    """Parse ``git log --raw -z`` output in the format above (a pure function, tested)."""
    found: dict[str, list[Version]] = {}
    commit: tuple[str, int, str] | None = None
    tokens = raw.split(b"\0")
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        i += 1
        if token.startswith(b"\x1e"):
            sha, stamp, author = token[1:].split(b"\x1f", 2)
            commit = (sha.decode(), int(stamp), printable(author.decode("utf-8", "replace")))
        elif token.startswith(b":") and commit is not None and i < len(tokens):
            path = os.fsdecode(tokens[i])  # a path is the next token, whatever it holds
            i += 1
            meta = token[1:].decode().split(" ")
            status, blob, mode = meta[4][:1], meta[3], meta[1]
            if status == "D" or not mode.startswith("100"):
                found.pop(path, None)  # deleted, or no longer a regular file
            elif status == "A" or path not in found:
                found[path] = [Version(commit[0], commit[1], commit[2], status, blob)]
            else:
                found[path].append(Version(commit[0], commit[1], commit[2], status, blob))
    return found


def blob_id(content: bytes, length: int) -> str:
    """Git's object id of a blob (SHA-1, or SHA-256 for repositories that use it)."""
    algorithm = hashlib.sha1 if length == 40 else hashlib.sha256
    return algorithm(b"blob %d\0" % len(content) + content, usedforsecurity=False).hexdigest()


def line_clock(repo: Repo, rev: str) -> dict[str, int]:
    """Each commit of ``rev``'s first-parent line with the latest time the line had reached
    by then. A commit cannot reach the line before the one it follows: a unit's own
    commit, fast-forwarded onto the line with a date it chose, counts from the line's
    time, not from its own."""
    raw = run(repo.root, "log", "--first-parent", "--reverse", "--format=%H %ct",
              "--end-of-options", rev, "--")  # fmt: skip
    clock: dict[str, int] = {}
    latest = 0
    for line in raw.decode().splitlines():
        sha, _, stamp = line.partition(" ")
        latest = max(latest, int(stamp or 0))
        clock[sha] = latest
    return clock


def proofs(
    repo: Repo,
    rev: str,
    folder: str,
    current: Iterable[tuple[str, date | None]],
    offset: timedelta,
    files: Path,
    accept: Accept,
) -> dict[str, Proof]:
    """For each current file (path under ``files``, its ``submitted`` now): when it was
    filed on the line — the first version that ``accept`` takes for a valid filing.

    A file added once and unchanged since is filed at that commit if it is filed now (the
    loader has validated it); for any other the versions are read oldest first, one round
    of ``git cat-file`` per version depth, until one is accepted.
    """
    history = versions(repo, rev, folder)
    clock = line_clock(repo, rev)
    zone = timezone(offset)

    def proof(path: str, change: Version, day: date | None, original: bytes | None = None) -> Proof:
        reached = max(clock.get(change.commit, change.timestamp), change.timestamp)
        last = history[path][-1]
        return Proof(
            change.commit, _day(reached, zone), change.author, day, original,
            _day(last.timestamp, zone) if original is not None else None,
            reached > change.timestamp,
        )  # fmt: skip

    found: dict[str, Proof] = {}
    pending: dict[str, list[Version]] = {}
    for path, submitted in current:
        changes = history.get(path)
        if not changes:
            continue
        if len(changes) == 1 and _same_as_work_tree(files / path, changes[0].blob):
            if submitted is not None:
                found[path] = proof(path, changes[0], submitted)
            continue
        pending[path] = list(changes)
    while pending:
        contents = blobs(repo, [changes[0].blob for changes in pending.values()], MAX_BYTES)
        for path in list(pending):
            change = pending[path].pop(0)
            content = contents.get(change.blob)
            reached = max(clock.get(change.commit, change.timestamp), change.timestamp)
            day = accept(path, content, _day(reached, zone)) if content is not None else None
            if day is not None:
                same = _same_as_work_tree(files / path, change.blob)
                found[path] = proof(path, change, day, None if same else content)
            if day is not None or not pending[path]:
                del pending[path]
    return found


def _day(timestamp: int, zone: timezone) -> date:
    """The day of a Unix time in the plan's zone; absurd times (a commit dated in the
    year 9999 or before 1970) are clamped rather than trusted or allowed to fail."""
    try:
        return datetime.fromtimestamp(timestamp, zone).date()
    except (OverflowError, OSError, ValueError):
        return date(9998, 12, 31) if timestamp > 0 else date(1970, 1, 1)  # room for arithmetic


def _same_as_work_tree(path: Path, blob: str) -> bool:
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_BYTES:
            return False
        return blob_id(path.read_bytes(), len(blob)) == blob
    except OSError:
        return False


def end_of_day(day: date, offset: timedelta) -> int:
    """The last second of ``day`` in the plan's time zone, as Unix time (``--before`` takes
    commits at or before it)."""
    start = datetime(day.year, day.month, day.day, tzinfo=timezone(offset))
    return int(start.timestamp()) + 86400 - 1


def extract(repo: Repo, rev: str, folder: str, target: Path) -> list[str]:
    """Write ``folder`` as it is in ``rev`` under ``target``; the paths left out (links,
    submodules, names that would leave ``target``, files over the size limit) are returned
    so that the caller can say so."""
    from fzzf_cli.read.gitrepo import tree

    entries = tree(repo, rev, folder)
    regular = [e for e in entries if e.mode in ("100644", "100755") and _safe_parts(e.path)]
    contents = blobs(repo, [e.blob for e in regular], MAX_BYTES)
    skipped = [e.path for e in entries if e not in regular]
    base = target.resolve()
    for entry in regular:
        content = contents.get(entry.blob)
        path = base / entry.path
        if content is None or not path.resolve().is_relative_to(base):
            skipped.append(entry.path)
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        except OSError:  # a tree git itself would reject (a name twice, a file as a folder)
            skipped.append(entry.path)
    return sorted(skipped)


def _safe_parts(path: str) -> bool:
    parts = path.split("/")
    return all(p not in ("", ".", "..") and "\\" not in p and ":" not in p for p in parts)
