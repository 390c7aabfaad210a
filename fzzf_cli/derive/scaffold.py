"""Ready-to-edit submission files: what ``fzzf new report`` and ``fzzf new pilot-plan`` write.

A new report lists every obligation the unit owes up to the end of the period, each
with its title and a status to fill, plus anything the unit reported on before. What the
unit said in its latest earlier report (status, date done, evidence, pilot progress) is
carried forward, so a report is an update, not a blank form. The text is checked to
load back to exactly these values before it is written.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.derive.nil_returns import carried_forward
from fzzf_cli.derive.status import FILED_KINDS
from fzzf_cli.model.filings import Item, PilotProgress, Report
from fzzf_cli.read.yamlio import dump_yaml
from fzzf_cli.text import msg
from fzzf_cli.vocab import Filing, PilotDoc

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.validate.subs_load import Submissions


def _earlier(subs: Submissions, unit: str, before: str) -> list[Report]:
    """The unit's filed reports (or records) of periods before ``before``, oldest first."""
    found = [
        f.record
        for f in subs.progress()
        if isinstance(f.record, Report) and f.filed is not None
        and f.record.unit == unit and f.record.period < before
    ]  # fmt: skip
    return sorted(found, key=lambda r: r.period)


def _latest_items(subs: Submissions, unit: str, before: str) -> dict[str, Item]:
    """The unit's latest filed word on each thing, from reports of earlier periods."""
    latest: dict[str, Item] = {}
    for report in _earlier(subs, unit, before):
        for item in report.items:
            latest[item.id.removesuffix(f".{unit}")] = item
    return latest


def _latest_pilots(subs: Submissions, unit: str, before: str) -> dict[int, PilotProgress]:
    latest: dict[int, PilotProgress] = {}
    for report in _earlier(subs, unit, before):
        for entry in report.pilots:
            latest[entry.pilot] = entry
    return latest


def report_data(
    ds: Dataset,
    obligations: list[Obligation],
    subs: Submissions,
    unit: str,
    period: str,
    submitted: date | None,
    everything: bool = False,
    returned: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The values of a new report for ``unit`` and ``period``. A thing the coordinator
    returned (退回) starts again as in progress: carrying "done" forward would claim it
    again without anything having been redone."""
    end = next(p.due for p in ds.measures_file.reporting.periods if p.id == period)
    carried = _latest_items(subs, unit, period)
    items: list[dict[str, Any]] = []
    for o in obligations:
        later = o.due > end and not everything and o.thing not in carried
        # Reports are the file itself; pilot documents are files of their own (their
        # progress goes under ``pilots:``), so neither is an item to fill in.
        if o.unit_id != unit or o.kind in FILED_KINDS or later:
            continue
        before = carried.get(o.thing)
        if before is not None and o.thing in returned and before.status == "done":
            before = before.model_copy(update={"status": "in_progress", "done": None})
        before = carried_forward(before, o.thing in returned)
        item: dict[str, Any] = {"id": o.thing, "title": f"{o.due} {o.title}"}
        item["status"] = before.status if before else "not_started"
        if before is not None and before.done is not None:
            item["done"] = before.done.isoformat()
        if before is not None and before.evidence:
            item["evidence"] = [e.model_dump(exclude_none=True) for e in before.evidence]
        if before is not None and before.note:
            item["note"] = before.note
        if before is not None and before.reason:
            item["reason"] = before.reason
        items.append(item)
    progress = _latest_pilots(subs, unit, period)
    pilots = []
    for pilot in ds.pilots_file.pilots:
        if unit in (*pilot.areas, *pilot.units):
            entry: dict[str, Any] = {"pilot": pilot.id, "status": "not_started"}
            if pilot.id in progress:
                entry = progress[pilot.id].model_dump(exclude_none=True)
            pilots.append(entry)
    data: dict[str, Any] = {
        "unit": unit,
        "period": period,
        "submitted": submitted.isoformat() if submitted else None,
        "items": items,
    }
    if pilots:
        data["pilots"] = pilots
    return data


def report_text(ds: Dataset, data: dict[str, Any], kind: Filing = Filing.REPORT) -> str:
    """The file: a header explaining what to fill, then the values."""
    unit, period = data["unit"], data["period"]
    header = msg(f"new_{kind}_header", unit=ds.name_of(unit), period=period)
    header += "\n" + msg("new_report_nil_help")
    if data["submitted"] is None:
        header += "\n" + msg("new_report_draft")
    return _commented(header) + dump_yaml(data)


def pilot_data(
    ds: Dataset, unit: str, pilot: int, kind: PilotDoc, submitted: date | None
) -> dict[str, Any]:
    """A new pilot plan (目标、任务、进度安排、责任主体、保障机制) or completion report."""
    data: dict[str, Any] = {
        "unit": unit,
        "pilot": pilot,
        "kind": kind,
        "submitted": submitted.isoformat() if submitted else None,
    }
    fields = ("goals", "tasks", "schedule", "responsible", "safeguards")
    for field in fields if kind == PilotDoc.PLAN else ("summary",):
        data[field] = msg(f"new_pilot_{field}")
    return data


def pilot_text(ds: Dataset, data: dict[str, Any]) -> str:
    pilot = ds.pilots[data["pilot"]]
    key = f"new_pilot_{PilotDoc(data['kind']).step}_header"
    header = msg(key, unit=ds.name_of(data["unit"]), pilot=pilot.id, title=pilot.title)
    if data["submitted"] is None:
        header += "\n" + msg("new_report_draft")
    return _commented(header) + dump_yaml(data)


def _commented(text: str) -> str:
    return "".join(f"# {line}\n" if line else "#\n" for line in text.splitlines()) + "\n"
