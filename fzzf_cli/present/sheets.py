"""Worksheets for Excel and WPS: typed, inert cells under a Chinese heading row.

Every value comes from the data and is hostile: text is always stored as text (never a
formula, an error code or a hyperlink, whatever it starts with), without the control
characters XML cannot carry, and within Excel's 32,767 characters. Dates are dates,
numbers numbers, so that the office can sort, filter and add up. Imported only when a
workbook is asked for (openpyxl is not loaded for anything else).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from rich.cells import cell_len

from fzzf_cli.read.writefile import MARKER
from fzzf_cli.text import join, msg
from fzzf_cli.vocab import Light

if TYPE_CHECKING:
    from fzzf_cli.present.cells import Column

MAX_CELL = 32_767  # Excel's limit on the characters of one cell
DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0%"
NONE_MARK = "—"  # the text tables' "none": an empty cell in a workbook
# What XML 1.0 cannot carry (openpyxl refuses it): C0 controls but tab, LF, CR; surrogates.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FORMULA_START = frozenset("=+-@\t\r")
# 三色预警 as the supervision platforms paint it; the word stays in the cell for print.
LIGHT_FILLS = {
    Light.RED: "F8696B",
    Light.YELLOW: "FFE699",
    Light.BLUE: "9BC2E6",
    Light.GREEN: "A9D08E",
}
_HEAD_FILL = PatternFill("solid", start_color="D9E1F2")
_THIN = Side(style="thin", color="A6A6A6")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_PAINT = {light: PatternFill("solid", start_color=rgb) for light, rgb in LIGHT_FILLS.items()}
_WRAPPED = Alignment(wrap_text=True, vertical="top")
_CENTRED = Alignment(horizontal="center", vertical="top")
_TOP = Alignment(vertical="top")
_WIDEST = 50  # characters (a CJK character counts two): longer text wraps or is cut
_LINE = 14.5  # points: a line of 11-point text


def inert(text: str) -> str:
    """Text a cell can hold: no XML-invalid character, at most ``MAX_CELL`` characters."""
    text = _ILLEGAL.sub("", text)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def cell_value(value: Any) -> Any:
    """A value as the workbook holds it: empty, a number, a date, 是/否, or text (a list
    joined as the tables join it; an ISO day ``YYYY-MM-DD`` as a date)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return msg("xlsx_yes") if value else msg("xlsx_no")
    if isinstance(value, int | float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, list | tuple):
        return inert(join([str(cell_value(v) or "") for v in value]))
    text = str(value)
    if text == NONE_MARK:
        return None
    if _ISO_DAY.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    return inert(text)


def put(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write one value into a cell, typed and inert."""
    cell: Cell = ws.cell(row=row, column=column)
    stored = cell_value(value)
    cell.value = stored
    if isinstance(stored, str):
        cell.data_type = "s"  # openpyxl would make "=…" a formula and "#N/A" an error
        if stored[:1] in _FORMULA_START:
            cell.quotePrefix = True  # and it stays text when someone edits the cell
    elif isinstance(stored, date):
        cell.number_format = DATE_FORMAT
    return cell


def light_of(value: Any) -> Light | None:
    """The light a cell names: its code (``red``) or its word (红)."""
    for light in Light:
        if value in (light.value, msg(f"light_{light}")):
            return light
    return None


def paint(cell: Cell, light: Light | None) -> None:
    if light is not None:
        cell.fill = _PAINT[light]
        cell.alignment = _CENTRED


def write_table(
    ws: Worksheet,
    columns: Sequence[Column],
    rows: Iterable[Mapping[str, Any]],
    top: int = 1,
    wrap: Mapping[str, int] | None = None,
) -> int:
    """The headings on row ``top``, a row per record below; the heading row frozen and
    filtered; widths from the content. ``wrap``: columns of so many characters whose
    text wraps. A ``light`` column is painted. Returns the last row written."""
    wrap = wrap or {}
    widths = [cell_len(heading) for _, heading in columns]
    for i, (_, heading) in enumerate(columns, 1):
        head = put(ws, top, i, heading)
        head.font, head.fill = Font(bold=True), _HEAD_FILL
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        head.border = _GRID
    last = top
    for last, row in enumerate(rows, top + 1):
        lines = 1
        for i, (key, _) in enumerate(columns, 1):
            cell = put(ws, last, i, row.get(key))
            widths[i - 1] = max(widths[i - 1], _width(cell.value))
            if key in wrap:
                cell.alignment = _WRAPPED
                lines = max(lines, -(-_width(cell.value) // max(wrap[key] - 4, 1)))
            elif wrap:
                cell.alignment = _TOP  # beside wrapped text, each row reads from its top
            if key == "light":
                paint(cell, light_of(cell.value))
        if lines > 1:  # neither Excel nor LibreOffice sizes a wrapped row when opening it
            ws.row_dimensions[last].height = _LINE * min(lines, 30)
    for i, (key, _) in enumerate(columns, 1):
        width = wrap.get(key, min(widths[i - 1], _WIDEST))
        ws.column_dimensions[get_column_letter(i)].width = width + 2
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    ws.auto_filter.ref = f"A{top}:{get_column_letter(max(len(columns), 1))}{last}"
    return last


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    return max((cell_len(line) for line in str(value).splitlines()), default=0)


def print_setup(ws: Worksheet, heading_rows: str) -> None:
    """A4 landscape, every column on the page's width, the heading rows on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = heading_rows
    ws.print_options.horizontalCentered = True
    ws.print_options.gridLines = True  # a ruled table on paper, without a border per cell
    ws.page_margins.left = ws.page_margins.right = 0.4


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.properties.creator = "fzzf"
    return wb


def sheet_name(text: str) -> str:
    """A worksheet's name as Excel allows it: 31 characters, none of ``[]:*?/\\``."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "", inert(text)).strip("'")
    return cleaned[:31] or "Sheet"


def saved(wb: Workbook) -> bytes:
    """The workbook's bytes, with fzzf's marker as the zip's comment (a workbook fzzf
    wrote can be written again; anyone else's is never replaced unasked)."""
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.comment = MARKER.encode()
    return buffer.getvalue()
