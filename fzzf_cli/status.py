"""Where each obligation stands on a given day, from what the units filed by then.

Only files whose ``submitted`` date is on or before the as-of day count (a draft never
does), so asking about 2017-07-15 shows what the coordinator could know that day.

- A report (三(二)) is ``on_time`` when filed by its due date, ``late`` when filed after,
  ``missing`` when not filed and past due.
- A pilot plan or completion is done when its pilot file is filed, or when a report
  says ``done`` with a date.
- A milestone is done when the unit's latest filed report that mentions it says
  ``done`` with a date: ``done_on_time`` or ``done_late`` against the due date.
- Anything not done is ``not_yet_due``, ``due_soon`` (within ``soon`` days) or
  ``overdue``. An open group without members is ``unassigned``.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from fzzf_cli.obligations import Obligation
from fzzf_cli.subs_load import Submissions
from fzzf_cli.subs_model import Item, PilotFile, Report

DONE = ("done_on_time", "done_late", "on_time", "late")
LATE = ("overdue", "missing")
# The obligations whose missing document fails the CI gate: things units must file.
FILED_KINDS = ("report", "pilot_plan", "pilot_done")


class Assessed(NamedTuple):
    obligation: Obligation
    status: str
    done: date | None  # when it was done or filed
    progress: str | None  # the latest reported status: not_started / in_progress / done
    source: str | None  # the file that says so
    days_overdue: int


class _Index(NamedTuple):
    reports: dict[tuple[str, str], tuple[str, Report]]
    pilot_files: dict[tuple[str, int, str], tuple[str, PilotFile]]
    items: dict[tuple[str, str], list[tuple[date, str, Item]]]


def _index(subs: Submissions, as_of: date) -> _Index:
    reports: dict[tuple[str, str], tuple[str, Report]] = {}
    items: dict[tuple[str, str], list[tuple[date, str, Item]]] = {}
    for filed in subs.reports:
        report = filed.record
        assert isinstance(report, Report)
        if report.submitted is None or report.submitted > as_of:
            continue
        reports[(report.unit, report.period)] = (filed.path, report)
        for item in report.items:
            thing = item.id.removesuffix(f".{report.unit}")
            items.setdefault((report.unit, thing), []).append((report.submitted, filed.path, item))
    pilots: dict[tuple[str, int, str], tuple[str, PilotFile]] = {}
    for filed in subs.pilot_files:
        record = filed.record
        assert isinstance(record, PilotFile)
        if record.submitted is not None and record.submitted <= as_of:
            pilots[(record.unit, record.pilot, record.kind)] = (filed.path, record)
    for entries in items.values():
        entries.sort(key=lambda entry: (entry[0], entry[1]))
    return _Index(reports, pilots, items)


def _pending(o: Obligation, as_of: date, soon: int, progress: str | None, source: str | None):
    if o.due >= as_of:
        status = "due_soon" if (o.due - as_of).days <= soon else "not_yet_due"
        return Assessed(o, status, None, progress, source, 0)
    late = "missing" if o.kind == "report" else "overdue"
    return Assessed(o, late, None, progress, source, (as_of - o.due).days)


def _finished(o: Obligation, day: date, progress: str | None, source: str | None) -> Assessed:
    if o.kind == "report":
        return Assessed(o, "on_time" if day <= o.due else "late", day, progress, source, 0)
    return Assessed(o, "done_on_time" if day <= o.due else "done_late", day, progress, source, 0)


def assess(
    obligations: list[Obligation], subs: Submissions, as_of: date, soon: int = 14
) -> list[Assessed]:
    """Every obligation with its status on ``as_of``."""
    index = _index(subs, as_of)
    result = []
    for o in obligations:
        if o.role == "open_group":
            result.append(Assessed(o, "unassigned", None, None, None, 0))
            continue
        if o.kind == "report" and o.period is not None:
            found = index.reports.get((o.unit_id, o.period))
            if found is not None and found[1].submitted is not None:
                result.append(_finished(o, found[1].submitted, "done", found[0]))
            else:
                result.append(_pending(o, as_of, soon, None, None))
            continue
        if o.kind in ("pilot_plan", "pilot_done") and o.pilot is not None:
            kind = "plan" if o.kind == "pilot_plan" else "completion"
            pilot_file = index.pilot_files.get((o.unit_id, o.pilot, kind))
            if pilot_file is not None and pilot_file[1].submitted is not None:
                result.append(_finished(o, pilot_file[1].submitted, "done", pilot_file[0]))
                continue
        history = index.items.get((o.unit_id, o.thing), [])
        if history:
            _, source, item = history[-1]
            if item.status == "done" and item.done is not None and item.done <= as_of:
                result.append(_finished(o, item.done, item.status, source))
                continue
            result.append(_pending(o, as_of, soon, item.status, source))
            continue
        result.append(_pending(o, as_of, soon, None, None))
    return result


def gate_failures(assessed: list[Assessed], grace: int = 0) -> list[Assessed]:
    """Required documents not filed more than ``grace`` days after their due date."""
    return [
        a
        for a in assessed
        if a.obligation.kind in FILED_KINDS and a.status in LATE and a.days_overdue > grace
    ]
