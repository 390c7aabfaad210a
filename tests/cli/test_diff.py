"""``fzzf diff``: a change in obligations, not lines, in temporary git repositories with
fixed commit dates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fzzf_cli.derive.obligations import derive
from fzzf_cli.validate.load import load_dataset

from ..conftest import commit_all, edit, git

PLAN = "2016-04-08T10:00:00+08:00"
M16_FIRST = "        due: 2016-12-31\n        units: [fuban, fazhiju, m16-main-departments]"


def _owing(repo: Path, thing: str) -> set[str]:
    ds, _ = load_dataset(repo)
    assert ds is not None
    return {o.unit_id for o in derive(ds) if o.thing == thing}


def _diff(cli, repo: Path, *args: str) -> dict:
    code, out, err = cli("diff", *args, "-f", "json", "--data", str(repo))
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("committed", [False, True])
def test_moving_a_milestone_of_measure_16_re_dates_every_unit_affected(
    cli, plan_repo: Path, committed: bool
) -> None:
    """2016-12-31 → 2017-12-31: the moved milestone's id becomes that of the second one
    (m16-2017-12-31), which becomes -2; still, exactly the first one's units are re-dated."""
    affected = _owing(plan_repo, "m16-2016-12-31")
    assert len(affected) == 3
    commit_all(plan_repo, "plan", PLAN)
    git(plan_repo, "checkout", "-q", "-b", "m16-2017")
    edit(plan_repo / "data/measures.yaml", M16_FIRST, M16_FIRST.replace("2016-12-31", "2017-12-31"))
    revs = ("main",)
    if committed:
        commit_all(plan_repo, "措施16 目录管理推迟到 2017 年", "2016-05-01T10:00:00+08:00")
        revs = ("main", "m16-2017")
    found = _diff(cli, plan_repo, *revs, "--as-of", "2017-01-15")
    assert {r["unit"] for r in found["redated"]} == affected
    assert {(r["was"], r["due"], r["was_id"].split(".")[0]) for r in found["redated"]} == {
        ("2016-12-31", "2017-12-31", "m16-2016-12-31")
    }
    assert found["added"] == found["removed"] == found["reassigned"] == []
    # On 2017-01-15 the milestone was overdue; after the change it is not yet due (the
    # main departments, not yet designated, stay unassigned).
    assert {(s["unit"], s["was"], s["now"]) for s in found["statuses"]} == {
        (unit, "overdue", "not_yet_due") for unit in affected - {"m16-main-departments"}
    }
    assert found["plan_files"] == ["data/measures.yaml"]
    assert found["filings"] == found["reviews"] == []


def test_reassigned_added_removed_filings_and_other_plan_files(cli, plan_repo: Path) -> None:
    commit_all(plan_repo, "plan", PLAN)
    measures = plan_repo / "data/measures.yaml"
    edit(measures, M16_FIRST, M16_FIRST.replace("m16-main-departments", "sifaju"))
    # A new file in data/ that this version does not read: listed, whatever it is.
    (plan_repo / "data/source/notes.txt").write_text("另行通知\n", encoding="utf-8")
    cli("new", "report", "deqing", "2016-H1", "--date", "2016-06-28", "--data", str(plan_repo))
    found = _diff(cli, plan_repo, "main", "--as-of", "2016-07-15")
    (moved,) = found["reassigned"]
    assert (moved["left"], moved["joined"]) == (["m16-main-departments"], ["sifaju"])
    assert found["redated"] == found["added"] == found["removed"] == []
    assert found["filings"] == [
        {"path": "data/submissions/2016-H1/deqing.yaml", "change": "added", "unit": "deqing"}
    ]
    assert found["statuses"] == [
        {**found["statuses"][0], "unit": "deqing", "was": "missing", "now": "late"}
    ]
    assert found["plan_files"] == ["data/measures.yaml", "data/source/notes.txt"]
    # Only joining (or only leaving) is an obligation added (or removed).
    edit(measures, "[fuban, fazhiju, sifaju]", "[fuban, fazhiju, sifaju, m16-main-departments]")
    found = _diff(cli, plan_repo, "main", "--as-of", "2016-07-15")
    assert found["reassigned"] == [] and found["removed"] == []
    assert [(o["unit"], o["thing"]) for o in found["added"]] == [("sifaju", "m16-2016-12-31")]


def test_nothing_changed(cli, plan_repo: Path) -> None:
    commit_all(plan_repo, "plan", PLAN)
    code, out, _ = cli("diff", "main", "--as-of", "2016-07-15", "--data", str(plan_repo))
    assert code == 0 and "本次更改不改变任何义务、状态、报送或复核。" in out
    code, out, _ = cli(
        "diff", "main", "-f", "md", "--as-of", "2016-07-15", "--data", str(plan_repo)
    )
    assert out.splitlines()[0] == "<!-- fzzf-diff -->" and "本次更改不改变任何义务" in out


HOSTILE = "<img src=x onerror=alert(1)> @everyone [点此](https://evil.example) | **粗** &lt;b&gt;"


def test_markdown_comment_is_marked_grouped_folded_and_escaped(cli, plan_repo: Path) -> None:
    commit_all(plan_repo, "plan", PLAN)
    measures = plan_repo / "data/measures.yaml"
    edit(measures, '- title: "市政府及其主要部门公布重大行政决策事项目录"',
         f'- title: "{HOSTILE.replace(chr(34), "")}"')  # fmt: skip
    m17 = "        due: 2016-12-31\n        units: [fuban, fazhiju, city-departments"
    edit(measures, m17, m17.replace("2016-12-31", "2017-06-30"))
    code, out, err = cli("diff", "main", "-f", "md", "--as-of", "2017-01-15",
                         "--data", str(plan_repo))  # fmt: skip
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "<!-- fzzf-diff -->" and lines[1].startswith("#### fzzf diff: main ")
    # One row per duty, its units listed; 31 units' status changes fold.
    assert "**改期的义务（31）**" in out and "**新增义务（3）**" in out
    assert "<details><summary>状态变化（31，涉及 31 个单位） · 展开 31 行</summary>" in out
    assert out.count("<details>") == 1 and out.count("</details>") == 1
    assert "**其他方案文件变化（1）**" in out
    assert "@everyone" not in out and "https://" not in out
    assert "\\<img" in out and "\\|" in out and "\\&lt;b\\&gt;" in out
    # In every row of every table: as many cells as its heading (no | from the data splits
    # one), and no character of Markdown or HTML left unescaped in any cell.
    for block in out.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("| ")]
        cells = [re.split(r"(?<!\\)\|", row)[1:-1] for row in rows]
        assert len({len(c) for c in cells}) <= 1, block
        for cell in (c for row in cells for c in row):
            assert re.search(r"(?<!\\)[<>\[\]*&|_]", cell) is None, cell


def test_markdown_renders_as_intended(cli, plan_repo: Path, tmp_path: Path) -> None:
    """Rendered by a CommonMark parser with tables: no HTML from the data, tables intact."""
    markdown_it = pytest.importorskip("markdown_it")
    commit_all(plan_repo, "plan", PLAN)
    edit(plan_repo / "data/measures.yaml", "市政府及其主要部门公布重大行政决策事项目录",
         "目录<script>alert(1)</script>|x")  # fmt: skip
    out_file = tmp_path / "comment.md"
    code, _, err = cli("diff", "main", "-f", "md", "-o", str(out_file), "--as-of", "2016-07-15",
                       "--data", str(plan_repo))  # fmt: skip
    assert code == 0, err
    html = (
        markdown_it.MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .render(out_file.read_text(encoding="utf-8"))
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<table>") == 3  # added, removed, other plan files
    assert all(row.count("<td>") in (4, 1) for row in html.split("<tr>")[1:] if "<td>" in row)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("no-such-rev",), "no-such-rev"),
        (("--", "--output=/tmp/x"), "--output=/tmp/x"),
        (("--", "-c"), "-c"),
        (("main", "--", "--exec=x"), "--exec=x"),
    ],
)
def test_hostile_revisions_are_usage_errors(cli, plan_repo: Path, args, fragment: str) -> None:
    commit_all(plan_repo, "plan", PLAN)
    code, out, err = cli("diff", "--as-of", "2016-07-15", "--data", str(plan_repo), *args)
    assert code == 2 and out == "" and fragment in err, err


def test_needs_a_git_repository(cli, plan_repo: Path) -> None:
    code, _, err = cli("diff", "main", "--as-of", "2016-07-15", "--data", str(plan_repo))
    assert code == 2 and "fzzf diff 需要 git 仓库" in err


def test_a_filing_the_change_invalidates_is_no_longer_valid_not_removed(
    cli, plan_repo: Path
) -> None:
    """Re-dating a milestone changes its id: a unit's filing naming the old id stays in the
    tree but counts for nobody; diff says so, and keeps "removed" for a file that is gone."""
    record = plan_repo / "data/submissions/records/2016-H2/fazhiju.yaml"
    record.parent.mkdir(parents=True)
    record.write_text(
        "unit: fazhiju\nperiod: 2016-H2\nsubmitted: 2016-12-20\nitems:\n"
        "  - id: m16-2016-12-31\n    status: in_progress\n",
        encoding="utf-8",
    )
    commit_all(plan_repo, "plan and a record", "2016-12-21T10:00:00+08:00")
    edit(plan_repo / "data/measures.yaml", M16_FIRST, M16_FIRST.replace("2016-12-31", "2017-12-31"))
    found = _diff(cli, plan_repo, "main", "--as-of", "2017-01-15")
    assert found["filings"] == [
        {"path": "data/submissions/records/2016-H2/fazhiju.yaml", "change": "invalid",
         "unit": "fazhiju"}
    ]  # fmt: skip
    record.unlink()
    found = _diff(cli, plan_repo, "main", "--as-of", "2017-01-15")
    assert [f["change"] for f in found["filings"]] == ["removed"]
