"""Documents for the coordinator: ``fzzf report`` and ``fzzf notice``."""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
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
    handled,
    plan_dataset,
)
from fzzf_cli.cli.results import working_dir, write_result
from fzzf_cli.cli.state import HistoryOpt, State, assessed_state, build_workspace, warn
from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.select.names import resolve
from fzzf_cli.select.query import parse_period
from fzzf_cli.text import msg
from fzzf_cli.validate.load import DataRoot, embedded_root

if TYPE_CHECKING:
    from fzzf_cli.present.documents import Document
    from fzzf_cli.present.report_rules import Scope


class DocFormat(StrEnum):
    html = "html"
    md = "md"


DocFormatOpt = Annotated[DocFormat, typer.Option("--format", "-f", help=msg("help_format_docs"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=msg("help_force"))]
OutputOpt = Annotated[str | None, typer.Option("--output", "-o", help=msg("help_output_docs"))]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option("--templates", help=msg("help_templates")),
]


def template_folders(root: DataRoot, option: Path | None) -> list[Path]:
    """--templates, then the repository's templates/, then fzzf's own. The repository's
    folder arrives by pull request, so it must not be a symlink (--templates may be: the
    coordinator chose it on the command line)."""
    from fzzf_cli.present.render_files import is_link

    if option is not None and not option.is_dir():
        raise FzzfError(msg("templates_missing", path=option), EXIT_USAGE)
    folders = [option] if option is not None else []
    own = root.path / "templates"
    if root.origin != "embedded":
        try:
            if is_link(os.lstat(own)):
                raise FzzfError(msg("templates_folder_symlink"), EXIT_USAGE)
        except FileNotFoundError:
            pass
        if own.is_dir():
            folders.append(own)
    folders.append(embedded_root() / "templates")
    return folders


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
    data: Path | None, as_of: str | None, period: str | None, grace: int | None, history: bool
) -> tuple[State, Scope]:
    """The workspace as it stood on the report's day (see ``report_scope``)."""
    root, ds = plan_dataset(data, filings=True)
    scope = report_scope(ds, period, as_of_date(as_of), grace)
    _, ws = build_workspace(root, ds, scope.as_of, history=history)
    warn(ws.problems, ws.flags)
    return State(root, ws, scope.as_of, ws.assessed), scope


def _publish(
    root: DataRoot, doc: Document, templates: Path | None, output: str | None, force: bool
) -> None:
    """Render ``doc`` and write it to ``-o`` (``-`` for standard output), or to
    ``reports/<name>`` in the data repository; what fzzf writes carries its marker, so
    that it can be written again."""
    from fzzf_cli.present.render import render
    from fzzf_cli.read.writefile import MARKER

    text = render(template_folders(root, templates), doc.template, doc.context)
    base = working_dir() if root.origin == "embedded" else root.path
    write_result(output, text, default=base / "reports" / doc.name, name=doc.name, root=root,
                 force=force, mark=f"<!-- {MARKER} -->\n")  # fmt: skip


@app.command(cls=FzzfCommand, help=msg("cmd_report_scope"))
def report(
    fmt: DocFormatOpt = DocFormat.html,
    as_of: AsOfOpt = None,
    period: Annotated[str | None, typer.Option("--period", help=msg("help_report_period"))] = None,
    grace: Annotated[
        int | None, typer.Option("--grace", min=1, max=90, help=msg("help_report_grace"))
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=msg("help_unit_report"))] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    templates: TemplatesOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.present.documents import report_document

    with handled():
        state, scope = report_state(data, as_of, period, grace, history)
        uid = resolve(state.ws.ds, unit) if unit is not None else None
        doc = report_document(state.ws, scope, uid, fmt)
        _publish(state.root, doc, templates, output, force)


@app.command(cls=FzzfCommand, help=msg("cmd_notice"))
def notice(
    unit: Annotated[str, typer.Argument(help=msg("help_arg_notice_unit"))],
    within: Annotated[int, typer.Option("--within", min=1, max=90, help=msg("help_within"))] = 15,
    fmt: DocFormatOpt = DocFormat.html,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    templates: TemplatesOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.present.documents import notice_document

    with handled():
        state = assessed_state(data, as_of, history=history)
        uid = resolve(state.ws.ds, unit)
        doc = notice_document(state.ws, state.as_of, uid, within, fmt)
        if doc is None:  # nothing overdue: nothing to send
            name = state.ws.ds.name_of(uid)
            sys.stderr.write(msg("notice_none", unit=name, as_of=state.as_of) + "\n")
            return
        _publish(state.root, doc, templates, output, force)
