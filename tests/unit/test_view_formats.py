"""The format registry: every view speaks every format, the CLI offers exactly the
registered ones, and each format's rules (sections, empty, footer, brief, sheet)."""

from __future__ import annotations

import io
import json

import pytest

from fzzf_cli.cli.app import Format
from fzzf_cli.present.formats import BINARY, FORMATS, Headers, encode, present
from fzzf_cli.present.view import Table, View

COLS = [("name", "名称"), ("n", "数")]
ROWS = [{"name": "德庆县", "n": 3}, {"name": "=HYPERLINK(1)", "n": -1}]


def _out(view: View, fmt: str, width: int | None = None) -> str:
    stream = io.StringIO()
    present(view, fmt, stream, width)
    return stream.getvalue()


def test_the_cli_offers_exactly_the_registered_formats() -> None:
    assert [f.value for f in Format] == list(FORMATS)


TEXT_FORMATS = [fmt for fmt in FORMATS if fmt not in BINARY]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_every_format_writes_a_view(fmt: str) -> None:
    view = View({"rows": ROWS}, [Table("标题", COLS, ROWS)], footer="共 2 个\n")
    assert "德庆县" in _out(view, fmt)


def test_a_binary_format_writes_a_view() -> None:
    view = View({"rows": ROWS}, [Table("标题", COLS, ROWS)], footer="共 2 个\n")
    assert encode(view, "xlsx").startswith(b"PK")


def test_json_is_the_record() -> None:
    view = View({"rows": ROWS}, [Table("标题", COLS, ROWS)])
    assert json.loads(_out(view, "json")) == {"rows": ROWS}


def test_csv_is_the_sheet_or_the_first_table_with_keys_as_headings() -> None:
    first = View({}, [Table("t", COLS, ROWS), Table("u", [("x", "X")], [{"x": 1}])])
    text = _out(first, "csv")
    assert text.startswith("\ufeffname,n\r\n") and "'=HYPERLINK(1),-1" in text
    sheet = View({}, [Table("t", COLS, ROWS)], sheet=Table("", [("x", "x")], [{"x": 7}]))
    assert _out(sheet, "csv") == "\ufeffx\r\n7\r\n"


def test_table_format_shortens_brief_columns_only_in_the_terminal() -> None:
    long = [{"name": "一二三四五六七八九十", "n": 1}]
    view = View({}, [Table("", COLS, long, brief={"name": 5})])
    assert "一二三四…" in _out(view, "table") and "一二三四五" not in _out(view, "table")
    assert "一二三四五六七八九十" in _out(view, "md")


def test_sections_under_a_heading() -> None:
    tables = [Table("2016 年", COLS, ROWS[:1]), Table("2017 年", COLS, ROWS[1:])]
    view = View({}, tables, heading="德庆县应承担的事项", footer="共 2 项\n")
    md = _out(view, "md")
    assert md.startswith("## 德庆县应承担的事项\n\n\n### 2016 年\n\n| 名称 | 数 |")
    assert md.endswith("|\n\n共 2 项\n")
    text = _out(view, "table")
    assert text.startswith("德庆县应承担的事项\n") and text.endswith("共 2 项\n")


def test_empty_is_said_instead_of_tables_and_the_footer_follows() -> None:
    view = View({}, [], empty="没有逾期事项", footer="\n日期说明\n")
    assert _out(view, "table") == "没有逾期事项\n\n日期说明\n"
    assert _out(view, "md") == "没有逾期事项\n\n日期说明\n"


def test_tables_are_separated_by_a_blank_line() -> None:
    view = View({}, [Table("甲", COLS, ROWS[:1]), Table("乙", COLS, ROWS[:1])])
    md = _out(view, "md")
    assert "|\n\n**乙**\n\n" in md
    assert "\n\n" in _out(view, "table")


def test_the_notice_goes_to_stderr_in_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in FORMATS:
        view = View({"obligations": []}, notice="没有到期事项")
        out = encode(view, fmt).decode("latin-1") if fmt in BINARY else _out(view, fmt)
        assert "没有到期事项" not in out
        assert capsys.readouterr().err == "没有到期事项\n"


def test_headers_zh_heads_the_sheet_with_the_columns_headings() -> None:
    view = View({}, [Table("t", COLS, ROWS)])
    stream = io.StringIO()
    present(view, "csv", stream, headers=Headers.ZH)
    assert stream.getvalue().startswith("\ufeff名称,数\r\n德庆县,3\r\n'=HYPERLINK(1),-1")
    assert _out(view, "csv").startswith("\ufeffname,n\r\n")


def test_a_binary_format_is_never_written_as_text() -> None:
    with pytest.raises(ValueError):
        _out(View({}), "xlsx")


HOSTILE = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "#N/A",
    "a\x00b\x07c\x1bd\ufffee",
    "标题" * 20_000,
]


def test_hostile_values_are_inert_text_in_a_workbook() -> None:
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    rows = [{"name": text, "n": 1} for text in HOSTILE]
    content = encode(View({}, [Table("t", COLS, rows)]), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells[:5]] == HOSTILE[:5]
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells[:4])  # stays text when edited in Excel
    assert cells[5].value == "abcde"
    assert len(cells[6].value) == 32_767 and cells[6].value.endswith("…")
    xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml and b't="e"' not in xml


def test_a_workbook_holds_typed_values_and_empty_for_none() -> None:
    from datetime import date, datetime

    openpyxl = pytest.importorskip("openpyxl")
    cols = [("d", "日期"), ("n", "数"), ("b", "是否"), ("l", "列表"), ("x", "无")]
    row = {"d": "2017-07-15", "n": 2.5, "b": False, "l": ["甲", "乙"], "x": "—"}
    content = encode(View({}, sheet=Table("", cols, [row, {"d": date(2016, 1, 2)}])), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[1]] == ["日期", "数", "是否", "列表", "无"]
    assert [c.value for c in sheet[2]] == [datetime(2017, 7, 15), 2.5, "否", "甲、乙", None]
    assert sheet["A2"].number_format == "yyyy-mm-dd" and sheet["A3"].value == datetime(2016, 1, 2)
