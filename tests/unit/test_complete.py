"""What Tab offers for a unit: names begun in Chinese, ids begun in letters, short forms
and aliases, groups only where a command takes them, and never a name a shell would split."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fzzf_cli.cli.main import app
from fzzf_cli.select.complete import _plain, unit_choices

from ..miniplan import UNITS, dataset


@pytest.mark.parametrize(
    ("typed", "units_only", "offered"),
    [
        ("德", True, [("德庆县", "deqing")]),
        ("de", True, [("deqing", "德庆县")]),
        (
            "市",
            True,
            [
                ("市法制局", "fazhiju"),
                ("市编办", "bianban"),
                ("市依法行政工作领导小组", "lingdaoxiaozu"),
            ],
        ),
        ("法制", True, [("法制局", "fazhiju")]),  # a short form: the shell keeps what begins so
        (
            "市依法",
            True,
            [("市依法行政办", "fazhiju"), ("市依法行政工作领导小组", "lingdaoxiaozu")],
        ),
        ("各县", True, []),  # a group, where only units are taken
        ("各县", False, [("counties", "")]),  # its name has ASCII ( ): a shell would choke
        ("ｄｅ", True, [("deqing", "德庆县")]),  # full-width letters fold to the id
        ("zz", True, []),
    ],
)
def test_offers(tmp_path: Path, typed: str, units_only: bool, offered: list) -> None:
    ds = dataset(tmp_path)
    assert unit_choices(ds, typed, units_only=units_only) == offered


def test_everything_when_nothing_is_typed(tmp_path: Path) -> None:
    ds = dataset(tmp_path)
    names = [value for value, _ in unit_choices(ds, "", units_only=False)]
    assert names[:2] == ["市法制局", "市编办"] and "市政府有关部门" in names


@pytest.mark.parametrize("name", ["德庆 县", '"德庆$(touch x)"', "德庆`id`", "德庆;ls", "德庆(县)"])
def test_a_name_a_shell_would_split_or_run_is_offered_as_its_id(tmp_path: Path, name: str) -> None:
    ds = dataset(tmp_path, units=UNITS.replace("name: 德庆县", f"name: {name}"))
    assert unit_choices(ds, "德", units_only=True) == [("deqing", "")]
    assert unit_choices(ds, "de", units_only=True) == [("deqing", "")]


@pytest.mark.parametrize("name", ["德庆\u202e县", "德庆\t县", "德庆\u3000县", "德庆|县", ""])
def test_what_a_plan_might_hold_is_not_a_shell_word(name: str) -> None:
    assert not _plain(name)


def test_full_width_punctuation_is_offered(tmp_path: Path) -> None:
    ds = dataset(tmp_path, units=UNITS.replace("name: 德庆县", "name: 德庆县（试点）"))
    assert unit_choices(ds, "德", units_only=True) == [("德庆县（试点）", "deqing")]


@pytest.mark.parametrize(
    ("words", "expected"),
    [("fzzf owes 德", ["德庆县"]), ("fzzf new report gao", ["gaoyao", "gaoxinqu"])],
)
def test_tab_in_a_shell(words: str, expected: list[str]) -> None:
    env = {"_FZZF_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "2"}
    if words.startswith("fzzf new"):
        env["COMP_CWORD"] = "3"
    result = CliRunner().invoke(app, [], prog_name="fzzf", env=env)
    assert result.exit_code == 0 and result.stdout.split() == expected


def test_a_plan_that_cannot_load_offers_nothing(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "measures.yaml").write_text("{broken", encoding="utf-8")
    env = {"_FZZF_COMPLETE": "complete_bash", "COMP_WORDS": f"fzzf owes --data {tmp_path} 德"}
    env["COMP_CWORD"] = "4"
    result = CliRunner().invoke(app, [], prog_name="fzzf", env=env)
    assert result.exit_code == 0 and result.stdout.strip() == "" and result.stderr == ""
