"""What the overall report says of the pilots (八、62–69) and of the plan's quantitative
targets (measures 7 and 48), as plain data for the templates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.model.filings import Report
from fzzf_cli.text import long_date, msg
from fzzf_cli.text.periods import period_label

if TYPE_CHECKING:
    from fzzf_cli.derive.status import Assessed
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.validate.subs_load import Submissions


def iso_day(value: date | None) -> str:
    """A date as documents print it; nothing for none."""
    return value.isoformat() if value else ""


def long_day(value: date | None) -> str:
    """A date in words (2017年7月15日); nothing for none."""
    return long_date(value) if value else ""


def _counted(subs: Submissions, as_of: date) -> list[Report]:
    """The reports that count by ``as_of`` (drafts and later filings aside), oldest first."""
    filed = [f for f in subs.reports if f.filed is not None and f.filed <= as_of]
    filed.sort(key=lambda f: f.filed or date.min)
    return [f.record for f in filed if isinstance(f.record, Report) and f.record.submitted]


def pilots_view(
    ds: Dataset, assessed: list[Assessed], subs: Submissions, as_of: date
) -> list[dict[str, Any]]:
    """Each pilot: per area and unit, its plan and completion status and latest progress
    (from the reports counted by ``as_of``)."""
    progress: dict[tuple[str, int], tuple[str, str | None]] = {}
    for report in _counted(subs, as_of):
        for entry in report.pilots:
            progress[(report.unit, entry.pilot)] = (entry.status, entry.progress)
    states = {a.obligation.id: a for a in assessed}
    result = []
    for pilot in ds.pilots_file.pilots:
        members = []
        for uid in [*pilot.areas, *pilot.units]:
            plan = states[f"p{pilot.id}-plan.{uid}"]
            done = states[f"p{pilot.id}-done.{uid}"]
            status, text = progress.get((uid, pilot.id), (None, None))
            members.append(
                {
                    "unit_id": uid,
                    "unit": ds.name_of(uid),
                    "area": uid in pilot.areas,
                    "plan": plan.status,
                    "plan_label": msg(f"status_{plan.status}"),
                    "plan_done": iso_day(plan.done),
                    "plan_done_text": long_day(plan.done),
                    "plan_light": plan.light or "",
                    "completion_light": done.light or "",
                    "completion": done.status,
                    "completion_label": msg(f"status_{done.status}"),
                    "progress": status,
                    "progress_label": msg(f"progress_{status}") if status else "",
                    "progress_text": text or "",
                }
            )
        result.append(
            {
                "id": pilot.id,
                "title": pilot.title,
                "members": members,
                "plan_due": iso_day(ds.pilots_file.rules.plan_due),
                "complete_by": iso_day(done.obligation.due),
                "plan_due_text": long_date(ds.pilots_file.rules.plan_due),
                "complete_by_text": long_date(done.obligation.due),
            }
        )
    return result


def targets_view(ds: Dataset, subs: Submissions, as_of: date) -> list[dict[str, Any]]:
    """Each quantitative target with the figures units reported by ``as_of``, latest first."""
    figures: dict[str, list[dict[str, Any]]] = {}
    for report in _counted(subs, as_of):
        for figure in report.figures:
            figures.setdefault(figure.metric, []).append(
                {
                    "unit": ds.name_of(report.unit),
                    "period": report.period,
                    "period_label": period_label(report.period),
                    "value": figure.value,
                    "note": figure.note or "",
                }
            )
    period_due = {p.id: p.due for p in ds.measures_file.reporting.periods}
    rows = []
    for measure in ds.measures_file.measures:
        for t in measure.targets:
            reported = sorted(figures.get(t.metric, []), key=lambda f: f["period"], reverse=True)
            latest = reported[0] if reported else None
            # Judge "by 2016-12-31" on the figure of the last period ending by then.
            in_time = [f for f in reported if period_due.get(f["period"], t.by) <= t.by]
            judged = in_time[0] if in_time else latest
            met = None
            if judged is not None and t.comparison == "at_least" and t.value is not None:
                met = judged["value"] >= t.value
            rows.append(
                {
                    "measure": measure.id,
                    "metric": t.metric,
                    "name": t.name,
                    "comparison": t.comparison,
                    "value": t.value,
                    "baseline_year": t.baseline_year,
                    "unit": "%" if t.unit == "percent" else "",
                    "by": iso_day(t.by),
                    "by_text": long_date(t.by),
                    "quote": t.quote,
                    "reported": reported,
                    "latest": latest,
                    "judged": judged,
                    "met": met,
                }
            )
    return rows
