"""The made-up demonstration submissions under examples/: on time, late, missing, draft,
and the broken ones, as README's walkthrough runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import REPO

EXAMPLES = REPO / "examples"


@pytest.fixture
def demo(plan_repo: Path) -> Path:
    shutil.copytree(EXAMPLES / "submissions", plan_repo / "data" / "submissions")
    return plan_repo


def test_every_example_says_it_is_made_up() -> None:
    files = list(EXAMPLES.glob("**/*.yaml"))
    samples = [f for f in files if "ci" not in f.parts]
    assert len(samples) >= 20
    for path in samples:
        assert path.read_text(encoding="utf-8").startswith("# 虚构的演示数据，并非真实报送。")
    assert "虚构的演示数据" in (EXAMPLES / "README.md").read_text(encoding="utf-8")[:200]


def test_demo_is_valid(cli, demo: Path) -> None:
    code, out, err = cli("validate", "--data", str(demo))
    assert code == 0, err
    assert "报送文件 23 个，均有效" in out


def _status(cli, demo: Path) -> dict[str, dict]:
    _, out, _ = cli("status", "--as-of", "2017-07-15", "-f", "json", "--data", str(demo))
    return {u["unit_id"]: u for u in json.loads(out)["units"]}


def test_demo_on_time_late_missing_draft(cli, demo: Path) -> None:
    units = _status(cli, demo)
    assert (units["deqing"]["reports_on_time"], units["deqing"]["reports_due"]) == (3, 3)
    assert (units["duanzhou"]["reports_on_time"], units["duanzhou"]["reports_due"]) == (2, 3)
    assert units["huaiji"]["reports_on_time"] == 1  # 2016-H1 late, 2016-H2 missing
    assert units["sihui"]["reports_on_time"] == 1  # 2016-H2 a draft, 2017-H1 missing
    assert units["zhongcaiwei"]["overdue"] == 0
    _, out, _ = cli("overdue", "--as-of", "2017-07-15", "-f", "json", "--data", str(demo))
    records = {r["id"]: r for r in json.loads(out)["obligations"]}
    assert records["report-2016-H2.sihui"]["status"] == "missing"
    assert records["report-2016-H2.huaiji"]["status"] == "missing"
    assert "report-2016-H1.huaiji" not in records  # filed late, not missing
    assert not [r for r in records.values() if r["unit_id"] == "zhongcaiwei"]


def test_demo_gate(cli, demo: Path) -> None:
    code, out, _ = cli("check", "--as-of", "2017-07-15", "--data", str(demo))
    assert code == 1
    assert "data/submissions/2016-H2/sihui.yaml: 四会市未报" in out
    assert "文件已有但是草稿" in out
    assert "data/submissions/2017-H1/deqing.yaml" not in out
    assert out.splitlines()[-1].endswith("未通过。")


def test_broken_examples(cli, plan_repo: Path) -> None:
    shutil.copytree(EXAMPLES / "broken" / "submissions", plan_repo / "data" / "submissions")
    code, _, err = cli("validate", "--data", str(plan_repo))
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(
        "data/submissions/2016-H1/fengkai.yaml:5:7: unit 写的是“deqing”，但文件在 fengkai 的位置"
    )
    assert lines[1].startswith("data/submissions/2016-H2/huaiji.yaml:16:9: 怀集县没有应承担的事项")
    assert "是否想写 m9-2016-12-31？" in lines[1]
    assert lines[2] == "发现 2 个问题。"
