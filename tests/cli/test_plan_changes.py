"""Extensions (延期) and extra reporting rounds (另行通知报送) on the small plan, in git
repositories with fixed commit dates: an extension moves the due date and the judgement of
lateness, and both dates show in status, JSON and reports; a round gives obligations, a
scaffold and a gate entry; broken files are reported at their lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import commit_all, located

EXTENSION = """\
extensions:
  - item: report-2016-H2
    units: [deqing]
    due: 2017-01-31
    document: 肇法函〔2017〕5号
    date: 2017-01-10
"""
ROUND = """\
rounds:
  - id: 2017-r1
    subject: 行政执法责任制落实情况
    units: [counties, bianban]
    due: 2017-05-31
    notice: 肇法函〔2017〕12号
    date: 2017-05-02
"""
REPORT = "unit: deqing\nperiod: 2016-H2\nsubmitted: 2017-01-20\nitems: []\n"
DATES = "原定 2016-12-31，延至 2017-01-31（肇法函〔2017〕5号），2017-01-20 完成"


def _write(repo: Path, relative: str, text: str) -> Path:
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def extended(mini_repo: Path) -> Path:
    """德庆县's 2016-H2 report, extended to 2017-01-31 on 2017-01-10, filed 2017-01-20."""
    commit_all(mini_repo, "方案", "2016-04-08T09:00:00+08:00")
    _write(mini_repo, "data/extensions.yaml", EXTENSION)
    commit_all(mini_repo, "延期", "2017-01-10T09:00:00+08:00")
    _write(mini_repo, "data/submissions/2016-H2/deqing.yaml", REPORT)
    commit_all(mini_repo, "德庆县 2016-H2", "2017-01-20T09:00:00+08:00")
    return mini_repo


def _duty(cli, repo: Path, as_of: str, oid: str) -> dict:
    code, out, _ = cli("owes", "deqing", "--as-of", as_of, "-f", "json", "--data", str(repo))
    assert code == 0
    return next(r for r in json.loads(out)["obligations"] if r["id"] == oid)


def test_an_extension_moves_the_due_date_and_the_late_judgement(cli, extended: Path) -> None:
    duty = _duty(cli, extended, "2017-02-01", "report-2016-H2.deqing")
    assert (duty["status"], duty["due"], duty["due_original"]) == (
        "on_time",
        "2017-01-31",
        "2016-12-31",
    )
    assert duty["revisions"] == [
        {"due": "2017-01-31", "document": "肇法函〔2017〕5号", "date": "2017-01-10"}
    ]
    (extended / "data" / "extensions.yaml").unlink()
    duty = _duty(cli, extended, "2017-02-01", "report-2016-H2.deqing")
    assert (duty["status"], duty["due"], duty["revisions"]) == ("late", "2016-12-31", [])


def test_an_extension_counts_from_its_document(cli, extended: Path) -> None:
    """Before 2017-01-10 the report was missing; after, it was due on the new date."""
    assert _duty(cli, extended, "2017-01-05", "report-2016-H2.deqing")["status"] == "missing"
    duty = _duty(cli, extended, "2017-01-18", "report-2016-H2.deqing")
    assert (duty["status"], duty["due"]) == ("due_soon", "2017-01-31")


def test_both_dates_show_in_status_rows_and_reports(cli, extended: Path) -> None:
    code, out, _ = cli("owes", "deqing", "--as-of", "2017-02-01", "--data", str(extended))
    assert code == 0 and DATES in out
    code, out, _ = cli(
        "report", "-f", "md", "-o", "-", "--as-of", "2017-02-01", "--data", str(extended)
    )
    assert code == 0
    assert f"| 德庆县 | 报送 2016-H2 创建工作落实情况（报市法制局） | {DATES} | 按时报送 |" in out
    # 市编办's report is not extended: still missing, no revision shown.
    code, out, _ = cli("overdue", "--as-of", "2017-02-01", "--data", str(extended))
    assert "原定" not in out and "市编办" in out


def test_revisions_are_kept_and_apply_in_the_order_of_their_documents(
    cli, extended: Path, monkeypatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # the dates on one line
    text = EXTENSION.replace(
        "extensions:\n",
        "extensions:\n"
        + """\
  - item: report-2016-H2
    due: 2017-03-31
    document: 肇法函〔2017〕8号
    date: 2017-02-10
""",
    )
    _write(extended, "data/extensions.yaml", text)
    duty = _duty(cli, extended, "2017-03-01", "report-2016-H2.deqing")
    assert [r["document"] for r in duty["revisions"]] == ["肇法函〔2017〕5号", "肇法函〔2017〕8号"]
    assert (duty["due"], duty["due_original"]) == ("2017-03-31", "2016-12-31")
    _, out, _ = cli("owes", "deqing", "--as-of", "2017-03-01", "--data", str(extended))
    assert "延至 2017-01-31（肇法函〔2017〕5号），再延至 2017-03-31（肇法函〔2017〕8号）" in out


@pytest.fixture
def called(mini_repo: Path) -> Path:
    commit_all(mini_repo, "方案", "2016-04-08T09:00:00+08:00")
    _write(mini_repo, "data/rounds.yaml", ROUND)
    commit_all(mini_repo, "另行通知", "2017-05-02T09:00:00+08:00")
    return mini_repo


def test_a_round_gives_obligations_a_scaffold_and_a_gate_entry(cli, called: Path) -> None:
    code, out, _ = cli(
        "due", "--as-of", "2017-05-01", "--expand", "-f", "json", "--data", str(called)
    )
    rounds = {r["id"]: r for r in json.loads(out)["obligations"] if r["kind"] == "round"}
    assert sorted(rounds) == ["round-2017-r1.bianban", "round-2017-r1.deqing"]
    assert rounds["round-2017-r1.deqing"]["due"] == "2017-05-31"
    code, out, _ = cli(
        "new", "round", "2017-r1", "德庆县", "--date", "2017-05-20", "--data", str(called)
    )
    path = called / "data/submissions/rounds/2017-r1/deqing.yaml"
    assert code == 0 and path.is_file()
    assert cli("validate", "--as-of", "2017-06-10", "--data", str(called))[0] == 1  # the prompt
    path.write_text(
        path.read_text(encoding="utf-8").replace("（报送的工作情况）", "已落实"), "utf-8"
    )
    commit_all(called, "德庆县", "2017-05-20T10:00:00+08:00")
    code, out, err = cli("check", "--as-of", "2017-06-10", "--data", str(called))
    assert code == 1
    assert "data/submissions/rounds/2017-r1/bianban.yaml" in out + err
    assert "fzzf new round 2017-r1 bianban" in out + err
    assert "rounds/2017-r1/deqing.yaml" not in out + err
    code, out, _ = cli(
        "report", "-f", "md", "-o", "-", "--as-of", "2017-06-10", "--data", str(called)
    )
    assert "## 另行通知报送：行政执法责任制落实情况" in out
    assert "| 德庆县 | 2017-05-31，2017-05-20 报送 | 按时报送 |" in out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [(("2017-r9", "deqing"), "2017-r1"), (("2017-r1", "fazhiju"), "市编办")],
)
def test_new_round_refuses_a_round_or_unit_not_called(cli, called: Path, args, fragment) -> None:
    code, _, err = cli("new", "round", *args, "--data", str(called))
    assert code == 2 and fragment in err


EXT_HEAD = (
    "extensions:\n  - item: m1-2016-12-31\n    document: 肇法函〔2017〕6号\n    date: 2017-01-12\n"
)
ROUND_HEAD = "rounds:\n  - id: 2017-r1\n    subject: 情况\n    notice: 肇法函〔2017〕12号\n"
ON_DAY = "    date: 2017-05-02\n"
M1_2017 = EXT_HEAD.replace("m1-2016-12-31", "m1-2017-12-31")


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("extensions", EXT_HEAD.replace("m1-2016-12-31", "m1-2016-12-30") + "    due: 2017-03-31\n",
         [("ext-unknown-item", "data/extensions.yaml:2:11")]),
        ("extensions", EXT_HEAD + "    due: 2017-03-31\n    units: [deqin]\n",
         [("ref-unknown", "data/extensions.yaml:6:13")]),
        ("extensions", M1_2017 + "    due: 2018-03-31\n    units: [bianban]\n",
         [("ext-not-owed", "data/extensions.yaml:6:13")]),
        ("extensions", EXT_HEAD + "    due: 2016-12-31\n",
         [("ext-not-later", "data/extensions.yaml:5:10")]),
        ("extensions", EXT_HEAD + "    due: 2017-3-31\n",
         [("date-format", "data/extensions.yaml:5:10")]),
        ("rounds", ROUND_HEAD + "    units: [deqing, bianbanx]\n    due: 2017-05-31\n" + ON_DAY,
         [("ref-unknown", "data/rounds.yaml:5:21")]),
        ("rounds", ROUND_HEAD + "    units: [deqing]\n    due: 2017-05-01\n" + ON_DAY,
         [("round-due-not-after", "data/rounds.yaml:6:10")]),
        ("rounds",
         ROUND_HEAD + "    units: [deqing]\n    due: 2017-05-31\n" + ON_DAY + "    by: x\n",
         [("field-extra-forbidden", "data/rounds.yaml:8:5")]),
    ],
)  # fmt: skip
def test_broken_extension_and_round_files_are_reported_at_their_lines(
    cli, mini_repo: Path, shown, name: str, text: str, expected
) -> None:
    _write(mini_repo, f"data/{name}.yaml", text)
    code, _, _ = cli("validate", "--as-of", "2017-06-10", "--data", str(mini_repo))
    assert code == 1
    assert located(shown) == expected
