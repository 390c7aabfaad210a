"""Delivery as of a date, for the coordinator: who is overdue, how each unit and area stands.

Pure functions over assessed obligations (see status.py); the commands print them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from fzzf_cli.derive.status import CLAIMED, DONE, EXEMPT, LATE, SETTLED, Assessed
from fzzf_cli.vocab import Kind, Light, Role, Status

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset


class Debt(NamedTuple):
    """One unit's overdue items, worst first."""

    unit_id: str
    unit: str
    items: list[Assessed]

    @property
    def oldest(self) -> date:
        return min(a.obligation.due for a in self.items)

    @property
    def worst_days(self) -> int:
        return max(a.days_overdue for a in self.items)


def overdue_by_unit(assessed: list[Assessed], unit: str | None = None) -> list[Debt]:
    """Units with overdue or missing items: most items first, then the oldest."""
    grouped: dict[str, list[Assessed]] = {}
    for a in assessed:
        if a.status in LATE and concerns(a, unit):
            grouped.setdefault(a.obligation.unit_id, []).append(a)
    debts = [Debt(uid, items[0].obligation.unit, items) for uid, items in grouped.items()]
    debts.sort(key=lambda d: (-len(d.items), d.oldest, d.unit_id))
    return debts


def concerns(a: Assessed, unit: str | None) -> bool:
    """Whether ``unit`` (a unit, or a group: what its members owe through it) owes ``a``;
    everything when ``unit`` is None."""
    return unit is None or unit in (a.obligation.unit_id, a.obligation.via)


def unit_lines(ds: Dataset, assessed: list[Assessed], as_of: date) -> list[dict[str, Any]]:
    """Per unit: reports on time of those due; done (accepted by the coordinator, or a
    document filed), claimed and awaiting review, overdue; how many items have each light;
    the next deadline."""
    rows: dict[str, dict[str, Any]] = {}
    for a in assessed:
        o = a.obligation
        if o.role == Role.OPEN_GROUP:
            continue
        row = rows.setdefault(
            o.unit_id,
            {"unit_id": o.unit_id, "unit": o.unit, "reports_due": 0, "reports_on_time": 0,
             "done": 0, "claimed": 0, "due": 0, "overdue": 0, "next_due": None,
             "next_title": None, **dict.fromkeys(Light, 0), "not_applicable": 0},
        )  # fmt: skip
        if a.light is not None:
            row[a.light] += 1
        if o.kind == Kind.REPORT and o.due < as_of:
            row["reports_due"] += 1
            row["reports_on_time"] += a.status == Status.ON_TIME
        if o.due < as_of and a.status not in EXEMPT:  # 不适用(已确认): not owed, not due
            row["due"] += 1
        row["not_applicable"] += a.status in EXEMPT
        row["done"] += a.status in DONE
        row["claimed"] += a.status in CLAIMED
        row["overdue"] += a.status in LATE
        upcoming = a.due >= as_of and a.status not in SETTLED
        if upcoming and (row["next_due"] is None or a.due.isoformat() < row["next_due"]):
            row["next_due"], row["next_title"] = a.due.isoformat(), o.title
    order = {uid: i for i, uid in enumerate(ds.units)}
    result = sorted(rows.values(), key=lambda r: order.get(r["unit_id"], len(order)))
    for row in result:
        row["on_time_rate"] = (
            round(row["reports_on_time"] / row["reports_due"], 3) if row["reports_due"] else None
        )
    return result


def area_lines(ds: Dataset, assessed: list[Assessed], as_of: date) -> list[dict[str, Any]]:
    """Per area of the plan (with the numeral the source gives it): obligations, those
    due, done, share done of those due."""
    rows: dict[int, dict[str, Any]] = {
        area.id: {
            "area": area.id,
            "numeral": ds.numeral(area.id),
            "title": area.title,
            "total": 0,
            "due": 0,
            "done": 0,
            "claimed": 0,
            "not_applicable": 0,
        }
        for area in ds.measures_file.areas
    }
    for a in assessed:
        o = a.obligation
        if o.measure is None or o.measure not in ds.measures or o.role == Role.OPEN_GROUP:
            continue
        row = rows[ds.measures[o.measure].area]
        if a.status in EXEMPT:  # 不适用(已确认): counted apart, out of the shares
            row["not_applicable"] += 1
            continue
        row["total"] += 1
        row["due"] += o.due < as_of
        row["done"] += a.status in DONE
        row["claimed"] += a.status in CLAIMED
    for row in rows.values():
        row["share_done"] = round(row["done"] / row["due"], 3) if row["due"] else None
        row["share_done_all"] = round(row["done"] / row["total"], 3) if row["total"] else None
    return list(rows.values())


class Claim(NamedTuple):
    """A claim awaiting review, with the day the filing that first made it counts from."""

    assessed: Assessed
    filed: date


def awaiting_review(assessed: list[Assessed], unit: str | None = None) -> list[Claim]:
    """Claimed items the coordinator has not yet accepted or returned, waiting longest first."""
    claims = [
        Claim(a, a.since or a.done or date.min)
        for a in assessed
        if a.status in CLAIMED and concerns(a, unit)
    ]
    claims.sort(key=lambda c: (c.filed, c.assessed.obligation.unit_id, c.assessed.obligation.id))
    return claims
