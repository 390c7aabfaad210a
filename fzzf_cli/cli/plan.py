"""Commands over the plan itself: validate, measures, measure, units, pilots."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from fzzf_cli.cli.app import (
    AsOfOpt,
    DataOpt,
    Format,
    FormatOpt,
    FzzfCommand,
    ViewFormat,
    app,
    as_of_date,
    data_root,
    handled,
    plan_dataset,
    table_width,
)
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FzzfError, Problem
from fzzf_cli.present.jsonout import write_json
from fzzf_cli.present.tables import (
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
from fzzf_cli.present.views import measure_record, pilot_record, select_measures, unit_records
from fzzf_cli.select.names import resolve
from fzzf_cli.text import msg
from fzzf_cli.validate.load import load_dataset
from fzzf_cli.validate.source import measure_paragraph, read_source


@app.command(cls=FzzfCommand)
def validate(
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="输出格式。")] = (
        ViewFormat.table
    ),
) -> None:
    """检查数据（方案、报送、复核）：语法、字段、单位引用、期限、报送日期。有问题时退出码为 1。"""
    with handled():
        from fzzf_cli.cli.state import build_workspace, warn

        root = data_root(data, filings=True)
        ds, problems = load_dataset(root.path)
        filed, dates, notes = 0, "", []
        if ds is not None:
            _, ws = build_workspace(root, ds, as_of_date(as_of))
            problems = sorted([*problems, *ws.problems], key=Problem.sort_key)
            filed, dates, notes = len(ws.subs.all()), ws.dating.note, ws.flags
        if fmt is ViewFormat.json:
            body = {"ok": not problems, "problems": [problem_record(p) for p in problems]}
            write_json({**body, "notes": [problem_record(p) for p in notes]}, sys.stdout)
        else:
            warn([], notes)  # already counted the proven way: said, not failed
            if problems:
                print_problems(problems, sys.stderr)
                sys.stderr.write(msg("validate_failed", n=len(problems)) + "\n")
                if ds is None:
                    sys.stderr.write(msg("validate_more_later") + "\n")
            elif ds is not None:
                counts = dict(units=len(ds.units), groups=len(ds.groups), pilots=len(ds.pilots))
                text = msg("validate_ok", measures=len(ds.measures), **counts)
                text += msg("validate_filed", n=filed) if filed else ""
                sys.stdout.write(text + "\n" + (dates + "\n" if filed else ""))
    raise typer.Exit(EXIT_FINDINGS if problems else EXIT_OK)


def problem_record(problem: Problem) -> dict[str, object]:
    where = problem.location
    return {"code": problem.code, "path": where.path, "line": where.line, "col": where.col,
            "message": problem.message, "hint": problem.hint}  # fmt: skip


@app.command(cls=FzzfCommand)
def measures(
    area: Annotated[int | None, typer.Option("--area", min=1, max=8, help="方面编号 1—8。")] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="单位或单位组。")] = None,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """列出措施，可按方面或责任单位筛选。"""
    with handled():
        _, ds = plan_dataset(data)
        ref = resolve(ds, unit, units_only=False) if unit else None
        chosen = select_measures(ds, area=area, unit=ref)
        if fmt is Format.json:
            write_json({"measures": [measure_record(ds, m) for m in chosen]}, sys.stdout)
            return
        rows = measure_rows(ds, chosen, full=fmt is not Format.table)
        title = msg("title_measures", n=len(chosen))
        emit(fmt.value, title, MEASURE_COLUMNS, rows, sys.stdout, table_width())


@app.command(cls=FzzfCommand)
def measure(
    number: Annotated[int, typer.Argument(help="措施编号（见 fzzf measures）。")],
    source: Annotated[bool, typer.Option("--source", help="同时打印原文段落。")] = False,
    data: DataOpt = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="输出格式。")] = (
        ViewFormat.table
    ),
) -> None:
    """显示一项措施：内容、责任单位（标出牵头单位）、时间节点及其原文依据。"""
    with handled():
        root, ds = plan_dataset(data)
        found = ds.measures.get(number)
        if found is None:
            raise FzzfError(msg("no_such_measure", n=number), EXIT_USAGE)
        paragraph = None
        if source:
            text, problems = read_source(root.path)
            print_problems(problems, sys.stderr)
            paragraph = measure_paragraph(text, number) if text is not None else None
            if paragraph is None:
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


@app.command(cls=FzzfCommand)
def units(data: DataOpt = None, fmt: FormatOpt = Format.table) -> None:
    """列出单位和单位组（组列出成员；“有关”类组成员待指定）。"""
    with handled():
        _, ds = plan_dataset(data)
        if fmt is Format.json:
            write_json({"units": unit_records(ds)}, sys.stdout)
            return
        units_, groups_ = unit_rows(ds), group_rows(ds)
        if fmt is Format.csv:
            columns = [*UNIT_COLUMNS, GROUP_COLUMNS[-1]]
            emit("csv", "", columns, units_ + groups_, sys.stdout, None)
            return
        width = table_width()
        emit(fmt.value, msg("title_units", n=len(units_)), UNIT_COLUMNS, units_, sys.stdout, width)
        sys.stdout.write("\n")
        title = msg("title_groups", n=len(groups_))
        emit(fmt.value, title, GROUP_COLUMNS, groups_, sys.stdout, width)
        sys.stdout.write(("\n" if fmt is Format.md else "") + group_notes(ds))


@app.command(cls=FzzfCommand)
def pilots(data: DataOpt = None, fmt: FormatOpt = Format.table) -> None:
    """列出八个试点：试点地区、试点单位、方案报送期限和完成期限。"""
    with handled():
        _, ds = plan_dataset(data)
        if fmt is Format.json:
            write_json({"pilots": [pilot_record(ds, p) for p in ds.pilots_file.pilots]}, sys.stdout)
            return
        title = msg("title_pilots", n=len(ds.pilots))
        emit(fmt.value, title, PILOT_COLUMNS, pilot_rows(ds), sys.stdout, table_width())
