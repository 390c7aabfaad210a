"""What a unit's own report and a 督办通知 say, as plain data for the templates.

The unit report: what the unit owes, what it delivered and when (with its evidence),
what is late, what comes next. The notice (三(三) 限期整改): what is overdue, with the
plan's words, and a deadline to catch up.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.derive.status import CLAIMED, DONE, LATE, Assessed
from fzzf_cli.derive.tracking import unit_lines
from fzzf_cli.model.documents import DocumentSettings
from fzzf_cli.model.filings import PilotFile, Report
from fzzf_cli.present.days import weekday_date
from fzzf_cli.present.report import HORIZON_DAYS, iso_day, item_view, plan_info, upcoming
from fzzf_cli.present.report_pilots import long_day
from fzzf_cli.present.report_rules import light_counts
from fzzf_cli.text import join, long_date, long_period, msg
from fzzf_cli.text.periods import period_label
from fzzf_cli.vocab import Filing, Kind

if TYPE_CHECKING:
    from fzzf_cli.model.changes import RoundFile
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.validate.subs_load import Submissions


def unit_context(
    ds: Dataset,
    assessed: list[Assessed],
    subs: Submissions,
    unit: str,
    as_of: date,
    period: str | None,
) -> dict[str, Any]:
    """Everything a unit's own report shows: owed, delivered, late, next."""
    mine = [a for a in assessed if a.obligation.unit_id == unit]
    things = {a.obligation.thing: a for a in mine}
    delivered = sorted((a for a in mine if a.status in DONE), key=lambda a: a.done or date.min)
    filed = []
    for f in subs.all():
        record = f.record
        if getattr(record, "unit", None) != unit or (f.filed is not None and f.filed > as_of):
            continue  # someone else's, or not yet filed on the day asked about
        kind = f.kind if isinstance(f.kind, Filing) else f"pilot_{f.kind}"
        filed.append(
            {
                "path": f.path,
                "counted": iso_day(f.filed),
                "counted_text": long_day(f.filed),
                "proof": f.proof.commit[:10] if f.proof else "",
                "kind": kind,
                "kind_label": msg(f"filed_{kind}"),
                "period": getattr(record, "period", None),
                "period_label": period_label(getattr(record, "period", None) or ""),
                "pilot": getattr(record, "pilot", None),
                "submitted": iso_day(record.submitted),
                "submitted_text": long_day(record.submitted),
                "draft": record.submitted is None,
                "evidence": _evidence(record, things),
            }
        )
    filed.sort(key=lambda f: (f["submitted"] or "9999", f["path"]))
    line = next((u for u in unit_lines(ds, assessed, as_of) if u["unit_id"] == unit), None)
    late = [item_view(a) for a in mine if a.status in LATE]
    return {
        "plan": plan_info(ds, as_of, period),
        "unit": {
            "id": unit,
            "name": ds.name_of(unit),
            "full_name": getattr(ds.units.get(unit), "full_name", None) or ds.name_of(unit),
        },
        "summary": line,
        "owed": [item_view(a) for a in mine],
        "delivered": [item_view(a) for a in delivered],
        "claimed": [item_view(a) for a in mine if a.status in CLAIMED],
        "late": late,
        "quotes": plan_quotes(late),
        "lights": light_counts(mine),
        "next": upcoming(assessed, as_of, unit),
        "filed": filed,
        "horizon_days": HORIZON_DAYS,
    }


def plan_quotes(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The plan's words behind ``items``, each quote once, with the references that cite
    it; each item gets the number of its quote (``quote_no``)."""
    quotes: dict[str, dict[str, Any]] = {}
    for item in items:
        if not item["quote"]:
            continue
        entry = quotes.setdefault(item["quote"], {"n": len(quotes) + 1, "text": item["quote"],
                                                  "refs": []})  # fmt: skip
        if item["ref"] and item["ref"] not in entry["refs"]:
            entry["refs"].append(item["ref"])
        item["quote_no"] = entry["n"]
    return list(quotes.values())


def _item_name(thing: str, things: dict[str, Assessed]) -> str:
    """What a report's item id stands for, in the words a reader knows (措施 1), not the id."""
    found = things.get(thing)
    if found is None:
        return msg("evidence_other")
    o = found.obligation
    return msg("evidence_item", ref=item_view(found)["ref"] or msg(f"okind_{o.kind}"),
               due=long_date(o.due))  # fmt: skip


def _evidence(
    record: Report | PilotFile | RoundFile, things: dict[str, Assessed]
) -> list[dict[str, str]]:
    found = []
    if isinstance(record, Report):
        for item in record.items:
            name = _item_name(item.id.removesuffix(f".{record.unit}"), things)
            for e in item.evidence:
                found.append({"item": name, "text": e.text or "", "link": e.link or ""})
            if item.note:
                found.append({"item": name, "text": item.note, "link": ""})
        for p in record.pilots:
            if p.progress:
                found.append({"item": msg("ref_pilot", n=p.pilot), "text": p.progress, "link": ""})
        if record.note:
            found.append({"item": "", "text": record.note, "link": ""})
    else:
        for field in ("goals", "tasks", "schedule", "responsible", "safeguards", "summary"):
            value = getattr(record, field, None)  # a round's filing has a summary only
            if value:
                found.append({"item": msg(f"pilot_field_{field}"), "text": value, "link": ""})
        for e in record.evidence:
            found.append({"item": "", "text": e.text or "", "link": e.link or ""})
    return found


def notice_context(
    ds: Dataset,
    assessed: list[Assessed],
    unit: str,
    as_of: date,
    deadline: date,
    settings: DocumentSettings | None = None,
) -> dict[str, Any]:
    """The 督办通知 to one unit (三(三) 限期整改): what is overdue, the plan's words, a
    deadline (with its weekday; the caller counts calendar or working days); signed by the
    sender ``settings`` name (else the coordinator's full name).

    Written for officials: dates in words (2017年7月15日), periods as 2017年上半年, no
    internal ids or commands; each distinct quote of the plan is given once, with the items
    it applies to (a unit missing three reports is reminded of the reporting rule once)."""
    settings = settings or DocumentSettings()
    late = [
        _late_view(ds, a) for a in assessed if a.obligation.unit_id == unit and a.status in LATE
    ]
    quotes: list[dict[str, Any]] = []
    by_text: dict[str, dict[str, Any]] = {}
    for n, item in enumerate(late, 1):
        item["n"] = n
        quote = by_text.get(item["quote"])
        if quote is None:
            quote = {"n": len(quotes) + 1, "quote": item["quote"], "refs": [], "items": []}
            by_text[item["quote"]] = quote
            quotes.append(quote)
        if item["ref"] and item["ref"] not in quote["refs"]:
            quote["refs"].append(item["ref"])
        quote["items"].append(n)
        item["quote_n"] = quote["n"]
        item["quote_first"] = quote["items"][0] == n
        item["quote_same_as"] = quote["items"][0]
    for quote in quotes:
        quote["ref"] = join(quote["refs"])
        quote["items_text"] = join(quote["items"])
    unit_record = ds.units.get(unit)
    return {
        "plan": plan_info(ds, as_of, None),
        "unit": {
            "id": unit,
            "name": ds.name_of(unit),
            "addressee": (
                unit_record.full_name if unit_record and unit_record.full_name else ds.name_of(unit)
            ),
        },
        **sender_view(ds, settings),
        "title": msg("notice_doc_title", plan=ds.measures_file.plan.title),
        "number": "",
        "late": late,
        "quotes": quotes,
        "deadline": deadline.isoformat(),
        "deadline_text": weekday_date(deadline),
        "date_text": long_date(as_of),
        "within": (deadline - as_of).days,
        "reporting_quote": ds.measures_file.reporting.quote,
    }


def sender_view(ds: Dataset, settings: DocumentSettings) -> dict[str, Any]:
    """Who signs a document (data/documents.yaml, else the coordinator's full name)."""
    sender = settings.sender or _full_name(ds, ds.measures_file.plan.coordinator)
    return {
        "sender": sender,
        "letterhead": settings.letterhead or sender,
        "copy_to": list(settings.copy_to),
        "printed_by": settings.printed_by or sender,
        "contact": settings.contact or "",
        "phone": settings.phone or "",
    }


def _full_name(ds: Dataset, uid: str) -> str:
    record = ds.units.get(uid)
    return record.full_name if record and record.full_name else ds.name_of(uid)


def _late_view(ds: Dataset, a: Assessed) -> dict[str, Any]:
    """An overdue item as an official reads it: the day in words, the period in words."""
    view = item_view(a)
    o = a.obligation
    if o.kind == Kind.REPORT and o.period:
        to = ds.name_of(ds.measures_file.reporting.to)
        view["title"] = msg("notice_report_item", period=long_period(o.period), to=to)
    view["due_text"] = long_date(o.due)
    view["deadline_text"] = long_date(a.deadline) if a.deadline else ""
    return view
