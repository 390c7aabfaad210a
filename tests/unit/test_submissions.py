"""Submission files: where they go, what they may say, every problem at its line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from fzzf_cli.derive.obligations import derive
from fzzf_cli.validate.load import load_dataset
from fzzf_cli.validate.subs_load import load_submissions

REPORT = """\
unit: deqing
period: 2017-H1
submitted: 2017-06-28
items:
  - id: m16-2017-12-31
    status: in_progress
  - id: p63-done
    status: done
    done: 2017-04-01
    evidence:
      - text: 试点总结
        link: https://example.gov.cn/p63
pilots:
  - pilot: 63
    status: done
    progress: 已完成
"""


def _file(repo: Path, relative: str, text: str) -> Path:
    path = repo / "data" / "submissions" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _load(repo: Path):
    ds, problems = load_dataset(repo)
    assert ds is not None and problems == []
    return load_submissions(repo, ds, derive(ds))


def _messages(repo: Path) -> list[str]:
    return [str(p) for p in _load(repo)[1]]


def test_valid_report_loads(plan_repo: Path) -> None:
    _file(plan_repo, "2017-H1/deqing.yaml", REPORT)
    subs, problems = _load(plan_repo)
    assert problems == []
    (filed,) = subs.reports
    assert filed.path == "data/submissions/2017-H1/deqing.yaml"
    assert filed.record.items[1].done.isoformat() == "2017-04-01"


P = "data/submissions/2017-H1/deqing.yaml"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("unit: deqing", "unit: huaiji", f"{P}:1:7: unit 写的是“huaiji”，但文件在 deqing 的位置"),
        ("period: 2017-H1", "period: 2016-H2", f"{P}:2:9: period 写的是“2016-H2”"),
        ("submitted: 2017-06-28", "submitted: 2016-12-31", f"{P}:3:12: 报送日期早于本报送期的开始"),
        (
            "  - id: m16-2017-12-31",
            "  - id: m16-2017-12-30",
            f"{P}:5:9: 德庆县没有应承担的事项“m16-2017-12-30”",
        ),
        ("  - id: m16-2017-12-31", "  - id: m62-2017-12-31", f"{P}:5:9: 德庆县没有应承担的事项"),
        (
            "    status: in_progress",
            "    status: started",
            f"{P}:6:13: items[0].status：“started”不是可选值",
        ),
        (
            "    done: 2017-04-01",
            "    done: 2017-07-01",
            f"{P}:9:11: 完成日期 2017-07-01 晚于报送日期 2017-06-28",
        ),
        (
            "    status: done\n    done: 2017-04-01\n",
            "    status: done\n",
            f"{P}:7:5: items[1]：状态为 done",
        ),
        (
            "        link: https://example.gov.cn/p63",
            "        link: javascript:alert(1)",
            f"{P}:12:15: items[1].evidence[0].link：链接",
        ),
        ("  - pilot: 63", "  - pilot: 64", f"{P}:14:12: 本单位不是试点 64 的试点地区或单位"),
        (
            "    status: in_progress\n",
            "    status: in_progress\n    statu: done\n",
            f"{P}:7:5: 未知的键“statu”",
        ),
    ],
)
def test_report_problems(plan_repo: Path, old: str, new: str, expected: str) -> None:
    assert old in REPORT
    _file(plan_repo, "2017-H1/deqing.yaml", REPORT.replace(old, new))
    found = _messages(plan_repo)
    assert any(m.startswith(expected) for m in found), found


def test_unknown_item_suggests_the_closest(plan_repo: Path) -> None:
    _file(plan_repo, "2017-H1/deqing.yaml", REPORT.replace("m16-2017-12-31", "m16-2017-12-13"))
    (message,) = _messages(plan_repo)
    assert "是否想写 m16-2017-12-31？" in message


def test_a_unit_files_once_per_period(plan_repo: Path) -> None:
    _file(plan_repo, "2017-H1/deqing.yaml", REPORT)
    _file(plan_repo, "2017-H1/Deqing.yml", REPORT)
    found = _messages(plan_repo)
    assert found == [
        "data/submissions/2017-H1/deqing.yaml: 同一单位同一期只能有一个报送文件，"
        "已有 data/submissions/2017-H1/Deqing.yml"
    ]


def test_files_in_wrong_places(plan_repo: Path) -> None:
    _file(plan_repo, "2017-H3/deqing.yaml", REPORT)
    _file(plan_repo, "deqing.yaml", REPORT)
    _file(plan_repo, "2017-H1/德庆县.yaml", REPORT)
    _file(plan_repo, "pilot-plans/p70/deqing.yaml", "unit: deqing\n")
    found = _messages(plan_repo)
    assert "data/submissions/2017-H3: 未知的报送目录“2017-H3”" in found[1]
    assert any(m.startswith("data/submissions/deqing.yaml: 报送文件位置不对") for m in found)
    assert any("文件名“德庆县”不是单位标识" in m for m in found)
    assert any(m.startswith("data/submissions/pilot-plans/p70: 未知的试点目录") for m in found)


PLAN_BODY = "goals: 目标\ntasks: 任务\nschedule: 进度\nresponsible: 责任主体\nsafeguards: 保障\n"


def test_pilot_plan_file(plan_repo: Path) -> None:
    text = "unit: deqing\npilot: 63\nkind: plan\nsubmitted: 2016-04-18\n" + PLAN_BODY
    _file(plan_repo, "pilot-plans/p63/deqing.yaml", text)
    subs, problems = _load(plan_repo)
    assert problems == [] and len(subs.pilot_files) == 1
    _file(plan_repo, "pilot-plans/p64/deqing.yaml", text.replace("63", "64"))
    found = _messages(plan_repo)
    assert found == [
        "data/submissions/pilot-plans/p64/deqing.yaml:1:7: 本单位不是试点 64 的试点地区或单位"
    ]


def test_a_filed_pilot_plan_sets_out_what_the_plan_asks(plan_repo: Path) -> None:
    """八: 明确试点工作的目标、任务、进度安排、责任主体和保障机制 — an empty plan is not filed."""
    text = "unit: deqing\npilot: 63\nkind: plan\nsubmitted: 2016-04-18\ngoals: 目标\n"
    _file(plan_repo, "pilot-plans/p63/deqing.yaml", text)
    found = _messages(plan_repo)
    assert len(found) == 4 and all(
        m.startswith("data/submissions/pilot-plans/p63/deqing.yaml:4:12: ") for m in found
    )
    assert "须写明 tasks（任务）" in found[0] + found[1] + found[2] + found[3]
    _file(plan_repo, "pilot-plans/p63/deqing.yaml", text.replace("2016-04-18", ""))
    assert _messages(plan_repo) == []  # a draft may be incomplete


def test_wrong_kind_for_folder(plan_repo: Path) -> None:
    text = "unit: deqing\npilot: 63\nkind: plan\nsubmitted: 2017-04-05\nsummary: 完成\n"
    _file(plan_repo, "pilot-completions/p63/deqing.yaml", text)
    assert _messages(plan_repo) == [
        "data/submissions/pilot-completions/p63/deqing.yaml:3:7: "
        "kind 写的是“plan”，但文件在 completion 对应的目录中"
    ]


def test_draft_is_valid(plan_repo: Path) -> None:
    _file(plan_repo, "2017-H1/deqing.yaml", REPORT.replace("submitted: 2017-06-28", "submitted:"))
    subs, problems = _load(plan_repo)
    assert problems == [] and subs.reports[0].record.submitted is None


def test_figures_name_real_targets(plan_repo: Path) -> None:
    text = REPORT + "figures:\n  - metric: online_full_process_rate\n    value: 82.5\n"
    _file(plan_repo, "2017-H1/deqing.yaml", text)
    assert _messages(plan_repo) == []
    _file(plan_repo, "2017-H1/deqing.yaml", text.replace("full_process", "full_proces"))
    (message,) = _messages(plan_repo)
    assert (
        "未知的量化指标“online_full_proces_rate”" in message
        and "online_full_process_rate" in message
    )


def test_broken_yaml_in_a_submission(plan_repo: Path) -> None:
    _file(plan_repo, "2017-H1/deqing.yaml", REPORT.replace("  - id: p63-done", "\t- id: p63-done"))
    (message,) = _messages(plan_repo)
    assert message.startswith("data/submissions/2017-H1/deqing.yaml:7:1: 缩进里有制表符")
