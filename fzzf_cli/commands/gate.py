"""The CI gate: ``fzzf check``. Exit 1 while the data is invalid or a required document
(a half-year report, a pilot plan or completion report) is missing past its due date plus
the grace days; 0 otherwise; 2 on bad usage.

``--changed-since REV`` judges a pull request on its own change: validity is checked
for everything, the submission gate only for the units whose files the change touches.
"""

from __future__ import annotations

import os
import subprocess
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli import cache
from fzzf_cli.app import AsOfOpt, DataOpt, app, as_of_date, data_root, handled
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FzzfError, Location, Problem
from fzzf_cli.load import load_dataset
from fzzf_cli.messages import msg
from fzzf_cli.obligations import derive
from fzzf_cli.output.ci import JUnitCase, github, junit_xml, plain, step_summary
from fzzf_cli.status import FILED_KINDS, Assessed, assess, gate_failures
from fzzf_cli.subs_load import SUBMISSIONS, load_submissions, pilot_path, submission_path
from fzzf_cli.writefile import write_replace


class CheckFormat(StrEnum):
    plain = "plain"
    github = "github"
    junit = "junit"


def _expected_path(a: Assessed) -> str:
    o = a.obligation
    if o.kind == "report" and o.period:
        return submission_path(o.unit_id, o.period)
    kind = "plan" if o.kind == "pilot_plan" else "completion"
    return pilot_path(o.unit_id, o.pilot or 0, kind)


def _failure(a: Assessed, drafts: frozenset[str] = frozenset()) -> Problem:
    o = a.obligation
    text = msg("gate_missing", unit=o.unit, title=o.title, due=o.due, days=a.days_overdue)
    if _expected_path(a) in drafts:
        return Problem(Location(_expected_path(a)), text, msg("gate_hint_draft"))
    if o.kind == "report":
        command = f"fzzf new report {o.unit_id} {o.period} --date YYYY-MM-DD"
    else:
        kind = "pilot-plan" if o.kind == "pilot_plan" else "pilot-report"
        command = f"fzzf new {kind} {o.pilot} {o.unit_id} --date YYYY-MM-DD"
    return Problem(Location(_expected_path(a)), text, msg("gate_hint", command=command))


def changed_units(root: Path, rev: str) -> set[str]:
    """Units whose submission files differ from ``rev`` (committed, staged or new)."""
    commands = (
        ["git", "diff", "--name-only", rev, "--", SUBMISSIONS.as_posix()],
        ["git", "ls-files", "--others", "--exclude-standard", "--", SUBMISSIONS.as_posix()],
    )
    names: list[str] = []
    for command in commands:
        try:
            done = subprocess.run(
                command, cwd=root, capture_output=True, text=True, timeout=60, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise FzzfError(msg("gate_git_failed", reason=str(error)), EXIT_USAGE) from None
        if done.returncode != 0:
            reason = done.stderr.strip().splitlines()[0] if done.stderr.strip() else rev
            raise FzzfError(msg("gate_git_failed", reason=reason), EXIT_USAGE)
        names += done.stdout.splitlines()
    return {Path(name).stem.lower() for name in names if name.endswith((".yaml", ".yml"))}


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
    with handled():
        today = as_of_date(as_of)
        root = data_root(data)
        scope = changed_units(root.path, changed_since) if changed_since else None
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
        findings = problems + [_failure(a, drafts) for a in failures]
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
        _emit(fmt, drafts, findings, problems, files, checked, failures, summary, output)
    raise typer.Exit(EXIT_FINDINGS if findings else EXIT_OK)


def _emit(
    fmt: CheckFormat,
    drafts: frozenset[str],
    findings: list[Problem],
    problems: list[Problem],
    files: list[str],
    checked: list[Assessed],
    failures: list[Assessed],
    summary: str,
    output: Path | None,
) -> None:
    if fmt is CheckFormat.junit:
        xml = junit_xml(_cases(problems, files, checked, failures, drafts))
        if output is not None:
            write_replace(output, xml)
        else:
            sys.stdout.write(xml)
        sys.stderr.write(summary + "\n")
        return
    sys.stdout.write(plain(findings))
    if fmt is CheckFormat.github:
        sys.stdout.write(github(findings))
        target = os.environ.get("GITHUB_STEP_SUMMARY")
        if target:
            rows = [
                {
                    "unit": f"{a.obligation.unit}（{a.obligation.unit_id}）",
                    "title": a.obligation.title,
                    "due": a.obligation.due.isoformat(),
                    "days": a.days_overdue,
                }
                for a in failures
            ]
            columns = [(k, msg(f"gate_col_{k}")) for k in ("unit", "title", "due", "days")]
            with open(target, "a", encoding="utf-8") as handle:  # GitHub's documented way
                handle.write(step_summary(summary, findings, columns, rows))
    sys.stdout.write(summary + "\n")


def _cases(
    problems: list[Problem],
    files: list[str],
    checked: list[Assessed],
    failures: list[Assessed],
    drafts: frozenset[str],
) -> list[JUnitCase]:
    suite = msg("gate_suite_data")
    cases = [JUnitCase(suite, str(p.location), p) for p in problems]
    faulty = {p.location.path for p in problems}
    cases += [JUnitCase(suite, path, None) for path in files if path not in faulty]
    failing = {id(a) for a in failures}
    suite = msg("gate_suite_filed")
    for a in checked:
        o = a.obligation
        name = f"{o.unit}（{o.unit_id}） {o.title}"
        cases.append(JUnitCase(suite, name, _failure(a, drafts) if id(a) in failing else None))
    return cases
