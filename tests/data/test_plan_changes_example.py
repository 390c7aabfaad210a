"""The worked example of extensions and an extra round (examples/plan-changes/) on the
bundled plan: valid, and saying what its README says."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..conftest import DATA, REPO


def test_the_plan_changes_example_says_what_its_readme_says(cli, tmp_path: Path) -> None:
    repo = tmp_path / "changes"
    shutil.copytree(DATA, repo / "data")
    shutil.copytree(REPO / "examples" / "plan-changes" / "data", repo / "data", dirs_exist_ok=True)
    assert cli("validate", "--data", str(repo), "--as-of", "2018-04-01")[0] == 0
    code, out, _ = cli("owes", "deqing", "--data", str(repo), "--as-of", "2018-04-01", "-f", "json")
    duties = {r["id"]: r for r in json.loads(out)["obligations"]}
    report = duties["report-2016-H2.deqing"]
    assert (report["status"], report["due"], report["due_original"]) == (
        "on_time",
        "2017-01-31",
        "2016-12-31",
    )
    m16 = duties["m16-2017-12-31.deqing"]
    assert [r["due"] for r in m16["revisions"]] == ["2018-03-31", "2018-06-30"]
    assert duties["round-2017-r1.deqing"]["status"] == "on_time"
    code, out, err = cli("check", "--data", str(repo), "--as-of", "2017-06-10")
    assert code == 1 and "data/submissions/rounds/2017-r1/sihui.yaml" in out + err
