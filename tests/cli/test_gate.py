"""``fzzf check``: the CI gate's exit codes, formats, pull-request scope; and ``fzzf new``."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fzzf_cli.derive.obligations import reporters
from fzzf_cli.text import msg
from fzzf_cli.validate.load import load_dataset

from ..conftest import fill_pilot_file, located


def _reporters(repo: Path) -> list[str]:
    ds, _ = load_dataset(repo)
    assert ds is not None
    return reporters(ds)


def test_done_when_scenario(cli, plan_repo: Path) -> None:
    """No submissions: every unit without a 2016-H1 report is named; after each files one
    with fzzf new report, no report is overdue any more."""
    data = ("--data", str(plan_repo))
    code, out, _ = cli("check", "--as-of", "2016-07-15", *data)
    assert code == 1
    units = _reporters(plan_repo)
    for unit in units:
        assert f"data/submissions/2016-H1/{unit}.yaml: " in out
    for unit in units:
        code, written, err = cli("new", "report", unit, "2016-H1", "--date", "2016-06-28", *data)
        assert code == 0, err
        assert written == f"已写入 repo/data/submissions/2016-H1/{unit}.yaml\n"
    code, out, _ = cli("check", "--as-of", "2016-07-15", *data)
    assert "data/submissions/2016-H1/" not in out and "2016-H1 创建工作" not in out
    _, listing, _ = cli("overdue", "--as-of", "2016-07-15", "-f", "json", *data)
    assert "report" not in {r["kind"] for r in json.loads(listing)["obligations"]}


def test_gate_passes_when_nothing_is_due_yet(cli, plan_repo: Path) -> None:
    code, out, _ = cli("check", "--as-of", "2016-04-10", "--data", str(plan_repo))
    assert code == 0
    assert out.strip().endswith("应报未报 0 项，涉及 0 个单位。通过。")


def test_grace_days(cli, plan_repo: Path) -> None:
    data = ("--data", str(plan_repo))
    assert "应报未报 71 项，涉及 47 个单位" in cli("check", "--as-of", "2016-07-15", *data)[1]
    code, out, _ = cli("check", "--as-of", "2016-07-15", "--grace", "15", *data)
    assert code == 1 and "应报未报 24 项，涉及 22 个单位" in out and "宽限 15 天" in out
    assert cli("check", "--as-of", "2016-05-10", "--grace", "30", *data)[0] == 0


def test_broken_submission_fails_naming_file_and_line(cli, plan_repo: Path, shown) -> None:
    path = plan_repo / "data" / "submissions" / "2016-H1" / "deqing.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("unit: deqing\nperiod: 2016-H1\nsubmitted: 2016-06-31\n", encoding="utf-8")
    code, out, _ = cli("check", "--as-of", "2016-05-01", "--data", str(plan_repo))
    assert code == 1
    problem = ("date-impossible", "data/submissions/2016-H1/deqing.yaml:3:12")
    assert problem in located(shown) and f"{problem[1]}: " in out
    assert "数据问题 1 个" in out


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "xml"),
        ("--grace", "-1"),
        ("--as-of", "2016-02-30"),
        ("--changed-since", "no-such-rev"),
    ],
)
def test_bad_usage_exits_2(cli, plan_repo: Path, args: tuple[str, ...]) -> None:
    code, out, err = cli("check", "--data", str(plan_repo), *args)
    assert code == 2, (out, err)
    assert "Traceback" not in out + err


def test_github_annotations_and_step_summary(cli, plan_repo: Path, tmp_path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = cli("check", "--as-of", "2016-07-15", "-f", "github", "--data", str(plan_repo))
    assert code == 1
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == 10
    assert all(line.startswith("::error ") for line in annotations)
    assert annotations[0].startswith("::error file=data/submissions/pilot-plans/p62/duanzhou.yaml,")
    assert annotations[-1] == "::error title=fzzf::还有 62 个问题未逐条标注，完整列表见日志与摘要"
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### fzzf check") and "| 德庆县（deqing） |" in text


def test_data_cannot_forge_a_workflow_command(cli, plan_repo: Path) -> None:
    path = plan_repo / "data" / "submissions" / "2016-H1" / "deqing.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(
        "unit: deqing\nperiod: 2016-H1\nsubmitted: 2016-06-28\nitems:\n"
        '  - id: "x\\n::error file=README.md::pwned"\n    status: done\n',
        encoding="utf-8",
    )
    _, out, _ = cli("check", "--as-of", "2016-05-01", "-f", "github", "--data", str(plan_repo))
    assert not [line for line in out.splitlines() if "pwned" in line and line.startswith("::")
                and not line.startswith("::error file=data/")]  # fmt: skip
    assert all(not line.lstrip().startswith("::error file=README") for line in out.splitlines())


def test_junit_xml(cli, plan_repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "fzzf.xml"
    code, out, err = cli("check", "--as-of", "2016-07-15", "-f", "junit", "-o", str(target),
                         "--data", str(plan_repo))  # fmt: skip
    assert code == 1 and out == "" and "未通过" in err
    root = ET.fromstring(target.read_bytes())
    assert root.tag == "testsuites" and root.get("failures") == "71"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"数据校验", "应报材料"}
    failing = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert len(failing) == 71
    body = failing[-1].find("failure").text
    assert body.startswith("data/submissions/2016-H1/")
    code, out, _ = cli("check", "--as-of", "2016-04-10", "-f", "junit", "--data", str(plan_repo))
    assert code == 0 and ET.fromstring(out.encode()).get("failures") == "0"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_pull_request_is_judged_on_its_own_change(cli, plan_repo: Path) -> None:
    _git(plan_repo, "init", "-q")
    _git(plan_repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "add", "-A")
    _git(plan_repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid",
         "commit", "-q", "-m", "plan")  # fmt: skip
    data = ("--data", str(plan_repo), "--as-of", "2016-07-15")
    code, out, _ = cli("check", "--changed-since", "HEAD", *data)
    assert code == 0 and "只对本次改动涉及的 0 个单位把关" in out
    # Not yet merged, so filed on the as-of day: dated within the grace days, not flagged.
    cli("new", "report", "德庆", "2016-H1", "--date", "2016-07-13", "--data", str(plan_repo))
    code, out, _ = cli("check", "--changed-since", "HEAD", *data)
    assert code == 1 and "p63/deqing.yaml" in out and "huaiji" not in out
    cli("new", "pilot-plan", "63", "德庆", "--date", "2016-07-14", "--data", str(plan_repo))
    fill_pilot_file(plan_repo / "data" / "submissions" / "pilot-plans" / "p63" / "deqing.yaml")
    code, out, _ = cli("check", "--changed-since", "HEAD", *data)
    assert code == 0, out
    assert cli("check", *data)[0] == 1  # the full gate still sees everyone else


def test_a_filed_pilot_plan_must_not_be_the_template(cli, plan_repo: Path) -> None:
    data = ("--data", str(plan_repo))
    cli("new", "pilot-plan", "63", "德庆", "--date", "2016-04-18", *data)
    code, _, err = cli("validate", *data)
    assert code == 1 and "goals 还是生成时的提示文字" in err
    fill_pilot_file(plan_repo / "data" / "submissions" / "pilot-plans" / "p63" / "deqing.yaml")
    assert cli("validate", *data)[0] == 0


def test_new_refuses_to_overwrite(cli, plan_repo: Path) -> None:
    data = ("--data", str(plan_repo))
    assert cli("new", "report", "deqing", "2017-H1", *data)[0] == 0
    path = plan_repo / "data" / "submissions" / "2017-H1" / "deqing.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# 我的修改\n", encoding="utf-8")
    before = path.read_bytes()
    code, out, err = cli("new", "report", "deqing", "2017-H1", "--date", "2017-06-30", *data)
    assert code == 1 and out == ""
    assert "data/submissions/2017-H1/deqing.yaml 已存在，不覆盖" in err
    # the clerk drafted it, then did as told ("报送时写上日期"): say where the date goes
    assert "草稿" in err and "填上 submitted" in err
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*tmp"))


def test_new_report_is_valid_and_a_draft_without_date(cli, plan_repo: Path) -> None:
    data = ("--data", str(plan_repo))
    assert cli("new", "report", "deqing", "2017-H1", *data)[0] == 0
    text = (plan_repo / "data" / "submissions" / "2017-H1" / "deqing.yaml").read_text("utf-8")
    assert "submitted: null" in text and "这是草稿" in text
    assert "  - id: m1-2016-12-31\n" in text
    # Pilot documents are files of their own: the report lists only the pilot's progress.
    assert "p63-done" not in text and "p63-plan" not in text
    assert "pilots:\n  - pilot: 63\n    status: not_started\n" in text
    assert cli("validate", *data)[0] == 0
    _, out, _ = cli("status", "--as-of", "2017-07-15", "-f", "json", *data)
    deqing = next(u for u in json.loads(out)["units"] if u["unit_id"] == "deqing")
    assert deqing["reports_on_time"] == 0


def test_new_report_carries_forward(cli, plan_repo: Path) -> None:
    data = ("--data", str(plan_repo))
    cli("new", "report", "deqing", "2016-H2", "--date", "2016-12-20", *data)
    path = plan_repo / "data" / "submissions" / "2016-H2" / "deqing.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  - id: m2-2016-12-31\n    title: 2016-12-31 公布权责清单\n    status: not_started\n"
    assert old in text
    path.write_text(text.replace(old, old.replace("not_started", "done\n    done: 2016-11-30")),
                    encoding="utf-8")  # fmt: skip
    cli("new", "report", "deqing", "2017-H1", "--date", "2017-06-28", *data)
    later = (plan_repo / "data" / "submissions" / "2017-H1" / "deqing.yaml").read_text("utf-8")
    assert "  - id: m2-2016-12-31\n    title: 2016-12-31 公布权责清单\n    status: done\n" in later
    assert "    done: '2016-11-30'\n" in later


@pytest.mark.parametrize(
    ("args", "fragment", "code"),
    [
        (("report", "deqing", "2016-H3"), "未知的报送期“2016-H3”", 2),
        (("report", "德清", "2016-H1"), "没有叫“德清”的单位", 2),
        (("report", "deqing", "2016-H1", "--date", "2016-06-31"), "--date 的值", 2),
        (("pilot-plan", "70", "deqing"), "未知的试点“70”", 2),
        (("pilot-plan", "64", "deqing"), "德庆县不是试点 64 的试点地区或单位", 2),
    ],
)
def test_new_bad_usage(cli, plan_repo: Path, args, fragment: str, code: int) -> None:
    found, out, err = cli("new", *args, "--data", str(plan_repo))
    assert found == code and fragment in err and out == ""


def test_new_never_writes_into_the_embedded_plan(cli) -> None:
    code, _, err = cli("new", "report", "deqing", "2016-H1")
    assert code == 2 and "没有找到数据仓库" in err


def test_overdue_worst_first_and_status(cli, plan_repo: Path) -> None:
    data = ("--data", str(plan_repo), "--as-of", "2016-07-15")
    _, out, _ = cli("overdue", "-f", "json", *data)
    records = json.loads(out)["obligations"]
    # 3 items each for 市城管执法局 and 端州区 (two pilot plans and the report): ids break the tie
    assert [r["unit_id"] for r in records[:6]] == ["chengguanju"] * 3 + ["duanzhou"] * 3
    assert records[0]["status"] == "overdue"
    assert records[0]["days_overdue"] == 86
    assert {"status", "days_overdue", "id", "due", "unit"} <= set(records[0])
    code, table, _ = cli("overdue", *data, "-u", "怀集")
    assert code == 0 and "怀集县（huaiji）" in table and "端州区" not in table
    code, out, _ = cli("status", *data)
    assert code == 0 and "报送按时率" in out and "（一）深化行政体制改革" in out


def test_a_file_with_problems_counts_for_nobody(cli, plan_repo: Path, shown) -> None:
    """fengkai's path, deqing's name: neither unit is credited until it is fixed."""
    path = plan_repo / "data" / "submissions" / "2016-H1" / "fengkai.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("unit: deqing\nperiod: 2016-H1\nsubmitted: 2016-06-28\n", encoding="utf-8")
    _, out, err = cli("overdue", "--as-of", "2016-07-15", "-f", "json", "--data", str(plan_repo))
    missing = {r["id"] for r in json.loads(out)["obligations"]}
    assert {"report-2016-H1.deqing", "report-2016-H1.fengkai"} <= missing
    assert located(shown) == [("sub-wrong-unit", "data/submissions/2016-H1/fengkai.yaml:1:7")]
    assert err.endswith(msg("subs_invalid_note", n=1) + "\n")


def test_gate_says_a_draft_needs_its_date(cli, plan_repo: Path) -> None:
    data = ("--data", str(plan_repo))
    cli("new", "report", "huaiji", "2016-H1", *data)
    _, out, _ = cli("check", "--as-of", "2016-07-15", *data)
    line = next(x for x in out.splitlines() if x.startswith("data/submissions/2016-H1/huaiji.yaml"))
    assert line.endswith(f"（{msg('gate_hint_draft')}）")


def test_new_report_carries_pilot_progress_and_later_items(cli, plan_repo: Path) -> None:
    data = ("--data", str(plan_repo))
    path = plan_repo / "data" / "submissions" / "2016-H1" / "deqing.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(
        "unit: deqing\nperiod: 2016-H1\nsubmitted: 2016-06-28\nitems:\n"
        "  - id: m5-2018-12-31\n    status: in_progress\n"
        "pilots:\n  - pilot: 63\n    status: in_progress\n    progress: 已启动\n",
        encoding="utf-8",
    )
    cli("new", "report", "deqing", "2016-H2", "--date", "2016-12-20", *data)
    text = (plan_repo / "data" / "submissions" / "2016-H2" / "deqing.yaml").read_text("utf-8")
    assert "  - id: m5-2018-12-31\n" in text and "    status: in_progress\n" in text
    assert "  - pilot: 63\n    status: in_progress\n    progress: 已启动\n" in text


def test_a_report_saying_the_pilot_plan_is_done_does_not_file_it(
    cli, plan_repo: Path, shown
) -> None:
    path = plan_repo / "data" / "submissions" / "2016-H1" / "sihui.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(
        "unit: sihui\nperiod: 2016-H1\nsubmitted: 2016-06-28\nitems:\n"
        "  - id: p64-plan\n    status: done\n    done: 2016-04-19\n",
        encoding="utf-8",
    )
    code, out, _ = cli("check", "--as-of", "2016-07-15", "--data", str(plan_repo))
    assert code == 1
    assert ("gate-missing", "data/submissions/pilot-plans/p64/sihui.yaml") in located(shown)
    assert "data/submissions/2016-H1/sihui.yaml: " not in out  # the report itself is filed


def test_stray_files_and_pilot_claims_are_said(cli, plan_repo: Path, shown) -> None:
    folder = plan_repo / "data" / "submissions" / "2016-H1"
    folder.mkdir(parents=True)
    (folder / "sihui.yaml.txt").write_text("unit: sihui\n", encoding="utf-8")
    code, _, err = cli("validate", "--data", str(plan_repo))
    assert code == 1 and located(shown) == [
        ("sub-not-yaml", "data/submissions/2016-H1/sihui.yaml.txt")
    ]
    shown.clear()
    (folder / "sihui.yaml.txt").rename(folder / "sihui.yaml")
    (folder / "sihui.yaml").write_text(
        "unit: sihui\nperiod: 2016-H1\nsubmitted: 2016-06-28\nitems:\n"
        "  - id: p64-plan\n    status: done\n    done: 2016-04-19\n",
        encoding="utf-8",
    )
    code, _, err = cli("validate", "--data", str(plan_repo))
    assert code == 0
    assert located(shown) == [("sub-pilot-claim", "data/submissions/2016-H1/sihui.yaml:6:13")]
    assert err.startswith("data/submissions/2016-H1/sihui.yaml:6:13: ")
    assert "fzzf new pilot-plan 64 sihui" in shown[0].message


def test_junit_to_stdout_with_a_dash(cli, plan_repo: Path) -> None:
    code, out, _ = cli("check", "--as-of", "2016-04-10", "-f", "junit", "-o", "-",
                       "--data", str(plan_repo))  # fmt: skip
    assert code == 0 and out.startswith("<?xml") and not Path("-").exists()


def test_new_report_over_a_filed_one_says_not_to_rewrite_it(cli, plan_repo: Path) -> None:
    data = ("--data", str(plan_repo))
    cli("new", "report", "德庆", "2016-H1", "--date", "2016-06-28", *data)
    code, _, err = cli("new", "report", "德庆", "2016-H1", *data)
    assert code == 1 and "已报送（写了 submitted），不覆盖，也不要改写" in err
