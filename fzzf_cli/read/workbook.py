"""Read an .xlsx workbook from outside into bounded grids of cell values, turning every
problem into a located ``Problem``; nothing here raises for a bad file.

A workbook arrives by e-mail from a unit and is hostile input: it may be no zip at all, an
old .xls, a zip bomb (small on disk, gigabytes unpacked, its sizes in the zip's headers
lies), a sheet of a million rows, formulas. So, before openpyxl sees the bytes: a cap on
the file's size, on the number of parts and on the bytes every part really unpacks to
(counted while unpacking, not taken from the headers). Then openpyxl in read-only mode,
twice: once for the values (a formula's cached result) and once to tell formulas, bounded
to ``MAX_ROWS`` by ``MAX_COLS``; content past the bounds is a problem, not ignored.

openpyxl is imported here only, when a workbook is read.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from typing import Any, NamedTuple

from fzzf_cli.errors import Location, Problem, printable
from fzzf_cli.text import msg

MAX_BYTES = 5 * 1024 * 1024  # a report form of 200 items is ~30 KB
MAX_UNPACKED = 50 * 1024 * 1024
MAX_PARTS = 500
MAX_SHEETS = 20
MAX_ROWS = 1000
MAX_COLS = 30
_CHUNK = 64 * 1024
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and encrypted .xlsx files


class Cell(NamedTuple):
    value: Any  # str, int, float, bool, datetime, time or None, as openpyxl gives it
    formula: bool = False  # a formula: ``value`` is its cached result (None: never computed)
    error: bool = False  # an error value such as #N/A (``value`` is its text)


class Sheet(NamedTuple):
    name: str
    rows: list[list[Cell]]  # rows[0] is row 1; each row has MAX_COLS cells
    overflow: tuple[int, int] = (0, 0)  # (row, column) of content past the bounds, else 0s


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_location(display: str, sheet: str, row: int, col: int = 0) -> Location:
    """Where a cell is, as Excel writes a reference: ``FILE.xlsx:落实情况!F7`` (a sheet name
    with anything but letters and digits quoted: ``'My sheet'!F7``); ``col`` 0 is the row."""
    name = printable(sheet, 40)
    if not name.replace("_", "").isalnum():
        name = "'" + name.replace("'", "''") + "'"
    where = f"{column_letter(col)}{row}" if col else f"{row}:{row}"
    return Location(f"{display}:{name}!{where}")


def read_workbook(raw: bytes, display: str) -> tuple[list[Sheet] | None, list[Problem]]:
    """The sheets of the workbook ``raw`` (in their order), or the problems that stop it
    being read."""
    here = Location(display)
    if len(raw) > MAX_BYTES:
        return None, [Problem(here, msg("xlsx_too_large", limit=MAX_BYTES // 2**20))]
    if raw.startswith(_OLE2):
        return None, [Problem(here, msg("xlsx_old_format"), msg("xlsx_hint_save_as"))]
    problem = _unpacked_problem(raw)
    if problem is not None:
        return None, [Problem(here, *problem)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of extensions it drops
            values = _grids(raw, data_only=True)
            formulas = _grids(raw, data_only=False)
    except Exception as error:  # any failure of the parser on hostile bytes is the file's
        reason = printable(f"{type(error).__name__}: {error}", 120)
        return None, [Problem(here, msg("xlsx_unreadable", reason=reason))]
    if values is None or formulas is None:
        return None, [Problem(here, msg("xlsx_too_many_sheets", limit=MAX_SHEETS))]
    sheets = []
    for (name, rows, overflow), (_, marks, _) in zip(values, formulas, strict=True):
        merged = [
            [Cell(v.value, m.formula, v.error) for v, m in zip(row, marks_row, strict=True)]
            for row, marks_row in zip(rows, marks, strict=True)
        ]
        sheets.append(Sheet(name, merged, overflow))
    return sheets, []


def _unpacked_problem(raw: bytes) -> tuple[str, str] | None:
    """Why the zip must not be opened (message, hint), or None. Every part is unpacked
    and counted, so a part whose header understates its size is caught too."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return msg("xlsx_not_zip"), msg("xlsx_hint_save_as")
    try:
        with archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                return msg("xlsx_too_many_parts", limit=MAX_PARTS), ""
            if sum(p.file_size for p in parts) > MAX_UNPACKED:
                return msg("xlsx_unpacked_too_large", limit=MAX_UNPACKED // 2**20), ""
            total = 0
            for part in parts:
                with archive.open(part) as stream:
                    while chunk := stream.read(_CHUNK):
                        total += len(chunk)
                        if total > MAX_UNPACKED:
                            return msg("xlsx_unpacked_too_large", limit=MAX_UNPACKED // 2**20), ""
    except Exception as error:  # a damaged, encrypted or oddly compressed part
        reason = printable(f"{type(error).__name__}: {error}", 120)
        return msg("xlsx_unreadable", reason=reason), msg("xlsx_hint_save_as")
    return None


_Grid = tuple[str, list[list[Cell]], tuple[int, int]]


def _grids(raw: bytes, *, data_only: bool) -> list[_Grid] | None:
    """Each sheet's name, its first MAX_ROWS × MAX_COLS cells, and where content lies past
    them; None when there are too many sheets."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(raw), read_only=True, data_only=data_only)
    try:
        if len(book.worksheets) > MAX_SHEETS:
            return None
        found = []
        for sheet in book.worksheets:
            rows: list[list[Cell]] = []
            overflow = (0, 0)
            if not hasattr(sheet, "iter_rows"):  # a chart sheet has no cells
                found.append((str(sheet.title), rows, overflow))
                continue
            cells = sheet.iter_rows(min_row=1, max_row=MAX_ROWS + 1, max_col=MAX_COLS + 1)
            for number, row in enumerate(cells, 1):
                got = [_cell(c) for c in row] + [Cell(None)] * (MAX_COLS + 1 - len(row))
                if got[MAX_COLS].value is not None and overflow == (0, 0):
                    overflow = (number, MAX_COLS + 1)
                if number > MAX_ROWS:
                    if any(c.value is not None for c in got) and overflow == (0, 0):
                        overflow = (number, 1)
                    break
                rows.append(got[:MAX_COLS])
            found.append((str(sheet.title), rows, overflow))
        return found
    finally:
        book.close()


def _cell(cell: Any) -> Cell:
    kind = getattr(cell, "data_type", None)
    value = getattr(cell, "value", None)
    if kind == "f":
        return Cell(None, formula=True)
    if kind == "e":
        return Cell(str(value), error=True)
    return Cell(value)
