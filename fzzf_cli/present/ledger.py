"""The 台账: the office's register of the plan in one workbook (``fzzf ledger``).

Sheet 台账 holds every obligation — unit, measure, kind, the item and the plan's own
words, deadline, status, 三色预警 light (painted), days overdue, done on, the file that
says so; 逾期 the overdue ones, unit by unit as ``fzzf overdue`` orders them; 各单位 the
lines of ``fzzf status`` with the count of each light; 各方面 the plan's areas. Each sheet
has a title and the as-of day above a frozen, filtered heading row, and prints on A4
landscape, fitted to the page's width, the heading row on every page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from fzzf_cli.derive.tracking import area_lines, overdue_by_unit, unit_lines
from fzzf_cli.present.duelist import kind_label
from fzzf_cli.present.sheets import (
    LIGHT_FILLS,
    PERCENT_FORMAT,
    new_workbook,
    print_setup,
    put,
    saved,
    sheet_name,
    write_table,
)
from fzzf_cli.present.tracked import label, light_label
from fzzf_cli.present.view import columns
from fzzf_cli.text import long_date, msg
from fzzf_cli.vocab import Light

if TYPE_CHECKING:
    from fzzf_cli.derive.status import Assessed
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.pipeline import Workspace
    from fzzf_cli.present.cells import Column

Row = dict[str, Any]
TOP = 3  # the heading row: a title and the as-of line above it
# Long text wraps within these widths (a CJK character counts two), so that the table
# fits A4 landscape at a readable size.
WRAP = {"unit": 14, "title": 28, "quote": 36, "status": 12, "source": 18, "id": 16, "area": 40}


def ledger_workbook(ws: Workspace, as_of: date, warning: str) -> bytes:
    """The ledger of ``ws`` on ``as_of``; ``warning`` is the yellow light's window as
    asked (14 天, 10 个工作日)."""
    ds, assessed = ws.ds, ws.assessed
    book = new_workbook()
    rule = msg("lights_rule", window=warning)
    about = msg("ledger_as_of", day=long_date(as_of), n=len(assessed), rule=rule)
    every = book.active
    assert every is not None
    every.title = sheet_name(msg("ledger_sheet_all"))
    _sheet(every, msg("ledger_title"), about, OBLIGATION_COLUMNS, obligation_rows(assessed))
    late = [a for debt in overdue_by_unit(assessed) for a in debt.items]
    title = msg("ledger_overdue_title", n=len(late))
    overdue = book.create_sheet(sheet_name(msg("ledger_sheet_overdue")))
    _sheet(overdue, title, about, OBLIGATION_COLUMNS, obligation_rows(late))
    units = book.create_sheet(sheet_name(msg("ledger_sheet_units")))
    lines = unit_lines(ds, assessed, as_of)
    _sheet(units, msg("ledger_units_title"), about, UNIT_COLUMNS, lines)
    for i, (key, _) in enumerate(UNIT_COLUMNS, 1):  # each light's count under its colour
        if key in set(Light):
            fill = LIGHT_FILLS[Light(key)]
            units.cell(row=TOP, column=i).fill = PatternFill("solid", start_color=fill)
    areas = book.create_sheet(sheet_name(msg("ledger_sheet_areas")))
    _sheet(areas, msg("ledger_areas_title"), about, AREA_COLUMNS, area_rows(ds, assessed, as_of))
    return saved(book)


OBLIGATION_COLUMNS = columns(
    "lcol_", "no", "unit", "ref", "kind", "title", "quote", "due", "status", "light", "days",
    "done", "source", "id", "reason",
)  # fmt: skip
UNIT_COLUMNS: list[Column] = columns(
    "scol_", "unit", "reports_due", "reports_on_time", "on_time_rate", "due", "done",
    "claimed", "overdue", "red", "yellow", "blue", "green", "next_due", "next_title",
    "not_applicable",
)  # fmt: skip
AREA_COLUMNS = columns("lcol_", "area", "total", "area_due", "area_done", "claimed", "share")
PERCENTS = frozenset({"on_time_rate", "share"})


def obligation_rows(assessed: Sequence[Assessed]) -> list[Row]:
    """A row per obligation: raw values (numbers, dates), the status and light in words."""
    return [
        {
            "no": i,
            "unit": a.obligation.unit,
            "ref": a.obligation.measure,
            "kind": kind_label(a.obligation.kind),
            "title": a.obligation.title,
            "quote": a.obligation.quote,
            "due": a.obligation.due,
            "status": label(a),
            "light": light_label(a.light),
            "days": a.days_overdue or None,
            "done": a.done,
            "source": a.source,
            "id": a.obligation.id,
            "reason": a.reason,  # the unit's, for 本期无进展 or 不适用
        }
        for i, a in enumerate(assessed, 1)
    ]


def area_rows(ds: Dataset, assessed: list[Assessed], as_of: date) -> list[Row]:
    """The lines of ``fzzf status``'s areas, the share as a number (a percentage cell)."""
    return [
        {
            "area": msg("area_label", numeral=a["numeral"], title=a["title"]),
            "total": a["total"],
            "area_due": a["due"],
            "area_done": a["done"],
            "claimed": a["claimed"],
            "share": a["share_done"],
        }
        for a in area_lines(ds, assessed, as_of)
    ]


def _sheet(
    ws: Worksheet, title: str, about: str, cols: Sequence[Column], rows: Sequence[Mapping[str, Any]]
) -> None:
    """A title, the as-of line, then the table; percentages as percentages; print setup."""
    width = len(cols)
    for row, text, font in ((1, title, Font(bold=True, size=14)), (2, about, Font(size=10))):
        cell = put(ws, row, 1, text)
        cell.font = font
        cell.alignment = Alignment(wrap_text=row == 2, vertical="center")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    ws.row_dimensions[2].height = 30
    last = write_table(ws, cols, rows, top=TOP, wrap=WRAP)
    for i, (key, _) in enumerate(cols, 1):
        if key in PERCENTS:
            for r in range(TOP + 1, last + 1):
                ws.cell(row=r, column=i).number_format = PERCENT_FORMAT
    print_setup(ws, f"{TOP}:{TOP}")
