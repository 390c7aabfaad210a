"""The made-up demonstration submissions under examples/: on time, late, missing, draft,
and the broken ones, as README's walkthrough runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fzzf_cli.text import msg

from ..conftest import REPO, located

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
    assert "报送文件 24 个，均有效" in out


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


def test_documents_example_numbers_the_next_notice(cli, plan_repo: Path, tmp_path: Path) -> None:
    """The README's try-out of examples/documents: settings on the page, the next number."""
    pytest.importorskip("docx")
    for path in (EXAMPLES / "documents" / "data").glob("*.yaml"):
        shutil.copy(path, plan_repo / "data" / path.name)
    out = tmp_path / "notice.docx"
    args = ("notice", "德庆县", "-f", "docx", "--as-of", "2018-02-01", "--data", str(plan_repo))
    code, _, err = cli(*args, "-o", str(out))
    assert code == 0, err
    assert "肇法督〔2018〕2号" in err
    register = (plan_repo / "data" / "register.yaml").read_text(encoding="utf-8")
    assert register.startswith("# 虚构的演示数据") and register.count("- prefix:") == 4
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "肇庆市人民政府法制局文件" in text and "张三" in text and "肇法督〔2018〕2号" in text


def test_broken_examples(cli, plan_repo: Path, shown) -> None:
    shutil.copytree(EXAMPLES / "broken" / "submissions", plan_repo / "data" / "submissions")
    code, _, err = cli("validate", "--data", str(plan_repo))
    assert code == 1
    assert located(shown) == [
        ("sub-wrong-unit", "data/submissions/2016-H1/fengkai.yaml:5:7"),
        ("sub-item-unknown", "data/submissions/2016-H2/huaiji.yaml:16:9"),
    ]
    assert shown[1].hint == msg("did_you_mean", candidates="m9-2016-12-31")
    assert err.splitlines()[2] == msg("validate_failed", n=2)


@pytest.fixture(scope="module")
def demo_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The practice repository with history that examples/demo_repo.py builds."""
    dest = tmp_path_factory.mktemp("demo") / "repo"
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "demo_repo.py"), str(dest)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return dest


def test_demo_repo_files_pass_the_schemas(demo_repo: Path) -> None:
    """What the practice repository holds after its history (a designation in units.yaml,
    a rewritten report) is still what ``fzzf schema`` describes."""
    pytest.importorskip("jsonschema", reason="jsonschema is a test dependency")
    from .test_schemas import errors

    files = sorted((demo_repo / "data").rglob("*.yaml"))
    shown = {
        p.relative_to(EXAMPLES).as_posix()
        for folder in ("submissions", "reviews")
        for p in (EXAMPLES / folder).rglob("*.yaml")
    }
    assert {p.relative_to(demo_repo / "data").as_posix() for p in files} >= shown
    assert any(name.startswith("reviews/") for name in shown)
    for path in files:
        assert errors(path, path.relative_to(demo_repo).as_posix()) == [], path


def _json(cli, *args: str) -> dict:
    code, out, err = cli(*args, "-f", "json")
    assert code == 0, err
    return json.loads(out)


def test_demo_repo_refuses_an_existing_folder(demo_repo: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "demo_repo.py"), str(demo_repo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0 and "already exists" in done.stderr


def test_demo_repo_backdated_filing(cli, demo_repo: Path) -> None:
    """Issue 9's done-when, in the repository built from the examples: the backdated report
    is flagged with the commit that merged it and counts as late."""
    data = ("--data", str(demo_repo))
    code, out, _ = cli("check", "--as-of", "2017-08-01", *data)
    flagged = [
        line for line in out.splitlines() if line.startswith("data/submissions/2017-H1/jingxinju")
    ]
    assert code == 1 and len(flagged) == 1
    assert (
        "2017-06-28 比入库日期 2017-07-06（提交 " in flagged[0]
        and "，fazhiju）早 8 天" in flagged[0]
    )
    units = {u["unit_id"]: u for u in _json(cli, "status", "--as-of", "2017-08-01", *data)["units"]}
    assert (units["jingxinju"]["reports_on_time"], units["jingxinju"]["reports_due"]) == (2, 3)


def test_demo_repo_review(cli, demo_repo: Path) -> None:
    """Accepted claims count (in the ranking too); a returned one is overdue again after its
    new deadline; 市法制局 closes its own milestones through its record."""
    data = ("--data", str(demo_repo))
    before = {
        u["unit_id"]: u for u in _json(cli, "status", "--as-of", "2017-07-19", *data)["units"]
    }
    after = {u["unit_id"]: u for u in _json(cli, "status", "--as-of", "2017-07-21", *data)["units"]}
    assert (before["deqing"]["done"], before["deqing"]["claimed"]) == (5, 5)
    assert (after["deqing"]["done"], after["deqing"]["claimed"]) == (9, 0)
    assert (after["fazhiju"]["done"], after["fazhiju"]["claimed"]) == (2, 3)
    late = _json(cli, "overdue", "-u", "德庆", "--as-of", "2017-09-10", *data)["obligations"]
    m51 = next(o for o in late if o["thing"] == "m51-2016-12-31")
    assert (m51["status"], m51["days_overdue"], m51["due_revised"]) == ("overdue", 10, "2017-08-31")
    out = cli("report", "-f", "md", "-o", "-", "--as-of", "2017-07-21", *data)[1]
    row = next(line for line in out.splitlines() if "| 德庆县 |" in line and "%（" in line)
    assert row.split("|")[6].strip() == "9/15"  # 15: the pilot of measure 25, designated 2017-09-01
    code, _, err = cli("new", "report", "市法制局", "2016-H1", *data)
    assert code == 2 and "fzzf new record fazhiju 2016-H1" in err


def test_demo_repo_history_and_rewrite(cli, demo_repo: Path, shown) -> None:
    data = ("--data", str(demo_repo))

    def overdue(*extra: str) -> set[str]:
        found = _json(cli, "overdue", "-u", "德庆", "--as-of", "2017-07-15", *extra, *data)
        return {o["thing"] for o in found["obligations"]}

    # Designated on 2017-09-01: today 德庆县 owes measure 25's pilot; on 2017-07-15 it did not.
    assert "m25-2016-12-31" in overdue()
    assert "m25-2016-12-31" not in overdue("--history")
    # Rewritten on 2017-09-05 (m1 "done"): the report counts as filed, and the check says so.
    assert "m1-2016-12-31" in overdue() and "m1-2016-12-31" in overdue("--history")
    code, out, _ = cli("check", "--as-of", "2017-09-10", *data)
    rewritten = ("filing-rewritten", "data/submissions/2017-H1/deqing.yaml:20:13")
    assert rewritten in located(shown) and f"{rewritten[1]}: " in out
    assert "m1-2016-12-31.status" in next(p for p in shown if p.code == rewritten[0]).message
    shown.clear()
    clone = demo_repo.parent / "pr"
    subprocess.run(["git", "clone", "-q", "-b", "deqing-rewrite", str(demo_repo), str(clone)],
                   check=True, capture_output=True)  # fmt: skip
    subprocess.run(["git", "fetch", "-q", "origin", "tag", "before-rewrite"], cwd=clone,
                   check=True, capture_output=True)  # fmt: skip
    code, out, _ = cli("check", "--changed-since", "before-rewrite", "--as-of", "2017-09-05",
                       "--data", str(clone))  # fmt: skip
    assert code == 1
    assert rewritten in located(shown) and f"{rewritten[1]}: " in out


def test_readme_status_table_is_what_fzzf_says(cli, plan_repo: Path) -> None:
    """The status table in examples/README.md is fzzf's own answer (reviews included)."""
    shutil.copytree(EXAMPLES / "submissions", plan_repo / "data" / "submissions")
    shutil.copytree(EXAMPLES / "reviews", plan_repo / "data" / "reviews")
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    table = text.split("| 单位 | 报送按时率 | 已完成/已到期 | 待复核 | 逾期 |")[1].split("\n\n")[0]
    rows = [line.strip().strip("|").split("|") for line in table.strip().splitlines()[1:]]
    units = {u["unit"]: u for u in _status(cli, plan_repo).values()}
    assert len(rows) == 8
    for name, rate, done, claimed, overdue in (map(str.strip, row) for row in rows):
        u = units[name]
        assert rate.endswith(f"（{u['reports_on_time']}/{u['reports_due']}）"), name
        assert (done, int(claimed), int(overdue)) == (
            f"{u['done']}/{u['due']}",
            u["claimed"],
            u["overdue"],
        )


@pytest.mark.parametrize(
    "command",
    [("notice", "德庆x"), ("remind", "德庆x"), ("status", "-u", "德庆x"), ("report", "-u", "德庆x")],
)
def test_a_unit_typed_wrong_is_said_alone(cli, demo_repo: Path, command: tuple[str, ...]) -> None:
    """The demo repository has notes about other units' filing dates: a usage error about
    the unit typed comes first and alone, not at the end of them."""
    code, out, err = cli(*command, "--as-of", "2017-07-15", "--data", str(demo_repo))
    assert code == 2 and out == ""
    assert err.splitlines() == ["fzzf: 没有叫“德庆x”的单位，是否想写 德庆县（deqing）？"]
    _, _, noted = cli("status", "--as-of", "2017-07-15", "--data", str(demo_repo))
    assert "入库日期" in noted  # the notes the error no longer drowns in
