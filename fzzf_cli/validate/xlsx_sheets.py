"""Finding the parts of a filled report form — sheets, columns and labelled rows, by their
names in either language — and reading its cells, each problem placed at its cell
(``FILE.xlsx:落实情况!G7``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fzzf_cli.errors import Location, Problem
from fzzf_cli.model.workbook import SHEETS, Column
from fzzf_cli.read.workbook import Cell, Sheet, cell_location
from fzzf_cli.text import every, msg
from fzzf_cli.validate import xlsx_cells as cells

Loc = tuple[str | int, ...]  # a value's place in the YAML report: ("items", 0, "done")


def plain(value: object) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""


def named(key: str) -> frozenset[str]:
    return frozenset(plain(name) for name in every(key))


class Reader:
    """Problems found so far, each at its cell."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.problems: list[Problem] = []

    def at(self, sheet: Sheet, row: int, col: int) -> Location:
        return cell_location(self.display, sheet.name, row, col)

    def value(self, sheet: Sheet, row: int, col: int, read: Callable[[Cell], Any]) -> Any:
        """The cell read by ``read``; a ``Bad`` one is a problem at it (and returned)."""
        cell = sheet.rows[row - 1][col - 1] if row <= len(sheet.rows) else Cell(None)
        found = cells.general(cell) or read(cell)
        if isinstance(found, cells.Bad):
            self.problems.append(Problem(self.at(sheet, row, col), *found))
        return found

    def sheet(self, sheets: list[Sheet], role: str, fits: Callable[[Sheet], bool]) -> Sheet | None:
        names = named(SHEETS[role])
        found = next((s for s in sheets if plain(s.name) in names), None)
        found = found or next((s for s in sheets if fits(s)), None)
        if found is not None and found.overflow != (0, 0):
            row, col = found.overflow
            key = "xlsx_too_many_rows" if col == 1 else "xlsx_too_many_cols"
            limit = row - 1 if col == 1 else col - 1
            self.problems.append(Problem(self.at(found, row, col), msg(key, limit=limit)))
        return found

    def columns(
        self, sheet: Sheet, columns: tuple[Column, ...], required: tuple[str, ...]
    ) -> dict[str, int] | None:
        """Each column's number, found by its heading in row 1."""
        where: dict[str, int] = {}
        for number, cell in enumerate(sheet.rows[0] if sheet.rows else [], 1):
            for column in columns:
                if plain(cell.value) in named(column.header):
                    if column.field in where:
                        name = msg("xlsx_column_twice", name=msg(column.header))
                        self.problems.append(Problem(self.at(sheet, 1, number), name))
                    where.setdefault(column.field, number)
        missing = [c for c in columns if c.field in required and c.field not in where]
        for column in missing:
            text = msg("xlsx_no_column", name=msg(column.header))
            self.problems.append(Problem(self.at(sheet, 1, 0), text, msg("xlsx_hint_template")))
        return None if missing else where


def headings(columns: tuple[Column, ...], fields: tuple[str, ...]) -> Callable[[Sheet], bool]:
    wanted = [named(c.header) for c in columns if c.field in fields]
    return lambda s: (
        bool(s.rows) and all(any(plain(c.value) in names for c in s.rows[0]) for names in wanted)
    )
