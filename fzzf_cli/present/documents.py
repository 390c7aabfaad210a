"""The coordinator's documents as views: which template, filled with what, and the file
name it is written to by default (under ``reports/``). ``fzzf report`` and ``fzzf notice``
render them (render.py) with the data repository's templates or fzzf's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from fzzf_cli.derive.status import LATE, Assessed
from fzzf_cli.errors import EXIT_USAGE, FzzfError, Problem
from fzzf_cli.present.report import overall_context
from fzzf_cli.present.report_rules import Scope, scope_text
from fzzf_cli.present.report_unit import notice_context, unit_context
from fzzf_cli.text import msg
from fzzf_cli.text.periods import period_label

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.model.documents import DocumentSettings
    from fzzf_cli.pipeline import Workspace


class Document(NamedTuple):
    template: str  # e.g. report.html.j2, or notice.docx for a Word document
    context: dict[str, Any]
    name: str  # the default file name, e.g. 2017-H1.html


def report_document(ws: Workspace, scope: Scope, unit: str | None, fmt: str) -> Document:
    """The overall progress report for the scope's period (else as of its day), or one
    unit's; named after the period, else the day."""
    as_of, period = scope.as_of, scope.period.id if scope.period else None
    stem = period or as_of.isoformat()
    if unit is not None and fmt == "docx":
        raise FzzfError(msg("report_docx_overall_only"), EXIT_USAGE)
    if unit is not None:
        context = unit_context(ws.ds, ws.assessed, ws.subs, unit, as_of, period)
        context["plan"]["scope_text"] = scope_text(scope)
        mine = [n for n in ws.flags if Path(n.location.path).stem.lower() == unit]
        context |= {"dates": ws.dating.note, "notes": _notes(ws.ds, mine)}
        return Document(f"unit.{fmt}.j2", context, f"{stem}-{unit}.{fmt}")
    context = overall_context(ws.ds, ws.assessed, ws.subs, scope)
    context |= {"dates": ws.dating.note, "notes": _notes(ws.ds, ws.flags)}
    template = "report.docx" if fmt == "docx" else f"report.{fmt}.j2"
    return Document(template, context, f"{stem}.{fmt}")


def notice_document(
    ws: Workspace,
    as_of: date,
    unit: str,
    deadline: date,
    fmt: str,
    settings: DocumentSettings | None = None,
) -> Document | None:
    """A 督办通知 to ``unit`` listing what it has overdue; None when nothing is."""
    if not any(a.obligation.unit_id == unit and a.status in LATE for a in ws.assessed):
        return None
    context = notice_context(ws.ds, ws.assessed, unit, as_of, deadline, settings)
    template = "notice.docx" if fmt == "docx" else f"notice.{fmt}.j2"
    return Document(template, context, f"notice-{unit}-{as_of.isoformat()}.{fmt}")


def overdue_counts(assessed: list[Assessed]) -> dict[str, int]:
    """How many overdue items each unit has (``notice --all --min-overdue``)."""
    counts: dict[str, int] = {}
    for a in assessed:
        if a.status in LATE:
            counts[a.obligation.unit_id] = counts.get(a.obligation.unit_id, 0) + 1
    return counts


def _notes(ds: Dataset, flags: list[Problem]) -> list[dict[str, str]]:
    """What dating and reviewing found in filed records, for the coordinator's reader:
    whose filing (the unit and the period, not the file's path) and what was found."""
    notes = []
    for f in flags:
        path = Path(f.location.path)
        period = period_label(path.parent.name)
        who = ds.name_of(path.stem.lower()) + (period if period != path.parent.name else "")
        notes.append({"where": str(f.location), "who": who, "message": f.message})
    return notes
