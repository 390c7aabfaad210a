"""The issue's Done-when, through the installed ``fzzf``: ``fzzf init zq-data && cd zq-data
&& git init`` gives a repository whose own CI passes. Every fzzf line of the generated
GitHub workflow and GitLab CI file is read from them (not written here) and run as CI
would, some days after the repository was set up; then a pull request filing a report
passes and one bringing a broken YAML file fails."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import yaml

from ..conftest import commit_all, git
from .test_installed import FZZF, _env, needs_fzzf

# How each host names the commit a pull request starts from.
BASE = re.compile(r'"(?:origin/\$\{\{ github\.base_ref \}\}|\$CI_MERGE_REQUEST_DIFF_BASE_SHA)"')


def ci_lines(repo: Path) -> list[str]:
    """Every fzzf command line the two CI files run, in order, each once."""
    github = yaml.safe_load((repo / ".github/workflows/fzzf.yml").read_text(encoding="utf-8"))
    runs = [s["run"] for job in github["jobs"].values() for s in job["steps"] if "run" in s]
    lines = [line.strip() for run in runs for line in run.splitlines()]
    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    lines += [line for job in gitlab.values() if isinstance(job, dict)
              for line in job.get("script", [])]  # fmt: skip
    return [line for line in dict.fromkeys(lines) if line.startswith("fzzf ")]


def split(lines: list[str]) -> tuple[list[list[str]], list[list[str]]]:
    """(the main branch's commands, a pull request's), each as argv without ``fzzf``."""
    main: list[list[str]] = []
    pull: list[list[str]] = []
    for line in lines:
        args = shlex.split(BASE.sub("BASE", line))
        assert args[0] == "fzzf" and not any("$" in a for a in args), line
        runs = pull if "BASE" in args else main
        if args[1:] not in runs:  # both hosts run the same diff
            runs.append(args[1:])
    return main, pull


def run_together(jobs: list[tuple[list[str], Path, str, str]]) -> list[tuple[int, str]]:
    """Run (args, folder, as-of, base) at once (each is a separate CI job): (code, output)."""
    assert FZZF is not None
    started = []
    for args, cwd, as_of, base in jobs:
        argv = [FZZF, *[base if a == "BASE" else a for a in args]]
        out, both = subprocess.PIPE, subprocess.STDOUT
        env = _env(FZZF_AS_OF=as_of)
        started.append(subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=both, text=True))
    return [(p.wait(timeout=60), p.communicate()[0]) for p in started]


def init(tmp_path: Path, name: str, day: str) -> Path:
    """``fzzf init NAME`` on ``day`` (its CI gates from that day), committed that day."""
    done = subprocess.run([FZZF or "fzzf", "init", name], cwd=tmp_path, capture_output=True,
                          text=True, env=_env(FZZF_AS_OF=day), timeout=60)  # fmt: skip
    assert done.returncode == 0 and f"--due-from {day}" in done.stdout, done.stderr
    repo = tmp_path / name
    commit_all(repo, "fzzf init", f"{day}T10:00:00+08:00")
    return repo


def early_pull_requests(cli, tmp_path: Path) -> tuple[Path, Path]:
    """A repository set up during the plan (made in-process: the installed command is what
    is tested, not the set-up), with two pull requests: 德庆县 files its 2017-H1 report;
    someone brings a broken YAML file (on a clone of the same repository)."""
    assert cli("init", "early", "--due-from", "2017-03-01")[0] == 0
    early = tmp_path / "early"
    commit_all(early, "fzzf init", "2017-03-01T10:00:00+08:00")
    broken = tmp_path / "broken"
    git(tmp_path, "clone", "-q", "-b", "main", str(early), str(broken))
    git(early, "checkout", "-q", "-b", "deqing")
    filed = cli("new", "report", "德庆县", "2017-H1", "--date", "2017-03-08", "--data", str(early))
    assert filed[0] == 0, filed
    commit_all(early, "德庆县 2017-H1", "2017-03-08T10:00:00+08:00")
    (broken / "data/submissions/2017-H1").mkdir(parents=True)
    (broken / "data/submissions/2017-H1/deqing.yaml").write_text(
        "unit: deqing\nperiod: [2017-H1\n", encoding="utf-8"
    )
    commit_all(broken, "broken", "2017-03-08T10:00:00+08:00")
    return early, broken


@needs_fzzf
def test_a_new_repository_passes_its_own_ci(cli, tmp_path: Path) -> None:
    today = init(tmp_path, "zq-data", "2026-03-02")  # years after the plan's deadlines
    main, pull = split(ci_lines(today))
    assert ["validate"] in main and len(main) == 3 and len(pull) == 3
    assert all("2026-03-02" in args for args in main + pull if args[0] == "check")
    head = git(today, "rev-parse", "HEAD")
    early, broken = early_pull_requests(cli, tmp_path)
    _, pull_early = split(ci_lines(early))
    gates = [args for args in pull_early if args[0] == "check"]
    assert len(gates) == 2 and all("2017-03-01" in args for args in gates)
    first = run_together(
        [(args, today, "2026-03-10", head) for args in main]
        + [(args, early, "2017-03-10", "main") for args in gates]
    )
    second = run_together(
        [(args, today, "2026-03-10", head) for args in pull]
        + [(args, broken, "2017-03-10", "origin/main") for args in gates]
    )
    for (code, out), args in zip(first + second[:3], main + gates + pull, strict=True):
        assert code == 0, (args, out)
    assert "2026-03-02 前到期的 330 份文件不把关" in first[1][1]
    for code, out in second[3:]:  # GitHub's on the log, GitLab's in the JUnit file
        assert code == 1 and "数据问题 1 个" in out and "Traceback" not in out, out
    assert "data/submissions/2017-H1/deqing.yaml:2:9" in second[3][1]
    assert "deqing.yaml:2:9" in (broken / "fzzf-check.xml").read_text(encoding="utf-8")
