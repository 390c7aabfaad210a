"""Documents for the coordinator: ``fzzf report`` and ``fzzf notice``."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fzzf_cli.cli.app import (
    AsOfOpt,
    DataOpt,
    FzzfCommand,
    app,
    handled,
)
from fzzf_cli.cli.issue import issue_notices, notice_targets, publish
from fzzf_cli.cli.state import HistoryOpt, assessed_state
from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.select.names import resolve
from fzzf_cli.select.query import parse_period
from fzzf_cli.text import msg

if TYPE_CHECKING:
    pass


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


def _report_period(ds: Dataset, period: str | None, today: date) -> str | None:
    """The period named (not one yet to begin), else the latest one due before today."""
    if period is not None:
        named = parse_period(ds, period)
        if named.start > today:
            raise FzzfError(msg("report_future_period", period=named.id, as_of=today), EXIT_USAGE)
        return named.id
    past = [p.id for p in ds.measures_file.reporting.periods if p.due < today]
    return past[-1] if past else None


@app.command(cls=FzzfCommand, help=msg("cmd_report"))
def report(
    fmt: DocFormatOpt = DocFormat.html,
    as_of: AsOfOpt = None,
    period: Annotated[str | None, typer.Option("--period", help=msg("help_period"))] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=msg("help_unit_report"))] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    templates: TemplatesOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.present.documents import report_document

    with handled():
        state = assessed_state(data, as_of, history=history)
        chosen = _report_period(state.ws.ds, period, state.as_of)
        uid = resolve(state.ws.ds, unit) if unit is not None else None
        doc = report_document(state.ws, state.as_of, chosen, uid, fmt)
        publish(state, doc, templates, output, force)


@app.command(cls=FzzfCommand, help=msg("cmd_notice"))
def notice(
    unit: Annotated[str | None, typer.Argument(help=msg("help_arg_notice_unit"))] = None,
    within: Annotated[int, typer.Option("--within", min=1, max=90, help=msg("help_within"))] = 15,
    fmt: DocFormatOpt = DocFormat.html,
    every: Annotated[bool, typer.Option("--all", help=msg("help_all"))] = False,
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
        state = assessed_state(data, as_of, history=history)
        targets = notice_targets(state.ws.ds, unit, every)
        options = {"within": within, "fmt": fmt.value, "min_overdue": min_overdue,
                   "no_number": no_number, "output": output, "force": force,
                   "templates": templates}  # fmt: skip
        issue_notices(state, targets, options)
