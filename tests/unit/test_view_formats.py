"""The format registry: every view speaks every format, the CLI offers exactly the
registered ones, and each format's rules (sections, empty, footer, brief, sheet)."""

from __future__ import annotations

import io
import json

import pytest

from fzzf_cli.cli.app import Format
from fzzf_cli.present.formats import FORMATS, present
from fzzf_cli.present.view import Table, View

COLS = [("name", "名称"), ("n", "数")]
ROWS = [{"name": "德庆县", "n": 3}, {"name": "=HYPERLINK(1)", "n": -1}]


def _out(view: View, fmt: str, width: int | None = None) -> str:
    stream = io.StringIO()
    present(view, fmt, stream, width)
    return stream.getvalue()


def test_the_cli_offers_exactly_the_registered_formats() -> None:
    assert [f.value for f in Format] == list(FORMATS)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_writes_a_view(fmt: str) -> None:
    view = View({"rows": ROWS}, [Table("标题", COLS, ROWS)], footer="共 2 个\n")
    assert "德庆县" in _out(view, fmt)


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
        out = _out(View({"obligations": []}, notice="没有到期事项"), fmt)
        assert "没有到期事项" not in out
        assert capsys.readouterr().err == "没有到期事项\n"
