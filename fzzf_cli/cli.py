"""The ``fzzf`` command line: the only module that reads argv, the environment and the clock,
and the only one that turns results into exit codes. Each command converts its options,
calls one function, prints, and exits."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli import __version__
from fzzf_cli.dataset import Dataset
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, FzzfError
from fzzf_cli.load import DataRoot, find_root, load_dataset
from fzzf_cli.messages import msg
from fzzf_cli.names import resolve
from fzzf_cli.output.jsonout import write_json
from fzzf_cli.output.tables import (
    console_for,
    measure_detail,
    measures_table,
    pilots_table,
    print_problems,
    units_table,
)
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
    ds, problems = load_dataset(root.path)
    if ds is None:
        print_problems(problems, sys.stderr)
        raise FzzfError(msg("data_invalid"), EXIT_FINDINGS)
    if problems:
        sys.stderr.write(msg("validate_failed", n=len(problems)) + msg("data_invalid") + "\n")
    return root, ds


# --- commands ---------------------------------------------------------------------------


@app.command()
def validate(data: DataOpt = None, fmt: FormatOpt = Format.table) -> None:
    """检查数据：YAML 语法、字段、单位引用、期限。有问题时退出码为 1。"""
    with handled():
        root = _root(data)
        ds, problems = load_dataset(root.path)
        if fmt is Format.json:
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
        else:
            measures_table(ds, chosen, console_for(sys.stdout))


@app.command()
def measure(
    number: Annotated[int, typer.Argument(help="措施编号 1—69。")],
    source: Annotated[bool, typer.Option("--source", help="同时打印原文段落。")] = False,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
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
        if fmt is Format.json:
            record = measure_record(ds, found)
            if source:
                record["source"] = paragraph
            write_json(record, sys.stdout)
            return
        console = console_for(sys.stdout)
        measure_detail(ds, found, console)
        if paragraph is not None:
            console.print()
            console.print(msg("measure_source") + "：")
            console.print(paragraph, markup=False)


@app.command()
def units(data: DataOpt = None, fmt: FormatOpt = Format.table) -> None:
    """列出单位和单位组（组列出成员；“有关”类组成员待指定）。"""
    with handled():
        _, ds = _dataset(data)
        if fmt is Format.json:
            write_json({"units": unit_records(ds)}, sys.stdout)
        else:
            units_table(ds, console_for(sys.stdout))


@app.command()
def pilots(data: DataOpt = None, fmt: FormatOpt = Format.table) -> None:
    """列出八个试点：试点地区、试点单位、方案报送期限和完成期限。"""
    with handled():
        _, ds = _dataset(data)
        if fmt is Format.json:
            write_json({"pilots": [pilot_record(ds, p) for p in ds.pilots_file.pilots]}, sys.stdout)
        else:
            pilots_table(ds, console_for(sys.stdout))


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
