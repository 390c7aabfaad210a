"""Shared fixtures: a hermetic environment, a copy of the bundled plan, a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fzzf_cli.cli.main import app
from fzzf_cli.errors import Problem

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/* from the current output instead of comparing",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare ``text`` with ``tests/golden/NAME``; ``--update-golden`` rewrites it."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return
        assert path.is_file(), f"missing {path}; run pytest --update-golden and review it"
        assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"

    return check


@pytest.fixture(autouse=True)
def hermetic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No colour, fixed width and zone, no FZZF_* from the caller, cwd outside any repo."""
    for name in list(__import__("os").environ):
        if name.startswith("FZZF_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("FZZF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def plan_repo(tmp_path: Path) -> Path:
    """A data repository holding a copy of the bundled plan (edit it freely)."""
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    return repo


@pytest.fixture
def mini_repo(tmp_path: Path) -> Path:
    """A data repository holding the small plan of ``tests/miniplan.py`` (edit it freely)."""
    from .miniplan import write_plan

    return write_plan(tmp_path / "repo")


PROBLEM_TEXT = Problem.__str__  # as it is before a test records what is shown


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    """Every problem a run turns into text (every output of problems goes through
    ``str(problem)``), in order: what a CLI test asserts codes and locations of."""
    seen: list[Problem] = []

    def recorded(problem: Problem) -> str:
        seen.append(problem)
        return PROBLEM_TEXT(problem)

    monkeypatch.setattr(Problem, "__str__", recorded)
    return seen


def located(problems: Iterable[Problem]) -> list[tuple[str, str]]:
    """Problems as (code, ``path:line:col``): what tests assert; the wording of each code is
    reviewed in one place, ``tests/golden/problems.txt``."""
    return [(p.code, str(p.location)) for p in problems]


Result = tuple[int, str, str]


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run ``fzzf ARGS`` in-process: (exit code, stdout, stderr). Exceptions propagate."""
    runner = CliRunner()

    def run(*args: str) -> Result:
        result = runner.invoke(app, list(args), catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a data file, insisting that ``old`` is there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, fragment: str) -> int:
    """1-based line number of the first line containing ``fragment``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in {path.name}")


def fill_pilot_file(path: Path) -> None:
    """Write real text over the prompts ``fzzf new pilot-plan`` leaves (a filed plan must)."""
    text = path.read_text(encoding="utf-8")
    for prompt in ("试点工作目标", "试点任务", "进度安排", "责任主体", "保障机制", "试点完成情况"):
        text = text.replace(f"（{prompt}）", f"{prompt}：按方案执行")
    path.write_text(text, encoding="utf-8")


def git(repo: Path, *args: str, when: str = "2016-04-08T10:00:00+08:00", who: str = "t") -> str:
    """Run git in ``repo`` with a fixed identity and fixed author and commit dates (never
    today's): what a test's history says is what the test chose."""
    import os
    import subprocess

    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": who,
        "GIT_AUTHOR_EMAIL": f"{who}@example.invalid",
        "GIT_COMMITTER_NAME": who,
        "GIT_COMMITTER_EMAIL": f"{who}@example.invalid",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo.parent),
    }
    done = subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)
    return done.stdout.decode().strip()


def commit_all(repo: Path, message: str, when: str, who: str = "t") -> str:
    """Stage everything and commit it at ``when`` (ISO 8601 with zone); the commit id."""
    if not (repo / ".git").exists():
        git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message, when=when, who=who)
    return git(repo, "rev-parse", "HEAD")
