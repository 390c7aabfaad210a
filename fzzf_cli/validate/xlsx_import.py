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

from typing import TYPE_CHECKING, Any, NamedTuple

from fzzf_cli.errors import Location, Problem, printable
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.filings import NIL_STATUSES
from fzzf_cli.model.workbook import (
    INFO_REQUIRED,
    INFO_ROWS,
    ITEM_COLUMNS,
    ITEM_REQUIRED,
    PILOT_COLUMNS,
    PILOT_REQUIRED,
    SHEETS,
    period_name,
    period_names,
)
from fzzf_cli.read.workbook import Cell, Sheet
from fzzf_cli.text import join, msg
from fzzf_cli.validate import xlsx_cells as cells
from fzzf_cli.validate.subs_find import close_match
from fzzf_cli.validate.xlsx_sheets import Loc, Reader, headings, named, plain

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation  # derived from the plan, passed in

# The item's cells a clerk fills in besides its status, each read as its kind.
ITEM_FIELDS = (
    ("done", cells.day),
    ("evidence", cells.text),
    ("note", cells.text),
    ("reason", cells.text),
)


class Form(NamedTuple):
    unit: str
    period: str
    data: dict[str, Any]  # the report's values, in the order ``new report`` writes them
    cells: dict[Loc, Location]  # where each value came from
    quiet: frozenset[Loc]  # values whose cells already have a problem


def _info_rows(sheet: Sheet) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, row in enumerate(sheet.rows, 1):
        for field, _ in INFO_ROWS:
            if plain(row[0].value) in named(f"fillin_info_{field}"):
                found.setdefault(field, number)
    return found


def read_form(
    sheets: list[Sheet], display: str, ds: Dataset, obligations: list[Obligation]
) -> tuple[Form | None, list[Problem]]:
    """The report a filled form says, or the problems that stop it being read."""
    reader = Reader(display)
    here = Location(display)
    info = reader.sheet(sheets, "info", lambda s: "unit" in _info_rows(s))
    items = reader.sheet(sheets, "items", headings(ITEM_COLUMNS, ITEM_REQUIRED))
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
    pilots = reader.sheet(sheets, "pilots", headings(PILOT_COLUMNS, PILOT_REQUIRED))
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
    reader: Reader, sheet: Sheet, ds: Dataset
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
        shown = printable(str(period or ""), 30)
        bad = msg("xlsx_unknown_period", value=shown, periods=join(periods))
        reader.problems.append(Problem(where[("period",)], bad))
    if not reader.problems:
        _names_agree(reader, sheet, rows, ds, str(unit), str(period))
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


def _names_agree(
    reader: Reader, sheet: Sheet, rows: dict[str, int], ds: Dataset, unit: str, period: str
) -> None:
    """The unit's and period's names, as the form shows them, say what their codes say: a
    code typed over, or a header copied from another unit's form, is caught here."""
    said = {
        "unit_name": ({ds.name_of(unit)}, "xlsx_unit_mismatch"),
        "period_name": (period_names(period), "xlsx_period_mismatch"),
    }
    for field, (names, key) in said.items():
        if field not in rows:
            continue
        shown = reader.value(sheet, rows[field], 2, cells.text)
        if isinstance(shown, str) and plain(shown) not in {plain(n) for n in names}:
            code, expected = (unit, ds.name_of(unit)) if field == "unit_name" else (period, "")
            expected = expected or period_name(period)
            text = msg(key, name=printable(shown, 30), code=code, expected=expected)
            reader.problems.append(Problem(reader.at(sheet, rows[field], 2), text))


def _row_blank(row: list[Cell]) -> bool:
    return all(cells.blank(c) and not c.formula and not c.error for c in row)


def _items(
    reader: Reader,
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
        for field, read in ITEM_FIELDS:
            value = reader.value(sheet, number, columns[field], read) if field in columns else None
            if value is not None and not isinstance(value, cells.Bad):
                item[field] = _as_yaml(field, value)
        if not isinstance(thing, str):
            continue  # no item without its id; its problem is said
        key = order.get(thing, len(order))
        found.append((key, item, place, len(reader.problems) > before))
    found.sort(key=lambda entry: entry[0])
    for index, (_, _, place, bad) in enumerate(found):
        for field in ("id", "title", "status", "done", "evidence", "note", "reason"):
            where[("items", index, field)] = place.get(field, place["id"])
        # an item's own problem: its date done, or its reason (本期无进展, 不适用) missing
        nil = found[index][1]["status"] in NIL_STATUSES
        where[("items", index)] = place.get("reason" if nil else "done", place["status"])
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
    reader: Reader,
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
