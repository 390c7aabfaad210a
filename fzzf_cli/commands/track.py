"""Filing and chasing: ``fzzf new report|pilot-plan|pilot-report``, ``fzzf overdue``,
``fzzf status``."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from fzzf_cli.app import (
    AsOfOpt,
    DataOpt,
    Format,
    FormatOpt,
    FzzfCommand,
    FzzfGroup,
    app,
    as_of_date,
    data_root,
    handled,
    os_reason,
    plan_dataset,
    shown_path,
    table_width,
)
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_USAGE, FzzfError, Problem
from fzzf_cli.load import DataRoot
from fzzf_cli.messages import msg
from fzzf_cli.names import resolve
from fzzf_cli.output.jsonout import write_json
from fzzf_cli.output.tables import emit, print_problems
from fzzf_cli.query import parse_date, parse_period

if TYPE_CHECKING:
    from fzzf_cli.dataset import Dataset
    from fzzf_cli.obligations import Obligation
    from fzzf_cli.status import Assessed
    from fzzf_cli.subs_load import Submissions

# The modules behind these commands are imported when a command runs, not when fzzf starts:
# ``fzzf due`` must not pay for reading submissions or writing files.

new_app = typer.Typer(
    cls=FzzfGroup, help="生成待填写的报送文件（不会覆盖已有文件）。", no_args_is_help=True
)
app.add_typer(new_app, name="new")

DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="报送日期 YYYY-MM-DD；不写则为草稿，不计为已报送。"),
]
SoonOpt = Annotated[int, typer.Option("--soon", min=0, max=365, help="几天内到期算“即将到期”。")]


class Tracked(NamedTuple):
    root: DataRoot
    ds: Dataset
    obligations: list[Obligation]
    subs: Submissions
    problems: list[Problem]


def tracked(data: Path | None) -> Tracked:
    """The plan, its obligations and every submission (with their problems)."""
    from fzzf_cli.obligations import derive
    from fzzf_cli.subs_load import load_submissions

    root, ds = plan_dataset(data)
    if root.origin == "embedded":  # no repository found: say so, the answers have no filings
        sys.stderr.write(msg("embedded_note") + "\n")
    obligations = derive(ds)
    subs, problems = load_submissions(root.path, ds, obligations)
    return Tracked(root, ds, obligations, subs, problems)


def _warn(problems: list[Problem]) -> None:
    """Queries answer from the valid files and say that some are not."""
    if problems:
        print_problems(problems, sys.stderr)
        sys.stderr.write(msg("subs_invalid_note", n=len(problems)) + "\n")


def _writable(root: DataRoot) -> None:
    if root.origin == "embedded":
        raise FzzfError(msg("new_needs_repo"), EXIT_USAGE)


def _write(root: DataRoot, relative: str, text: str) -> None:
    from fzzf_cli.writefile import write_new

    target = root.path / relative
    siblings = [target.with_suffix(s) for s in (".yaml", ".yml", ".YAML", ".YML")]
    if any(p.exists() for p in siblings):
        raise FzzfError(msg("new_exists", path=relative), EXIT_FINDINGS)
    try:
        write_new(target, text)
    except FileExistsError:
        raise FzzfError(msg("new_exists", path=relative), EXIT_FINDINGS) from None
    except OSError as error:
        text = msg("new_write_failed", path=shown_path(target), reason=os_reason(error))
        raise FzzfError(text, EXIT_USAGE) from None
    sys.stdout.write(msg("new_written", path=shown_path(target)) + "\n")


def _date(value: str | None) -> date | None:
    return parse_date(value, "--date") if value is not None else None


@new_app.command("report", cls=FzzfCommand)
def new_report(
    unit: Annotated[str, typer.Argument(help="单位，如 德庆。")],
    period: Annotated[str, typer.Argument(help="报送期，如 2017-H1。")],
    day: DateOpt = None,
    everything: Annotated[bool, typer.Option("--all", help="也列出以后才到期的事项。")] = False,
    data: DataOpt = None,
) -> None:
    """生成某单位某半年的报送文件，列出截至该期末应承担的全部事项，沿用上一期填报的状态。"""
    with handled():
        submitted = _date(day)
        _writable(data_root(data))
        state = tracked(data)
        ds = state.ds
        ids = {p.id for p in ds.measures_file.reporting.periods}
        if unit.strip().upper() in ids and period.strip().upper() not in ids:
            raise FzzfError(msg("name_order"), EXIT_USAGE)
        uid = resolve(ds, unit)
        chosen = parse_period(ds, period)
        if submitted is not None and submitted < chosen.start:
            text = msg("new_date_before_period", date=submitted, start=chosen.start)
            raise FzzfError(text, EXIT_USAGE)
        period = chosen.id
        _warn(state.problems)  # an unreadable earlier report is not carried forward: say so
        from fzzf_cli.scaffold import report_data, report_text
        from fzzf_cli.subs_load import submission_path

        content = report_data(ds, state.obligations, state.subs, uid, period, submitted, everything)
        _write(state.root, submission_path(uid, period), report_text(ds, content))


def _pilot_file(pilot: str, unit: str, day: str | None, data: Path | None, kind: str) -> None:
    submitted = _date(day)
    _writable(data_root(data))
    root, ds = plan_dataset(data)
    if submitted is not None and submitted < ds.measures_file.plan.date:
        text = msg("new_date_before_plan", date=submitted, issued=ds.measures_file.plan.date)
        raise FzzfError(text, EXIT_USAGE)
    number = pilot.strip().lower().removeprefix("p")
    if not number.isdigit() or int(number) not in ds.pilots:
        raise FzzfError(msg("new_unknown_pilot", value=pilot), EXIT_USAGE)
    found = ds.pilots[int(number)]
    uid = resolve(ds, unit)
    members = [*found.areas, *found.units]
    if uid not in members:
        names = "、".join(ds.name_of(m) for m in members)
        text = msg("new_not_in_pilot", unit=ds.name_of(uid), pilot=found.id, members=names)
        raise FzzfError(text, EXIT_USAGE)
    from fzzf_cli.scaffold import pilot_data, pilot_text
    from fzzf_cli.subs_load import pilot_path

    content = pilot_data(ds, uid, found.id, kind, submitted)
    _write(root, pilot_path(uid, found.id, kind), pilot_text(ds, content))


PilotArg = Annotated[str, typer.Argument(help="试点编号 62—69。")]
PilotUnitArg = Annotated[str, typer.Argument(help="试点地区或单位。")]


@new_app.command("pilot-plan", cls=FzzfCommand)
def new_pilot_plan(
    pilot: PilotArg,
    unit: PilotUnitArg,
    day: DateOpt = None,
    data: DataOpt = None,
) -> None:
    """生成试点工作方案文件（目标、任务、进度安排、责任主体、保障机制）。"""
    with handled():
        _pilot_file(pilot, unit, day, data, "plan")


@new_app.command("pilot-report", cls=FzzfCommand)
def new_pilot_report(
    pilot: PilotArg,
    unit: PilotUnitArg,
    day: DateOpt = None,
    data: DataOpt = None,
) -> None:
    """生成试点完成情况报告文件。"""
    with handled():
        _pilot_file(pilot, unit, day, data, "completion")


def assessed_state(
    data: Path | None, as_of: str | None, soon: int = 14
) -> tuple[Tracked, date, list[Assessed]]:
    """Everything filed, warned about where invalid, and every obligation's status on the
    as-of day: what overdue, status, report and notice all start from."""
    from fzzf_cli.status import assess

    today = as_of_date(as_of)
    state = tracked(data)
    _warn(state.problems)
    return state, today, assess(state.obligations, state.subs, today, soon)


@app.command(cls=FzzfCommand)
def overdue(
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="只看某单位或单位组。")] = None,
    as_of: AsOfOpt = None,
    soon: SoonOpt = 14,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """哪些单位逾期了：逾期项数多的在前，列出最早期限、逾期天数和逾期事项。"""
    with handled():
        state, today, assessed = assessed_state(data, as_of, soon)
        from fzzf_cli.output.duelist import record
        from fzzf_cli.output.tracked import DEBT_COLUMNS, ITEM_COLUMNS, debt_rows, item_rows
        from fzzf_cli.tracking import overdue_by_unit

        ref = resolve(state.ds, unit, units_only=False) if unit else None
        debts = overdue_by_unit(assessed, ref)
        items: list[Assessed] = [a for d in debts for a in d.items]
        if fmt is Format.json:
            records = [
                {**record(a.obligation, today), "status": a.status, "days_overdue": a.days_overdue}
                for a in items
            ]
            write_json({"as_of": today.isoformat(), "obligations": records}, sys.stdout)
            return
        if fmt is Format.csv:
            emit("csv", "", ITEM_COLUMNS, item_rows(items), sys.stdout, None)
            return
        if not debts:
            who = state.ds.name_of(ref) if ref else ""
            sys.stdout.write(msg("overdue_none", as_of=today, who=who) + "\n")
            return
        width = table_width()
        title = msg("overdue_title", as_of=today, n=len(debts))
        emit(fmt.value, title, DEBT_COLUMNS, debt_rows(debts), sys.stdout, width)
        sys.stdout.write("\n")
        title = msg("overdue_items_title", n=len(items))
        emit(fmt.value, title, ITEM_COLUMNS, item_rows(items), sys.stdout, width)


@app.command(cls=FzzfCommand)
def status(
    as_of: AsOfOpt = None,
    soon: SoonOpt = 14,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """各单位（报送按时率、已完成、逾期、下一期限）与各方面（完成比例）的进展。"""
    with handled():
        state, today, assessed = assessed_state(data, as_of, soon)
        from fzzf_cli.output.tracked import (
            AREA_COLUMNS,
            STATUS_CSV_FIELDS,
            UNIT_STATUS_COLUMNS,
            area_rows,
            status_rows,
        )
        from fzzf_cli.tracking import area_lines, unit_lines

        units = unit_lines(state.ds, assessed, today)
        areas = area_lines(state.ds, assessed, today)
        if fmt is Format.json:
            write_json({"as_of": today.isoformat(), "units": units, "areas": areas}, sys.stdout)
            return
        if fmt is Format.csv:
            columns = [
                (key, key) for key in STATUS_CSV_FIELDS
            ]  # numbers: Excel reads 9/20 as a date
            emit("csv", "", columns, units, sys.stdout, None)
            return
        width = table_width()
        title = msg("status_units_title", as_of=today, n=len(units))
        emit(fmt.value, title, UNIT_STATUS_COLUMNS, status_rows(units), sys.stdout, width)
        sys.stdout.write("\n")
        title = msg("status_areas_title", as_of=today)
        emit(fmt.value, title, AREA_COLUMNS, area_rows(areas), sys.stdout, width)
