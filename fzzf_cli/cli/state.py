"""What every command that judges units starts from: the options turned into a workspace
(pipeline.build) and the statuses of every obligation on the as-of day, with what is
wrong in the data said on stderr."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from fzzf_cli.cli.app import as_of_date, data_root, plan_dataset
from fzzf_cli.errors import EXIT_FINDINGS, FzzfError, Problem
from fzzf_cli.present.tables import print_problems
from fzzf_cli.text import msg
from fzzf_cli.validate import cache
from fzzf_cli.validate.load import DataRoot, load_dataset
from fzzf_cli.vocab import SOON

if TYPE_CHECKING:
    from fzzf_cli.derive.status import Assessed
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.pipeline import Workspace
    from fzzf_cli.present.validation import Validation

HistoryOpt = Annotated[
    bool,
    typer.Option(
        "--history",
        help=msg("help_history"),
    ),
]


class State(NamedTuple):
    root: DataRoot  # the data repository (documents are written here)
    ws: Workspace
    as_of: date
    assessed: list[Assessed]


def workspace(
    data: Path | None,
    today: date,
    *,
    history: bool = False,
    mainline: str | None = None,
    notes: bool = True,
    soon: int = SOON,
    before: Callable[[Dataset], object] | None = None,
) -> tuple[DataRoot, Workspace]:
    """Load, date and review everything in the data repository (as it stood at the end of
    ``today`` with ``history``); say on stderr what could not be counted (and, with
    ``notes``, what was counted on another date or content than the file now says).
    ``before`` is given the plan first: a unit typed wrong is a usage error said alone,
    not after a screen of notes about other units' files."""
    root, ds = plan_dataset(data, filings=True)
    if before is not None:
        before(ds)
    _, ws = build_workspace(root, ds, today, history=history, mainline=mainline, soon=soon)
    warn(ws.problems, ws.flags if notes else [])
    return root, ws


def build_workspace(
    root: DataRoot,
    ds: Dataset,
    today: date,
    *,
    history: bool = False,
    mainline: str | None = None,
    soon: int = SOON,
) -> tuple[DataRoot, Workspace]:
    """The workspace of a loaded plan, printing nothing."""
    from fzzf_cli.pipeline import build, snapshot, source_of

    source = source_of(root.path, root.origin == "embedded", mainline)
    with ExitStack() as stack:
        files, extra = root.path, []
        if history:
            snap = stack.enter_context(snapshot(source, today, ds))
            ds = _plan_as_it_stood(snap.root)
            files, source, extra = snap.root, snap.source, snap.problems
        return root, build(files, ds, today, source, extra, soon, cache.default_dir(os.environ))


def _plan_as_it_stood(folder: Path) -> Dataset:
    ds, problems = load_dataset(folder, cache.default_dir(os.environ))
    if ds is None:
        print_problems(problems, sys.stderr)
        raise FzzfError(msg("history_plan_invalid"), EXIT_FINDINGS)
    return ds


def warn(problems: list[Problem], flags: list[Problem]) -> None:
    """Queries answer from the valid files and say that some are not, or were dated."""
    if problems:
        print_problems(problems, sys.stderr)
        sys.stderr.write(msg("subs_invalid_note", n=len(problems)) + "\n")
    if flags:
        print_problems(flags, sys.stderr)
        sys.stderr.write(msg("flags_note", n=len(flags)) + "\n")


def duty_states(root: DataRoot, ds: Dataset, today: date, soon: int) -> dict[str, Assessed] | None:
    """Each obligation's status by its id, from a data repository's filings; None for the
    plan shipped with fzzf, which has none (every duty would look undone)."""
    if root.origin == "embedded":
        return None
    _, ws = build_workspace(root, ds, today, soon=soon)
    warn(ws.problems, ws.flags)
    return {a.obligation.id: a for a in ws.assessed}


def assessed_state(
    data: Path | None,
    as_of: str | None,
    soon: int = SOON,
    history: bool = False,
    before: Callable[[Dataset], object] | None = None,
) -> State:
    """Every obligation's status on the as-of day: what overdue, status, review, report and
    notice all start from (``before``: see ``workspace``)."""
    today = as_of_date(as_of)
    root, ws = workspace(data, today, history=history, soon=soon, before=before)
    return State(root, ws, today, ws.assessed)


def validation(data: Path | None, as_of: str | None) -> Validation:
    """The plan and everything filed, checked: what ``fzzf validate`` reports."""
    from fzzf_cli.present.validation import Validation

    root = data_root(data, filings=True)
    ds, problems = load_dataset(root.path)
    if ds is None:
        return Validation(None, problems, [], 0, "")
    from fzzf_cli.validate.register import check_documents

    _, ws = build_workspace(root, ds, as_of_date(as_of))
    problems = [*problems, *ws.problems, *check_documents(root.path, ds)]
    problems = sorted(problems, key=Problem.sort_key)
    return Validation(ds, problems, ws.flags, len(ws.subs.all()), ws.dating.note)
