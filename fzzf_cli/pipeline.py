"""The one place the stages are wired: plan → obligations → filings → their dates → reviews.

``build`` is what every command that judges units starts from (status, overdue, check,
report, notice, review, validate, new): the same files, dated the same way, reviewed and
assessed the same way, whatever the command. ``source_of`` asks git how dates can be proven;
``snapshot`` gives the data repository as it stood at the end of a day (``--history``).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.derive.extensions import check as check_extensions
from fzzf_cli.derive.obligations import Obligation, derive
from fzzf_cli.derive.status import Assessed, assess
from fzzf_cli.errors import EXIT_USAGE, FzzfError, Location, Problem
from fzzf_cli.read.gitrepo import GitUnavailable, Repo, open_repo, resolve
from fzzf_cli.read.yamlio import parse_yaml
from fzzf_cli.text import msg
from fzzf_cli.validate.claims import pilot_claims
from fzzf_cli.validate.filing import TOLERANCE, Dating, contradicted, date_filings, declared_only
from fzzf_cli.validate.reviews import Decision, load_reviews
from fzzf_cli.validate.subs_find import SUBMISSIONS, expected_of
from fzzf_cli.validate.subs_load import (
    Checker,
    Submissions,
    check_file,
    checker,
    load_submissions,
)
from fzzf_cli.vocab import SOON

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.read.history import Accept


class Source(NamedTuple):
    """Where filing dates come from: a git repository and the commit that is the main
    line, or the reason why dates can only be as declared."""

    repo: Repo | None
    rev: str | None
    label: str  # the main line as the reader knows it: a branch, a commit, a day replayed
    reason: str  # why dates are as declared (when there is no repository)
    broken: bool = False  # a git repository is there, but cannot prove dates (shallow …)


@dataclass(frozen=True)
class Workspace:
    """What ``build`` gives every command; ``assessed`` is worked out on first use (a
    scaffold or a plain validation does not need it)."""

    ds: Dataset
    obligations: list[Obligation]
    subs: Submissions  # valid filings, each with the day it counts from
    decisions: list[Decision]  # the coordinator's verdicts
    dating: Dating
    problems: list[Problem]  # invalid data: the file (or verdict) counts for nobody
    flags: list[Problem]  # filings judged on another day or content than they say now
    source: Source  # the repository and main line the dates were proven from
    as_of: date
    soon: int  # due within this many days is ``due_soon``

    @cached_property
    def assessed(self) -> list[Assessed]:
        """Every obligation's status on the as-of day."""
        return assess(self.obligations, self.subs, self.as_of, self.soon, self.decisions)


def offset(ds: Dataset) -> timedelta:
    sign, hours, minutes = (
        ds.measures_file.filing.utc_offset[0],
        *map(int, ds.measures_file.filing.utc_offset[1:].split(":")),
    )
    delta = timedelta(hours=hours, minutes=minutes)
    return -delta if sign == "-" else delta


def source_of(root: Path, embedded: bool = False, mainline: str | None = None) -> Source:
    """How this data repository's filing dates can be proven. ``mainline`` (the target
    branch of a pull request) is the line whose commits prove dates; else HEAD."""
    if embedded:
        return Source(None, None, "", msg("dates_reason_embedded"))
    try:
        repo = open_repo(root)
        if repo is None:
            # In a git work tree that does not track the plan (not committed yet, right
            # after git init): "not in a git repository" would mislead.
            in_git = any((folder / ".git").exists() for folder in (root, *root.parents))
            return Source(
                None, None, "", msg("dates_reason_uncommitted" if in_git else "dates_reason_plain")
            )
        if repo.shallow:
            return Source(None, None, "", msg("dates_reason_shallow"), broken=True)
        rev = resolve(repo, mainline) if mainline else repo.head
    except GitUnavailable as error:
        if mainline:
            raise FzzfError(msg("gate_git_failed", reason=error.reason), EXIT_USAGE) from None
        return Source(None, None, "", error.reason, broken=True)
    if mainline:
        return Source(repo, rev, f"{mainline} {rev[:10]}", "")
    if repo.branch is None:
        return Source(repo, rev, msg("dates_detached", rev=rev[:10]), "")
    return Source(repo, rev, f"{repo.branch} {rev[:10]}", "")


def build(
    root: Path,
    ds: Dataset,
    as_of: date,
    source: Source,
    extra: list[Problem] | None = None,
    soon: int = SOON,
    cache_dir: Path | None = None,
) -> Workspace:
    """Everything filed under ``root``, dated, reviewed and assessed as of ``as_of``
    (due within ``soon`` days is ``due_soon``); valid files of an earlier run come from
    the cache in ``cache_dir`` (validate/subs_cache.py)."""
    from fzzf_cli.read.history import proofs

    obligations = derive(ds, known=as_of)  # the extensions granted by then
    plan = checker(ds, obligations)
    subs, problems = load_submissions(root, ds, obligations, plan, cache_dir)
    grace = ds.measures_file.filing.grace_days
    dating = declared_only(msg("dates_declared", reason=source.reason), grace)
    if source.repo is not None and source.rev is not None:
        current = [(f.path, f.record.submitted) for f in subs.all()]
        folder = SUBMISSIONS.as_posix()
        accept = _first_valid(ds, plan)
        try:
            found = proofs(source.repo, source.rev, folder, current, offset(ds), root, accept)
            dating = Dating("git", msg("dates_git", rev=source.label, grace=grace), found, grace)
        except GitUnavailable as error:
            dating = declared_only(msg("dates_declared", reason=error.reason), grace)
    dated = date_filings(subs, dating, as_of)
    flags = [*dated.flags, *contradicted(dated.subs, as_of), *pilot_claims(dated.subs, as_of)]
    decisions, review_problems = load_reviews(root, ds, obligations, dated.subs)
    everything = [*(extra or []), *problems, *dated.problems, *review_problems]
    everything += check_extensions(ds, obligations, root)
    everything = capped(sorted(everything, key=Problem.sort_key))
    flags.sort(key=Problem.sort_key)
    return Workspace(
        ds, obligations, dated.subs, decisions, dating, everything, flags, source, as_of, soon
    )


# More problems than anyone reads (20,000 junk files in a pull request): the first ones,
# then how many more, so that a log stays readable and CI annotations stay few.
PROBLEM_LIMIT = 500


def capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= PROBLEM_LIMIT:
        return problems
    more = len(problems) - PROBLEM_LIMIT
    rest = Problem(Location("data"), msg("problems_more", n=more))
    return [*problems[:PROBLEM_LIMIT], rest]


def _first_valid(ds: Dataset, plan: Checker) -> Accept:
    """A version of a file in history is a filing when it is valid as the loader would
    have it then (model, place, plan) and dated no later than the day it reached the line:
    a broken placeholder merged on time does not make its later fix count from then."""

    def accept(path: str, content: bytes, reached: date) -> date | None:
        expect = expected_of(path, ds)
        doc, _ = parse_yaml(content, path) if expect is not None else (None, [])
        if expect is None or doc is None:
            return None
        filed, _ = check_file(plan, path, doc, expect)
        day = filed.record.submitted if filed is not None else None
        return day if day is not None and day <= reached + TOLERANCE else None

    return accept


class Snapshot(NamedTuple):
    root: Path  # a temporary copy of data/ as it stood
    source: Source  # its main line ends at that day's last commit
    problems: list[Problem]  # files of that day fzzf would not read (links, oversize)


@contextmanager
def snapshot(source: Source, day: date, ds: Dataset) -> Iterator[Snapshot]:
    """The data folder as it stood at the end of ``day`` on the main line, in a temporary
    folder that is removed afterwards."""
    from fzzf_cli.read.gitrepo import commit_before
    from fzzf_cli.read.history import end_of_day

    if source.repo is None or source.rev is None:
        raise FzzfError(msg("history_needs_git", reason=source.reason), EXIT_USAGE)
    try:
        commit = commit_before(source.repo, source.rev, end_of_day(day, offset(ds)))
    except GitUnavailable as error:
        raise FzzfError(msg("history_git_failed", reason=error.reason), EXIT_USAGE) from None
    if commit is None:
        raise FzzfError(msg("history_no_commit", day=day), EXIT_USAGE)
    label = msg("dates_history", day=day, rev=commit[:10])
    with _extracted(Source(source.repo, commit, label, "")) as found:
        yield found


@contextmanager
def at_revision(repo: Repo, rev: str, line: Source) -> Iterator[Snapshot]:
    """The data folder as it is in the commit ``rev`` (a revision someone typed, resolved
    by git), in a temporary folder removed afterwards; its filings are dated by ``line``."""
    try:
        commit = resolve(repo, rev)
    except GitUnavailable as error:
        raise FzzfError(msg("history_git_failed", reason=error.reason), EXIT_USAGE) from None
    with _extracted(line, commit) as found:
        yield found


@contextmanager
def _extracted(source: Source, commit: str | None = None) -> Iterator[Snapshot]:
    from fzzf_cli.read.history import extract

    assert source.repo is not None and source.rev is not None
    folder = Path(tempfile.mkdtemp(prefix="fzzf-history-"))
    try:
        try:
            skipped = extract(source.repo, commit or source.rev, "data", folder)
        except GitUnavailable as error:
            raise FzzfError(msg("history_git_failed", reason=error.reason), EXIT_USAGE) from None
        problems = [Problem(Location(p), msg("history_skipped")) for p in skipped]
        yield Snapshot(folder, source, problems)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
