"""What ``fzzf validate`` says: every problem (``path:line:col: message``) on stderr and
a count, or what was checked; as JSON, the problems and notes with their codes."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.present.jsonout import write_json
from fzzf_cli.present.tables import print_problems
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.errors import Problem
    from fzzf_cli.model.dataset import Dataset


class Validation(NamedTuple):
    ds: Dataset | None  # None: the plan itself is invalid (filings not read yet)
    problems: list[Problem]
    notes: list[Problem]  # filings counted on another date or content than they say
    filed: int  # valid filings read
    dates: str  # how their dates were established


def problem_record(problem: Problem) -> dict[str, object]:
    where = problem.location
    return {"code": problem.code, "path": where.path, "line": where.line, "col": where.col,
            "message": problem.message, "hint": problem.hint}  # fmt: skip


def write_validation(result: Validation, fmt: str) -> None:
    if fmt == "json":
        body = {"ok": not result.problems, "problems": [problem_record(p) for p in result.problems]}
        write_json({**body, "notes": [problem_record(p) for p in result.notes]}, sys.stdout)
        return
    if result.notes:  # already counted the proven way: said, not failed
        print_problems(result.notes, sys.stderr)
        sys.stderr.write(msg("flags_note", n=len(result.notes)) + "\n")
    ds = result.ds
    if result.problems:
        print_problems(result.problems, sys.stderr)
        sys.stderr.write(msg("validate_failed", n=len(result.problems)) + "\n")
        if ds is None:
            sys.stderr.write(msg("validate_more_later") + "\n")
    elif ds is not None:
        counts = dict(units=len(ds.units), groups=len(ds.groups), pilots=len(ds.pilots))
        text = msg("validate_ok", measures=len(ds.measures), **counts)
        if result.filed:
            filed = msg("validate_filed", n=result.filed)
            text = msg("sentences", first=text, second=filed) + "\n" + result.dates
        sys.stdout.write(text + "\n")
