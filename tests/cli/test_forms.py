"""Report forms for units without git, end to end through the CLI: ``fzzf new report …
-f xlsx`` writes a workbook, a clerk fills it (here, openpyxl), ``fzzf import report``
turns it into the YAML report, and ``fzzf validate``, ``owes`` and ``status`` count it.

Each hostile workbook of the corpus below carries, beside it, the code and the cell of
the problem it must give; the wording of each is kept in ``tests/golden/xlsx-problems.txt``.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from openpyxl import Workbook, load_workbook

from fzzf_cli.errors import Problem
from fzzf_cli.present.safe import one_line

from ..conftest import GOLDEN, PROBLEM_TEXT, Result

FORM = "form.xlsx"
Run = Callable[..., Result]


def make_form(cli: Run, repo: Path, unit: str = "deqing", period: str = "2016-H2") -> Path:
    code, out, err = cli("new", "report", unit, period, "-f", "xlsx", "-o", FORM,
                         "--data", str(repo))  # fmt: skip
    assert code == 0, err
    assert FORM in out
    return Path(FORM)


def fill(path: Path, edit: Callable[[Workbook], Any]) -> None:
    """Open the form as Excel would, let ``edit`` change it, save it."""
    book = load_workbook(path)
    edit(book)
    book.save(path)


def filled(book: Workbook) -> None:
    """What a careful clerk enters: every cell right."""
    info, items, pilots = book["报送信息"], book["落实情况"], book["试点进展"]
    info["B7"] = date(2016, 12, 20)
    items["F2"] = "已完成"
    items["G2"] = date(2016, 12, 10)
    items["H2"] = "县政府常务会议纪要\n公示 https://example.gov.cn/notice/1"
    items["I2"] = "按期完成"
    pilots["C2"] = "推进中"
    pilots["D2"] = "方案已印发"


def test_filled_form_imports_to_a_report_that_counts(cli: Run, mini_repo: Path) -> None:
    form = make_form(cli, mini_repo)
    fill(form, filled)
    data = ("--data", str(mini_repo))
    code, out, err = cli("import", "report", str(form), *data)
    assert (code, err) == (0, "")
    assert "data/submissions/2016-H2/deqing.yaml" in out
    written = (mini_repo / "data/submissions/2016-H2/deqing.yaml").read_text(encoding="utf-8")
    assert written.startswith("# 德庆县 2016-H2 半年报送（由 fzzf new report 生成）\n")
    assert written.split("\n\n", 1)[1] == (
        "unit: deqing\nperiod: 2016-H2\nsubmitted: '2016-12-20'\nitems:\n"
        "  - id: m1-2016-12-31\n    title: 2016-12-31 做一件事\n    status: done\n"
        "    done: '2016-12-10'\n    evidence:\n      - text: 县政府常务会议纪要\n"
        "      - text: 公示\n        link: https://example.gov.cn/notice/1\n"
        "    note: 按期完成\npilots:\n  - pilot: 2\n    status: in_progress\n"
        "    progress: 方案已印发\n"
    )
    assert cli("validate", *data)[0] == 0
    _, out, _ = cli("status", "--as-of", "2017-01-10", "-f", "json", *data)
    deqing = next(u for u in json.loads(out)["units"] if u["unit_id"] == "deqing")
    # The 2016-H2 report counts as filed on time; the item done awaits the review.
    assert (deqing["reports_on_time"], deqing["claimed"]) == (1, 1)
    # Imported again: the report is there and is never overwritten.
    code, _, err = cli("import", "report", str(form), *data)
    assert code == 1 and "已报送" in err


def test_a_carried_forward_form_round_trips_unchanged(cli: Run, mini_repo: Path) -> None:
    """What the unit filed before comes back into the next form and out again as it was."""
    data = ("--data", str(mini_repo))
    form = make_form(cli, mini_repo, period="2016-H1")
    fill(form, filled_h1)
    assert cli("import", "report", str(form), *data)[0] == 0
    form.unlink()
    make_form(cli, mini_repo, period="2016-H2")
    book = load_workbook(form)
    assert book["落实情况"]["F2"].value == "已完成"
    assert book["落实情况"]["H2"].value == "纪要\n链接 https://example.gov.cn/a"
    fill(form, lambda b: b["报送信息"].__setitem__("B7", date(2016, 12, 20)))
    assert cli("import", "report", str(form), *data)[0] == 0
    h2 = (mini_repo / "data/submissions/2016-H2/deqing.yaml").read_text(encoding="utf-8")
    assert "      - text: 链接\n        link: https://example.gov.cn/a\n" in h2


def filled_h1(book: Workbook) -> None:
    info, items = book["报送信息"], book["落实情况"]
    info["B7"] = "2016-06-28"
    items["A2"] = "m1-2016-12-31"  # the 2016-H1 form lists nothing yet: a row typed in
    items["F2"] = "已完成"
    items["G2"] = 42545  # an Excel date serial: 2016-06-24
    items["H2"] = "纪要\n链接 https://example.gov.cn/a"


def test_the_form_as_a_clerk_sees_it(cli: Run, mini_repo: Path) -> None:
    book = load_workbook(make_form(cli, mini_repo))
    assert book.sheetnames == ["报送信息", "落实情况", "试点进展"]
    info, items = book["报送信息"], book["落实情况"]
    assert [c.value for c in items[1]] == [
        "编号", "期限", "出处", "事项", "方案原文", "状态", "完成日期", "佐证材料", "备注",
        "理由（本期无进展、不适用）",
    ]  # fmt: skip
    assert [c.value for c in items[2]][:6] == [
        "m1-2016-12-31", items["B2"].value, "措施1", "做一件事", "2016年,做一件事", "未启动",
    ]  # fmt: skip
    assert items["B2"].is_date and items["B2"].number_format == 'yyyy"年"m"月"d"日"'
    assert items.freeze_panes == "A2" and info["B3"].value == "德庆县"
    assert items.column_dimensions["E"].width >= 40 and items.column_dimensions["A"].width >= 15
    rules = {str(v.sqref): v for v in items.data_validations.dataValidation}
    assert (
        rules["F2"].type == "list"
        and rules["F2"].formula1 == '"未启动,推进中,已完成,本期无进展,不适用"'
    )
    assert rules["G2"].type == "date"
    assert items.protection.sheet and items["A2"].protection.locked
    assert not items["F2"].protection.locked and not items["J2"].protection.locked
    pilots = {str(v.sqref): v for v in book["试点进展"].data_validations.dataValidation}
    assert pilots["C2"].formula1 == '"未启动,推进中,已完成"'  # a pilot's progress has no nil
    assert not info["B7"].protection.locked and info["B4"].protection.locked


def test_data_text_is_never_a_formula(cli: Run, mini_repo: Path) -> None:
    measures = mini_repo / "data" / "measures.yaml"
    text = measures.read_text(encoding="utf-8")
    measures.write_text(text.replace("title: 做一件事", "title: '=HYPERLINK(\"x\")'"), "utf-8")
    items = load_workbook(make_form(cli, mini_repo))["落实情况"]
    assert items["D2"].value == '=HYPERLINK("x")' and items["D2"].data_type == "s"


def test_new_report_xlsx_never_overwrites(cli: Run, mini_repo: Path) -> None:
    Path(FORM).write_bytes(b"a filled form")
    code, _, err = cli("new", "report", "deqing", "2016-H2", "-f", "xlsx", "-o", FORM,
                       "--data", str(mini_repo))  # fmt: skip
    assert code == 1 and "已存在" in err and Path(FORM).read_bytes() == b"a filled form"
    data = ("--data", str(mini_repo))
    code, _, _ = cli("new", "report", "deqing", "2016-H2", "-f", "xlsx", *data)
    assert code == 0 and Path("deqing-2016-H2.xlsx").is_file()
    assert not (mini_repo / "data/submissions/2016-H2").exists()
    code, _, err = cli("new", "report", "deqing", "2016-H2", "-o", "x.yaml", *data)
    assert code == 2 and "-o" in err


@pytest.mark.parametrize(
    ("args", "text"),
    [(("missing.xlsx",), "找不到文件"), ((".",), "不是普通文件")],
)
def test_import_usage_errors(cli: Run, mini_repo: Path, args: tuple[str, ...], text: str) -> None:
    code, _, err = cli("import", "report", *args, "--data", str(mini_repo))
    assert code == 2 and text in err


# --- the corpus of hostile workbooks -------------------------------------------------------


def _set(sheet: str, cell: str, value: Any) -> Callable[[Workbook], None]:
    def edit(book: Workbook) -> None:
        filled(book)
        book[sheet][cell] = value

    return edit


def _then(*edits: Callable[[Workbook], None]) -> Callable[[Workbook], None]:
    def edit(book: Workbook) -> None:
        for one in edits:
            one(book)

    return edit


def _swap_columns(book: Workbook) -> None:
    filled(book)
    items = book["落实情况"]
    for row in (1, 2):
        status, note = items[f"F{row}"], items[f"I{row}"]
        status.value, note.value = note.value, status.value


class OnFile(NamedTuple):
    """A change made to the file itself, not through openpyxl."""

    change: Callable[[Path], None]


def _raw(data: bytes) -> OnFile:
    return OnFile(lambda path: path.write_bytes(data))


@OnFile
def _bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))


@OnFile
def _lying_bomb(path: Path) -> None:
    """A part whose headers say 1 KB but which unpacks to 2 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<x/>" * (512 * 1024))
    raw = bytearray(out.getvalue())
    size = (2 * 1024 * 1024).to_bytes(4, "little")
    for at in (i for i in range(len(raw) - 4) if raw[i : i + 4] == size):
        raw[at : at + 4] = (1024).to_bytes(4, "little")
    path.write_bytes(bytes(raw))


def _in_xml(*changes: tuple[bytes, bytes]) -> OnFile:
    """The workbook's XML with each ``old`` replaced by ``new`` (what no spreadsheet writes)."""

    def change(path: Path) -> None:
        out = io.BytesIO()
        with zipfile.ZipFile(path) as was, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as now:
            for part in was.infolist():
                data = was.read(part)
                for old, new in changes:  # as UTF-8, or as character references (lxml)
                    referenced = old.decode().encode("ascii", "xmlcharrefreplace")
                    data = data.replace(old if old in data else referenced, new)
                now.writestr(part, data)
        path.write_bytes(out.getvalue())

    return OnFile(change)


PROMPT = "按期".encode()  # in the note the clerk typed
# "Billion laughs": ten to the ninth "a" from a few hundred bytes, used in the note.
LAUGHS = (
    b"<!DOCTYPE worksheet [<!ENTITY a0 'aaaaaaaaaa'>"
    + b"".join(f"<!ENTITY a{n} '{f'&a{n - 1};' * 10}'>".encode() for n in range(1, 9))
    + b"]>"
)


IT, SI, PI = "落实情况", "报送信息", "试点进展"  # the form's sheets: items, info, pilots
# (case, how the clerk's workbook differs, (code, cell) of the problem, or None: imports)
# fmt: off
CASES: list[tuple[str, Any, tuple[str, str] | None]] = [
    ("clean", filled, None),
    ("date-as-text", _set(IT, "G2", "2016年12月10日"), None),
    ("date-as-slashes", _set(IT, "G2", "2016/12/10"), None),
    ("date-as-serial", _set(IT, "G2", 42714), None),
    ("number-as-evidence", _set(IT, "H2", 12), None),
    ("columns-reordered", _swap_columns, None),
    ("sheet-renamed", _then(filled, lambda b: setattr(b["落实情况"], "title", "Sheet1")), None),
    ("extra-sheet", _then(filled, lambda b: b.create_sheet("草稿")), None),
    ("status-not-in-list", _set(IT, "F2", "完成了"), ("xlsx-bad-status", "落实情况!F2")),
    ("status-empty", _set(IT, "F2", None), ("xlsx-status-empty", "落实情况!F2")),
    ("date-words", _set(IT, "G2", "下周"), ("xlsx-bad-date", "落实情况!G2")),
    ("date-impossible", _set(IT, "G2", "2016-02-30"), ("xlsx-bad-date", "落实情况!G2")),
    ("date-time", _set(IT, "G2", 42714.5), None),  # noon that day: the day
    ("date-as-digits", _set(IT, "G2", 20161210), ("xlsx-error-value", "落实情况!G2")),
    ("bool-as-note", _set(IT, "I2", True), ("xlsx-not-text", "落实情况!I2")),
    ("formula-no-value", _set(IT, "G2", "=TODAY()"),
     ("xlsx-formula-no-value", "落实情况!G2")),
    ("error-value", _set(IT, "I2", "#N/A"), ("xlsx-error-value", "落实情况!I2")),
    ("done-without-date", _set(IT, "G2", None), ("done-needs-date", "落实情况!G2")),
    ("date-not-done", _set(IT, "F2", "推进中"), ("date-needs-done", "落实情况!G2")),
    ("done-after-filed", _set(IT, "G2", date(2016, 12, 25)),
     ("sub-done-after-filed", "落实情况!G2")),
    ("filed-before-period", _set(SI, "B7", date(2016, 6, 1)),
     ("sub-before-period", "报送信息!B7")),
    ("id-not-owed", _set(IT, "A2", "m9-2016-12-31"), ("sub-item-unknown", "落实情况!A2")),
    ("id-twice", _then(_set(IT, "A3", "m1-2016-12-31"), _set(IT, "F3", "推进中")),
     ("sub-item-twice", "落实情况!A3")),
    ("row-without-id", _set(IT, "I3", "另外"), ("xlsx-row-without-id", "落实情况!A3")),
    ("direction-mark", _set(IT, "I2", "按期\u202e完成"),
     ("text-control-char", "落实情况!I2")),
    ("pilot-not-ours", _set(PI, "A2", 5), ("field-less-than-equal", "试点进展!A2")),
    ("column-renamed", _set(IT, "F1", "进度"), ("xlsx-no-column", "落实情况!1:1")),
    ("sheet-deleted", _then(filled, lambda b: b.remove(b["报送信息"])), ("xlsx-no-sheet", FORM)),
    ("other-unit", _set(SI, "B4", "bianban"), ("xlsx-unit-mismatch", "报送信息!B3")),
    ("other-period", _set(SI, "B6", "2016-H1"), ("xlsx-period-mismatch", "报送信息!B5")),
    ("unknown-unit", _set(SI, "B4", "nobody"), ("xlsx-unknown-unit", "报送信息!B4")),
    ("unknown-period", _set(SI, "B6", "2030-H1"), ("xlsx-unknown-period", "报送信息!B6")),
    ("huge-sheet", _set(IT, "A1001", "x"), ("xlsx-too-many-rows", "落实情况!A1001")),
    ("wide-sheet", _set(IT, "AE2", "x"), ("xlsx-too-many-cols", "落实情况!AE2")),
    ("not-a-zip", _raw(b"name,status\nm1,done\n"), ("xlsx-not-zip", FORM)),
    ("old-xls", _raw(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512), ("xlsx-old-format", FORM)),
    ("too-large", _raw(b"PK" + b"\0" * (5 * 1024 * 1024)), ("xlsx-too-large", FORM)),
    ("zip-bomb", _bomb, ("xlsx-unpacked-too-large", FORM)),
    ("zip-bomb-lying", _lying_bomb, ("xlsx-unreadable", FORM)),
    ("empty-file", _raw(b""), ("xlsx-not-zip", FORM)),
    ("xml-control-char", _in_xml((PROMPT, b"\x01")), ("xlsx-unreadable", FORM)),
    ("xml-control-escaped", _in_xml((PROMPT, b"_x0001_")), None),  # text, as written
    ("xml-entity-bomb", _in_xml((b"<worksheet", LAUGHS + b"<worksheet"), (PROMPT, b"&a8;")),
     ("xlsx-unreadable", FORM)),
]
# fmt: on


@pytest.fixture(scope="module")
def filled_form(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The form of the first test, made and filled once for all cases (it takes time)."""
    from typer.testing import CliRunner

    from fzzf_cli.cli.main import app

    from ..miniplan import write_plan

    folder = tmp_path_factory.mktemp("form")
    repo = write_plan(folder / "repo")
    args = ["new", "report", "deqing", "2016-H2", "-f", "xlsx", "-o", str(folder / FORM)]
    assert CliRunner().invoke(app, [*args, "--data", str(repo)]).exit_code == 0
    fill(folder / FORM, filled)
    return (folder / FORM).read_bytes()


@pytest.mark.parametrize(("case", "edit", "expect"), CASES, ids=[c[0] for c in CASES])
def test_hostile_workbooks(
    cli: Run,
    mini_repo: Path,
    shown: list[Problem],
    golden_lines: dict[str, str],
    filled_form: bytes,
    case: str,
    edit: Any,
    expect: tuple[str, str] | None,
) -> None:
    form = Path(FORM)
    form.write_bytes(filled_form)
    if isinstance(edit, OnFile):
        edit.change(form)
    else:
        fill(form, edit)
    code, out, err = cli("import", "report", FORM, "--data", str(mini_repo))
    target = mini_repo / "data/submissions/2016-H2/deqing.yaml"
    if expect is None:
        assert (code, err) == (0, ""), err
        assert target.is_file() and cli("validate", "--data", str(mini_repo))[0] == 0
        return
    assert code == 1 and not target.exists(), (code, out, err)
    assert "没有导入" in err and "Traceback" not in err
    located = [(p.code, str(p.location)) for p in shown]
    where = expect[1] if expect[1] == FORM else f"{FORM}:{expect[1]}"
    assert located[0] == (expect[0], where), located
    golden_lines[case] = f"{case} {expect[0]} {one_line(PROBLEM_TEXT(shown[0]))}"


WORDING = GOLDEN / "xlsx-problems.txt"


@pytest.fixture(scope="module")
def golden_lines(request: pytest.FixtureRequest) -> Any:
    """Each case's first problem as shown, compared with (or, with --update-golden,
    written to) tests/golden/xlsx-problems.txt once the module's cases have run."""
    lines: dict[str, str] = {}
    yield lines
    if len(lines) < sum(1 for c in CASES if c[2] is not None):
        return  # a selection of cases ran: nothing to compare as a whole
    text = "".join(lines[c[0]] + "\n" for c in CASES if c[2] is not None)
    if request.config.getoption("--update-golden"):
        WORDING.write_text(text, encoding="utf-8")
    else:
        assert WORDING.read_text(encoding="utf-8") == text, "xlsx-problems.txt differs"
