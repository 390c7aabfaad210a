"""Rows for ``fzzf overdue`` and ``fzzf status``: what the coordinator reads."""

from __future__ import annotations

from typing import Any

from fzzf_cli.messages import msg
from fzzf_cli.output.duelist import kind_label, source_label
from fzzf_cli.output.formats import Column
from fzzf_cli.status import FILED_KINDS, Assessed
from fzzf_cli.tracking import Debt


def _columns(*keys: str) -> list[Column]:
    return [(key, msg(f"tcol_{key}")) for key in keys]


DEBT_COLUMNS = _columns("unit", "count", "oldest", "days")
ITEM_COLUMNS = _columns("unit", "due", "kind", "ref", "title", "status", "days")
UNIT_STATUS_COLUMNS = _columns("unit", "on_time", "done", "overdue", "next_due")
STATUS_CSV_FIELDS = (
    "unit_id", "unit", "reports_due", "reports_on_time", "on_time_rate", "due", "done",
    "overdue", "next_due", "next_title",
)  # fmt: skip
AREA_COLUMNS = _columns("area", "total", "area_due", "area_done", "share")


def status_label(status: str, kind: str = "") -> str:
    """A status in words; a document not filed in time is 逾期未报, as ``fzzf check`` says."""
    if status == "overdue" and kind in FILED_KINDS:
        return msg("status_overdue_filing")
    return msg(f"status_{status}")


def debt_rows(debts: list[Debt]) -> list[dict[str, Any]]:
    return [
        {
            "unit": f"{d.unit}（{d.unit_id}）",
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
            "due": a.obligation.due.isoformat(),
            "kind": kind_label(a.obligation.kind),
            "ref": source_label(a.obligation.measure, a.obligation.pilot),
            "title": a.obligation.title,
            "status": status_label(a.status, a.obligation.kind),
            "days": a.days_overdue,
        }
        for a in items
    ]


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def _rate(unit: dict[str, Any]) -> str:
    return f"{_percent(unit['on_time_rate'])}（{unit['reports_on_time']}/{unit['reports_due']}）"


def status_rows(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "unit": u["unit"],
            "on_time": _rate(u),
            "done": f"{u['done']}/{u['due']}",
            "overdue": u["overdue"],
            "next_due": f"{u['next_due']} {u['next_title']}" if u["next_due"] else "—",
        }
        for u in units
    ]


def area_rows(areas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "area": f"（{'一二三四五六七八'[a['area'] - 1]}）{a['title']}",
            "total": a["total"],
            "area_due": a["due"],
            "area_done": a["done"],
            "share": _percent(a["share_done"]),
        }
        for a in areas
    ]
