"""The files a data repository copies: pre-commit hooks and CI workflows. Their fzzf
commands are run here as the CI would run them."""

from __future__ import annotations

import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from fzzf_cli.cli.commands import COMMANDS as LAZY_COMMANDS

from ..conftest import REPO, commit_all, fill_pilot_file, git

COMMANDS = set(LAZY_COMMANDS)  # every command, its module imported or not


def test_pre_commit_hooks_name_real_commands(cli, plan_repo: Path, monkeypatch) -> None:
    monkeypatch.setenv("FZZF_AS_OF", "2016-04-01")
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["fzzf-validate", "fzzf-check"]
    for hook in hooks:
        program, command, *rest = shlex.split(hook["entry"])
        assert program == "fzzf" and command in COMMANDS and hook["language"] == "python"
        assert hook["pass_filenames"] is False
        code, _, err = cli(command, *rest, "--data", str(plan_repo))
        assert code == 0, err


def _run_steps(lines: list[str], cli, repo: Path, base: str) -> list[int]:
    codes = []
    for line in lines:
        line = line.replace("origin/${{ github.base_ref }}", base)
        program, *args = shlex.split(line)
        assert program == "fzzf"
        codes.append(cli(*args, "--data", str(repo))[0])
    return codes


def test_github_workflow_commands(cli, plan_repo: Path, monkeypatch, tmp_path) -> None:
    workflow = yaml.safe_load((REPO / "examples/ci/github-workflow.yml").read_text("utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    runs = [s["run"] for s in steps if str(s.get("run", "")).startswith("fzzf ")]
    assert runs[0] == "fzzf validate" and len(runs) == 3
    pull_request, scheduled = runs[1], runs[2]
    assert "--baseline" in pull_request and "--baseline" not in scheduled
    monkeypatch.setenv("FZZF_AS_OF", "2016-06-29")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    base = commit_all(plan_repo, "plan", "2016-04-08T10:00:00+08:00")
    git(plan_repo, "checkout", "-q", "-b", "deqing-2016-H1")
    data = ("--data", str(plan_repo))
    cli("new", "report", "deqing", "2016-H1", "--date", "2016-06-28", *data)
    cli("new", "pilot-plan", "63", "deqing", "--date", "2016-06-28", *data)
    fill_pilot_file(plan_repo / "data" / "submissions" / "pilot-plans" / "p63" / "deqing.yaml")
    commit_all(plan_repo, "德庆县报送", "2016-06-28T16:00:00+08:00")
    # The pull request: valid, and 德庆县's own filings are there (others' are not its
    # concern); the daily run sees every unit's missing pilot plan.
    assert _run_steps(["fzzf validate", pull_request, scheduled], cli, plan_repo, base) == [0, 0, 1]


def test_github_workflow_posts_one_sticky_comment(
    cli, plan_repo: Path, tmp_path, monkeypatch
) -> None:
    """The comment job alone may write to the pull request; it writes what ``fzzf diff``
    made and finds its comment again by the marker that fzzf writes first."""
    from fzzf_cli.present.diff import MARKER

    workflow = yaml.safe_load((REPO / "examples/ci/github-workflow.yml").read_text("utf-8"))
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["check"]["permissions"] == {"contents": "read"}
    job = workflow["jobs"]["diff"]
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}
    runs = [str(s.get("run", "")) for s in job["steps"]]
    (made,) = [r for r in runs if r.startswith("fzzf ")]
    (post,) = [r for r in runs if "gh api" in r]
    assert f'startswith("{MARKER}")' in post and "--method PATCH" in post
    assert "github-actions[bot]" in post
    base = commit_all(plan_repo, "plan", "2016-04-08T10:00:00+08:00")
    cli("new", "report", "deqing", "2016-H1", "--date", "2016-06-28", "--data", str(plan_repo))
    monkeypatch.setenv("FZZF_AS_OF", "2016-06-29")
    monkeypatch.setenv("FZZF_DATA", str(plan_repo))
    program, *args = shlex.split(made.replace("origin/${{ github.base_ref }}", base))
    assert program == "fzzf" and cli(*args)[0] == 0
    comment = (tmp_path / "fzzf-diff.md").read_text(encoding="utf-8")
    assert comment.splitlines()[0] == MARKER and "2016-H1/deqing.yaml" in comment


def test_gitlab_jobs_write_junit(cli, plan_repo: Path, monkeypatch) -> None:
    jobs = yaml.safe_load((REPO / "examples/ci/gitlab-ci.yml").read_text("utf-8"))
    report = jobs[".fzzf"]["artifacts"]["reports"]["junit"]
    assert jobs[".fzzf"]["variables"]["GIT_DEPTH"] == 0  # dates are proven by the history
    monkeypatch.chdir(plan_repo)
    monkeypatch.setenv("FZZF_AS_OF", "2016-07-15")
    base = commit_all(plan_repo, "plan", "2016-04-08T10:00:00+08:00")
    for name in ("fzzf", "fzzf-merge-request"):
        lines = [line for line in jobs[name]["script"] if line.startswith("fzzf ")]
        lines = [line.replace("$CI_MERGE_REQUEST_DIFF_BASE_SHA", base) for line in lines]
        codes = [cli(*shlex.split(line)[1:])[0] for line in lines]
        root = ET.fromstring((plan_repo / report).read_bytes())
        if name == "fzzf":  # everyone's missing documents
            assert codes == [0, 1] and int(root.get("failures")) == 71
        else:  # a merge request that changes nothing fails on nothing; its diff is kept
            assert codes == [0, 0] and int(root.get("failures")) == 0
            assert jobs[name]["artifacts"]["paths"] == ["fzzf-diff.md"]
            comment = (plan_repo / "fzzf-diff.md").read_text(encoding="utf-8")
            assert comment.startswith("<!-- fzzf-diff -->\n")


@pytest.mark.parametrize("name", ["github-workflow.yml", "gitlab-ci.yml"])
def test_ci_examples_are_valid_yaml(name: str) -> None:
    assert yaml.safe_load((REPO / "examples" / "ci" / name).read_text(encoding="utf-8"))
