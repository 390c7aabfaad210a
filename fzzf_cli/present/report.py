"""What the coordinator's documents say, as plain data for the templates.

Pure functions of (plan, obligations, statuses, submissions, as-of). Templates only lay
this out; every number and every ranking is decided here, where it is tested.

Commended and criticised (三(三) 通报表扬 / 通报批评), by a rule stated in the report:
commended are units that filed every report due, all on time, have nothing overdue, and
whose work due is accepted by 市法制局 (nothing due is only claimed and awaiting review);
criticised are units with a report or pilot document missing, most missing first. Only
accepted work counts as done in the ranking.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fzzf_cli.derive.obligations import Obligation
from fzzf_cli.derive.status import CLAIMED, DONE, FILED_KINDS, LATE, Assessed
from fzzf_cli.derive.tracking import area_lines, overdue_by_unit, unit_lines
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.filings import Report
from fzzf_cli.present.report_pilots import iso_day, pilots_view, targets_view
from fzzf_cli.present.revisions import due_text, revision_fields
from fzzf_cli.present.tracked import label
from fzzf_cli.text import long_date, msg
from fzzf_cli.validate.subs_load import Submissions
from fzzf_cli.vocab import Kind, Ruling, Status

HORIZON_DAYS = 90
LIST_LIMIT = 5


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


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
    }


def headline(assessed: list[Assessed], as_of: date) -> dict[str, int]:
    due = [a for a in assessed if a.obligation.due < as_of and a.status != Status.UNASSIGNED]
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
    }


def ranking(ds: Dataset, assessed: list[Assessed], as_of: date) -> dict[str, Any]:
    """Every unit that owes reports, best first, and the commended and criticised."""
    lines = [u for u in unit_lines(ds, assessed, as_of) if u["reports_due"]]
    missing: dict[str, int] = {}
    for a in assessed:
        if a.obligation.kind in FILED_KINDS and a.status in LATE:
            missing[a.obligation.unit_id] = missing.get(a.obligation.unit_id, 0) + 1
    for line in lines:
        line["missing_documents"] = missing.get(line["unit_id"], 0)
        line["done_share"] = _share(line["done"], line["due"])
    lines.sort(
        key=lambda u: (
            -(u["on_time_rate"] or 0),
            u["missing_documents"],
            u["overdue"],
            -(u["done_share"] or 0),
            u["unit_id"],
        )
    )
    for rank, line in enumerate(lines, 1):
        line["rank"] = rank
    pending = {a.obligation.unit_id for a in assessed if a.status in CLAIMED and a.due < as_of}
    commended = [
        u
        for u in lines
        if u["reports_on_time"] == u["reports_due"]
        and u["overdue"] == 0
        and u["unit_id"] not in pending
    ]
    criticised = sorted(
        (u for u in lines if u["missing_documents"]),
        key=lambda u: (-u["missing_documents"], u["on_time_rate"] or 0, u["unit_id"]),
    )
    return {
        "units": lines,
        "commended": commended,
        "criticised": criticised[:LIST_LIMIT],
        "criticised_total": len(criticised),
    }


def overdue_list(assessed: list[Assessed], unit: str | None = None) -> list[dict[str, Any]]:
    return [
        {
            "unit_id": debt.unit_id,
            "unit": debt.unit,
            "count": len(debt.items),
            "documents": sum(a.obligation.kind in FILED_KINDS for a in debt.items),
            "oldest": iso_day(debt.oldest),
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
        "due_text": due_text(o, a.done),
        **revision_fields(o),
        "kind": o.kind,
        "kind_label": msg(f"okind_{o.kind}"),
        "ref": _ref(o),
        "title": o.title,
        "quote": o.quote,
        "implied": o.implied,
        "status": a.status,
        "status_label": label(a),
        "done": iso_day(a.done),
        "days_overdue": a.days_overdue,
        "unit": o.unit,
        "unit_id": o.unit_id,
        "deadline": iso_day(a.deadline),
        "review_reason": a.review.reason
        if a.review and a.review.verdict == Ruling.RETURNED
        else "",
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
        if not (as_of <= o.due <= until) or a.status in DONE:
            continue
        if unit is not None and unit not in (o.unit_id, o.via):
            continue
        row = rows.setdefault(o.thing, {**item_view(a), "units": []})
        row["units"].append(o.unit)
    return sorted(rows.values(), key=lambda r: (r["due"], r["id"]))


def measures_appendix(ds: Dataset, assessed: list[Assessed], as_of: date) -> list[dict[str, Any]]:
    by_measure: dict[int, list[Assessed]] = {}
    for a in assessed:
        if a.obligation.measure is not None and a.status != Status.UNASSIGNED:
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
        {"unit_id": uid, "unit": ds.name_of(uid), "cells": [cells[uid][p] for p in periods]}
        for uid in ds.units
        if uid in cells
    ]
    return {"periods": periods, "rows": rows}


def overall_context(
    ds: Dataset,
    assessed: list[Assessed],
    subs: Submissions,
    as_of: date,
    period: str | None,
) -> dict[str, Any]:
    """Everything the overall report shows."""
    return {
        "plan": plan_info(ds, as_of, period),
        "headline": headline(assessed, as_of),
        "areas": area_lines(ds, assessed, as_of),
        "ranking": ranking(ds, assessed, as_of),
        "overdue": overdue_list(assessed),
        "upcoming": upcoming(assessed, as_of),
        "pilots": pilots_view(ds, assessed, subs),
        "targets": targets_view(ds, subs),
        "measures": measures_appendix(ds, assessed, as_of),
        "grid": report_grid(ds, assessed, subs),
        "horizon_days": HORIZON_DAYS,
        **changes_context(ds, assessed),
    }


def changes_context(ds: Dataset, assessed: list[Assessed]) -> dict[str, Any]:
    """The extensions granted and the extra rounds called (present/report_changes.py)."""
    from fzzf_cli.present.report_changes import extensions_view, rounds_view

    return {"extensions": extensions_view(assessed), "rounds": rounds_view(ds, assessed)}
