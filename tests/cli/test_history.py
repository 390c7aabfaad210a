"""Filing dates proven by git history, rewrites caught, the repository replayed as it stood.

Every repository here is built with fixed commit dates (GIT_COMMITTER_DATE): a unit works on
its own branch, with whatever dates it likes, and the coordinator merges the pull request
into ``main`` with a merge commit whose date the platform sets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzzf_cli.read.history import parse_log
from fzzf_cli.text import msg

from ..conftest import REPO, commit_all, git, located

REPORT = "unit: {unit}\nperiod: {period}\nsubmitted: {submitted}\nitems:\n{items}"
ITEM = "  - id: {thing}\n    status: {status}\n"


def _report(repo: Path, unit: str, period: str, submitted: str, items: str = "  []\n") -> Path:
    path = repo / "data" / "submissions" / period / f"{unit}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = REPORT.format(unit=unit, period=period, submitted=submitted, items=items)
    path.write_text(text, encoding="utf-8")
    return path


def _merge(repo: Path, branch: str, when: str, authored: str, *files: tuple[str, str, str]) -> str:
    """A unit's pull request: files committed on its branch at ``authored`` (the unit's
    choice), merged into main at ``when`` (the platform's)."""
    git(repo, "checkout", "-q", "-b", branch, "main")
    for unit, period, submitted in files:
        _report(repo, unit, period, submitted)
    commit_all(repo, f"{branch}", authored, who=branch)
    git(repo, "checkout", "-q", "main")
    git(
        repo,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        f"Merge {branch}",
        branch,
        when=when,
        who="coordinator",
    )
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def history_repo(plan_repo: Path) -> Path:
    commit_all(plan_repo, "方案", "2016-04-08T09:00:00+08:00")
    return plan_repo


def _json(cli, *args: str) -> dict:
    code, out, err = cli(*args, "-f", "json")
    assert code == 0, err
    return json.loads(out)


def _report_status(cli, repo: Path, unit: str, period: str, as_of: str, *extra: str) -> str:
    data = _json(cli, "status", "--as-of", as_of, "--data", str(repo), *extra)
    line = next(u for u in data["units"] if u["unit_id"] == unit)
    return f"{line['reports_on_time']}/{line['reports_due']}"


def test_a_backdated_filing_is_flagged_with_its_commit_and_counts_as_late(
    cli, history_repo, shown
) -> None:
    # Committed on its own branch "on 2017-06-29", merged on 2017-07-20: late.
    merge = _merge(history_repo, "huaiji-2017-H1", "2017-07-20T10:00:00+08:00",
                   "2017-06-29T10:00:00+08:00", ("huaiji", "2017-H1", "2017-06-29"))  # fmt: skip
    code, out, _ = cli("check", "--as-of", "2017-08-01", "--data", str(history_repo))
    assert code == 1
    flag = next(p for p in shown if p.code == "filing-backdated")
    assert located([flag]) == [("filing-backdated", "data/submissions/2017-H1/huaiji.yaml:3:12")]
    said = {"declared": "2017-06-29", "day": "2017-07-20", "commit": merge[:10]}
    assert flag.message == msg("filing_backdated", **said, author="coordinator", days=21, grace=3)
    assert f"{flag.location}: " in out
    data = _json(cli, "overdue", "--as-of", "2017-08-01", "--data", str(history_repo))
    assert data["dates"]["basis"] == "git"
    assert _report_status(cli, history_repo, "huaiji", "2017-H1", "2017-08-01") == "0/3"
    # Before the merge the coordinator had nothing: the report was missing then.
    listing = _json(
        cli, "overdue", "--as-of", "2017-07-15", "-u", "huaiji", "--data", str(history_repo)
    )
    assert "report-2017-H1.huaiji" in {o["id"] for o in listing["obligations"]}


def test_within_the_grace_days_the_declared_date_stands(cli, history_repo) -> None:
    _merge(history_repo, "huaiji-2017-H1", "2017-07-02T10:00:00+08:00",
           "2017-06-29T10:00:00+08:00", ("huaiji", "2017-H1", "2017-06-29"))  # fmt: skip
    code, out, err = cli("validate", "--data", str(history_repo))
    assert code == 0, err
    assert "报送日期经 git 历史核对" in out
    assert _report_status(cli, history_repo, "huaiji", "2017-H1", "2017-08-01") == "1/3"


def test_without_git_dates_are_as_declared_and_outputs_say_so(cli, plan_repo: Path) -> None:
    _report(plan_repo, "huaiji", "2017-H1", "2017-06-29")
    data = _json(cli, "status", "--as-of", "2017-08-01", "--data", str(plan_repo))
    assert data["dates"] == {
        "basis": "declared",
        "note": "报送日期按文件申报（数据不在 git 仓库中，无法核对入库日期）",
    }
    _, out, _ = cli("check", "--as-of", "2017-08-01", "--data", str(plan_repo))
    assert "报送日期按文件申报" in out


def test_a_repository_without_the_plan_committed_says_so(cli, plan_repo: Path) -> None:
    """Right after fzzf init and git init, nothing is committed: the data is in a git
    repository, so "not in a git repository" would mislead; say what to do instead."""
    import subprocess

    subprocess.run(["git", "init", "-q", str(plan_repo)], check=True)
    _report(plan_repo, "huaiji", "2017-H1", "2017-06-29")
    note = _json(cli, "status", "--as-of", "2017-08-01", "--data", str(plan_repo))["dates"]
    assert note["basis"] == "declared" and "不在 git 仓库中" not in note["note"]
    assert "还没有提交" in note["note"]


def test_a_draft_merged_early_is_filed_when_it_is_filled_in(cli, history_repo) -> None:
    _merge(history_repo, "huaiji-draft", "2017-06-01T10:00:00+08:00",
           "2017-06-01T09:00:00+08:00", ("huaiji", "2017-H1", "null"))  # fmt: skip
    # Filled in a month late, dated "2017-06-28": the filling reached main on 2017-07-25.
    _merge(history_repo, "huaiji-fill", "2017-07-25T10:00:00+08:00",
           "2017-06-28T09:00:00+08:00", ("huaiji", "2017-H1", "2017-06-28"))  # fmt: skip
    code, out, _ = cli("check", "--as-of", "2017-08-01", "--data", str(history_repo))
    assert "入库日期 2017-07-25" in out and code == 1
    assert _report_status(cli, history_repo, "huaiji", "2017-H1", "2017-08-01") == "0/3"


def test_rewriting_an_old_submitted_date_is_caught(cli, history_repo, shown) -> None:
    late = _merge(history_repo, "huaiji-late", "2017-07-12T10:00:00+08:00",
           "2017-07-12T09:00:00+08:00", ("huaiji", "2017-H1", "2017-07-12"))  # fmt: skip
    assert _report_status(cli, history_repo, "huaiji", "2017-H1", "2017-08-01") == "0/3"
    # A later pull request "corrects" the date of the late report.
    git(history_repo, "checkout", "-q", "-b", "fix")
    path = _report(history_repo, "huaiji", "2017-H1", "2017-06-29")
    data = ("--data", str(history_repo), "--as-of", "2017-12-01")
    code, out, _ = cli("check", "--changed-since", "main", *data)
    assert code == 1
    where = "data/submissions/2017-H1/huaiji.yaml:3:12"
    rewritten = next(p for p in shown if p.code == "filing-rewritten")
    assert located([rewritten]) == [("filing-rewritten", where)] and f"{where}: " in out
    said = {"field": "submitted", "was": "2017-07-12", "now": "2017-06-29", "commit": late[:10]}
    assert rewritten.message == msg("filing_rewritten", **said)
    assert out.count("2017-06-29（提交") == 1  # said once, not again by the pull-request check
    # Merged anyway: the verdict does not move, and the full check still says why.
    commit_all(history_repo, "fix", "2017-12-02T10:00:00+08:00")
    git(history_repo, "checkout", "-q", "main")
    git(
        history_repo,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "merge fix",
        "fix",
        when="2017-12-03T10:00:00+08:00",
    )
    assert _report_status(cli, history_repo, "huaiji", "2017-H1", "2017-12-10") == "0/3"
    code, out, _ = cli("check", "--as-of", "2017-12-10", "--data", str(history_repo))
    assert code == 1 and "报送时写的是 2017-07-12" in out
    assert path.is_file()


def test_changing_statuses_of_a_filed_report_or_deleting_it_is_caught(cli, history_repo) -> None:
    items = ITEM.format(thing="m2-2016-12-31", status="in_progress")
    _report(history_repo, "deqing", "2016-H2", "2016-12-26", items)
    commit_all(history_repo, "德庆县 2016-H2", "2016-12-27T10:00:00+08:00")
    git(history_repo, "checkout", "-q", "-b", "rewrite")
    done = "  - id: m2-2016-12-31\n    status: done\n    done: 2016-11-30\n    note: 补记\n"
    _report(history_repo, "deqing", "2016-H2", "2016-12-26", done)
    code, out, _ = cli("check", "--changed-since", "main", "--as-of", "2017-03-01",
                       "--data", str(history_repo))  # fmt: skip
    assert code == 1
    assert (
        ":6:13: 报送后改写了已报送的记录：m2-2016-12-31.status 报送时写的是 in_progress，现为 done"
        in out
    )
    assert "m2-2016-12-31.done 报送时写的是 —，现为 2016-11-30" in out
    # A note alone is an amendment, and allowed.
    _report(history_repo, "deqing", "2016-H2", "2016-12-26", items + "    note: 补充说明\n")
    code, out, _ = cli("check", "--changed-since", "main", "--as-of", "2017-03-01",
                       "--data", str(history_repo))  # fmt: skip
    assert "改写了已报送的记录" not in out
    (history_repo / "data" / "submissions" / "2016-H2" / "deqing.yaml").unlink()
    code, out, _ = cli("check", "--changed-since", "main", "--as-of", "2017-03-01",
                       "--data", str(history_repo))  # fmt: skip
    assert "data/submissions/2016-H2/deqing.yaml: 已报送的文件被删除" in out and code == 1


def test_history_replays_what_the_coordinator_knew(cli, history_repo) -> None:
    _merge(history_repo, "huaiji-2017-H1", "2017-06-30T10:00:00+08:00",
           "2017-06-29T10:00:00+08:00", ("huaiji", "2017-H1", "2017-06-29"))  # fmt: skip
    # Later the file is deleted from the repository altogether.
    (history_repo / "data" / "submissions" / "2017-H1" / "huaiji.yaml").unlink()
    commit_all(history_repo, "删除", "2017-09-01T10:00:00+08:00")
    data = ("--as-of", "2017-07-15", "--data", str(history_repo))
    assert _report_status(cli, history_repo, "huaiji", "2017-H1", "2017-07-15") == "0/3"
    assert (
        _report_status(cli, history_repo, "huaiji", "2017-H1", "2017-07-15", "--history") == "1/3"
    )
    code, out, _ = cli("check", "--history", *data)
    assert "2017-H1/huaiji.yaml" not in out and "2017-07-15 当天结束时" in out
    code, out, _ = cli("report", "--history", "-f", "md", "-o", "-", *data)
    assert code == 0 and "2017-07-15 当天结束时" in out


def test_history_needs_a_repository(cli, plan_repo: Path) -> None:
    code, _, err = cli("status", "--history", "--as-of", "2017-07-15", "--data", str(plan_repo))
    assert code == 2 and "--history 要读 git 历史" in err


def test_history_before_the_first_commit(cli, history_repo) -> None:
    code, _, err = cli("status", "--history", "--as-of", "2016-01-01", "--data", str(history_repo))
    assert code == 2 and "2016-01-01 结束时主线上还没有任何提交" in err


def test_a_shallow_clone_says_dates_cannot_be_proven(cli, history_repo, tmp_path) -> None:
    _merge(history_repo, "huaiji-2017-H1", "2017-07-20T10:00:00+08:00",
           "2017-06-29T10:00:00+08:00", ("huaiji", "2017-H1", "2017-06-29"))  # fmt: skip
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history_repo}", str(clone))
    data = _json(cli, "status", "--as-of", "2017-08-01", "--data", str(clone))
    assert data["dates"]["basis"] == "declared" and "浅克隆" in data["dates"]["note"]


def test_a_detached_head_is_named(cli, history_repo) -> None:
    _merge(history_repo, "huaiji-2017-H1", "2017-07-20T10:00:00+08:00",
           "2017-06-29T10:00:00+08:00", ("huaiji", "2017-H1", "2017-06-29"))  # fmt: skip
    git(history_repo, "checkout", "-q", "--detach", "HEAD")
    data = _json(cli, "status", "--as-of", "2017-08-01", "--data", str(history_repo))
    assert data["dates"]["basis"] == "git" and "HEAD 不在分支上" in data["dates"]["note"]


def test_no_git_program_means_dates_as_declared(cli, history_repo, monkeypatch) -> None:
    monkeypatch.setenv("PATH", "")
    data = _json(cli, "status", "--as-of", "2017-08-01", "--data", str(history_repo))
    assert data["dates"] == {"basis": "declared", "note": "报送日期按文件申报（找不到 git 命令）"}


def test_a_practice_copy_inside_another_checkout_is_not_dated_by_it(cli, history_repo) -> None:
    inner = history_repo / "practice"
    (inner / "data").mkdir(parents=True)
    for name in ("units", "measures", "pilots"):
        (inner / "data" / f"{name}.yaml").write_bytes(
            (history_repo / "data" / f"{name}.yaml").read_bytes()
        )
    _report(inner, "huaiji", "2017-H1", "2017-06-29")
    data = _json(cli, "status", "--as-of", "2017-08-01", "--data", str(inner))
    assert data["dates"]["basis"] == "declared"


def test_a_pull_request_is_dated_against_its_target_branch(cli, history_repo) -> None:
    """On the unit's branch its own commit dates would prove nothing: with --changed-since
    its files are not on the main line yet, and are filed on the as-of day."""
    git(history_repo, "checkout", "-q", "-b", "huaiji")
    _report(history_repo, "huaiji", "2017-H1", "2017-06-29")
    commit_all(history_repo, "backdated", "2017-06-29T10:00:00+08:00", who="huaiji")
    data = ("--as-of", "2017-07-20", "--data", str(history_repo))
    code, out, _ = cli("check", "--changed-since", "main", *data)
    assert code == 1 and "本文件尚未合入主线，按 2017-07-20 计" in out


def test_parse_log_survives_hostile_names() -> None:
    sha = "a" * 40
    header = f"\x1e{sha}\x1f1467165600\x1fevil\x1e\x1fname".encode()
    meta = f":000000 100644 {'0' * 40} {'b' * 40} A".encode()
    raw = header + b"\0\n" + meta + b"\0data/submissions/\x1eodd\nname.yaml\0"
    found = parse_log(raw)
    assert list(found) == ["data/submissions/\x1eodd\nname.yaml"]
    assert found["data/submissions/\x1eodd\nname.yaml"][0].author == "evilname"


@pytest.mark.parametrize("rev", ["--output=pwned", "-p", "main;touch pwned", "no-such-branch"])
def test_a_revision_that_looks_like_an_option_is_only_a_revision(cli, history_repo, rev) -> None:
    code, out, err = cli("check", "--changed-since", rev, "--data", str(history_repo))
    assert code == 2 and out == "" and "git 中没有版本" in err
    assert not (history_repo / "pwned").exists() and not Path("pwned").exists()


# --- what an attack session tried (each once a way to bend a verdict or crash) ----------


def test_a_broken_placeholder_merged_on_time_counts_from_its_fix(cli, history_repo) -> None:
    path = history_repo / "data" / "submissions" / "2017-H1" / "deqing.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(REPORT.format(unit="deqing", period="2017-H1", submitted="2017-06-28",
                                  items="  []\nTODO: later\n"), "utf-8")  # fmt: skip
    commit_all(history_repo, "placeholder", "2017-06-28T17:00:00+08:00")
    _report(history_repo, "deqing", "2017-H1", "2017-06-28")
    commit_all(history_repo, "fix", "2017-09-01T17:00:00+08:00")
    assert _report_status(cli, history_repo, "deqing", "2017-H1", "2017-09-02") == "0/3"
    assert (
        _report_status(cli, history_repo, "deqing", "2017-H1", "2017-09-02", "--history") == "0/3"
    )
    _, out, _ = cli("check", "--as-of", "2017-09-02", "--data", str(history_repo))
    assert "入库日期 2017-09-01" in out


def test_a_claim_dated_back_past_the_units_own_word(cli, history_repo) -> None:
    items = ITEM.format(thing="m1-2016-12-31", status="in_progress")
    _report(history_repo, "deqing", "2016-H2", "2016-12-28", items)
    commit_all(history_repo, "H2", "2016-12-28T17:00:00+08:00")
    done = "  - id: m1-2016-12-31\n    status: done\n    done: 2016-12-20\n"
    _report(history_repo, "deqing", "2017-H1", "2017-06-28", done)
    commit_all(history_repo, "H1", "2017-06-28T17:00:00+08:00")
    _, out, _ = cli("check", "--as-of", "2017-07-01", "--data", str(history_repo))
    assert "完成日期 2016-12-20 不晚于本单位 2016-12-28 报送的文件" in out
    claims = _json(cli, "review", "--as-of", "2017-07-01", "--data", str(history_repo))["claims"]
    m1 = next(c for c in claims if c["thing"] == "m1-2016-12-31")
    # Counted from the day after the unit's own report that still had it open.
    assert m1["claimed_done"] == "2016-12-29"


def test_a_fast_forwarded_commit_cannot_date_itself_before_the_line(cli, history_repo) -> None:
    _report(history_repo, "huaiji", "2017-H1", "2017-08-10")
    commit_all(history_repo, "huaiji", "2017-08-10T17:00:00+08:00")
    git(history_repo, "checkout", "-q", "-b", "deqing")
    _report(history_repo, "deqing", "2017-H1", "2017-06-28")
    commit_all(history_repo, "forged", "2017-06-28T10:00:00+08:00", who="deqing")
    git(history_repo, "checkout", "-q", "main")
    git(history_repo, "merge", "-q", "--ff-only", "deqing")
    assert _report_status(cli, history_repo, "deqing", "2017-H1", "2017-08-20") == "0/3"
    _, out, _ = cli("check", "--as-of", "2017-08-20", "--data", str(history_repo))
    assert "像是快进合并带入了单位自己分支上的提交：按主线到达的 2017-08-10 计" in out


def test_a_date_after_the_as_of_day_in_a_pull_request_is_an_error(cli, history_repo) -> None:
    git(history_repo, "checkout", "-q", "-b", "pr")
    _report(history_repo, "deqing", "2017-H1", "2017-07-28")
    code, out, _ = cli("check", "--changed-since", "main", "--as-of", "2017-06-28",
                       "--data", str(history_repo))  # fmt: skip
    assert code == 1 and "晚于入库日期（本文件尚未合入主线，按 2017-06-28 计）" in out


def test_absurd_commit_times_do_not_crash(cli, history_repo) -> None:
    _report(history_repo, "huaiji", "2017-H1", "2017-06-28")
    git(history_repo, "add", "-A")
    git(history_repo, "commit", "-qm", "far", when="@253402300000 +0800")
    code, _, err = cli("status", "--as-of", "2017-09-01", "--data", str(history_repo))
    assert code == 0, err
    code, _, err = cli("status", "--history", "--as-of", "9999-12-31", "--data", str(history_repo))
    assert code == 2 and "超出可用的年份" in err


def test_a_past_as_of_day_says_nothing_of_later_events(cli, history_repo) -> None:
    _merge(history_repo, "huaiji-2017-H1", "2017-07-20T10:00:00+08:00",
           "2017-06-29T10:00:00+08:00", ("huaiji", "2017-H1", "2017-06-29"))  # fmt: skip
    _, out, _ = cli("check", "--as-of", "2017-07-15", "--data", str(history_repo))
    assert "申报的报送日期" not in out
    _, out, _ = cli("check", "--as-of", "2017-07-21", "--data", str(history_repo))
    assert "申报的报送日期 2017-06-29" in out


def test_history_ends_at_the_last_second_of_the_day(cli, history_repo) -> None:
    _merge(history_repo, "huaiji-2017-H1", "2017-07-01T00:00:00+08:00",
           "2017-06-29T10:00:00+08:00", ("huaiji", "2017-H1", "2017-06-29"))  # fmt: skip
    assert (
        _report_status(cli, history_repo, "huaiji", "2017-H1", "2017-06-30", "--history") == "0/2"
    )
    assert (
        _report_status(cli, history_repo, "huaiji", "2017-H1", "2017-07-01", "--history") == "1/3"
    )


def test_a_filing_merged_long_ago_is_a_note_not_a_failure(cli, history_repo, shown) -> None:
    """Once on the main line, a backdated filing is counted on its proven date; validate
    (the pre-commit hook, every pull request) and the daily gate say so without failing
    every unit from then on. The pull request that brings it fails."""
    git(history_repo, "checkout", "-q", "-b", "pr")
    _report(history_repo, "huaiji", "2017-H1", "2017-06-29")
    code, out, _ = cli("check", "--changed-since", "main", "--as-of", "2017-07-20",
                       "--data", str(history_repo))  # fmt: skip
    where = "data/submissions/2017-H1/huaiji.yaml:3:12"
    assert code == 1 and f"{where}: " in out
    assert ("filing-backdated-new", where) in located(shown)
    commit_all(history_repo, "pr", "2017-06-29T10:00:00+08:00", who="huaiji")
    git(history_repo, "checkout", "-q", "main")
    git(
        history_repo,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "merge",
        "pr",
        when="2017-07-20T10:00:00+08:00",
    )
    code, out, err = cli("validate", "--as-of", "2017-08-01", "--data", str(history_repo))
    assert code == 0 and "申报的报送日期 2017-06-29" in err and "已按入库日期" in err
    notes = _json(cli, "validate", "--as-of", "2017-08-01", "--data", str(history_repo))["notes"]
    assert [n["path"] for n in notes] == ["data/submissions/2017-H1/huaiji.yaml"]
    _, out, _ = cli("check", "--as-of", "2017-08-01", "--data", str(history_repo))
    assert (
        "提示（1 处，不影响结论" in out
        and "数据问题 0 个" in out
        and "另有提示 1 处；未通过。" in out
    )


def test_the_gate_fails_when_a_repository_cannot_prove_dates(cli, history_repo, tmp_path) -> None:
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history_repo}", str(clone))
    code, out, _ = cli("check", "--as-of", "2016-04-10", "--data", str(clone))
    assert code == 1 and "data/submissions: 这是 git 仓库，却无法核对报送日期（浅克隆" in out
    assert cli("check", "--as-of", "2016-04-10", "--data", str(history_repo))[0] == 0


def test_a_pull_request_changing_the_plan_is_said(cli, history_repo) -> None:
    git(history_repo, "checkout", "-q", "-b", "pr")
    measures = history_repo / "data" / "measures.yaml"
    measures.write_text(
        measures.read_text("utf-8").replace("grace_days: 3", "grace_days: 60"), "utf-8"
    )
    code, out, _ = cli("check", "--changed-since", "main", "--as-of", "2016-04-10",
                       "--data", str(history_repo))  # fmt: skip
    assert code == 0 and "data/measures.yaml: 本次改动修改了方案或复核文件" in out


def test_the_history_benchmark_runs() -> None:
    """benchmarks/history_speed.py on a small history: it builds, proves every filing and
    prints its ratio (its figures are read by people, never asserted here)."""
    import subprocess
    import sys

    script = REPO / "benchmarks" / "history_speed.py"
    done = subprocess.run([sys.executable, str(script), "--files", "40", "--per-merge", "5",
                           "--runs", "1"], capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "40 submission files" in done.stdout and "ratio" in done.stdout
