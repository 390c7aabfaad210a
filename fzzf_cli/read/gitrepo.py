"""Asking git about a data repository: is it one, which commit is the main line, what does a
revision hold. Only the git command line is used (no library): every machine with a data
repository has git, and one ``git log`` over the whole tree is faster than walking objects in
Python.

Git runs without a shell, with ``--end-of-options`` before any revision a user or a data
repository supplied, with prompts, optional locks, hooks and fsmonitor switched off, and with a
time limit. Nothing here reads the clock. Failures are ``GitUnavailable`` (a reason to show),
never a traceback.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import NamedTuple

from fzzf_cli.errors import printable
from fzzf_cli.text import msg

TIMEOUT = 120  # seconds for one git call; a history of 100,000 commits takes a few
# fzzf only reads; none of the commands it runs starts hooks, but a repository's own config
# could name an fsmonitor program that ``git diff`` and ``git ls-files`` would run.
_SAFE = ("-c", "core.fsmonitor=false", "-c", "core.quotepath=off")


class GitUnavailable(Exception):
    """Git cannot answer for this folder; ``reason`` says why, in the user's language."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Repo(NamedTuple):
    """A data repository that git tracks: where it is and which commit is checked out."""

    root: Path
    head: str  # full commit id of HEAD
    branch: str | None  # None when HEAD is detached
    shallow: bool


def run(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """``git ARGS`` in ``root``; its standard output, or GitUnavailable."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    for name in ("GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER"):
        env.pop(name, None)
    try:
        done = subprocess.run(
            ["git", *_SAFE, *args],
            cwd=root,
            input=stdin,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            env=env,
        )
    except FileNotFoundError:
        raise GitUnavailable(msg("git_missing")) from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitUnavailable(msg("git_failed", reason=printable(str(error)))) from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitUnavailable(msg("git_failed", reason=printable(lines[0] if lines else args[0])))
    return done.stdout


def open_repo(root: Path) -> Repo | None:
    """The git repository whose work tree tracks ``root/data/measures.yaml``, or None when
    ``root`` is a plain folder (or a folder inside a repository that does not track it, as
    a practice copy inside another checkout is). GitUnavailable when git cannot say."""
    if not any((folder / ".git").exists() for folder in (root, *root.parents)):
        return None
    try:
        inside = run(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
    except GitUnavailable as error:
        if "not a git repository" in error.reason:
            return None
        raise
    if not inside:
        return None
    if not run(root, "ls-files", "--", "data/measures.yaml").strip():
        return None  # the plan is not in this repository's history: nothing to prove with
    try:
        head = run(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").decode().strip()
    except GitUnavailable:
        raise GitUnavailable(msg("git_no_commits")) from None
    branch = _branch(root)
    shallow = run(root, "rev-parse", "--is-shallow-repository").strip() == b"true"
    return Repo(root, head, branch, shallow)


def _branch(root: Path) -> str | None:
    try:
        name = run(root, "symbolic-ref", "--quiet", "--short", "HEAD").decode("utf-8", "replace")
    except GitUnavailable:
        return None
    return printable(name)


def resolve(repo: Repo, rev: str) -> str:
    """The full commit id of a revision someone typed (``origin/main``, a tag, an id)."""
    try:
        found = run(repo.root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                    f"{rev}^{{commit}}")  # fmt: skip
    except GitUnavailable:
        raise GitUnavailable(msg("git_bad_rev", rev=printable(rev))) from None
    return found.decode().strip()


def commit_before(repo: Repo, rev: str, timestamp: int) -> str | None:
    """The last commit on ``rev``'s first-parent line committed before ``timestamp``."""
    found = run(repo.root, "rev-list", "-1", "--first-parent", f"--before={timestamp}",
                "--end-of-options", rev)  # fmt: skip
    text = found.decode().strip()
    return text or None


def changed_paths(repo: Repo, rev: str, folder: str) -> list[str]:
    """Files under ``folder`` that differ between ``rev`` and the work tree, and new ones."""
    names = run(repo.root, "diff", "--no-ext-diff", "--no-textconv", "--name-only", "-z",
                "--no-renames", "--relative", "--end-of-options", rev, "--", folder)  # fmt: skip
    new = run(repo.root, "ls-files", "-z", "--others", "--exclude-standard", "--", folder)
    return [os.fsdecode(n) for n in (names + new).split(b"\0") if n]


class Entry(NamedTuple):
    """One file in a commit's tree."""

    path: str
    mode: str
    blob: str


def tree(repo: Repo, rev: str, folder: str) -> list[Entry]:
    """Every file under ``folder`` in ``rev`` (paths relative to the data repository)."""
    raw = run(repo.root, "ls-tree", "-r", "-z", "--end-of-options", rev, "--", folder)
    entries = []
    for line in raw.split(b"\0"):
        if not line:
            continue
        meta, _, path = line.partition(b"\t")
        mode, _kind, blob = meta.decode().split(" ")
        entries.append(Entry(os.fsdecode(path), mode, blob))
    return entries


def blobs(repo: Repo, ids: list[str], limit: int) -> dict[str, bytes | None]:
    """The contents of blobs, in two ``git cat-file`` calls for all of them; None for a
    blob that is missing or larger than ``limit`` bytes (never read: the caller refuses it
    as it would refuse such a file)."""
    unique = list(dict.fromkeys(ids))
    if not unique:
        return {}
    request = "".join(f"{i}\n" for i in unique).encode()
    sizes = run(repo.root, "cat-file", "--batch-check", stdin=request).decode().splitlines()
    small = []
    for blob, line in zip(unique, sizes, strict=True):
        parts = line.split(" ")
        if len(parts) == 3 and parts[1] == "blob" and int(parts[2]) <= limit:
            small.append(blob)
    found: dict[str, bytes | None] = dict.fromkeys(unique)
    if not small:
        return found
    out = run(repo.root, "cat-file", "--batch", stdin="".join(f"{i}\n" for i in small).encode())
    pos = 0
    for blob in small:
        end = out.index(b"\n", pos)
        size = int(out[pos:end].split(b" ")[2])
        found[blob] = out[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    return found
