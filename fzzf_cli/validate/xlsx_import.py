"""A filled report form (``fzzf new report UNIT PERIOD -f xlsx``) read back as the values
of the YAML report ``fzzf new report`` writes, every problem placed at its cell.

Sheets and columns are found by name (in either language), then, for a renamed sheet,
by their headings; extra sheets and columns are ignored. The unit and period are the
form's own (its 报送信息 sheet). What the cells say is checked here (a status from the
list, a date, text); what the values mean — ids the unit owes, dates in range, a date for
each thing done — is checked afterwards by the loader's own checks on the YAML text,
whose problems ``placed`` moves from the YAML line back to the cell they came from.

Locations are Excel's references after the file's name, ``FILE.xlsx:落实情况!G7``, in
place of ``path:line:col``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from fzzf_cli.errors import Location, Problem, printable
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.workbook import (
    INFO_REQUIRED,
    INFO_ROWS,
    ITEM_COLUMNS,
    ITEM_REQUIRED,
    PILOT_COLUMNS,
    PILOT_REQUIRED,
    SHEETS,
    Column,
)
from fzzf_cli.read.workbook import Cell, Sheet, cell_location
from fzzf_cli.read.yamlio import YamlDoc
from fzzf_cli.text import every, join, msg
from fzzf_cli.validate import xlsx_cells as cells
from fzzf_cli.validate.subs_find import close_match

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation  # derived from the plan, passed in

Loc = tuple[str | int, ...]


class Form(NamedTuple):
    unit: str
    period: str
    data: dict[str, Any]  # the report's values, in the order ``new report`` writes them
    cells: dict[Loc, Location]  # where each value came from
    quiet: frozenset[Loc]  # values whose cells already have a problem


def _plain(value: object) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""


def _named(key: str) -> frozenset[str]:
    return frozenset(_plain(name) for name in every(key))


class _Reader:
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
        names = _named(SHEETS[role])
        found = next((s for s in sheets if _plain(s.name) in names), None)
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
                if _plain(cell.value) in _named(column.header):
                    if column.field in where:
                        name = msg("xlsx_column_twice", name=msg(column.header))
                        self.problems.append(Problem(self.at(sheet, 1, number), name))
                    where.setdefault(column.field, number)
        missing = [c for c in columns if c.field in required and c.field not in where]
        for column in missing:
            text = msg("xlsx_no_column", name=msg(column.header))
            self.problems.append(Problem(self.at(sheet, 1, 0), text, msg("xlsx_hint_template")))
        return None if missing else where


def _headings(columns: tuple[Column, ...], fields: tuple[str, ...]) -> Callable[[Sheet], bool]:
    wanted = [_named(c.header) for c in columns if c.field in fields]
    return lambda s: bool(s.rows) and all(
        any(_plain(c.value) in names for c in s.rows[0]) for names in wanted
    )


def _info_rows(sheet: Sheet) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, row in enumerate(sheet.rows, 1):
        for field, _ in INFO_ROWS:
            if _plain(row[0].value) in _named(f"fillin_info_{field}"):
                found.setdefault(field, number)
    return found


def read_form(
    sheets: list[Sheet], display: str, ds: Dataset, obligations: list[Obligation]
) -> tuple[Form | None, list[Problem]]:
    """The report a filled form says, or the problems that stop it being read."""
    reader = _Reader(display)
    here = Location(display)
    info = reader.sheet(sheets, "info", lambda s: "unit" in _info_rows(s))
    items = reader.sheet(sheets, "items", _headings(ITEM_COLUMNS, ITEM_REQUIRED))
    for role, sheet in (("info", info), ("items", items)):
        if sheet is None:
            text = msg("xlsx_no_sheet", name=msg(SHEETS[role]))
            reader.problems.append(Problem(here, text, msg("xlsx_hint_template")))
    if info is None or items is None:
        return None, reader.problems
    head = _header(reader, info, ds)
    columns = reader.columns(items, ITEM_COLUMNS, ITEM_REQUIRED)
    if head is None or columns is None or reader.problems:
        return None, reader.problems
    data, where, quiet = head
    unit = data["unit"]
    mine = {o.thing: o for o in obligations if o.unit_id == unit}
    data["items"] = _items(reader, items, columns, mine, where, quiet)
    pilots = reader.sheet(sheets, "pilots", _headings(PILOT_COLUMNS, PILOT_REQUIRED))
    plan = reader.columns(pilots, PILOT_COLUMNS, PILOT_REQUIRED) if pilots else None
    if pilots is not None and plan is not None:
        found = _pilots(reader, pilots, plan, where, quiet)
        if found:
            data["pilots"] = found
    if "note" in data:
        data["note"] = data.pop("note")  # last, as a YAML report has it
    form = Form(unit, data["period"], data, where, frozenset(quiet))
    return form, reader.problems


def _header(
    reader: _Reader, sheet: Sheet, ds: Dataset
) -> tuple[dict[str, Any], dict[Loc, Location], set[Loc]] | None:
    rows = _info_rows(sheet)
    for field in INFO_REQUIRED:
        if field not in rows:
            text = msg("xlsx_no_label", name=msg(f"fillin_info_{field}"))
            reader.problems.append(Problem(reader.at(sheet, 0, 1), text, msg("xlsx_hint_template")))
    if any(field not in rows for field in INFO_REQUIRED):
        return None
    where: dict[Loc, Location] = {}
    unit = reader.value(sheet, rows["unit"], 2, cells.text)
    period = reader.value(sheet, rows["period"], 2, cells.text)
    where[("unit",)] = where[()] = reader.at(sheet, rows["unit"], 2)
    where[("period",)] = reader.at(sheet, rows["period"], 2)
    periods = [p.id for p in ds.measures_file.reporting.periods]
    if isinstance(unit, str | None) and unit not in ds.units:
        hint = close_match(str(unit), sorted(ds.units))
        bad = msg("xlsx_unknown_unit", value=printable(str(unit or ""), 30))
        reader.problems.append(Problem(where[("unit",)], bad, hint))
    if isinstance(period, str | None) and period not in periods:
        bad = msg("xlsx_unknown_period", value=printable(str(period or ""), 30), periods=join(periods))
        reader.problems.append(Problem(where[("period",)], bad))
    data: dict[str, Any] = {"unit": unit, "period": period, "submitted": None}
    quiet: set[Loc] = set()
    for field, read in (("submitted", cells.day), ("note", cells.text)):
        if field in rows:
            where[(field,)] = reader.at(sheet, rows[field], 2)
            found = reader.value(sheet, rows[field], 2, read)
            if isinstance(found, cells.Bad):
                quiet.add((field,))
            elif found is not None:
                data[field] = found.isoformat() if field == "submitted" else found
    return data, where, quiet


def _row_blank(row: list[Cell]) -> bool:
    return all(cells.blank(c) and not c.formula and not c.error for c in row)


def _items(
    reader: _Reader,
    sheet: Sheet,
    columns: dict[str, int],
    mine: dict[str, Obligation],
    where: dict[Loc, Location],
    quiet: set[Loc],
) -> list[dict[str, Any]]:
    """The items in the plan's order (as ``new report`` lists them), whatever the rows'."""
    order = {thing: n for n, thing in enumerate(mine)}
    found: list[tuple[int, dict[str, Any], dict[str, Location], bool]] = []
    for number in range(2, len(sheet.rows) + 1):
        if _row_blank(sheet.rows[number - 1]):
            continue
        before = len(reader.problems)
        place = {f: reader.at(sheet, number, c) for f, c in columns.items()}
        thing = reader.value(sheet, number, columns["id"], cells.text)
        if thing is None:
            text = msg("xlsx_row_without_id")
            reader.problems.append(Problem(place["id"], text))
        item: dict[str, Any] = {"id": thing}
        if isinstance(thing, str) and thing in mine:
            o = mine[thing]
            item["title"] = f"{o.due} {o.title}"
        status = reader.value(sheet, number, columns["status"], cells.status)
        item["status"] = status if isinstance(status, str) else "not_started"
        for field, read in (("done", cells.day), ("evidence", cells.text), ("note", cells.text)):
            value = reader.value(sheet, number, columns[field], read) if field in columns else None
            if value is not None and not isinstance(value, cells.Bad):
                item[field] = _as_yaml(field, value)
        if not isinstance(thing, str):
            continue  # no item without its id; its problem is said
        key = order.get(thing, len(order))
        found.append((key, item, place, len(reader.problems) > before))
    found.sort(key=lambda entry: entry[0])
    for index, (_, item, place, bad) in enumerate(found):
        for field in ("id", "title", "status", "done", "evidence", "note"):
            where[("items", index, field)] = place.get(field, place["id"])
        where[("items", index)] = place.get("done", place["status"])
        if bad:
            quiet.add(("items", index))
    return [item for _, item, _, _ in found]


def _as_yaml(field: str, value: Any) -> Any:
    if field == "done":
        return value.isoformat()
    if field == "evidence":
        return cells.evidence(value)
    return value


def _pilots(
    reader: _Reader,
    sheet: Sheet,
    columns: dict[str, int],
    where: dict[Loc, Location],
    quiet: set[Loc],
) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for number in range(2, len(sheet.rows) + 1):
        if _row_blank(sheet.rows[number - 1]):
            continue
        before = len(reader.problems)
        place = {f: reader.at(sheet, number, c) for f, c in columns.items()}
        pilot = reader.value(sheet, number, columns["pilot"], cells.text)
        if not (isinstance(pilot, str) and pilot.isascii() and pilot.isdecimal()):
            if not isinstance(pilot, cells.Bad):
                bad = msg("xlsx_bad_pilot", value=printable(str(pilot or ""), 20))
                reader.problems.append(Problem(place["pilot"], bad))
            continue
        status = reader.value(sheet, number, columns["status"], cells.status)
        entry: dict[str, Any] = {"pilot": int(pilot), "status": status}
        if isinstance(status, cells.Bad):
            entry["status"] = "not_started"
        if "progress" in columns:
            progress = reader.value(sheet, number, columns["progress"], cells.text)
            if isinstance(progress, str):
                entry["progress"] = progress
        index = len(found)
        for field in ("pilot", "status", "progress"):
            where[("pilots", index, field)] = place.get(field, place["pilot"])
        where[("pilots", index)] = place["pilot"]
        if len(reader.problems) > before:
            quiet.add(("pilots", index))
        found.append(entry)
    return found


def placed(problems: list[Problem], doc: YamlDoc, form: Form) -> list[Problem]:
    """The loader's problems with the YAML text moved to the cells the values came from;
    those at a cell that already has a problem are left out (one problem per mistake)."""
    spots: dict[tuple[int, int], Loc] = {}
    _walk(doc.root, (), spots)
    found = []
    for problem in problems:
        line, col = problem.location.line, problem.location.col
        loc = spots.get((line, col))
        if loc is None:
            loc = next((v for (ln, _), v in sorted(spots.items()) if ln == line), ())
        if any(loc[:n] in form.quiet for n in range(1, len(loc) + 1)):
            continue
        while loc not in form.cells:
            loc = loc[:-1]
        found.append(problem._replace(location=form.cells[loc]))
    return found


def _walk(node: yaml.Node, path: Loc, spots: dict[tuple[int, int], Loc]) -> None:
    """Each node's and key's position in the text, with the loc of the value it belongs to
    (a container before what it holds: a mapping starts where its first key does)."""
    spots.setdefault((node.start_mark.line + 1, node.start_mark.column + 1), path)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, str(key.value))
            spots.setdefault((key.start_mark.line + 1, key.start_mark.column + 1), sub)
            _walk(value, sub, spots)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            _walk(value, (*path, index), spots)
