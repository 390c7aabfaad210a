"""The worked reorganisation (examples/reorganisation/): 市国家税务局 and 市地方税务局 end
on 2018-06-30 and 国家税务总局肇庆市税务局 carries their duties from 2018-07-01, in a
repository whose filings are dated by commits with fixed dates."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest

from ..conftest import REPO, commit_all

EXAMPLE = REPO / "examples" / "reorganisation"
NEW = "shuiwu-zongju"
SENTENCE = "原市国家税务局、市地方税务局事项，2018年7月起由国家税务总局肇庆市税务局承担"


def _report(repo: Path, unit: str, period: str, submitted: str) -> None:
    path = repo / "data" / "submissions" / period / f"{unit}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f"unit: {unit}\nperiod: {period}\nsubmitted: {submitted}\nitems: []\n"
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def reorganised(plan_repo: Path) -> Path:
    shutil.copy(EXAMPLE / "units.yaml", plan_repo / "data" / "units.yaml")
    commit_all(plan_repo, "方案（单位变更）", "2016-04-08T09:00:00+08:00")
    _report(plan_repo, "guoshuiju", "2018-H1", "2018-06-28")
    commit_all(plan_repo, "市国家税务局 2018-H1", "2018-06-28T10:00:00+08:00")
    _report(plan_repo, NEW, "2018-H2", "2018-12-20")
    commit_all(plan_repo, "市税务局 2018-H2", "2018-12-20T10:00:00+08:00")
    return plan_repo


def test_the_example_is_the_bundled_units_and_the_change(reorganised: Path) -> None:
    """Only the reorganisation differs from data/units.yaml (so the example cannot drift)."""
    example = (EXAMPLE / "units.yaml").read_text(encoding="utf-8").splitlines()
    bundled = (REPO / "data" / "units.yaml").read_text(encoding="utf-8")
    diff = list(difflib.ndiff(bundled.splitlines(), example))
    assert not [line for line in diff if line.startswith("- ")]
    assert len([line for line in diff if line.startswith("+ ")]) == 19


def _records(cli, repo: Path, *args: str) -> dict[str, dict]:
    code, out, err = cli(*args, "--as-of", "2019-01-15", "-f", "json", "--data", str(repo))
    assert code in (0, 1), err
    return {r["id"]: r for r in json.loads(out)["obligations"]}


def test_duties_pass_at_the_handover(cli, reorganised: Path) -> None:
    old = _records(cli, reorganised, "owes", "guoshuiju")
    new = _records(cli, reorganised, "owes", NEW)
    # Due by 2018-06-30: still 市国家税务局's, filed on time by it.
    assert old["report-2018-H1.guoshuiju"]["status"] == "on_time"
    assert max(r["due"] for r in old.values()) == "2018-06-30"
    # Due after: the new bureau's, one report for both old ones, filed on time.
    h2 = new[f"report-2018-H2.{NEW}"]
    assert (h2["status"], h2["from_units"], h2["handed"]) == (
        "on_time",
        ["guoshuiju", "dishuiju"],
        "2018-07-01",
    )
    assert set(new) == {f"report-2018-H2.{NEW}", f"m40-2018-12-31.{NEW}"}


def test_old_name_resolves_and_says_what_it_became(cli, reorganised: Path) -> None:
    data = ("--as-of", "2019-01-15", "--data", str(reorganised))
    code, out, err = cli("owes", "市国家税务局", *data)
    assert code == 0 and "市国家税务局（guoshuiju）" in out and SENTENCE in out
    assert err.startswith("市国家税务局已于 2018-06-30 终止：" + SENTENCE)
    code, out, _ = cli("status", *data)
    assert code == 0 and "市地方税务局（2018-06-30终止）" in out and SENTENCE in out
    cli("report", "-f", "md", *data)
    out = next((reorganised / "reports").glob("*.md")).read_text(encoding="utf-8")
    assert f"- {SENTENCE}（依据《深化党和国家机构改革方案》（2018-03-21））。" in out


def test_bundled_plan_unchanged(cli, plan_repo: Path) -> None:
    _, out, err = cli("owes", "市国家税务局", "--as-of", "2019-01-15", "--data", str(plan_repo))
    assert "2018-12-31" in out and "终止" not in out + err
