"""Excel and WPS: a workbook of the view's sheet — the rows CSV and JSON have, one per
record, with raw values (dates as dates, numbers as numbers) under the columns' Chinese
headings; the heading row frozen and filtered, lights painted. Binary: ``dump``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fzzf_cli.present.sheets import new_workbook, saved, sheet_name, write_table
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.present.view import View


def dump(view: View) -> bytes:
    wb = new_workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet_name(msg("xlsx_sheet"))
    sheet = view.spreadsheet
    if sheet is not None:
        write_table(ws, sheet.columns, sheet.rows)
    return saved(wb)
