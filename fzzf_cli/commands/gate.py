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
from fzzf_cli.app import AsOfOpt, DataOpt, app, as_of_date, data_root, handled
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_OK
from fzzf_cli.load import load_dataset
from fzzf_cli.messages import msg
from fzzf_cli.obligations import derive

if TYPE_CHECKING:
    from fzzf_cli.status import Assessed


class CheckFormat(StrEnum):
    plain = "plain"
    github = "github"
    junit = "junit"


@app.command()
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
    from fzzf_cli.status import FILED_KINDS, assess, gate_failures
    from fzzf_cli.subs_load import load_submissions

    with handled():
        today = as_of_date(as_of)
        root = data_root(data)
        scope = gate.changed_units(root.path, changed_since) if changed_since else None
        ds, problems = load_dataset(root.path, cache.default_dir(os.environ))
        failures: list[Assessed] = []
        checked: list[Assessed] = []
        drafts: frozenset[str] = frozenset()
        files = [f"data/{name}.yaml" for name in ("units", "measures", "pilots")]
        if ds is not None:
            obligations = derive(ds)
            subs, sub_problems = load_submissions(root.path, ds, obligations)
            problems = problems + sub_problems
            files += [f.path for f in subs.all()]
            assessed = assess(obligations, subs, today)
            checked = [
                a
                for a in assessed
                if a.obligation.kind in FILED_KINDS
                and a.obligation.due < today
                and (scope is None or a.obligation.unit_id in scope)
            ]
            failures = gate_failures(checked, grace)
            drafts = frozenset(f.path for f in subs.all() if f.record.submitted is None)
        findings = problems + [gate.failure(a, drafts) for a in failures]
        units = sorted({a.obligation.unit_id for a in failures})
        summary = msg(
            "gate_summary",
            as_of=today,
            grace=grace,
            problems=len(problems),
            missing=len(failures),
            units=len(units),
            verdict=msg("gate_fail") if findings else msg("gate_pass"),
        )
        if scope is not None:
            summary += msg("gate_scope", n=len(scope))
        gate.emit(fmt.value, drafts, findings, problems, files, checked, failures, summary, output)
    raise typer.Exit(EXIT_FINDINGS if findings else EXIT_OK)
