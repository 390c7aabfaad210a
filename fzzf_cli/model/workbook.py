"""The fill-in workbook of a half-year report, for units that do not use git: its sheets,
columns and labels, shared by what writes it (present/fillin.py) and what reads a filled
one back (validate/xlsx_import.py).

Sheets and columns are found by their names, never by their position: a clerk may move a
column or a sheet. Names are catalogue entries, and a workbook made in either language
reads back (``text.every``).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from fzzf_cli.text import every, msg

# How a column is filled: by fzzf and locked (``fixed``), from a list, as a date, as text.
Kind = Literal["fixed", "choice", "date", "text"]


class Column(NamedTuple):
    field: str  # the item's key in the YAML file, or a name of the form's own
    header: str  # catalogue key of the heading
    width: float  # in Excel's character units
    kind: Kind


ITEM_COLUMNS: tuple[Column, ...] = (
    Column("id", "fillin_col_id", 17, "fixed"),
    Column("due", "fillin_col_due", 15, "fixed"),
    Column("source", "fillin_col_source", 9, "fixed"),
    Column("title", "fillin_col_title", 28, "fixed"),
    Column("quote", "fillin_col_quote", 46, "fixed"),
    Column("status", "fillin_col_status", 10, "choice"),
    Column("done", "fillin_col_done", 15, "date"),
    Column("evidence", "fillin_col_evidence", 36, "text"),
    Column("note", "fillin_col_note", 24, "text"),
    Column("reason", "fillin_col_reason", 30, "text"),  # of 本期无进展 or 不适用
)
PILOT_COLUMNS: tuple[Column, ...] = (
    Column("pilot", "fillin_col_pilot", 8, "fixed"),
    Column("title", "fillin_col_pilot_title", 40, "fixed"),
    Column("status", "fillin_col_status", 10, "choice"),
    Column("progress", "fillin_col_progress", 60, "text"),
)
# Columns an import cannot do without; the others may have been deleted (left empty).
ITEM_REQUIRED = ("id", "status")
PILOT_REQUIRED = ("pilot", "status")

# The information sheet: a label in column A, its value in column B, one row each.
INFO_ROWS: tuple[tuple[str, Kind], ...] = (
    ("unit_name", "fixed"),
    ("unit", "fixed"),
    ("period_name", "fixed"),
    ("period", "fixed"),
    ("submitted", "date"),
    ("note", "text"),
)
INFO_REQUIRED = ("unit", "period")

SHEETS = {
    "info": "fillin_sheet_info",
    "items": "fillin_sheet_items",
    "pilots": "fillin_sheet_pilots",
}
# The model's statuses and the catalogue keys of their labels in the dropdown.
STATUS_LABELS = {
    "not_started": "fillin_status_not_started",
    "in_progress": "fillin_status_in_progress",
    "done": "fillin_status_done",
    "nil": "fillin_status_nil",
    "not_applicable": "fillin_status_not_applicable",
}
# A pilot's progress is one of the first three (a pilot is owed by whoever runs it).
PILOT_STATUSES = ("not_started", "in_progress", "done")


def period_name(period: str) -> str:
    """2017-H1 as people say it: 2017年上半年."""
    year, half = period.split("-")
    return msg(f"fillin_period_{half.lower()}", year=year)


def period_names(period: str) -> set[str]:
    """The period's name in every language (a form made in English reads back)."""
    year, half = period.split("-")
    return {name.format(year=year) for name in every(f"fillin_period_{half.lower()}")}
