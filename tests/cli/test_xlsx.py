"""Excel out: every listing in ``-f xlsx`` holds the rows of its JSON, typed (dates as
dates, numbers as numbers), under the Chinese headings CSV gives with ``--headers zh``;
workbooks are only written to files; hostile values stay inert text."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from ..conftest import REPO, edit

openpyxl = pytest.importorskip("openpyxl")

AS_OF = "2017-07-15"

# Each listing: its arguments, where its JSON keeps the rows, and how a sheet column
# (CSV key) is found in a JSON row when the sheet shows it in words (None: by its key).
LISTINGS: dict[str, tuple[tuple[str, ...], str, dict[str, Any]]] = {
    "due": (("due", "--year", "2016"), "obligations", {}),
    "owes": (("owes", "deqing"), "obligations", {}),
    "overdue": (("overdue",), "obligations", {
        "status": lambda r: r["status_label"], "days": lambda r: r["days_overdue"],
        "light": lambda r: {"red": "红"}[r["light"]], "unit": None, "due": None, "title": None,
    }),
    "status": (("status",), "units", {}),
    "review": (("review",), "claims", {}),
    "measures": (("measures",), "measures", {
        "no": lambda r: r["id"], "summary": lambda r: r["text"],
        "unit_count": lambda r: len(r["units"]),
    }),
    "units": (("units",), "units", {"id": None, "name": None}),
    "pilots": (("pilots",), "pilots", {
        "no": lambda r: r["id"], "pilot_title": lambda r: r["title"],
        "plan_due": None, "complete_by": None,
    }),
}  # fmt: skip


@pytest.fixture
def demo(plan_repo: Path) -> Path:
    shutil.copytree(REPO / "examples" / "submissions", plan_repo / "data" / "submissions")
    return plan_repo


def _in_cell(value: Any) -> Any:
    """A JSON value as the workbook holds it."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(value)
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        return datetime.combine(date.fromisoformat(value), datetime.min.time())
    return value


def _book(path: Path) -> Any:
    return openpyxl.load_workbook(path).active


@pytest.mark.parametrize("listing", list(LISTINGS))
def test_every_listing_in_xlsx_has_the_rows_of_its_json(cli, demo: Path, listing: str) -> None:
    args, key, mapped = LISTINGS[listing]
    args = (*args, "--as-of", AS_OF, "--data", str(demo))
    if listing in ("measures", "units", "pilots"):
        args = (*args[:-4], "--data", str(demo))
    code, out, _ = cli(*args, "-f", "json")
    records = json.loads(out)[key]
    assert code == 0 and records, listing
    _, keyed, _ = cli(*args, "-f", "csv")
    _, headed, _ = cli(*args, "-f", "csv", "--headers", "zh")
    keys = next(csv.reader(io.StringIO(keyed.removeprefix("\ufeff"))))
    headings = next(csv.reader(io.StringIO(headed.removeprefix("\ufeff"))))
    assert len(set(headings)) == len(keys) and headings != keys  # Chinese, one per column
    code, out, _ = cli(*args, "-f", "xlsx", "-o", "out.xlsx")
    assert code == 0 and "out.xlsx" in out
    sheet = _book(Path("out.xlsx"))
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == headings and len(rows) == len(records) + 1
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    checked = mapped or {k: None for k in keys}
    for record, row in zip(records, rows[1:], strict=True):
        cells = dict(zip(keys, row, strict=True))
        for column, read in checked.items():
            expected = record[column] if read is None else read(record)
            assert cells[column] == _in_cell(expected), (listing, column, record)


def test_dates_are_dates_and_numbers_are_numbers(cli, demo: Path) -> None:
    args = ("status", "--as-of", AS_OF, "--data", str(demo), "-f", "xlsx", "-o", "s.xlsx")
    assert cli(*args)[0] == 0
    sheet = _book(Path("s.xlsx"))
    head = [c.value for c in sheet[1]]
    row = sheet[2]
    next_due = row[head.index("下一期限")]
    assert isinstance(next_due.value, datetime) and next_due.number_format == "yyyy-mm-dd"
    assert row[head.index("逾期")].data_type == "n" and isinstance(
        row[head.index("逾期")].value, int
    )
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    assert widths["B"] > widths["C"]  # a unit's name (CJK, counted double) over a count


def test_a_workbook_is_never_written_to_standard_output(cli) -> None:
    code, out, err = cli("units", "-f", "xlsx")
    assert code == 2 and out == "" and "-o" in err
    assert cli("units", "-f", "xlsx", "-o", "-")[0] == 2


def test_written_again_only_when_fzzf_wrote_it(cli, tmp_path: Path) -> None:
    assert cli("units", "-f", "xlsx", "-o", "u.xlsx")[0] == 0
    assert cli("units", "-f", "xlsx", "-o", "u.xlsx")[0] == 0  # its own: regenerated
    assert zipfile.ZipFile("u.xlsx").comment == b"generated by fzzf"
    Path("theirs.xlsx").write_bytes(b"PK\x03\x04 someone's workbook")
    code, _, err = cli("units", "-f", "xlsx", "-o", "theirs.xlsx")
    assert code == 1 and "不覆盖" in err
    assert Path("theirs.xlsx").read_bytes() == b"PK\x03\x04 someone's workbook"
    assert cli("units", "-f", "xlsx", "-o", "theirs.xlsx", "--force")[0] == 0


def test_text_formats_go_to_a_file_with_o_and_never_over_one(cli) -> None:
    code, out, _ = cli("pilots", "-f", "csv", "--headers", "zh", "-o", "p.csv")
    text = Path("p.csv").read_text(encoding="utf-8-sig")
    assert code == 0 and text.startswith("编号,试点内容,") and "p.csv" in out
    code, _, err = cli("pilots", "-f", "csv", "-o", "p.csv")
    assert code == 1 and "--force" in err


def test_a_formula_in_the_data_is_text_in_the_workbook(cli, plan_repo: Path) -> None:
    edit(
        plan_repo / "data" / "units.yaml",
        "    name: 德庆县\n",
        "    name: \"=cmd|' /C calc'!A0\"\n",
    )
    code, _, _ = cli("units", "--data", str(plan_repo), "-f", "xlsx", "-o", "u.xlsx")
    assert code == 0
    cell = next(c for row in _book(Path("u.xlsx")).iter_rows() for c in row
                if c.value == "=cmd|' /C calc'!A0")  # fmt: skip
    assert cell.data_type == "s" and cell.quotePrefix
    sheet_xml = zipfile.ZipFile("u.xlsx").read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml


def test_the_ledger_as_the_office_reads_it(cli, demo: Path) -> None:
    from fzzf_cli.cli.state import workspace
    from fzzf_cli.present.sheets import LIGHT_FILLS

    code, out, _ = cli("ledger", "--as-of", AS_OF, "--data", str(demo))
    target = demo / "reports" / f"ledger-{AS_OF}.xlsx"
    assert code == 0 and target.name in out
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["台账", "逾期", "各单位", "各方面"]
    for sheet in book:
        assert sheet.freeze_panes == "A4" and sheet.auto_filter.ref.startswith("A3:")
        assert sheet.print_title_rows == "$3:$3" and sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.paperSize == 9 and sheet.page_setup.fitToWidth == 1  # A4
        assert "2017年7月15日" in sheet["A2"].value
    every = book["台账"]
    head = [c.value for c in every[3]]
    assert head[:9] == [
        "序号",
        "责任单位",
        "措施",
        "类别",
        "事项",
        "方案原文",
        "期限",
        "状态",
        "预警",
    ]
    _, ws = workspace(demo, date(2017, 7, 15))
    lights = {a.obligation.id: a.light for a in ws.assessed}
    rows = list(every.iter_rows(min_row=4))
    assert len(rows) == len(lights)
    words = {"red": "红", "yellow": "黄", "blue": "蓝", "green": "绿", None: None}
    colours = set()
    for row in rows:
        cells = dict(zip(head, row, strict=True))
        light = lights[cells["标识"].value]
        assert cells["预警"].value == words[light]
        if light is not None:
            assert cells["预警"].fill.start_color.rgb.endswith(LIGHT_FILLS[light])
            colours.add(light)
        assert isinstance(cells["期限"].value, datetime)
    assert colours == {"red", "yellow", "blue", "green"}
    overdue = [r[0].value for r in book["逾期"].iter_rows(min_row=4)]
    assert len(overdue) == sum(1 for light in lights.values() if light == "red")
    units = book["各单位"]
    assert [c.value for c in units[3]][8:12] == ["红灯", "黄灯", "蓝灯", "绿灯"]
    assert units.cell(row=4, column=4).number_format == "0%"


def test_the_ledger_is_written_again_but_never_over_anothers_file(cli, mini_repo: Path) -> None:
    args = ("ledger", "--as-of", AS_OF, "--data", str(mini_repo))
    assert cli(*args)[0] == 0 and cli(*args)[0] == 0
    Path("mine.xlsx").write_text("not a workbook", encoding="utf-8")
    code, _, _ = cli(*args, "-o", "mine.xlsx")
    assert code == 1 and Path("mine.xlsx").read_text(encoding="utf-8") == "not a workbook"
    assert cli(*args, "-o", "-")[0] == 2
    assert cli("ledger", "--as-of", AS_OF)[0] == 2  # the built-in plan has no filings


def test_openpyxl_is_loaded_only_for_a_workbook() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from fzzf_cli.cli.main import app; from fzzf_cli.present.formats import "
        "present; print(any(m.startswith('openpyxl') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
