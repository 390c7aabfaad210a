"""Documents for the coordinator: ``fzzf report`` and ``fzzf notice``."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fzzf_cli.cli.app import (
    AsOfOpt,
    DataOpt,
    FzzfCommand,
    app,
    as_of_date,
    handled,
    plan_dataset,
)
from fzzf_cli.cli.complete import complete_unit
from fzzf_cli.cli.holidays import WorkdaysOpt, days_after
from fzzf_cli.cli.issue import issue_notices, notice_targets, publish
from fzzf_cli.cli.state import HistoryOpt, State, assessed_state, build_workspace, warn
from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.select.names import resolve
from fzzf_cli.select.query import parse_period
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.present.report_rules import Scope


class DocFormat(StrEnum):
    html = "html"
    md = "md"
    docx = "docx"


DocFormatOpt = Annotated[DocFormat, typer.Option("--format", "-f", help=msg("help_format_docs"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=msg("help_force"))]
OutputOpt = Annotated[str | None, typer.Option("--output", "-o", help=msg("help_output_docs"))]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option("--templates", help=msg("help_templates")),
]


def report_scope(ds: Dataset, period: str | None, today: date, grace: int | None) -> Scope:
    """Without a period, the report stands on ``today`` and commends by the last period
    closed. With one (not yet to begin), it stands on the period's deadline plus ``grace``
    days (by default the plan's filing.grace_days, at least 1: a thing due on a day is not
    late on that day), or on ``today`` if that is earlier; later filings do not count."""
    from fzzf_cli.present.report_rules import Scope

    if period is None:
        past = [p for p in ds.measures_file.reporting.periods if p.due < today]
        return Scope(today, None, past[-1] if past else None)
    named = parse_period(ds, period)
    if named.start > today:
        raise FzzfError(msg("report_future_period", period=named.id, as_of=today), EXIT_USAGE)
    days = grace if grace is not None else max(1, ds.measures_file.filing.grace_days)
    return Scope(min(today, named.due + timedelta(days=days)), named, named, days)


def report_state(
    data: Path | None,
    as_of: str | None,
    period: str | None,
    grace: int | None,
    history: bool,
    unit: str | None = None,
) -> tuple[State, Scope]:
    """The workspace as it stood on the report's day (see ``report_scope``); a ``unit``
    typed wrong is said before anything is read."""
    root, ds = plan_dataset(data, filings=True)
    if unit is not None:
        resolve(ds, unit)
    scope = report_scope(ds, period, as_of_date(as_of), grace)
    _, ws = build_workspace(root, ds, scope.as_of, history=history)
    warn(ws.problems, ws.flags)
    return State(root, ws, scope.as_of, ws.assessed), scope


@app.command(cls=FzzfCommand, help=msg("cmd_report_scope"))
def report(
    fmt: DocFormatOpt = DocFormat.html,
    as_of: AsOfOpt = None,
    period: Annotated[str | None, typer.Option("--period", help=msg("help_report_period"))] = None,
    grace: Annotated[
        int | None, typer.Option("--grace", min=1, max=90, help=msg("help_report_grace"))
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", help=msg("help_unit_report"), autocompletion=complete_unit),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    templates: TemplatesOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.present.documents import report_document

    with handled():
        state, scope = report_state(data, as_of, period, grace, history, unit)
        uid = resolve(state.ws.ds, unit) if unit is not None else None
        doc = report_document(state.ws, scope, uid, fmt)
        publish(state, doc, templates, output, force)


@app.command(cls=FzzfCommand, help=msg("cmd_notice"))
def notice(
    unit: Annotated[
        str | None, typer.Argument(help=msg("help_arg_notice_unit"), autocompletion=complete_unit)
    ] = None,
    within: Annotated[int, typer.Option("--within", min=1, max=90, help=msg("help_within"))] = 15,
    workdays: WorkdaysOpt = False,
    fmt: DocFormatOpt = DocFormat.html,
    every: Annotated[bool, typer.Option("--all", help=msg("help_notice_all"))] = False,
    min_overdue: Annotated[
        int, typer.Option("--min-overdue", min=1, max=10000, help=msg("help_min_overdue"))
    ] = 1,
    no_number: Annotated[bool, typer.Option("--no-number", help=msg("help_no_number"))] = False,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    templates: TemplatesOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
) -> None:
    with handled():
        ask = partial(notice_targets, unit=unit, every=every)  # a wrong unit: said first
        state = assessed_state(data, as_of, history=history, before=ask)
        targets = ask(state.ws.ds)
        deadline = days_after(state.as_of, within, workdays)
        options = {"deadline": deadline, "fmt": fmt.value, "min_overdue": min_overdue,
                   "no_number": no_number, "output": output, "force": force,
                   "templates": templates}  # fmt: skip
        issue_notices(state, targets, options)
