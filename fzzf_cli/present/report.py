"""What the coordinator's documents say, as plain data for the templates.

Pure functions of (plan, obligations, statuses, submissions, as-of). Templates only lay
this out; every number and every ranking is decided here, where it is tested.

The rules it applies and prints (measures' states, ranking, commendation) are in
report_rules.py. Dates are printed in words (2017年7月15日), periods too (2017年上半年):
the readers are officials, not the data's authors.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from fzzf_cli.derive.status import CLAIMED, DONE, EXEMPT, FILED_KINDS, LATE, Assessed
from fzzf_cli.derive.tracking import area_lines, overdue_by_unit
from fzzf_cli.model.filings import Report
from fzzf_cli.present.report_pilots import iso_day, long_day, pilots_view, targets_view
from fzzf_cli.present.report_rules import (
    MEASURE_STATES,
    Scope,
    light_counts,
    measure_headline,
    measure_states,
    ranking,
    scope_text,
)
from fzzf_cli.present.revisions import due_text, revision_fields
from fzzf_cli.present.tracked import label, light_label
from fzzf_cli.select.succession import notes
from fzzf_cli.text import long_date, msg
from fzzf_cli.text.periods import period_label, periods_in_words
from fzzf_cli.vocab import SOON, Kind, Ruling, Status

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.validate.subs_load import Submissions

HORIZON_DAYS = 90


def plan_info(ds: Dataset, as_of: date, period: str | None) -> dict[str, Any]:
    plan = ds.measures_file.plan
    return {
        "title": plan.title,
        "document_number": plan.document_number,
        "date": iso_day(plan.date),
        "issued_by": ds.name_of(plan.issued_by),
        "coordinator": ds.name_of(plan.coordinator),
        "coordinator_alias": next(iter(getattr(ds.units.get(plan.coordinator), "aliases", [])), ""),
        "leading_group": ds.name_of(plan.leading_group),
        "as_of": as_of.isoformat(),
        "as_of_text": long_date(as_of),
        "period": period,
        "period_label": period_label(period) if period else "",
    }


def headline(assessed: list[Assessed], as_of: date) -> dict[str, Any]:
    """The unit duties (单位-事项): due, done, claimed, returned, overdue; the half-year
    reports; how many have each light; 不适用(已确认) counted apart."""
    out = (Status.UNASSIGNED, *EXEMPT)  # nobody named yet; 不适用(已确认), counted apart
    due = [a for a in assessed if a.obligation.due < as_of and a.status not in out]
    reports = [a for a in due if a.obligation.kind == Kind.REPORT]
    return {
        "due": len(due),
        "done": sum(a.status in DONE for a in due),
        "claimed": sum(a.status in CLAIMED for a in due),
        "returned": sum(a.review is not None and a.review.verdict == Ruling.RETURNED for a in due),
        "overdue": sum(a.status in LATE for a in due),
        "reports_due": len(reports),
        "reports_on_time": sum(a.status == Status.ON_TIME for a in reports),
        "reports_late": sum(a.status == Status.LATE for a in reports),
        "reports_missing": sum(a.status == Status.MISSING for a in reports),
        "unassigned": sum(a.status == Status.UNASSIGNED for a in assessed),
        "not_applicable": sum(a.status in EXEMPT for a in assessed),
        "lights": light_counts(assessed),
        "lights_rule": msg("lights_rule", window=msg("window_days", days=SOON)),
        "rule": msg("rule_items"),
    }


def overdue_list(assessed: list[Assessed], unit: str | None = None) -> list[dict[str, Any]]:
    return [
        {
            "unit_id": debt.unit_id,
            "unit": debt.unit,
            "count": len(debt.items),
            "documents": sum(a.obligation.kind in FILED_KINDS for a in debt.items),
            "oldest": iso_day(debt.oldest),
            "oldest_text": long_date(debt.oldest),
            "worst_days": debt.worst_days,
            "entries": [item_view(a) for a in debt.items],
        }
        for debt in overdue_by_unit(assessed, unit)
    ]


def item_view(a: Assessed) -> dict[str, Any]:
    o = a.obligation
    return {
        "id": o.id,
        "due": iso_day(o.due),
        "due_text": long_date(o.due),
        "dates": due_text(o, a.done),  # with the extensions granted (延期), if any
        "extended": due_text(o) if o.revisions else "",
        **revision_fields(o),
        "kind": o.kind,
        "kind_label": msg(f"okind_{o.kind}"),
        "ref": _ref(o),
        "title": periods_in_words(o.title),
        "quote": o.quote,
        "implied": o.implied,
        "status": a.status,
        "status_label": label(a),
        "done": iso_day(a.done),
        "done_text": long_day(a.done),
        "light": a.light or "",
        "light_label": light_label(a.light),
        "days_overdue": a.days_overdue,
        "unit": o.unit,
        "unit_id": o.unit_id,
        "deadline": iso_day(a.deadline),
        "deadline_text": long_day(a.deadline),
        "review_reason": a.review.reason
        if a.review and a.review.verdict == Ruling.RETURNED
        else "",
        "reason": a.reason or "",  # the unit's, for 本期无进展 or 不适用
    }


def _ref(o: Obligation) -> str:
    if o.pilot is not None:
        return msg("ref_pilot", n=o.pilot)
    if o.measure is not None:
        return msg("ref_measure", n=o.measure)
    return ""


def upcoming(
    assessed: list[Assessed], as_of: date, unit: str | None = None
) -> list[dict[str, Any]]:
    """Things due in the next 90 days and not done, one row per thing with its units."""
    until = as_of + timedelta(days=HORIZON_DAYS)
    rows: dict[str, dict[str, Any]] = {}
    for a in assessed:
        o = a.obligation
        if not (as_of <= o.due <= until) or a.status in (*DONE, *EXEMPT):
            continue
        if unit is not None and unit not in (o.unit_id, o.via):
            continue
        row = rows.setdefault(o.thing, {**item_view(a), "units": []})
        row["units"].append(o.unit)
    return sorted(rows.values(), key=lambda r: (r["due"], r["id"]))


def measures_appendix(
    ds: Dataset, assessed: list[Assessed], as_of: date, states: dict[int, str] | None = None
) -> list[dict[str, Any]]:
    """Each measure: its lead, its duties (due, done, overdue) and its state."""
    states = states if states is not None else measure_states(ds, assessed)
    by_measure: dict[int, list[Assessed]] = {}
    for a in assessed:
        if a.obligation.measure is not None and a.status not in (Status.UNASSIGNED, *EXEMPT):
            by_measure.setdefault(a.obligation.measure, []).append(a)
    rows = []
    for measure in ds.measures_file.measures:
        owed = by_measure.get(measure.id, [])
        due = [a for a in owed if a.obligation.due < as_of]
        lead = ds.lead(measure)
        text = measure.text if len(measure.text) <= 40 else measure.text[:39] + "…"
        rows.append(
            {
                "id": measure.id,
                "area": ds.numeral(measure.area),
                "summary": text,
                "lead": ds.name_of(lead) if lead else "—",
                "total": len(owed),
                "due": len(due),
                "done": sum(a.status in DONE for a in owed),
                "overdue": sum(a.status in LATE for a in owed),
                "state": states[measure.id],
                "state_label": msg(f"measure_{states[measure.id]}"),
            }
        )
    return rows


def report_grid(ds: Dataset, assessed: list[Assessed], subs: Submissions) -> dict[str, Any]:
    """The unit × half-year grid of report status (drafts shown as such)."""
    periods = [p.id for p in ds.measures_file.reporting.periods]
    drafts = {
        (f.record.unit, f.record.period)
        for f in subs.reports
        if isinstance(f.record, Report) and f.record.submitted is None
    }
    cells: dict[str, dict[str, str]] = {}
    for a in assessed:
        o = a.obligation
        if o.kind == Kind.REPORT and o.period:
            status: str = a.status
            if (
                status in (Status.MISSING, Status.NOT_YET_DUE, Status.DUE_SOON)
                and (o.unit_id, o.period) in drafts
            ):
                status = "draft" if status != Status.MISSING else "missing_draft"
            cells.setdefault(o.unit_id, {})[o.period] = status
    rows = [
        {
            "unit_id": uid,
            "unit": ds.name_of(uid),
            "cells": [cells[uid].get(p, Status.UNASSIGNED) for p in periods],
        }
        for uid in ds.units
        if uid in cells
    ]
    return {"periods": periods, "labels": [period_label(p) for p in periods], "rows": rows}


def overall_context(
    ds: Dataset, assessed: list[Assessed], subs: Submissions, scope: Scope
) -> dict[str, Any]:
    """Everything the overall report shows, measures first, then the unit duties."""
    as_of = scope.as_of
    states = measure_states(ds, assessed)
    areas = area_lines(ds, assessed, as_of)
    for area in areas:
        mine = [states[m.id] for m in ds.measures_file.measures if m.area == area["area"]]
        area["measures"] = {state: mine.count(state) for state in MEASURE_STATES}
    plan = plan_info(ds, as_of, scope.period.id if scope.period else None)
    return {
        "plan": plan | {"scope_text": scope_text(scope)},
        "measures_headline": measure_headline(ds, states),
        "headline": headline(assessed, as_of),
        "areas": areas,
        "ranking": ranking(ds, assessed, as_of, scope.window),
        "overdue": overdue_list(assessed),
        "upcoming": upcoming(assessed, as_of),
        "pilots": pilots_view(ds, assessed, subs, as_of),
        "targets": targets_view(ds, subs, as_of),
        "measures": measures_appendix(ds, assessed, as_of, states),
        "grid": report_grid(ds, assessed, subs),
        "horizon_days": HORIZON_DAYS,
        **changes_context(ds, assessed),
        "unit_changes": notes(ds),
    }


def changes_context(ds: Dataset, assessed: list[Assessed]) -> dict[str, Any]:
    """The extensions granted and the extra rounds called (present/report_changes.py)."""
    from fzzf_cli.present.report_changes import extensions_view, rounds_view

    return {"extensions": extensions_view(assessed), "rounds": rounds_view(ds, assessed)}
