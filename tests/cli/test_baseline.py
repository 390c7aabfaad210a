"""``fzzf check --baseline REV``: a pull request fails on what it did, in temporary git
repositories with fixed commit dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import commit_all, fill_pilot_file, git

AS_OF = ("--as-of", "2016-06-29")
HUAIJI = "data/submissions/2016-H1/huaiji.yaml"


@pytest.fixture
def deqing_pr(cli, plan_repo: Path) -> Path:
    """The main line: the plan, then 怀集县's 2016-H1 report (filed early) and a broken file
    of 广宁县's. A branch where 德庆县 files its report and its overdue pilot plan."""
    data = ("--data", str(plan_repo))
    commit_all(plan_repo, "plan", "2016-04-08T10:00:00+08:00")
    cli("new", "report", "huaiji", "2016-H1", "--date", "2016-06-20", *data)
    broken = plan_repo / "data/submissions/2016-H1/guangning.yaml"
    broken.write_text("unit: guangning\nperiod: 2016-H1\nsubmitted: 2016-06-31\n", "utf-8")
    commit_all(plan_repo, "怀集县报送；广宁县的草稿", "2016-06-20T16:00:00+08:00")
    git(plan_repo, "checkout", "-q", "-b", "deqing-2016-H1")
    cli("new", "report", "deqing", "2016-H1", "--date", "2016-06-28", *data)
    cli("new", "pilot-plan", "63", "deqing", "--date", "2016-06-28", *data)
    fill_pilot_file(plan_repo / "data/submissions/pilot-plans/p63/deqing.yaml")
    commit_all(plan_repo, "德庆县报送", "2016-06-28T16:00:00+08:00")
    return plan_repo


def test_deqing_passes_while_others_are_overdue(cli, deqing_pr: Path) -> None:
    data = ("--data", str(deqing_pr), *AS_OF)
    code, out, err = cli("check", "--baseline", "main", *data)
    assert code == 0, out + err
    findings, known = out.split("已知（基线上已存在，且不属于本次更改涉及的单位）")
    assert "p63/deqing" not in out
    # Everyone else's missing pilot plans, and 广宁县's broken file, are known, not failing.
    assert "data/submissions/pilot-plans/p63/minzhengju.yaml: " in known
    assert "data/submissions/2016-H1/guangning.yaml:3:12: " in known
    assert "guangning" not in findings and "huaiji" not in findings
    assert out.splitlines()[-1].endswith("项；通过。")
    # The full gate fails on everyone; --changed-since on the broken file it did not touch.
    assert cli("check", *data)[0] == 1
    code, out, _ = cli("check", "--changed-since", "main", *data)
    assert code == 1 and "guangning.yaml:3:12" in out


def test_deqing_fails_when_it_breaks_someone_elses_file(cli, deqing_pr: Path) -> None:
    data = ("--data", str(deqing_pr), *AS_OF)
    path = deqing_pr / HUAIJI
    path.write_text(path.read_text("utf-8").replace("unit: huaiji", "unit: deqing"), "utf-8")
    code, out, _ = cli("check", "--baseline", "main", *data)
    findings = out.split("已知（")[0]
    assert code == 1 and f"{HUAIJI}:" in findings and "minzhengju" not in findings
    assert cli("check", "--baseline", "deqing-2016-H1", *data)[0] == 1


def test_a_unit_that_touches_its_files_answers_for_all_of_them(cli, deqing_pr: Path) -> None:
    """德庆县 files only its report: its own overdue pilot plan, known on main, fails it."""
    data = ("--data", str(deqing_pr), *AS_OF)
    git(deqing_pr, "rm", "-q", "data/submissions/pilot-plans/p63/deqing.yaml")
    code, out, _ = cli("check", "--baseline", "main", *data)
    assert code == 1 and "data/submissions/pilot-plans/p63/deqing.yaml: " in out.split("已知（")[0]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--baseline", "main", "--changed-since", "main"), "--baseline 已包含"),
        (("--baseline", "main", "--history"), ""),
        (("--baseline", "no-such-rev"), "no-such-rev"),
        (("--baseline=--output=/tmp/x",), "--output=/tmp/x"),
    ],
)
def test_baseline_bad_usage(cli, deqing_pr: Path, args: tuple[str, ...], fragment: str) -> None:
    code, _, err = cli("check", "--data", str(deqing_pr), *AS_OF, *args)
    assert code == 2 and fragment in err, err
