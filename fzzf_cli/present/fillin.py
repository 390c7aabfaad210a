"""The fill-in workbook of a half-year report (``fzzf new report UNIT PERIOD -f xlsx``),
for units that do not use git: the same items as the YAML file ``new report`` writes,
with what was filed before carried forward, on three sheets:

- 报送信息: unit, period, 报送日期 (a date cell) and a note, with how to fill the form;
- 落实情况: one row per item, the plan's words beside it (locked, grey), the status from
  a dropdown, the date done (a date cell), evidence and notes;
- 试点进展: the unit's pilots, when it has any.

The sheets are protected without a password (a guard against slips, not a lock): only the
cells to fill can change. Every text from the data is written as text, never as a
formula, and without the characters XML cannot hold. openpyxl is imported here only.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from fzzf_cli.model.workbook import (
    INFO_ROWS,
    ITEM_COLUMNS,
    PILOT_COLUMNS,
    PILOT_STATUSES,
    SHEETS,
    STATUS_LABELS,
    period_name,
)
from fzzf_cli.model.workbook import Column as Col
from fzzf_cli.read.writefile import MARKER
from fzzf_cli.text import join, msg
from fzzf_cli.validate.subs_load import HORIZON_SLACK
from fzzf_cli.validate.xlsx_cells import evidence_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.model.dataset import Dataset

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what XML 1.0 cannot hold
_GREY, _HEAD, _INPUT = "F2F2F2", "DDEBF7", "FFFFFF"


def fillin_workbook(ds: Dataset, obligations: list[Obligation], content: dict[str, Any]) -> bytes:
    """The .xlsx file of ``content`` (what ``derive.scaffold.report_data`` gives)."""
    from openpyxl import Workbook

    book = Workbook()
    unit, period = content["unit"], content["period"]
    title = msg("fillin_title", unit=ds.name_of(unit), period=period_name(period))
    book.properties.creator = "fzzf"
    book.properties.title = title
    book.properties.description = MARKER
    first = ds.measures_file.plan.date
    span = (first, ds.measures_file.plan.horizon + HORIZON_SLACK)
    info = book.active
    assert info is not None
    info.title = msg(SHEETS["info"])
    _info(info, ds, content, title, span)
    mine = {o.thing: o for o in obligations if o.unit_id == unit}
    rows = [_item_row(ds, mine.get(item["id"]), item) for item in content["items"]]
    _table(book.create_sheet(msg(SHEETS["items"])), ITEM_COLUMNS, rows, span)
    if content.get("pilots"):
        pilots = [_pilot_row(ds, entry) for entry in content["pilots"]]
        _table(book.create_sheet(msg(SHEETS["pilots"])), PILOT_COLUMNS, pilots, span)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _item_row(ds: Dataset, o: Obligation | None, item: dict[str, Any]) -> dict[str, Any]:
    source = msg("fillin_source_plan")
    if o is not None and o.measure is not None:
        source = msg("fillin_source_measure", n=o.measure)
    elif o is not None and o.pilot is not None:
        source = msg("fillin_source_pilot", n=o.pilot)
    done = item.get("done")
    return {
        "id": item["id"],
        "due": o.due if o is not None else None,
        "source": source,
        "title": o.title if o is not None else item.get("title"),
        "quote": o.quote if o is not None else None,
        "status": msg(STATUS_LABELS[item["status"]]),
        "done": date.fromisoformat(done) if done else None,
        "evidence": evidence_text(item.get("evidence", [])) or None,
        "note": item.get("note"),
        "reason": item.get("reason"),
    }


def _pilot_row(ds: Dataset, entry: dict[str, Any]) -> dict[str, Any]:
    pilot = ds.pilots.get(entry["pilot"])
    return {
        "pilot": entry["pilot"],
        "title": pilot.title if pilot is not None else None,
        "status": msg(STATUS_LABELS[entry["status"]]),
        "progress": entry.get("progress"),
    }


def _put(sheet: Worksheet, row: int, col: int, value: Any, *, locked: bool = True) -> Any:
    """Write one cell: text always as text (``=1+1`` from the data is no formula)."""
    cell = sheet.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = _ILLEGAL.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
    if isinstance(value, date):
        cell.number_format = msg("fillin_date_format")
    border, alignment, protection, fill = _looks(locked)
    cell.border, cell.alignment, cell.protection, cell.fill = border, alignment, protection, fill
    return cell


@cache
def _looks(locked: bool) -> tuple[Any, Any, Any, Any]:
    """A cell's border, alignment, protection and fill: built once, shared by every cell
    (openpyxl stores each distinct style once anyway)."""
    from openpyxl.styles import Alignment, Border, PatternFill, Protection, Side

    thin = Side(style="thin", color="BFBFBF")
    return (
        Border(left=thin, right=thin, top=thin, bottom=thin),
        Alignment(wrap_text=True, vertical="top"),
        Protection(locked=locked),
        PatternFill("solid", fgColor=_GREY if locked else _INPUT),
    )


def _protect(sheet: Worksheet) -> None:
    """Locked cells stay as written; columns and rows may still be resized, rows filtered."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False


def _print(sheet: Worksheet, titles: str | None) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if titles:
        sheet.print_title_rows = titles


def _validations(
    sheet: Worksheet, columns: tuple[Col, ...], last: int, span: tuple[date, date]
) -> None:
    """The status dropdown and the date cells' check, on every row of the table."""
    from openpyxl.utils import get_column_letter

    for number, column in enumerate(columns, 1):
        cells = f"{get_column_letter(number)}2:{get_column_letter(number)}{max(last, 2)}"
        if column.kind == "choice":
            codes = STATUS_LABELS if columns is ITEM_COLUMNS else PILOT_STATUSES
            sheet.add_data_validation(_choice_rule(cells, codes))
        elif column.kind == "date":
            sheet.add_data_validation(_date_rule(cells, span))


def _choice_rule(cells: str, codes: Iterable[str]) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    labels = [msg(STATUS_LABELS[code]) for code in codes]
    rule = DataValidation(type="list", formula1=f'"{",".join(labels)}"', allow_blank=False)
    rule.promptTitle = msg("fillin_prompt_title")
    rule.prompt = msg("fillin_prompt_choices", choices=join(labels))
    rule.errorTitle, rule.error = msg("fillin_error_title"), msg("fillin_error_status")
    rule.showErrorMessage = rule.showInputMessage = True
    rule.add(cells)
    return rule


def _date_rule(cells: str, span: tuple[date, date]) -> Any:
    from openpyxl.utils.datetime import to_excel
    from openpyxl.worksheet.datavalidation import DataValidation

    low, high = (int(to_excel(day)) for day in span)
    rule = DataValidation(type="date", operator="between", formula1=str(low), formula2=str(high))
    rule.allow_blank = True
    rule.promptTitle, rule.prompt = msg("fillin_prompt_title"), msg("fillin_prompt_date")
    rule.errorTitle = msg("fillin_error_title")
    rule.error = msg("fillin_error_date", start=span[0], end=span[1])
    rule.showErrorMessage = rule.showInputMessage = True
    rule.add(cells)
    return rule


def _table(
    sheet: Worksheet, columns: tuple[Col, ...], rows: list[dict[str, Any]], span: tuple[date, date]
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for number, column in enumerate(columns, 1):
        head = _put(sheet, 1, number, msg(column.header))
        head.font = Font(bold=True)
        head.fill = PatternFill("solid", fgColor=_HEAD)
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    for index, row in enumerate(rows, 2):
        sheet.row_dimensions[index].height = 15 * _lines(columns, row)
        for number, column in enumerate(columns, 1):
            fill_in = column.kind != "fixed"
            cell = _put(sheet, index, number, row.get(column.field), locked=not fill_in)
            if column.kind in ("choice", "date") or column.field in ("id", "due", "source"):
                cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
    last = len(rows) + 1
    _validations(sheet, columns, last, span)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    _protect(sheet)
    _print(sheet, "1:1")


def _lines(columns: tuple[Col, ...], row: dict[str, Any]) -> int:
    """How many lines the row's longest cell wraps to (Excel does not size rows it did
    not lay out itself): a Chinese character is two of a column's width units."""
    most = 1
    for column in columns:
        value = row.get(column.field)
        if not isinstance(value, str):
            continue
        room = max(int(column.width) - 1, 1)
        units = [sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in value.split("\n")]
        most = max(most, sum(-(-max(n, 1) // room) for n in units))
    return min(most, 20)


def _info(
    sheet: Worksheet, ds: Dataset, content: dict[str, Any], title: str, span: tuple[date, date]
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 70
    head = _put(sheet, 1, 1, title)
    head.font = Font(bold=True, size=14)
    sheet.merge_cells("A1:B1")
    sheet.row_dimensions[1].height = 24
    submitted = content.get("submitted")
    values = {
        "unit_name": ds.name_of(content["unit"]),
        "unit": content["unit"],
        "period_name": period_name(content["period"]),
        "period": content["period"],
        "submitted": date.fromisoformat(submitted) if submitted else None,
        "note": content.get("note"),
    }
    for number, (field, kind) in enumerate(INFO_ROWS, 3):
        label = _put(sheet, number, 1, msg(f"fillin_info_{field}"))
        label.font = Font(bold=True)
        label.fill = PatternFill("solid", fgColor=_HEAD)
        cell = _put(sheet, number, 2, values[field], locked=kind == "fixed")
        if kind == "date":
            cell.number_format = msg("fillin_date_format")
            sheet.add_data_validation(_date_rule(cell.coordinate, span))
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    start = len(INFO_ROWS) + 4
    help_text = msg("fillin_help") + "\n" + msg("fillin_help_nil")
    for number, line in enumerate(help_text.split("\n"), start):
        cell = sheet.cell(row=number, column=1, value=line)
        cell.font = Font(bold=number == start)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=2)
        sheet.row_dimensions[number].height = 30 if len(line) > 45 else 18
    _protect(sheet)
    _print(sheet, None)
