"""The ``fzzf`` command line: the only module that reads argv, the environment and the clock,
and the only one that turns results into exit codes. Each command converts its options,
calls one function, prints, and exits."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli import __version__, cache
from fzzf_cli.dataset import Dataset
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, FzzfError
from fzzf_cli.load import DataRoot, find_root, load_dataset
from fzzf_cli.messages import msg
from fzzf_cli.names import resolve
from fzzf_cli.obligations import derive
from fzzf_cli.output.duelist import write_due, write_owes
from fzzf_cli.output.jsonout import write_json
from fzzf_cli.output.tables import (
    GROUP_COLUMNS,
    MEASURE_COLUMNS,
    PILOT_COLUMNS,
    UNIT_COLUMNS,
    emit,
    group_notes,
    group_rows,
    measure_detail,
    measure_rows,
    pilot_rows,
    print_problems,
    unit_rows,
)
from fzzf_cli.query import Window, last_deadline, parse_date, select, things, window_for
from fzzf_cli.source import measure_paragraph
from fzzf_cli.views import measure_record, pilot_record, select_measures, unit_records

app = typer.Typer(
    name="fzzf",
    help="肇府办函〔2016〕48号《肇庆市创建法治政府示范区工作实施方案》落实情况跟踪工具。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class ViewFormat(StrEnum):
    table = "table"
    json = "json"


class Kind(StrEnum):
    milestone = "milestone"
    recurring = "recurring"
    report = "report"
    pilot_plan = "pilot_plan"
    pilot_done = "pilot_done"
    review = "review"


class By(StrEnum):
    thing = "thing"
    unit = "unit"


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="数据仓库目录（含 data/measures.yaml）；"
        "默认依次取 FZZF_DATA、当前目录向上查找、内置方案。",
        file_okay=False,
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="输出格式。")]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="按哪一天计算（YYYY-MM-DD）；默认取 FZZF_AS_OF，再默认今天。"),
]
YearOpt = Annotated[str | None, typer.Option("--year", help="某一年到期的，如 2017。")]
KindOpt = Annotated[Kind | None, typer.Option("--kind", help="只看某类义务。")]
UntilOpt = Annotated[
    str | None, typer.Option("--until", help="周期任务展开到哪一天；默认方案期末 2018-12-31。")
]


# --- plumbing ---------------------------------------------------------------------------


@contextmanager
def handled() -> Iterator[None]:
    """Turn the tool's own errors into a message on stderr and their exit code."""
    try:
        yield
    except FzzfError as error:
        sys.stderr.write(f"fzzf: {error.message}\n")
        raise typer.Exit(error.exit_code) from None


def _root(data: Path | None) -> DataRoot:
    root = find_root(data, os.environ.get("FZZF_DATA") or None, Path.cwd())
    if root is None:
        shown = data if data is not None else os.environ.get("FZZF_DATA", "")
        raise FzzfError(msg("data_not_found", path=shown), EXIT_USAGE)
    return root


def _dataset(data: Path | None) -> tuple[DataRoot, Dataset]:
    """Load the plan for a query; stop with exit 1 if it cannot be loaded at all."""
    root = _root(data)
    ds, problems = load_dataset(root.path, cache.default_dir(os.environ))
    if ds is None:
        print_problems(problems, sys.stderr)
        raise FzzfError(msg("data_invalid"), EXIT_FINDINGS)
    if problems:
        sys.stderr.write(msg("validate_failed", n=len(problems)) + msg("data_invalid") + "\n")
    return root, ds


# --- commands ---------------------------------------------------------------------------


@app.command()
def validate(
    data: DataOpt = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="输出格式。")] = (
        ViewFormat.table
    ),
) -> None:
    """检查数据：YAML 语法、字段、单位引用、期限。有问题时退出码为 1。"""
    with handled():
        root = _root(data)
        ds, problems = load_dataset(root.path)
        if fmt is ViewFormat.json:
            write_json(
                {
                    "ok": not problems,
                    "problems": [
                        {
                            "path": p.location.path,
                            "line": p.location.line,
                            "col": p.location.col,
                            "message": p.message,
                            "hint": p.hint,
                        }
                        for p in problems
                    ],
                },
                sys.stdout,
            )
        elif problems:
            print_problems(problems, sys.stderr)
            sys.stderr.write(msg("validate_failed", n=len(problems)) + "\n")
            if ds is None:
                sys.stderr.write(msg("validate_more_later") + "\n")
        elif ds is not None:
            sys.stdout.write(
                msg(
                    "validate_ok",
                    measures=len(ds.measures),
                    units=len(ds.units),
                    groups=len(ds.groups),
                    pilots=len(ds.pilots),
                )
                + "\n"
            )
    raise typer.Exit(EXIT_FINDINGS if problems else EXIT_OK)


@app.command()
def measures(
    area: Annotated[int | None, typer.Option("--area", min=1, max=8, help="方面编号 1—8。")] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="单位或单位组。")] = None,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """列出措施，可按方面或责任单位筛选。"""
    with handled():
        _, ds = _dataset(data)
        ref = resolve(ds, unit, units_only=False) if unit else None
        chosen = select_measures(ds, area=area, unit=ref)
        if fmt is Format.json:
            write_json({"measures": [measure_record(ds, m) for m in chosen]}, sys.stdout)
            return
        rows = measure_rows(ds, chosen, full=fmt is not Format.table)
        title = msg("title_measures", n=len(chosen))
        emit(fmt.value, title, MEASURE_COLUMNS, rows, sys.stdout, _width())


@app.command()
def measure(
    number: Annotated[int, typer.Argument(help="措施编号 1—69。")],
    source: Annotated[bool, typer.Option("--source", help="同时打印原文段落。")] = False,
    data: DataOpt = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="输出格式。")] = (
        ViewFormat.table
    ),
) -> None:
    """显示一项措施：内容、责任单位（标出牵头单位）、时间节点及其原文依据。"""
    with handled():
        root, ds = _dataset(data)
        found = ds.measures.get(number)
        if found is None:
            raise FzzfError(msg("no_such_measure", n=number), EXIT_USAGE)
        paragraph = measure_paragraph(root.path, number) if source else None
        if source and paragraph is None:
            raise FzzfError(msg("source_not_found", n=number), EXIT_FINDINGS)
        if fmt is ViewFormat.json:
            record = measure_record(ds, found)
            if source:
                record["source"] = paragraph
            write_json(record, sys.stdout)
            return
        sys.stdout.write(measure_detail(ds, found))
        if paragraph is not None:
            sys.stdout.write(f"\n{msg('measure_source')}：\n{paragraph}\n")


@app.command()
def units(data: DataOpt = None, fmt: FormatOpt = Format.table) -> None:
    """列出单位和单位组（组列出成员；“有关”类组成员待指定）。"""
    with handled():
        _, ds = _dataset(data)
        if fmt is Format.json:
            write_json({"units": unit_records(ds)}, sys.stdout)
            return
        units_, groups_ = unit_rows(ds), group_rows(ds)
        if fmt is Format.csv:
            columns = [*UNIT_COLUMNS, GROUP_COLUMNS[-1]]
            emit("csv", "", columns, units_ + groups_, sys.stdout, None)
            return
        width = _width()
        emit(fmt.value, msg("title_units", n=len(units_)), UNIT_COLUMNS, units_, sys.stdout, width)
        sys.stdout.write("\n")
        title = msg("title_groups", n=len(groups_))
        emit(fmt.value, title, GROUP_COLUMNS, groups_, sys.stdout, width)
        sys.stdout.write(("\n" if fmt is Format.md else "") + group_notes(ds))


@app.command()
def pilots(data: DataOpt = None, fmt: FormatOpt = Format.table) -> None:
    """列出八个试点：试点地区、试点单位、方案报送期限和完成期限。"""
    with handled():
        _, ds = _dataset(data)
        if fmt is Format.json:
            write_json({"pilots": [pilot_record(ds, p) for p in ds.pilots_file.pilots]}, sys.stdout)
            return
        title = msg("title_pilots", n=len(ds.pilots))
        emit(fmt.value, title, PILOT_COLUMNS, pilot_rows(ds), sys.stdout, _width())


def _width() -> int | None:
    """Wrap tables to the terminal; never wrap what goes to a pipe or a file."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def _as_of(value: str | None) -> date:
    """``--as-of``, else ``FZZF_AS_OF``, else today: the only place fzzf reads the clock."""
    if value is not None:
        return _parse_as_of(value, "--as-of")
    env = os.environ.get("FZZF_AS_OF")
    if env:
        return _parse_as_of(env, "FZZF_AS_OF")
    return date.today()


def _parse_as_of(value: str, source: str) -> date:
    try:
        return parse_date(value, source)
    except FzzfError:
        raise FzzfError(msg("bad_as_of", value=value, source=source), EXIT_USAGE) from None


def _until(value: str | None) -> date | None:
    return parse_date(value, "--until") if value is not None else None


@app.command()
def due(
    year: YearOpt = None,
    quarter: Annotated[str | None, typer.Option("--quarter", help="某季度，如 2017Q2。")] = None,
    month: Annotated[str | None, typer.Option("--month", help="某月，如 2017-06。")] = None,
    start: Annotated[str | None, typer.Option("--from", help="自某日起（含）。")] = None,
    end: Annotated[str | None, typer.Option("--to", help="至某日止（含）。")] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="只看某单位或单位组。")] = None,
    measure: Annotated[int | None, typer.Option("--measure", min=1, max=69)] = None,
    kind: KindOpt = None,
    lead: Annotated[bool, typer.Option("--lead", help="只看该单位牵头的。")] = False,
    expand: Annotated[bool, typer.Option("--expand", help="每个承担单位一行。")] = False,
    by: Annotated[
        By, typer.Option("--by", help="按事项（thing）或按单位（unit）列出。")
    ] = By.thing,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """什么到期了：默认列出截至今天（--as-of）以后到期的事项，每项一行，注明牵头单位和承担单位数。"""
    with handled():
        today = _as_of(as_of)
        window = window_for(year, quarter, month, start, end)
        horizon = _until(until)
        _, ds = _dataset(data)
        ref = resolve(ds, unit, units_only=False) if unit else None
        everything = derive(ds, horizon)
        chosen_window = window or Window(today, None)
        selected = select(
            everything, chosen_window, ref, measure, kind.value if kind else None, lead
        )
        label = _range_label(window, today)
        if not selected:
            last = last_deadline(everything)
            if window is None and last is not None and last.due < today:
                final = things(ds, [o for o in everything if o.due == last.due])
                text = msg("nothing_left", as_of=today, last=last.due, n=len(final))
            else:
                text = msg("nothing_due", as_of=today, range=label)
            if fmt in (Format.json, Format.csv):
                write_due(ds, [], today, fmt.value, False, "", sys.stdout)
            sys.stderr.write(text + "\n")
            return
        expanded = expand or ref is not None or by is By.unit
        heading = msg("due_heading", as_of=today, range=label)
        write_due(ds, selected, today, fmt.value, expanded, heading, sys.stdout, _width())


def _range_label(window: Window | None, today: date) -> str:
    if window is None:
        return msg("range_default", start=today)
    if window.start and window.end:
        whole_year = (window.start.month, window.start.day, window.end.month, window.end.day)
        if whole_year == (1, 1, 12, 31) and window.start.year == window.end.year:
            return msg("range_year", year=window.start.year)
        return msg("range_window", start=window.start, end=window.end)
    if window.start:
        return msg("range_from", start=window.start)
    return msg("range_until", end=window.end)


@app.command()
def owes(
    unit: Annotated[str, typer.Argument(help="单位：标识、名称、全称、别称或简称，如 德庆。")],
    year: YearOpt = None,
    kind: KindOpt = None,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """某单位应承担的全部事项：牵头、配合、经由单位组、试点、半年报送，按年列出并注明缘由。"""
    with handled():
        today = _as_of(as_of)
        window = window_for(year=year)
        _, ds = _dataset(data)
        ref = resolve(ds, unit, units_only=False)
        selected = select(
            derive(ds, _until(until)), window, ref, None, kind.value if kind else None
        )
        if not selected and fmt not in (Format.json, Format.csv):
            sys.stdout.write(msg("owes_nothing", unit=ds.name_of(ref), id=ref) + "\n")
            return
        write_owes(ds, ref, selected, today, fmt.value, sys.stdout, _width())


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"fzzf {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本。")
    ] = False,
) -> None:
    """肇府办函〔2016〕48号落实情况跟踪工具。"""


def main() -> None:
    """Console entry point: usage errors exit 2, our own bugs exit 3 without a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write(msg("interrupted") + "\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:
        sys.stderr.write(
            msg("internal_error", version=__version__, kind=type(error).__name__) + "\n"
        )
        sys.exit(EXIT_INTERNAL)
