"""``fzzf diff REV [REV2]``: what a change does to obligations, not to lines.

Both sides are built by the one pipeline as of the same day: the data folder as it is in
``REV`` (extracted from git into a temporary folder), and the working tree or ``REV2``.
Filing dates on both sides are proven by ``REV``'s line, as ``check --changed-since REV``
proves them: a pull request is judged as if merged into its target on the as-of day.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fzzf_cli.cli.app import AsOfOpt, DataOpt, FzzfCommand, app, as_of_date, data_root, handled
from fzzf_cli.cli.listing import ForceOpt, show
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_USAGE, FzzfError, printable
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from datetime import date

    from fzzf_cli.derive.changes import Changes, Side
    from fzzf_cli.pipeline import Source
    from fzzf_cli.present.diff import Sides
    from fzzf_cli.validate.load import DataRoot


class DiffFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"


FormatDiffOpt = Annotated[DiffFormat, typer.Option("--format", "-f", help=msg("help_format_diff"))]
OutputDiffOpt = Annotated[str | None, typer.Option("--output", "-o", help=msg("help_output_diff"))]


@app.command(cls=FzzfCommand, help=msg("cmd_diff"))
def diff(
    rev: Annotated[str, typer.Argument(help=msg("help_diff_rev"), metavar="REV")],
    rev2: Annotated[str | None, typer.Argument(help=msg("help_diff_rev2"), metavar="REV2")] = None,
    as_of: AsOfOpt = None,
    fmt: FormatDiffOpt = DiffFormat.table,
    output: OutputDiffOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.present.diff import sticky, view

    with handled():
        changes, sides = compared(data_root(data, filings=True), rev, rev2, as_of_date(as_of))
        if fmt is DiffFormat.md:
            _write_md(sticky(changes, sides), output, force)
        else:
            show(view(changes, sides), fmt.value, output, force=force)


def _write_md(text: str, output: str | None, force: bool) -> None:
    from fzzf_cli.cli.results import write_result

    if output is None or output == "-":
        sys.stdout.write(text)
        return
    write_result(output, text, force=force, ours=False)


def compared(root: DataRoot, rev: str, rev2: str | None, today: date) -> tuple[Changes, Sides]:
    """Both sides of the change, built and compared."""
    from fzzf_cli.derive.changes import compare
    from fzzf_cli.pipeline import at_revision, source_of
    from fzzf_cli.present.diff import Sides
    from fzzf_cli.read.folders import differing
    from fzzf_cli.validate.subs_find import SUBMISSIONS

    line = source_of(root.path, mainline=rev)
    if line.repo is None or line.rev is None:
        raise FzzfError(msg("diff_needs_git", reason=line.reason), EXIT_USAGE)
    with ExitStack() as stack:
        start = stack.enter_context(at_revision(line.repo, rev, line))
        end = stack.enter_context(at_revision(line.repo, rev2, line)) if rev2 else None
        after_root = end.root if end is not None else root.path
        before = _side(start.root, line, today, printable(rev))
        after = _side(after_root, line, today, printable(rev2) if rev2 else msg("diff_worktree"))
        from fzzf_cli.validate.reviews import REVIEWS

        skip = (f"{SUBMISSIONS.as_posix()}/", f"{REVIEWS.as_posix()}/")
        plan = differing(start.root, after_root, "data", skip)
    head = printable(rev2) if rev2 else msg("diff_worktree")
    base = f"{printable(rev)} {line.rev[:10]}"
    return compare(before, after, plan), Sides(base, head, today)


def _side(folder: Path, line: Source, today: date, name: str) -> Side:
    """One side through the one pipeline: its plan, filings dated by ``line``, reviews."""
    from fzzf_cli.derive.changes import Side
    from fzzf_cli.pipeline import build
    from fzzf_cli.present.tables import print_problems
    from fzzf_cli.validate import cache
    from fzzf_cli.validate.load import load_dataset

    ds, problems = load_dataset(folder, cache.default_dir(os.environ))
    if ds is None:
        print_problems(problems, sys.stderr)
        raise FzzfError(msg("diff_side_invalid", side=name), EXIT_FINDINGS)
    ws = build(folder, ds, today, line)
    invalid = frozenset(p.location.path for p in ws.problems)
    return Side(ws.assessed, ws.subs.all(), ws.decisions, invalid)
