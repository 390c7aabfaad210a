"""``fzzf check --baseline REV``: a pull request fails on what it did, not on what was
already wrong where it starts.

The gate is run on ``REV`` as well (the same day, the same grace days). A problem or an
overdue document of the change's side that was there at ``REV`` too is *already known*: it
is listed, and does not fail, unless it belongs to a unit whose files the change touches
(a unit that sends a pull request answers for all of its own files) or to a file the change
brings. Everything else fails: a file of another unit that the change breaks, a document
that a change to the plan makes overdue.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.validate.subs_find import SUBMISSIONS

if TYPE_CHECKING:
    from fzzf_cli.derive.status import Assessed
    from fzzf_cli.errors import Problem
    from fzzf_cli.validate.amend import Change


class Known(NamedTuple):
    """What the gate found at the baseline."""

    rev: str  # the baseline as the reader knows it
    problems: frozenset[tuple[str, str, str]]  # (path, code, message) of each problem
    overdue: frozenset[str]  # ids of the obligations that failed the gate there
    valid: bool = True  # False: the plan was invalid there, so nothing is known


def problem_key(p: Problem) -> tuple[str, str, str]:
    """A problem as it is recognised on both sides: its file, code and message, not its
    line (a change above it moves it without making it new)."""
    return (p.location.path, p.code, str(p.message))


def known_from(rev: str, problems: list[Problem], failures: list[Assessed]) -> Known:
    return Known(
        rev,
        frozenset(problem_key(p) for p in problems),
        frozenset(a.obligation.id for a in failures),
    )


def owner(path: str) -> str | None:
    """The unit whose submission file ``path`` is (its file name), else None."""
    inside = f"{SUBMISSIONS.as_posix()}/"
    if not path.startswith(inside) or not path.endswith((".yaml", ".yml")):
        return None
    return PurePosixPath(path).stem.lower()


def split_problems(
    problems: list[Problem], known: Known, change: Change
) -> tuple[list[Problem], list[Problem]]:
    """(the problems that fail the change, those already known)."""
    failing, already = [], []
    for p in problems:
        path = p.location.path
        ours = path in change.paths or owner(path) in change.units
        if ours or problem_key(p) not in known.problems:
            failing.append(p)
        else:
            already.append(p)
    return failing, already


def split_failures(
    failures: list[Assessed], known: Known, change: Change
) -> tuple[list[Assessed], list[Assessed]]:
    """(the overdue documents that fail the change, those already known)."""
    failing, already = [], []
    for a in failures:
        o = a.obligation
        if o.unit_id in change.units or o.id not in known.overdue:
            failing.append(a)
        else:
            already.append(a)
    return failing, already
