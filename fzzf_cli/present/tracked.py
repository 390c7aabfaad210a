"""Rows for ``fzzf overdue`` and ``fzzf status``: what the coordinator reads."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.derive.status import FILED_KINDS, Assessed
from fzzf_cli.present.duelist import kind_label, record, source_label
from fzzf_cli.present.revisions import due_text
from fzzf_cli.text import msg
from fzzf_cli.validate.reviews import CLAIMABLE
from fzzf_cli.vocab import Light, Ruling, Status

if TYPE_CHECKING:
    from fzzf_cli.derive.tracking import Claim, Debt
    from fzzf_cli.present.cells import Column
    from fzzf_cli.validate.filing import Dating


def _columns(*keys: str) -> list[Column]:
    return [(key, msg(f"tcol_{key}")) for key in keys]


DEBT_COLUMNS = _columns("unit", "count", "oldest", "days")
ITEM_COLUMNS = _columns("unit", "due", "kind", "ref", "title", "status", "light", "days")
UNIT_STATUS_COLUMNS = _columns(
    "unit", "on_time", "done", "claimed", "overdue", "lights", "next_due"
)
STATUS_CSV_FIELDS = (
    "unit_id", "unit", "reports_due", "reports_on_time", "on_time_rate", "due", "done",
    "claimed", "overdue", "red", "yellow", "blue", "green", "next_due", "next_title",
    "not_applicable",
)  # fmt: skip
CLAIM_COLUMNS = _columns(
    "unit", "ref", "title", "due", "claimed_done", "filed", "waiting", "source"
)
AREA_COLUMNS = _columns("area", "total", "area_due", "area_done", "share")


def status_label(status: Status, kind: str = "", returned: bool = False) -> str:
    """A status in words; a document not filed in time is 逾期未报, as ``fzzf check`` says;
    an item the coordinator accepted is 已销号, one returned and not redone is 退回后逾期."""
    if status == Status.OVERDUE and kind in FILED_KINDS:
        return msg("status_overdue_filing")
    if status == Status.OVERDUE and returned:
        return msg("status_overdue_returned")
    if status in (Status.DONE_ON_TIME, Status.DONE_LATE) and kind in CLAIMABLE:
        return msg(f"status_accepted_{status}")
    return msg(f"status_{status}")


def label(a: Assessed) -> str:
    """The status of one assessed obligation in words, with a return's new deadline."""
    returned = a.review is not None and a.review.verdict == Ruling.RETURNED
    text = status_label(a.status, a.obligation.kind, returned)
    if (
        returned
        and a.deadline is not None
        and a.status in (Status.RETURNED, Status.OVERDUE, Status.DUE_SOON)
    ):
        text += msg("status_deadline", deadline=a.deadline)
    if a.progress == "nil" and a.status in (Status.DUE_SOON, Status.OVERDUE):
        text += msg("status_nil_aside")  # the unit's 本期无进展 does not excuse the deadline
    return text


def light_label(light: Light | None) -> str:
    """A light in words: 红, 黄, 蓝, 绿; — for none."""
    return msg(f"light_{light}") if light is not None else msg("light_none")


def dates_record(dating: Dating) -> dict[str, str]:
    """How the filing dates were established, for JSON."""
    return {"basis": dating.basis, "note": dating.note}


def assessed_record(a: Assessed, as_of: date) -> dict[str, Any]:
    """The JSON record of an obligation with its status and the coordinator's verdict."""
    review = a.review
    return {
        **record(a.obligation, as_of),
        "status": a.status,
        "status_label": label(a),
        "light": a.light,
        "days_overdue": a.days_overdue,
        "done": a.done.isoformat() if a.done else None,
        "due_revised": a.deadline.isoformat() if a.deadline else None,
        "review": None
        if review is None
        else {
            "verdict": review.verdict,
            "date": review.day.isoformat(),
            "reason": review.reason,
            "deadline": review.deadline.isoformat() if review.deadline else None,
            "file": review.path,
        },
        "source": a.source,
        "progress": a.progress,  # the unit's latest word: not_started … done, nil, not_applicable
        "reason": a.reason,  # why, for a nil return or 不适用
    }


def claim_rows(claims: list[Claim], as_of: date) -> list[dict[str, Any]]:
    """Claims awaiting review: who, what, claimed done when, filed when, waiting how long."""
    rows = []
    for claim in claims:
        a, o = claim.assessed, claim.assessed.obligation
        rows.append(
            {
                "unit_id": o.unit_id,
                "unit": o.unit,
                "id": o.id,
                "thing": o.thing,
                "ref": source_label(o.measure, o.pilot),
                "title": o.title,
                "due": a.due.isoformat(),
                "claimed_done": a.done.isoformat() if a.done else _not_applicable(a),
                "filed": claim.filed.isoformat(),
                "waiting": (as_of - claim.filed).days,
                "source": a.source or "",
                "claim": a.progress or "",  # done, or not_applicable (不适用)
                "reason": a.reason or "",
            }
        )
    return rows


def _not_applicable(a: Assessed) -> str:
    return msg("aside", text=msg("claim_not_applicable"), aside=a.reason or "")


def debt_rows(debts: list[Debt]) -> list[dict[str, Any]]:
    return [
        {
            "unit": msg("named", name=d.unit, id=d.unit_id),
            "count": len(d.items),
            "oldest": d.oldest.isoformat(),
            "days": d.worst_days,
        }
        for d in debts
    ]


def item_rows(items: list[Assessed]) -> list[dict[str, Any]]:
    return [
        {
            "unit": a.obligation.unit,
            "due": due_text(a.obligation, a.done),
            "kind": kind_label(a.obligation.kind),
            "ref": source_label(a.obligation.measure, a.obligation.pilot),
            "title": a.obligation.title,
            "status": label(a),
            "light": light_label(a.light),
            "days": a.days_overdue,
        }
        for a in items
    ]


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def _rate(unit: dict[str, Any]) -> str:
    shares = f"{unit['reports_on_time']}/{unit['reports_due']}"
    return msg("aside", text=_percent(unit["on_time_rate"]), aside=shares)


def status_rows(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "unit": u["unit"],
            "on_time": _rate(u),
            "done": f"{u['done']}/{u['due']}"
            + (msg("status_na_count", n=u["not_applicable"]) if u.get("not_applicable") else ""),
            "claimed": u["claimed"],
            "overdue": u["overdue"],
            "lights": msg("lights_counts", **{str(light): u[light] for light in Light}),
            "next_due": f"{u['next_due']} {u['next_title']}" if u["next_due"] else "—",
        }
        for u in units
    ]


def area_rows(areas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "area": msg("area_label", numeral=a["numeral"], title=a["title"]),
            "total": a["total"],
            "area_due": a["due"],
            "area_done": a["done"],
            "share": _percent(a["share_done"]),
        }
        for a in areas
    ]
