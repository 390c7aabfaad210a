"""CSV for Excel and WPS: the view's sheet, raw values, the JSON field names as headings."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from fzzf_cli.present.cells import write_csv

if TYPE_CHECKING:
    from fzzf_cli.present.view import View


def write(view: View, stream: TextIO, width: int | None) -> None:
    sheet = view.spreadsheet
    if sheet is not None:
        write_csv(sheet.rows, sheet.columns, stream)
