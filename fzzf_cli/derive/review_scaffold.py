"""A ready-to-fill review file: what ``fzzf new review PERIOD`` writes for 市法制局.

Every claim awaiting review on the as-of day, oldest first, with what the unit said
(the item, the date it says it was done, its evidence and where it is filed), each with
``verdict: pending`` to turn into ``accepted`` (销号) or ``returned`` (退回).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.derive.tracking import awaiting_review
from fzzf_cli.model.filings import Report
from fzzf_cli.read.yamlio import dump_yaml
from fzzf_cli.text import msg
from fzzf_cli.vocab import Ruling

if TYPE_CHECKING:
    from fzzf_cli.derive.status import Assessed
    from fzzf_cli.pipeline import Workspace


def review_data(
    ws: Workspace, assessed: list[Assessed], period: str, as_of: date
) -> dict[str, Any]:
    records = {f.path: f.record for f in ws.subs.progress()}
    verdicts = []
    for claim in awaiting_review(assessed):
        a, o = claim.assessed, claim.assessed.obligation
        entry: dict[str, Any] = {
            "unit": o.unit_id,
            "item": o.thing,
            "title": f"{o.due} {o.unit} {o.title}",
            "claimed": a.done.isoformat() if a.done else None,
            "source": a.source,
        }
        record = records.get(a.source or "")
        if isinstance(record, Report):
            item = next(
                (i for i in record.items if i.id.removesuffix(f".{o.unit_id}") == o.thing), None
            )
            if item is not None and item.evidence:
                entry["evidence"] = [e.model_dump(exclude_none=True) for e in item.evidence]
            if item is not None and item.status == "not_applicable":
                entry["not_applicable"] = item.reason  # what the unit claims: 不适用, and why
        entry["verdict"] = Ruling.PENDING
        verdicts.append(entry)
    return {"period": period, "reviewed": as_of.isoformat(), "verdicts": verdicts}


def review_text(ws: Workspace, assessed: list[Assessed], period: str, as_of: date) -> str:
    data = review_data(ws, assessed, period, as_of)
    header = msg("new_review_header", period=period, as_of=as_of, n=len(data["verdicts"]))
    if not data["verdicts"]:
        header += "\n" + msg("new_review_empty", as_of=as_of)
    if any("not_applicable" in v for v in data["verdicts"]):
        header += "\n" + msg("new_review_na_help")
    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return lines + "\n" + dump_yaml(data)
