"""The interface language, chosen before the commands are built: ``--lang`` before the
command or ``FZZF_LANG``; Chinese by default; an unknown language is a usage error."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from fzzf_cli.text import language

from ..conftest import REPO

DUE = ("due", "--year", "2017", "--as-of", "2017-01-01")


def _fzzf(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """fzzf as a fresh process, so the language is chosen as at a real start-up."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("FZZF_")}
    base.update(NO_COLOR="1", COLUMNS="200", PYTHONIOENCODING="utf-8", FZZF_NO_CACHE="1")
    base["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), base.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "fzzf_cli", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        (["due"], {}, "zh"),
        (["due"], {"FZZF_LANG": "en"}, "en"),
        (["--lang", "en", "due"], {}, "en"),
        (["--lang=en", "due"], {"FZZF_LANG": "zh"}, "en"),
        (["due", "--lang", "en"], {}, "zh"),  # after the command it is the command's option
        (["--lang", "xx", "due"], {}, "xx"),  # checked by the caller
    ],
)
def test_language_is_read_before_the_command(
    argv: list[str], environ: dict[str, str], expected: str
) -> None:
    assert language(argv, environ) == expected


def test_help_in_english_from_the_environment() -> None:
    result = _fzzf("due", "--help", FZZF_LANG="en")
    assert result.returncode == 0, result.stderr
    assert "What is due" in result.stdout
    assert "到期" not in result.stdout


def test_tables_in_english_with_the_option() -> None:
    result = _fzzf("--lang", "en", *DUE)
    assert result.returncode == 0, result.stderr
    head = result.stdout.splitlines()
    assert head[0] == "As of 2017-01-01: due in 2017"
    assert "Lead unit" in result.stdout and "牵头单位" not in result.stdout
    # The plan's own words stay as issued: the data is not translated.
    assert "市发展改革局" in result.stdout


def test_chinese_by_default() -> None:
    result = _fzzf(*DUE)
    assert result.returncode == 0, result.stderr
    assert "牵头单位" in result.stdout and "Lead unit" not in result.stdout


@pytest.mark.parametrize("how", [("--lang", "xx"), ("--lang=xx",)])
def test_unknown_language_is_a_usage_error(how: tuple[str, ...]) -> None:
    result = _fzzf(*how, *DUE)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "xx" in result.stderr and "zh" in result.stderr and "en" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_language_from_the_environment_is_a_usage_error() -> None:
    result = _fzzf(*DUE, FZZF_LANG="xx")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
