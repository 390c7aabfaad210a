"""Filing: ``fzzf new report|record|pilot-plan|pilot-report|review`` write ready-to-edit
files into the data repository, never over an existing one."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli.cli.app import (
    AsOfOpt,
    DataOpt,
    FzzfCommand,
    FzzfGroup,
    app,
    as_of_date,
    data_root,
    handled,
    plan_dataset,
)
from fzzf_cli.cli.complete import complete_unit
from fzzf_cli.cli.results import os_reason, shown_path
from fzzf_cli.cli.state import workspace
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_USAGE, FzzfError
from fzzf_cli.select.names import resolve
from fzzf_cli.select.query import parse_date, parse_period
from fzzf_cli.text import join, msg
from fzzf_cli.validate.load import DataRoot
from fzzf_cli.vocab import Filing, Kind, PilotDoc, Ruling

# The modules behind these commands are imported when a command runs, not when fzzf starts:
# ``fzzf due`` must not pay for reading submissions or writing files.

new_app = typer.Typer(cls=FzzfGroup, help=msg("help_new"), no_args_is_help=True)
app.add_typer(new_app, name="new")

DateOpt = Annotated[
    str | None,
    typer.Option("--date", help=msg("help_date")),
]
UnitArg = Annotated[
    str, typer.Argument(help=msg("help_arg_unit_new"), autocompletion=complete_unit)
]
PeriodArg = Annotated[str, typer.Argument(help=msg("help_arg_period_new"))]
EverythingOpt = Annotated[bool, typer.Option("--all", help=msg("help_all"))]


class FillFormat(StrEnum):
    yaml = "yaml"
    xlsx = "xlsx"


FillFormatOpt = Annotated[FillFormat, typer.Option("--format", "-f", help=msg("help_fill_format"))]
FillOutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help=msg("help_output_fillin"))
]


def writable(root: DataRoot) -> None:
    if root.origin == "embedded":
        raise FzzfError(msg("new_needs_repo"), EXIT_USAGE)


def write_filing(root: DataRoot, relative: str, text: str) -> None:
    """Create the file, never over one that exists — nor beside ``Deqing.yaml`` or
    ``deqing.yml`` (one file on Windows and macOS, two clashing filings on Linux) — and
    never through a linked folder."""
    from fzzf_cli.read.writefile import case_variant, no_links_between, write_new

    target = root.path / relative
    if not no_links_between(root.path, target):
        raise FzzfError(msg("out_linked_folder", path=relative), EXIT_FINDINGS)
    there = case_variant(target)
    if there is not None and there.name == target.name:
        filed = _filed(there)
        key = "new_exists" if filed is None else "new_exists_filed" if filed else "new_exists_draft"
        raise FzzfError(msg(key, path=relative), EXIT_FINDINGS)
    if there is not None:
        other = shown_path(there)
        raise FzzfError(msg("new_case_variant", path=relative, other=other), EXIT_FINDINGS)
    try:
        write_new(target, text)
    except FileExistsError:
        raise FzzfError(msg("new_exists", path=relative), EXIT_FINDINGS) from None
    except OSError as error:
        text = msg("new_write_failed", path=shown_path(target), reason=os_reason(error))
        raise FzzfError(text, EXIT_USAGE) from None
    sys.stdout.write(msg("new_written", path=shown_path(target)) + "\n")


def _filed(path: Path) -> bool | None:
    """Whether an existing file says it was filed (its ``submitted`` is set), or is a
    draft (``submitted`` empty); None when it has no ``submitted`` at all."""
    from fzzf_cli.read.yamlio import read_yaml

    doc, _ = read_yaml(path, path.name)
    data = doc.data if doc is not None else None
    if not isinstance(data, dict) or "submitted" not in data:
        return None
    return data["submitted"] not in (None, "")


def filing_date(value: str | None) -> date | None:
    return parse_date(value, "--date") if value is not None else None


def _progress_file(unit: str, period: str, day: str | None, everything: bool,
                   data: Path | None, kind: Filing,
                   form: FillFormat = FillFormat.yaml,
                   output: str | None = None) -> None:  # fmt: skip
    """A half-year report or an own record: the YAML file in the data repository, or
    the fill-in workbook of a report (``-f xlsx``) where ``-o`` says."""
    from fzzf_cli.derive.scaffold import report_data, report_text
    from fzzf_cli.validate.subs_find import record_path, submission_path

    if output is not None and form != FillFormat.xlsx:
        raise FzzfError(msg("fillin_output_only_xlsx"), EXIT_USAGE)
    submitted = filing_date(day)
    writable(data_root(data))
    _, ds = plan_dataset(data)
    ids = {p.id for p in ds.measures_file.reporting.periods}
    if unit.strip().upper() in ids and period.strip().upper() not in ids:
        raise FzzfError(msg("name_order", kind=kind), EXIT_USAGE)
    uid = resolve(ds, unit)
    chosen = parse_period(ds, period)
    if submitted is not None and submitted < chosen.start:
        text = msg("new_date_before_period", date=submitted, start=chosen.start)
        raise FzzfError(text, EXIT_USAGE)
    # Carry forward what was filed by now: an unreadable earlier file is said on stderr.
    root, ws = workspace(data, submitted or as_of_date(None), notes=False)
    reporter = any(o.unit_id == uid and o.kind == Kind.REPORT for o in ws.obligations)
    if kind == Filing.REPORT and not reporter:
        hint = msg("sub_hint_record", unit=uid, period=chosen.id)
        text = msg("sub_not_reporter", unit=ds.name_of(uid))
        raise FzzfError(msg("then_hint", text=text, hint=hint), EXIT_USAGE)
    if kind == Filing.RECORD and reporter:
        hint = msg("sub_hint_report", unit=uid, period=chosen.id)
        text = msg("sub_record_reporter", unit=ds.name_of(uid))
        raise FzzfError(msg("then_hint", text=text, hint=hint), EXIT_USAGE)
    latest = {(d.unit, d.thing): d.verdict for d in ws.decisions}  # decisions are by date
    returned = frozenset(t for (u, t), v in latest.items() if u == uid and v == Ruling.RETURNED)
    content = report_data(
        ws.ds, ws.obligations, ws.subs, uid, chosen.id, submitted, everything, returned
    )
    if form == FillFormat.xlsx:
        from fzzf_cli.cli.forms import write_form

        write_form(ws.ds, ws.obligations, content, output)
        return
    path = (submission_path if kind == Filing.REPORT else record_path)(uid, chosen.id)
    write_filing(root, path, report_text(ws.ds, content, kind))


@new_app.command("report", cls=FzzfCommand, help=msg("cmd_new_report"))
def new_report(
    unit: UnitArg,
    period: PeriodArg,
    day: DateOpt = None,
    everything: EverythingOpt = False,
    form: FillFormatOpt = FillFormat.yaml,
    output: FillOutputOpt = None,
    data: DataOpt = None,
) -> None:
    with handled():
        _progress_file(unit, period, day, everything, data, Filing.REPORT, form, output)


@new_app.command("record", cls=FzzfCommand, help=msg("cmd_new_record"))
def new_record(
    unit: UnitArg,
    period: PeriodArg,
    day: DateOpt = None,
    everything: EverythingOpt = False,
    data: DataOpt = None,
) -> None:
    with handled():
        _progress_file(unit, period, day, everything, data, Filing.RECORD)


def _pilot_file(pilot: str, unit: str, day: str | None, data: Path | None, kind: PilotDoc) -> None:
    submitted = filing_date(day)
    writable(data_root(data))
    root, ds = plan_dataset(data)
    if submitted is not None and submitted < ds.measures_file.plan.date:
        text = msg("new_date_before_plan", date=submitted, issued=ds.measures_file.plan.date)
        raise FzzfError(text, EXIT_USAGE)
    number = pilot.strip().lower().removeprefix("p")
    if not (number.isdecimal() and number.isascii()) or int(number) not in ds.pilots:
        raise FzzfError(msg("new_unknown_pilot", value=pilot), EXIT_USAGE)
    found = ds.pilots[int(number)]
    uid = resolve(ds, unit)
    members = [*found.areas, *found.units]
    if uid not in members:
        names = join([ds.name_of(m) for m in members])
        text = msg("new_not_in_pilot", unit=ds.name_of(uid), pilot=found.id, members=names)
        raise FzzfError(text, EXIT_USAGE)
    from fzzf_cli.derive.scaffold import pilot_data, pilot_text
    from fzzf_cli.validate.subs_find import pilot_path

    content = pilot_data(ds, uid, found.id, kind, submitted)
    write_filing(root, pilot_path(uid, found.id, kind), pilot_text(ds, content))


PilotArg = Annotated[str, typer.Argument(help=msg("help_arg_pilot"))]
PilotUnitArg = Annotated[
    str, typer.Argument(help=msg("help_arg_pilot_unit"), autocompletion=complete_unit)
]


@new_app.command("pilot-plan", cls=FzzfCommand, help=msg("cmd_new_pilot_plan"))
def new_pilot_plan(
    pilot: PilotArg,
    unit: PilotUnitArg,
    day: DateOpt = None,
    data: DataOpt = None,
) -> None:
    with handled():
        _pilot_file(pilot, unit, day, data, PilotDoc.PLAN)


@new_app.command("pilot-report", cls=FzzfCommand, help=msg("cmd_new_pilot_report"))
def new_pilot_report(
    pilot: PilotArg,
    unit: PilotUnitArg,
    day: DateOpt = None,
    data: DataOpt = None,
) -> None:
    with handled():
        _pilot_file(pilot, unit, day, data, PilotDoc.COMPLETION)


@new_app.command("review", cls=FzzfCommand, help=msg("cmd_new_review"))
def new_review(
    period: Annotated[str, typer.Argument(help=msg("help_arg_review_round"))],
    as_of: AsOfOpt = None,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.derive.review_scaffold import review_text
    from fzzf_cli.validate.reviews import review_path

    with handled():
        today = as_of_date(as_of)
        writable(data_root(data))
        root, ws = workspace(data, today, notes=False)
        chosen = parse_period(ws.ds, period)
        write_filing(root, review_path(chosen.id), review_text(ws, ws.assessed, chosen.id, today))
