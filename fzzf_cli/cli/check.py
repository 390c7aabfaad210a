"""The CI gate: ``fzzf check``. Exit 1 while the data is invalid or a required document
(a half-year report, a pilot plan or completion report) is missing past its due date plus
the grace days; 0 otherwise; 2 on bad usage.

``--changed-since REV`` judges a pull request on its own change: validity is checked
for everything, the submission gate only for the units whose files the change touches.
``--baseline REV`` does all that ``--changed-since REV`` does (filing dates proven by REV's
line, filed records not to be rewritten), gates every unit, and then sets apart, as already
known, what the gate found at REV too, unless it is a unit's the change touches.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fzzf_cli.cli.app import (
    AsOfOpt,
    DataOpt,
    FzzfCommand,
    app,
    as_of_date,
    data_root,
    handled,
)
from fzzf_cli.cli.results import write_result
from fzzf_cli.cli.state import HistoryOpt, build_workspace
from fzzf_cli.errors import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    FzzfError,
    Location,
    Problem,
    printable,
)
from fzzf_cli.select.query import parse_date
from fzzf_cli.text import msg
from fzzf_cli.validate import cache
from fzzf_cli.validate.load import DataRoot, load_dataset

if TYPE_CHECKING:
    from datetime import date

    from fzzf_cli.derive.baseline import Known
    from fzzf_cli.derive.gate import Outcome
    from fzzf_cli.pipeline import Workspace
    from fzzf_cli.validate.amend import Change


class CheckFormat(StrEnum):
    plain = "plain"
    github = "github"
    junit = "junit"


@app.command(cls=FzzfCommand, help=msg("cmd_check"))
def check(
    as_of: AsOfOpt = None,
    grace: Annotated[int, typer.Option("--grace", min=0, max=365, help=msg("help_grace"))] = 0,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help=msg("help_format_check"))
    ] = CheckFormat.plain,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help=msg("help_output")),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=msg("help_force"))] = False,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            help=msg("help_changed_since"),
        ),
    ] = None,
    baseline: Annotated[
        str | None, typer.Option("--baseline", metavar="REV", help=msg("help_baseline"))
    ] = None,
    history: HistoryOpt = False,
    due_from: Annotated[
        str | None, typer.Option("--due-from", metavar="DATE", help=msg("help_due_from"))
    ] = None,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.derive.gate import judge

    with handled():
        _usage(fmt, output, history, changed_since, baseline)
        start = parse_date(due_from, "--due-from") if due_from is not None else None
        today, root = as_of_date(as_of), _gate_root(data)
        ws, problems, change = _judged(root, today, history, changed_since or baseline)
        known = _known(ws, baseline, today, grace, start) if baseline else None
        outcome = judge(ws, problems, today, grace, change, known, start)
        _publish(fmt, outcome, output, root, force)
    raise typer.Exit(EXIT_FINDINGS if outcome.findings else EXIT_OK)


def _gate_root(data: Path | None) -> DataRoot:
    """The data repository to gate. Outside one, fzzf would have only its built-in plan,
    and says so; it still refuses to gate on it: a pull request that deletes
    ``data/measures.yaml`` must not pass on the plan shipped with fzzf."""
    root = data_root(data)
    if root.origin == "embedded":
        raise FzzfError(msg("check_builtin"), EXIT_USAGE)
    return root


def _usage(
    fmt: CheckFormat, output: str | None, history: bool, changed: str | None, base: str | None
) -> None:
    if output is not None and fmt is not CheckFormat.junit:
        raise FzzfError(msg("gate_output_junit_only"), EXIT_USAGE)
    if changed and base:
        raise FzzfError(msg("gate_baseline_changed"), EXIT_USAGE)
    if history and (changed or base):
        raise FzzfError(msg("gate_history_changed"), EXIT_USAGE)


def _known(ws: Workspace | None, rev: str, today: date, grace: int, due_from: date | None) -> Known:
    """The gate's findings at the baseline ``rev``, judged on the same day and line, from
    the same first due day."""
    from fzzf_cli.derive.baseline import Known, known_from
    from fzzf_cli.derive.gate import judge
    from fzzf_cli.pipeline import at_revision, build

    if ws is None or ws.source.repo is None:  # no plan to judge: nothing is set apart
        return Known(rev, frozenset(), frozenset(), valid=False)
    with at_revision(ws.source.repo, rev, ws.source) as snap:
        ds, problems = load_dataset(snap.root, cache.default_dir(os.environ))
        if ds is None:
            sys.stderr.write(msg("gate_baseline_invalid", rev=printable(rev)) + "\n")
            return Known(rev, frozenset(), frozenset(), valid=False)
        there = judge(build(snap.root, ds, today, ws.source, snap.problems), problems, today,
                      grace, None, due_from=due_from)  # fmt: skip
    return known_from(rev, there.problems, there.failures)


def _publish(
    fmt: CheckFormat, outcome: Outcome, output: str | None, root: DataRoot, force: bool
) -> None:
    """The findings as asked: plain or GitHub lines (and the step summary), or the JUnit
    XML to ``-o`` (or standard output) with the summary on stderr."""
    from fzzf_cli.present.gate import emit, junit

    if fmt is not CheckFormat.junit:
        emit(fmt.value, outcome, os.environ.get("GITHUB_STEP_SUMMARY"))
        return

    write_result(output, junit(outcome), name="fzzf-check.xml",
                 root=root if output is not None else None, force=force,
                 announce=sys.stderr)  # fmt: skip
    sys.stderr.write(outcome.summary + "\n")


def _judged(
    root: DataRoot, today: date, history: bool, changed_since: str | None
) -> tuple[Workspace | None, list[Problem], Change | None]:
    """The workspace (None when the plan is invalid) and the problems found on the way;
    for a pull request what it changes, and the filed records it rewrites as problems."""
    from fzzf_cli.read.gitrepo import GitUnavailable
    from fzzf_cli.validate.amend import amendments, changed

    ds, problems = load_dataset(root.path, cache.default_dir(os.environ))
    if ds is None:
        return None, problems, None
    _, ws = build_workspace(root, ds, today, history=history, mainline=changed_since)
    source = ws.source
    if source.broken:
        where = Location("data/submissions")
        problems = [*problems, Problem(where, msg("gate_dates_unproven", reason=source.reason))]
    if changed_since is None:
        return ws, problems, None
    if source.repo is None or source.rev is None:
        raise FzzfError(msg("gate_git_failed", reason=source.reason), EXIT_USAGE)
    change = changed(source.repo, source.rev)
    try:
        rewritten = amendments(source.repo, source.rev, root.path)
    except GitUnavailable as error:
        raise FzzfError(msg("gate_git_failed", reason=error.reason), EXIT_USAGE) from None
    said = {flag.location for flag in ws.flags}  # the main line's history said it already
    return ws, [*problems, *(p for p in rewritten if p.location not in said)], change
