"""fzzf codeowners: the text, what it means to GitHub and GitLab, the file it writes, and
handles that try to smuggle rules into it."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

from fzzf_cli.errors import Problem
from fzzf_cli.present.codeowners import generate
from fzzf_cli.text import msg
from fzzf_cli.validate.load import load_dataset

from ..conftest import edit, line_of, located

FAZHIJU = "    tags: [government_department, coordinator]\n"
HUAIJI = "    aliases: [怀集县人民政府]\n    kind: county_government\n"
DEQING = "    aliases: [德庆县人民政府]\n    kind: county_government\n"
COORD = "@zhaoqing/fazhiju fzb@example.gov.cn"


def _reviewers(repo: Path, coordinator: bool = True) -> None:
    """The worked example: the coordinator, 怀集县 and 德庆县 name reviewers; no one else does."""
    units = repo / "data" / "units.yaml"
    if coordinator:
        edit(units, FAZHIJU, FAZHIJU + '    reviewers: ["@zhaoqing/fazhiju", fzb@example.gov.cn]\n')
    edit(units, HUAIJI, HUAIJI + '    reviewers: ["@hj-chen"]\n')
    edit(
        units,
        DEQING,
        DEQING + '    reviewers: ["@zhaoqing/deqing", "@dq-li", "@zhaoqing/deqing"]\n',
    )


def _generate(repo: Path, fmt: str):
    ds, problems = load_dataset(repo)
    assert ds is not None and problems == []
    return generate(ds, fmt)


def _unit_rules(unit: str, owners: str) -> list[str]:
    return [
        f"/data/submissions/*/{unit}.yaml {owners}",
        f"/data/submissions/*/{unit}.yml {owners}",
        f"/data/submissions/pilot-plans/*/{unit}.yaml {owners}",
        f"/data/submissions/pilot-plans/*/{unit}.yml {owners}",
        f"/data/submissions/pilot-completions/*/{unit}.yaml {owners}",
        f"/data/submissions/pilot-completions/*/{unit}.yml {owners}",
        f"/data/submissions/records/*/{unit}.yaml {owners}",
        f"/data/submissions/records/*/{unit}.yml {owners}",
    ]


COORDINATOR_RULES = [
    f"* {COORD}",
    f"/data/units.yaml {COORD}",
    f"/data/measures.yaml {COORD}",
    f"/data/pilots.yaml {COORD}",
    f"/data/reviews/ {COORD}",
]
HUAIJI_RULES = _unit_rules("huaiji", "@hj-chen")
DEQING_RULES = _unit_rules("deqing", "@zhaoqing/deqing @dq-li")  # a repeated handle once


def _rules(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln and not ln.startswith("#")]


# --- the text ---------------------------------------------------------------------------


def test_github_text_for_two_units_with_reviewers(plan_repo: Path, golden) -> None:
    _reviewers(plan_repo)
    made = _generate(plan_repo, "github")
    lines = made.text.splitlines()
    assert lines[0].startswith("# 由 fzzf codeowners 生成（GitHub 格式），依据本仓库的")
    assert lines[0].endswith("data/units.yaml（各单位的 reviewers）")
    assert "2/49 个单位指定了审阅人" in lines[1]
    # units.yaml order: 怀集县 is listed before 德庆县.
    assert _rules(made.text) == COORDINATOR_RULES + HUAIJI_RULES + DEQING_RULES
    start = lines.index("# 统筹单位：市法制局（fazhiju）")
    assert lines[start + 1 : start + 6] == COORDINATOR_RULES
    start = lines.index("# 德庆县（deqing）")
    assert lines[start + 1 : start + 9] == DEQING_RULES
    assert "# 市编办（bianban）：未指定审阅人（reviewers），不单列" in lines
    golden("codeowners-github.txt", made.text)


def test_gitlab_text_groups_each_unit_in_a_section(plan_repo: Path, golden) -> None:
    _reviewers(plan_repo)
    made = _generate(plan_repo, "gitlab")
    assert _rules(made.text) == [
        "[统筹单位：市法制局（fazhiju）]",
        *COORDINATOR_RULES,
        "[怀集县（huaiji）]",
        *HUAIJI_RULES,
        "[德庆县（deqing）]",
        *DEQING_RULES,
    ]
    assert made.text.startswith("# 由 fzzf codeowners 生成（GitLab 格式）")
    golden("codeowners-gitlab.txt", made.text)


def test_output_is_deterministic(plan_repo: Path) -> None:
    _reviewers(plan_repo)
    assert _generate(plan_repo, "github") == _generate(plan_repo, "github")


def test_no_rule_without_owners_and_no_handle_in_comments(plan_repo: Path) -> None:
    """GitHub ("About code owners", the /apps/github example): "Without an owner, changes
    ... can be made with the approval of any user who has write access"; GitLab auto-approves
    a rule nobody can satisfy. So a unit without reviewers only gets a comment. Comments
    carry no ``@`` (GitLab: "Any Code Owners listed in a comment are parsed")."""
    _reviewers(plan_repo)
    for fmt in ("github", "gitlab"):
        text = _generate(plan_repo, fmt).text
        for line in _rules(text):
            if not line.startswith("["):
                assert len(line.split()) >= 2, line
        comments = [ln for ln in text.splitlines() if ln.startswith("#")]
        assert comments and not any("@" in ln for ln in comments)
        assert "fengkai.yaml" not in text and "# 封开县（fengkai）：未指定审阅人" in text


def test_warnings_name_every_unit_without_reviewers(plan_repo: Path) -> None:
    _reviewers(plan_repo)
    ds, _ = load_dataset(plan_repo)
    assert ds is not None
    warnings = generate(ds, "github").warnings
    without = [u.id for u in ds.units_file.units if u.id not in ("fazhiju", "huaiji", "deqing")]
    assert len(warnings) == len(without) + 1 and len(without) == 47
    first = "警告：市编办（bianban）没有审阅人（reviewers），其报送文件不单列，归统筹单位审阅"
    assert warnings[0] == first
    assert [w.split("（")[1].split("）")[0] for w in warnings[:-1]] == without
    assert warnings[-1].startswith("提示：在 data/units.yaml 中给单位加上 reviewers")


def test_coordinator_without_reviewers_writes_no_catch_all(plan_repo: Path) -> None:
    _reviewers(plan_repo, coordinator=False)
    made = _generate(plan_repo, "github")
    assert _rules(made.text) == HUAIJI_RULES + DEQING_RULES
    assert "# 统筹单位：市法制局（fazhiju），未指定审阅人（reviewers）" in made.text
    assert made.warnings[0].startswith("警告：统筹单位 市法制局（fazhiju）没有审阅人")


def test_unsafe_name_is_shown_by_id(plan_repo: Path) -> None:
    """Names are data too: one with a bracket, an @ or a line break is replaced by the id."""
    _reviewers(plan_repo)
    edit(
        plan_repo / "data" / "units.yaml",
        "    name: 德庆县\n",
        '    name: "德庆县] @evil\\n* @evil"\n',
    )
    made = _generate(plan_repo, "gitlab")
    assert "[deqing]" in _rules(made.text)
    assert "evil" not in made.text and not any("evil" in w for w in made.warnings)


# --- what the hosts make of it ---------------------------------------------------------


def _matches(pattern: str, path: str) -> bool:
    """gitignore rules for the patterns fzzf writes (files only): ``*`` alone matches every
    path; a leading ``/`` anchors at the root; ``*`` stays within one segment; a trailing
    ``/`` takes the folder and all below; case counts."""
    if pattern == "*":
        return True
    parts, names = pattern.strip("/").split("/"), path.split("/")
    if pattern.endswith("/"):
        names = names[: len(parts)]
    return len(parts) == len(names) and all(map(fnmatch.fnmatchcase, names, parts))


def _github_owners(text: str, path: str) -> str | None:
    """docs.github.com, "About code owners": "Order is important; the last matching pattern
    takes the most precedence"; ``docs/*`` matches docs/getting-started.md "but not further
    nested files"; "CODEOWNERS paths are case sensitive"."""
    owners = None
    for line in _rules(text):
        pattern, _, rest = line.partition(" ")
        if _matches(pattern, path):
            owners = rest
    return owners


def _gitlab_approvals(text: str, path: str) -> list[str]:
    """docs.gitlab.com, "Syntax of CODEOWNERS file": sections "are analyzed separately, and
    always enforced"; within a section the last matching entry is used."""
    found: dict[str, str] = {}
    section = ""
    for line in _rules(text):
        if line.startswith("["):
            section = line
            continue
        pattern, _, rest = line.partition(" ")
        if _matches(pattern, path):
            found[section] = rest
    return list(found.values())


PATHS = {
    "data/submissions/2017-H1/deqing.yaml": "@zhaoqing/deqing @dq-li",
    "data/submissions/2017-H2/deqing.yml": "@zhaoqing/deqing @dq-li",
    "data/submissions/pilot-plans/p63/deqing.yaml": "@zhaoqing/deqing @dq-li",
    "data/submissions/pilot-completions/p63/deqing.yaml": "@zhaoqing/deqing @dq-li",
    "data/submissions/records/2017-H1/deqing.yaml": "@zhaoqing/deqing @dq-li",
    "data/submissions/2017-H1/huaiji.yaml": "@hj-chen",
    "data/submissions/2017-H1/fengkai.yaml": COORD,  # no reviewers of its own
    "data/submissions/2017-H1/Deqing.yaml": COORD,  # another case is another path
    "data/submissions/pilot-plans/p63/extra/deqing.yaml": COORD,  # one level too deep
    "data/reviews/2017-H1/deqing.yaml": COORD,
    "data/units.yaml": COORD,
    "data/measures.yaml": COORD,
    "data/source/plan.txt": COORD,
    "templates/report.html.j2": COORD,
    ".github/workflows/fzzf.yml": COORD,
    ".gitlab-ci.yml": COORD,
    ".github/CODEOWNERS": COORD,
}


@pytest.mark.parametrize("path", sorted(PATHS))
def test_github_owner_of_each_path(plan_repo: Path, path: str) -> None:
    _reviewers(plan_repo)
    assert _github_owners(_generate(plan_repo, "github").text, path) == PATHS[path]


@pytest.mark.parametrize("path", sorted(PATHS))
def test_gitlab_coordinator_section_also_approves_filings(plan_repo: Path, path: str) -> None:
    _reviewers(plan_repo)
    needed = _gitlab_approvals(_generate(plan_repo, "gitlab").text, path)
    expected = [COORD] if PATHS[path] == COORD else [COORD, PATHS[path]]
    assert needed == expected


# --- handles ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("handle", "said"),
    [("@a b", "@a b"), ("@x\\n* @evil", "@x\\n* @evil"), ("#x", "#x"), ("@a\\u202e", "@a\\u202e")],
)
def test_hostile_handle_is_a_located_problem_and_nothing_is_written(
    cli, plan_repo: Path, handle: str, said: str, shown: list[Problem]
) -> None:
    _reviewers(plan_repo)
    units = plan_repo / "data" / "units.yaml"
    edit(units, '"@hj-chen"', f'"@hj-chen", "{handle}"')
    line = line_of(units, "@hj-chen")
    target = plan_repo / "CODEOWNERS"
    code, out, err = cli("codeowners", "-o", str(target), "--data", str(plan_repo))
    assert code == 1 and out == "" and not target.exists()
    col = units.read_text(encoding="utf-8").splitlines()[line - 1].index(f'"{handle}"') + 1
    assert located(shown) == [("handle-invalid", f"data/units.yaml:{line}:{col}")]
    assert f"data/units.yaml:{line}:{col}: units[" in err and f"“{said}”" in shown[0].message
    assert "\n* @evil" not in err and "\u202e" not in err
    code, out, err = cli("codeowners", "--data", str(plan_repo))
    assert code == 1 and out == ""


# --- the command ----------------------------------------------------------------------------


def test_stdout_by_default_with_warnings_on_stderr(cli, plan_repo: Path) -> None:
    _reviewers(plan_repo)
    code, out, err = cli("codeowners", "--data", str(plan_repo))
    assert code == 0 and out == _generate(plan_repo, "github").text
    assert err.count("警告：") == 47 and "警告：德庆县" not in err
    code, dash, _ = cli("codeowners", "-o", "-", "--format", "gitlab", "--data", str(plan_repo))
    assert code == 0 and dash == _generate(plan_repo, "gitlab").text


def test_bundled_plan_warns_for_every_unit(cli) -> None:
    code, out, err = cli("codeowners")
    assert code == 0 and _rules(out) == []
    assert "警告：统筹单位 市法制局（fazhiju）没有审阅人" in err and err.count("警告：") == 50


def test_output_file_is_written_refused_then_replaced(cli, plan_repo: Path, tmp_path) -> None:
    _reviewers(plan_repo)
    target = plan_repo / ".github" / "CODEOWNERS"
    code, out, _ = cli("codeowners", "-o", str(target), "--data", str(plan_repo))
    assert code == 0 and out.startswith("已写入 ")
    assert target.read_text(encoding="utf-8") == _generate(plan_repo, "github").text
    target.write_text("* @someone-else\n", encoding="utf-8")
    code, out, err = cli("codeowners", "-o", str(target), "--data", str(plan_repo))
    assert code == 1 and out == "" and "已存在，不覆盖" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "* @someone-else\n"
    args = ("codeowners", "-o", str(target), "--force", "-f", "gitlab", "--data", str(plan_repo))
    code, out, _ = cli(*args)
    assert code == 0 and target.read_text(encoding="utf-8") == _generate(plan_repo, "gitlab").text
    assert [p.name for p in target.parent.iterdir()] == ["CODEOWNERS"]  # no temporary left


def test_invalid_data_exits_1_and_writes_nothing(cli, plan_repo: Path, shown) -> None:
    edit(plan_repo / "data" / "measures.yaml", "coordinator: fazhiju", "coordinator: 市法制局")
    target = plan_repo / "CODEOWNERS"
    code, out, err = cli("codeowners", "-o", str(target), "--data", str(plan_repo))
    assert code == 1 and out == "" and not target.exists()
    assert [code for code, where in located(shown)] == ["ref-unknown"]
    assert "data/measures.yaml:" in err and shown[0].hint == msg(
        "use_id", id="fazhiju", name="市法制局"
    )


def test_bad_usage_exits_2(cli, plan_repo: Path) -> None:
    code, out, err = cli("codeowners", "--format", "bitbucket", "--data", str(plan_repo))
    assert code == 2 and out == "" and "bitbucket" in err
    # A folder means CODEOWNERS inside it (it is never replaced by a file).
    folder = plan_repo / ".github"
    folder.mkdir()
    code, out, err = cli("codeowners", "-o", str(folder), "--data", str(plan_repo))
    assert code == 0 and (folder / "CODEOWNERS").is_file() and folder.is_dir()


def test_help_lists_codeowners_after_check(cli) -> None:
    code, out, _ = cli("--help")
    commands = [line.split()[0] for line in out.split("命令:")[1].splitlines() if line.strip()]
    assert code == 0 and commands.index("codeowners") == commands.index("check") + 1
