"""What one cell of a filled report form is read as (validate/xlsx_cells.py), and where a
cell is said to be (read/workbook.py)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest

from fzzf_cli.read.workbook import Cell, cell_location, column_letter
from fzzf_cli.validate import xlsx_cells as cells


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2017, 7, 15, 0, 0), date(2017, 7, 15)),
        (datetime(2017, 7, 15, 12, 30), date(2017, 7, 15)),
        (date(2017, 7, 15), date(2017, 7, 15)),
        ("2017-07-15", date(2017, 7, 15)),
        ("2017/7/15", date(2017, 7, 15)),
        ("2017.7.15", date(2017, 7, 15)),
        (" 2017年7月15日 ", date(2017, 7, 15)),
        (42931, date(2017, 7, 15)),  # an Excel date serial
        (42931.0, date(2017, 7, 15)),
        (61, date(1900, 3, 1)),  # after Excel's 1900-02-29, which never was
        (None, None),
        ("  ", None),
        ("2017-02-30", "xlsx_bad_date"),
        ("7/15/2017", "xlsx_bad_date"),  # month first or day first: no guess
        ("20170715", "xlsx_bad_date"),
        (42931.5, "xlsx_bad_date"),
        (True, "xlsx_bad_date"),
        (time(12, 0), "xlsx_bad_date"),
    ],
)
def test_dates(value: Any, expected: Any) -> None:
    found = cells.day(Cell(value))
    if isinstance(expected, str):
        assert isinstance(found, cells.Bad) and found.message.key == expected  # type: ignore[attr-defined]
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  纪要\r\n公示  ", "纪要\n公示"),
        ("", None),
        (12, "12"),
        (12.0, "12"),
        (0.5, "0.5"),
        (datetime(2017, 7, 15), "2017-07-15"),
        (True, "xlsx_not_text"),
    ],
)
def test_text(value: Any, expected: Any) -> None:
    found = cells.text(Cell(value))
    if expected == "xlsx_not_text":
        assert isinstance(found, cells.Bad)
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("已完成", "done"), (" 推进中 ", "in_progress"), ("not started", "not_started"),
     ("done", "done"), ("完成", None), (None, None), (1, None)],
)  # fmt: skip
def test_status_in_either_language(value: Any, expected: str | None) -> None:
    found = cells.status(Cell(value))
    assert found == expected if expected else isinstance(found, cells.Bad)


def test_evidence_round_trips() -> None:
    pieces = [
        {"text": "纪要"},
        {"link": "https://a.cn/x"},
        {"text": "公示 文件", "link": "http://b.cn"},
    ]
    assert cells.evidence(cells.evidence_text(pieces)) == pieces
    assert cells.evidence("\n  \nftp://x\n") == [{"text": "ftp://x"}]


def test_general_problems() -> None:
    assert cells.general(Cell(None, formula=True)) is not None
    assert cells.general(Cell(3, formula=True)) is None  # a computed formula reads as typed
    assert cells.general(Cell("#REF!", error=True)) is not None


@pytest.mark.parametrize(
    ("sheet", "row", "col", "shown"),
    [("落实情况", 7, 4, "f.xlsx:落实情况!D7"), ("My sheet", 2, 27, "f.xlsx:'My sheet'!AA2"),
     ("it's", 1, 0, "f.xlsx:'it''s'!1:1"), ("a\nb", 3, 1, "f.xlsx:ab!A3")],
)  # fmt: skip
def test_cell_locations(sheet: str, row: int, col: int, shown: str) -> None:
    assert str(cell_location("f.xlsx", sheet, row, col)) == shown
    assert column_letter(26) == "Z" and column_letter(16384) == "XFD"
