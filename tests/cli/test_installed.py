"""The installed ``fzzf`` command, and the wheel carrying the plan as its embedded default."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ..conftest import REPO


def _installed() -> str | None:
    """The ``fzzf`` installed with the Python running the tests (beside it in a virtual
    environment, even when that environment is not activated), else the one on PATH."""
    bindir = Path(sys.executable).parent
    for name in ("fzzf", "fzzf.exe"):
        if (bindir / name).is_file():
            return str(bindir / name)
    return shutil.which("fzzf")


FZZF = _installed()


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FZZF_")}
    env.update({"NO_COLOR": "1", "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}, **extra)
    env.setdefault("FZZF_NO_CACHE", "1")  # never touch the real user cache from tests
    return env


def _run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    assert FZZF is not None
    return subprocess.run(
        [FZZF, *args], cwd=cwd, env=_env(**env), capture_output=True, text=True, timeout=60
    )


needs_fzzf = pytest.mark.skipif(FZZF is None, reason="fzzf is not installed here")


@needs_fzzf
def test_installed_command_runs_from_any_folder(tmp_path: Path) -> None:
    result = _run("measure", "16", "--format", "json", cwd=tmp_path)
    assert json.loads(result.stdout)["lead"] == "fuban"
    # Outside a data repository, what needs filings refuses the built-in plan (it has none).
    result = _run("validate", cwd=tmp_path)
    assert result.returncode == 2 and "没有找到数据仓库" in result.stderr


@needs_fzzf
def test_installed_command_reports_bad_data_without_traceback(tmp_path: Path) -> None:
    shutil.copytree(REPO / "data", tmp_path / "data")
    units = tmp_path / "data" / "units.yaml"
    units.write_bytes(units.read_text(encoding="utf-8").encode("gbk"))
    result = _run("validate", cwd=tmp_path / "data")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("data/units.yaml:")
    assert "Traceback" not in result.stderr


@needs_fzzf
def test_installed_usage_error_exit_2(tmp_path: Path) -> None:
    result = _run("measures", "--unit", "不存在的单位", cwd=tmp_path)
    assert result.returncode == 2
    assert "没有叫“不存在的单位”的单位" in result.stderr
    assert "Traceback" not in result.stderr


def test_wheel_embeds_the_plan_and_runs_from_it(tmp_path: Path) -> None:
    """Build the wheel, install it alone into a folder, and run it away from the repo."""
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("fzzf-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for inside in ("units.yaml", "measures.yaml", "pilots.yaml", "source/plan.txt"):
        assert f"fzzf_cli/_embedded/data/{inside}" in names
    assert any(n.startswith("fzzf_cli/_embedded/templates/") for n in names)
    for example in ("github-workflow.yml", "gitlab-ci.yml"):  # what fzzf init copies
        assert f"fzzf_cli/_embedded/examples/ci/{example}" in names
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "-t", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    away = tmp_path / "elsewhere"
    away.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "fzzf_cli", "pilots", "-f", "json"],
        cwd=away,
        env=_env(PYTHONPATH=str(target)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)["pilots"]) == 8
    # fzzf init from the wheel alone: a repository that its own CI example validates.
    for args, cwd in ((("init", "zq-data"), tmp_path), (("validate",), tmp_path / "zq-data")):
        done = subprocess.run(
            [sys.executable, "-m", "fzzf_cli", *args],
            cwd=cwd,
            env=_env(PYTHONPATH=str(target)),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "zq-data" / ".gitlab-ci.yml").is_file()
    # A data repository without templates of its own: the shipped ones render its report.
    shutil.copytree(REPO / "data", away / "data")
    report = subprocess.run(
        [
            sys.executable,
            "-m",
            "fzzf_cli",
            "report",
            "-f",
            "md",
            "-o",
            "-",
            "--as-of",
            "2017-07-15",
        ],
        cwd=away,
        env=_env(PYTHONPATH=str(target)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert report.returncode == 0, report.stderr
    assert report.stdout.startswith("# 肇庆市创建法治政府示范区工作实施方案工作进展报告")
    check = subprocess.run(
        [sys.executable, "-c", "import fzzf_cli.validate.load as l; print(l.embedded_root())"],
        cwd=away,
        env=_env(PYTHONPATH=str(target)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.stdout.strip().startswith(str(target))


@needs_fzzf
def test_installed_due_2017(tmp_path: Path) -> None:
    result = _run("due", "--year", "2017", "--as-of", "2017-07-15", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["obligations"]) == 387
    result = _run("due", "--year", "2017", "--as-of", "2017-07-15", cwd=tmp_path)
    assert "共 28 项事项" in result.stdout
