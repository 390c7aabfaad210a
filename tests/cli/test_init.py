"""``fzzf init DIR``: a data repository in one command whose own CI example passes, and
that never overwrites a file; shell completion; ``fzzf check`` outside a repository."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from fzzf_cli import __version__

from ..conftest import commit_all, git

EXPECTED = {
    "data/measures.yaml",
    "data/units.yaml",
    "data/pilots.yaml",
    "data/source/plan.txt",
    ".gitignore",
    ".github/workflows/fzzf.yml",
    ".gitlab-ci.yml",
    ".github/CODEOWNERS",
    ".gitlab/CODEOWNERS",
    ".editorconfig",
    ".vscode/settings.json",
    ".pre-commit-config.yaml",
    "README.md",
}


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _ci_commands(repo: Path) -> list[str]:
    """The fzzf commands the GitHub and GitLab examples run on the main branch."""
    github = yaml.safe_load((repo / ".github/workflows/fzzf.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["check"]["steps"]
    runs = [s["run"] for s in steps if "run" in s and s.get("if", "").find("!=") >= 0]
    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    return [*runs, *gitlab["fzzf"]["script"]]


def test_init_gives_a_repository_whose_ci_passes(cli, tmp_path: Path) -> None:
    code, out, err = cli("init", "zq-data")
    repo = tmp_path / "zq-data"
    assert code == 0 and err == "" and "写入 13 个文件，跳过已有的 0 个" in out
    assert "cd zq-data && git init" in out
    assert _files(repo) == EXPECTED
    commit_all(repo, "fzzf init", "2016-02-01T10:00:00+08:00")
    commands = _ci_commands(repo)
    assert commands[:2] == ["fzzf validate", "fzzf check --format github"]
    assert "fzzf check --format junit --output fzzf-check.xml" in commands
    # on a day before the plan's first deadline nothing is missing
    for command in dict.fromkeys(commands):
        args = command.split()[1:]
        code, out, err = cli(*args, "--data", str(repo), "--as-of", "2016-03-01")
        assert code == 0, (command, out, err)
    assert (tmp_path / "fzzf-check.xml").is_file()


def test_a_pull_request_on_a_new_repository_passes_today(cli, tmp_path: Path) -> None:
    """Later, every report is missing: the main branch's gate says so; a pull request that
    files one is judged on what it did (--baseline), as the example runs it."""
    cli("init", "zq")
    repo = tmp_path / "zq"
    commit_all(repo, "fzzf init", "2016-02-01T10:00:00+08:00")
    code, _, _ = cli("check", "--data", str(repo), "--as-of", "2017-07-15")
    assert code == 1
    git(repo, "checkout", "-q", "-b", "deqing")
    (repo / "README.md").write_text("改了说明\n", encoding="utf-8")
    commit_all(repo, "readme", "2017-07-10T10:00:00+08:00")
    code, out, err = cli(
        "check", "--baseline", "main", "--data", str(repo), "--as-of", "2017-07-15"
    )
    assert code == 0, out + err


def test_the_ci_examples_are_pinned_and_the_rest_is_valid(cli, tmp_path: Path) -> None:
    cli("init", "r")
    repo = tmp_path / "r"
    for name in (".github/workflows/fzzf.yml", ".gitlab-ci.yml"):
        text = (repo / name).read_text(encoding="utf-8")
        assert f'pip install "${{FZZF_PACKAGE:-fzzf=={__version__}}}"' in text
        assert re.search(r"fzzf}\"", text) is None  # no unpinned install line left
    settings = json.loads((repo / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["files.encoding"] == "utf8"
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "fzzf validate"
    ignored = (repo / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"reports/", "public/"} <= set(ignored)
    for host, path in (("github", ".github/CODEOWNERS"), ("gitlab", ".gitlab/CODEOWNERS")):
        _, owners, _ = cli("codeowners", "-f", host, "--data", str(repo))
        assert (repo / path).read_text(encoding="utf-8") == owners
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# ") and "fzzf new report" in readme and __version__ in readme


def test_init_never_overwrites(cli, tmp_path: Path) -> None:
    repo = tmp_path / "clone"
    (repo / "data").mkdir(parents=True)
    (repo / "README.md").write_text("ours\n", encoding="utf-8")
    (repo / "data" / "units.yaml").write_text("units: []\n", encoding="utf-8")
    code, out, err = cli("init", str(repo))
    assert code == 0 and "写入 11 个文件，跳过已有的 2 个" in out
    assert "README.md 已存在，未改动" in err and "data/units.yaml 已存在，未改动" in err
    assert (repo / "README.md").read_text(encoding="utf-8") == "ours\n"
    code, out, _ = cli("init", str(repo))  # again: nothing left to write
    assert code == 0 and "写入 0 个文件，跳过已有的 13 个" in out


def test_init_refuses_a_file_and_a_linked_folder(cli, tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code, out, err = cli("init", "f")
    assert code == 2 and out == "" and "不是文件夹" in err
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / ".github").symlink_to(elsewhere)
    code, _, err = cli("init", "r")
    assert code == 0 and "符号链接" in err and not any(elsewhere.iterdir())


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_prints_a_script(cli, shell: str) -> None:
    code, out, _ = cli("--show-completion", shell)
    assert code == 0 and "_FZZF_COMPLETE" in out


def test_completion_help_is_in_chinese(cli) -> None:
    _, out, _ = cli("--help")
    assert "--show-completion" in out and "补全" in out


def test_check_outside_a_repository_names_the_built_in_plan(cli) -> None:
    code, out, err = cli("check")
    assert code == 2 and out == ""
    assert "内置方案" in err and "fzzf init" in err
