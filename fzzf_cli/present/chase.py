"""The coordinator's views: who is overdue (``fzzf overdue``), how every unit and area
stands (``fzzf status``), and which claims wait for review (``fzzf review``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from fzzf_cli.derive.tracking import (
    area_lines,
    awaiting_review,
    concerns,
    overdue_by_unit,
    unit_lines,
)
from fzzf_cli.present.changes import changes_of, changes_table, marked
from fzzf_cli.present.tracked import (
    AREA_COLUMNS,
    CLAIM_COLUMNS,
    DEBT_COLUMNS,
    ITEM_COLUMNS,
    STATUS_CSV_FIELDS,
    UNIT_STATUS_COLUMNS,
    area_rows,
    assessed_record,
    claim_rows,
    dates_record,
    debt_rows,
    item_rows,
    status_rows,
)
from fzzf_cli.present.view import Table, View, columns
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.derive.status import Assessed
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.validate.filing import Dating


def overdue_view(
    ds: Dataset, assessed: list[Assessed], dating: Dating, as_of: date, ref: str | None
) -> View:
    """Units with overdue items, most first, then every overdue item (``ref``: one unit)."""
    debts = overdue_by_unit(assessed, ref)
    items = [a for d in debts for a in d.items]
    body = {"as_of": as_of.isoformat(), "dates": dates_record(dating),
            "obligations": [assessed_record(a, as_of) for a in items]}  # fmt: skip
    rows = item_rows(items)
    tables = []
    if debts:
        title = msg("overdue_title", as_of=as_of, n=len(debts))
        tables = [Table(title, DEBT_COLUMNS, debt_rows(debts)),
                  Table(msg("overdue_items_title", n=len(items)), ITEM_COLUMNS, rows)]  # fmt: skip
    none = msg("overdue_none", as_of=as_of, who=ds.name_of(ref) if ref else msg("overdue_anyone"))
    sheet = Table("", ITEM_COLUMNS, rows)
    return View(body, tables, sheet, empty=none, footer=f"\n{dating.note}\n")


def status_view(
    ds: Dataset,
    assessed: list[Assessed],
    dating: Dating,
    as_of: date,
    warning: str,
    ref: str | None,
) -> View:
    """Per unit (``ref``: one unit or group): reports on time, done, claimed, overdue,
    lights, next deadline; per area: shares."""
    mine = [a for a in assessed if concerns(a, ref)]
    units, areas = unit_lines(ds, mine, as_of), area_lines(ds, mine, as_of)
    changes = changes_of(ds, units)
    body = {"as_of": as_of.isoformat(), "dates": dates_record(dating),
            "units": units, "areas": areas, "unit_changes": changes}  # fmt: skip
    tables = [
        *changes_table(changes),
        Table(msg("status_units_title", as_of=as_of, n=len(units)), UNIT_STATUS_COLUMNS,
              marked(ds, units, status_rows(units))),
        Table(msg("status_areas_title", as_of=as_of), AREA_COLUMNS, area_rows(areas)),
    ]  # fmt: skip
    # numbers, not "9/20": Excel reads that as a date
    sheet = Table("", columns("scol_", *STATUS_CSV_FIELDS), units)
    rules = f"{msg('status_done_rule')}\n{msg('lights_rule', window=warning)}\n{msg('nil_rule')}"
    return View(body, tables, sheet, footer=f"\n{rules}\n{dating.note}\n")


def review_view(assessed: list[Assessed], dating: Dating, as_of: date, ref: str | None) -> View:
    """Claims awaiting the coordinator's verdict, longest waiting first."""
    rows = claim_rows(awaiting_review(assessed, ref), as_of)
    body = {"as_of": as_of.isoformat(), "dates": dates_record(dating), "claims": rows}
    sheet = Table("", CLAIM_COLUMNS, rows)
    if not rows:
        return View(body, sheet=sheet, empty=msg("review_none", as_of=as_of))
    table = Table(msg("review_list_title", as_of=as_of, n=len(rows)), CLAIM_COLUMNS, rows)
    return View(body, [table], sheet, footer=f"\n{msg('review_next')}\n")
