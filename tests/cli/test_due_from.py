"""``fzzf check --due-from DATE``: only documents due from that day decide the gate's exit
code; the earlier ones are counted, in every format, and stay overdue everywhere else."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ..conftest import commit_all, git

AS_OF = ("--as-of", "2017-07-15")
NOTE = "2017-07-15 前到期的 189 份文件不把关，其中未报 189 份"


@pytest.mark.parametrize("fmt", ["plain", "github", "junit"])
def test_every_format_says_what_was_not_gated(cli, plan_repo: Path, fmt, monkeypatch) -> None:
    summary = plan_repo / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    base = ("check", "--data", str(plan_repo), "--format", fmt, *AS_OF)
    assert cli(*base)[0] == 1  # every document due by then: 189 missing
    code, out, err = cli(*base, "--due-from", "2017-07-15")
    assert code == 0, out + err
    said = err if fmt == "junit" else out
    assert NOTE in said and "应报未报 0 项" in said and "通过" in said
    if fmt == "github":
        assert NOTE in summary.read_text(encoding="utf-8")
    if fmt == "junit":
        root = ET.fromstring(out.split("\n", 1)[1])
        (case,) = root.iter("skipped")
        assert NOTE in case.get("message", "")
        assert [s.get("skipped") for s in root.iter("testsuite")] == ["0", "1"]


def test_only_documents_due_from_the_day_fail(cli, plan_repo: Path) -> None:
    code, out, _ = cli("check", "--data", str(plan_repo), *AS_OF, "--due-from", "2017-01-01")
    assert code == 1 and "应报未报 71 项" in out
    assert "2017-01-01 前到期的 118 份文件不把关，其中未报 118 份" in out
    dues = re.findall(r"应于 (\d{4}-\d{2}-\d{2}) 前报送", out)
    assert len(dues) == 71 and min(dues) >= "2017-01-01"
    # grace days decide what fails, not what the note counts as not filed
    code, out, _ = cli("check", "--data", str(plan_repo), *AS_OF, "--due-from", "2017-01-01",
                       "--grace", "30")  # fmt: skip
    assert "其中未报 118 份" in out and "期限后宽限 30 天" in out
    # everywhere else they stay overdue
    _, everyone, _ = cli("overdue", "--data", str(plan_repo), *AS_OF, "-f", "json")
    assert re.search(r'"due": "2016-', everyone)


@pytest.mark.parametrize("day", ["2017-02-30", "2017/01/01", "tomorrow", ""])
def test_a_bad_day_is_a_usage_error_naming_the_option(cli, plan_repo: Path, day) -> None:
    code, out, err = cli("check", "--data", str(plan_repo), *AS_OF, "--due-from", day)
    assert code == 2 and out == "" and "--due-from" in err and "Traceback" not in err


@pytest.fixture
def pull_request(cli, plan_repo: Path, monkeypatch) -> Path:
    """德庆县 files its 2017-H1 report on a branch; its earlier reports are still missing."""
    commit_all(plan_repo, "plan", "2016-02-01T10:00:00+08:00")
    git(plan_repo, "checkout", "-q", "-b", "deqing")
    monkeypatch.chdir(plan_repo)
    monkeypatch.setenv("FZZF_AS_OF", "2017-07-12")
    assert cli("new", "report", "德庆县", "2017-H1", "--date", "2017-07-12")[0] == 0
    monkeypatch.delenv("FZZF_AS_OF")
    commit_all(plan_repo, "deqing 2017-H1", "2017-07-12T10:00:00+08:00")
    return plan_repo


@pytest.mark.parametrize("against", ["--baseline", "--changed-since"])
@pytest.mark.parametrize(
    ("due_from", "code", "missing"),
    [
        (None, 1, "应报未报 4 项"),
        ("2017-01-01", 1, "应报未报 1 项"),
        ("2017-07-01", 0, "应报未报 0 项"),
    ],
)
def test_a_pull_request_answers_only_from_the_day(
    cli, pull_request: Path, against, due_from, code, missing
) -> None:
    """A unit that sends a pull request answers for its own files: from --due-from on."""
    extra = ("--due-from", due_from) if due_from else ()
    got, out, err = cli("check", against, "main", *extra, *AS_OF)
    assert got == code and missing in out, out + err
    assert (f"{due_from} 前到期的" in out) == bool(due_from)


def test_with_history(cli, pull_request: Path) -> None:
    git(pull_request, "checkout", "-q", "main")
    code, out, err = cli("check", "--history", "--due-from", "2017-07-15", *AS_OF)
    assert code == 0 and NOTE in out, out + err
