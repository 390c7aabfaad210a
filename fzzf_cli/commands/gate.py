"""The CI gate: ``fzzf check``. Exit 1 while the data is invalid or a required document
(a half-year report, a pilot plan or completion report) is missing past its due date plus
the grace days; 0 otherwise; 2 on bad usage.

``--changed-since REV`` judges a pull request on its own change: validity is checked
for everything, the submission gate only for the units whose files the change touches.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fzzf_cli import cache
from fzzf_cli.app import AsOfOpt, DataOpt, FzzfCommand, app, as_of_date, data_root, handled
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FzzfError
from fzzf_cli.load import load_dataset
from fzzf_cli.messages import msg

if TYPE_CHECKING:
    pass


class CheckFormat(StrEnum):
    plain = "plain"
    github = "github"
    junit = "junit"


@app.command(cls=FzzfCommand)
def check(
    as_of: AsOfOpt = None,
    grace: Annotated[int, typer.Option("--grace", min=0, max=365, help="期限后宽限几天。")] = 0,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="plain、github（注释）或 junit（XML）。")
    ] = CheckFormat.plain,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="junit 格式写入此文件（默认标准输出）。")
    ] = None,
    changed_since: Annotated[
        str | None,
        typer.Option("--changed-since", help="只对相对于该 git 版本改动了报送文件的单位把关。"),
    ] = None,
    data: DataOpt = None,
) -> None:
    """CI 把关：数据无效，或应报材料（半年报送、试点方案、试点完成报告）逾期未报，则退出码为 1。"""
    from fzzf_cli import gate

    with handled():
        if output is not None and fmt is not CheckFormat.junit:
            raise FzzfError(msg("gate_output_junit_only"), EXIT_USAGE)
        today = as_of_date(as_of)
        root = data_root(data)
        scope = gate.changed_units(root.path, changed_since) if changed_since else None
        ds, problems = load_dataset(root.path, cache.default_dir(os.environ))
        outcome = gate.judge(root.path, ds, problems, today, grace, scope)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        gate.emit(fmt.value, outcome, output, summary_file)
    raise typer.Exit(EXIT_FINDINGS if outcome.findings else EXIT_OK)
