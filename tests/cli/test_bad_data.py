"""Broken copies of the bundled plan, through ``fzzf validate``: the right file, line,
column and code, exit code 1, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzzf_cli.errors import Problem
from fzzf_cli.text import msg

from ..conftest import edit, line_of, located

M = "data/measures.yaml"
U = "data/units.yaml"
P = "data/pilots.yaml"


def _validate(cli, repo: Path) -> tuple[int, str]:
    code, out, err = cli("validate", "--data", str(repo))
    assert "Traceback" not in out + err
    return code, err


def test_duplicate_key(cli, plan_repo: Path, shown: list[Problem]) -> None:
    path = plan_repo / U
    edit(path, "    name: 市编办\n", "    name: 市编办\n    name: 编办\n")
    line = line_of(path, "name: 编办")
    code, _ = _validate(cli, plan_repo)
    assert code == 1
    assert located(shown) == [("yaml-duplicate-key", f"{U}:{line}:5")]
    assert shown[0].message == msg("yaml_duplicate_key", name="name", first=line - 1)


def test_unknown_unit_names_the_closest(cli, plan_repo: Path, shown: list[Problem]) -> None:
    path = plan_repo / M
    edit(path, "units: [fagaiju, bianban, xingzhengfuwu", "units: [fagaiju, bianbam, xingzhengfuwu")
    line = line_of(path, "bianbam")
    code, _ = _validate(cli, plan_repo)
    assert code == 1
    assert located(shown) == [("ref-unknown", f"{M}:{line}:22")]
    assert shown[0].hint.startswith(msg("did_you_mean", candidates="bianban（市编办）")[:-1])


def test_wrong_type(cli, plan_repo: Path, shown: list[Problem]) -> None:
    path = plan_repo / P
    edit(path, "  completion_months: 12", "  completion_months: twelve")
    line = line_of(path, "completion_months")
    code, _ = _validate(cli, plan_repo)
    assert code == 1
    assert located(shown) == [("field-int-type", f"{P}:{line}:22")]


def test_impossible_date(cli, plan_repo: Path, shown: list[Problem]) -> None:
    path = plan_repo / P
    edit(path, "plan_due: 2016-04-20", "plan_due: 2016-02-30")
    line = line_of(path, "plan_due")
    code, _ = _validate(cli, plan_repo)
    assert code == 1
    assert located(shown) == [("date-impossible", f"{P}:{line}:13")]


def test_tab_indentation(cli, plan_repo: Path, shown: list[Problem]) -> None:
    path = plan_repo / U
    edit(path, "    name: 市编办\n", "\tname: 市编办\n")
    line = line_of(path, "\tname: 市编办")
    code, _ = _validate(cli, plan_repo)
    assert code == 1
    assert located(shown) == [("yaml-tab-indent", f"{U}:{line}:1")]


def test_gbk_file(cli, plan_repo: Path, shown: list[Problem]) -> None:
    path = plan_repo / P
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    code, _ = _validate(cli, plan_repo)
    assert code == 1
    assert located(shown) == [("yaml-not-utf8", f"{P}:1:3")]
    assert shown[0].hint == msg("yaml_hint_gbk")


def test_python_tag_is_refused_and_not_run(
    cli, plan_repo: Path, tmp_path: Path, shown: list[Problem]
) -> None:
    marker = tmp_path / "pwned"
    path = plan_repo / P
    edit(
        path, "  plan_to: fazhiju", f"  plan_to: !!python/object/apply:os.system ['touch {marker}']"
    )
    line = line_of(path, "plan_to")
    code, _ = _validate(cli, plan_repo)
    assert code == 1
    assert located(shown) == [("yaml-tag", f"{P}:{line}:12")]
    assert not marker.exists()


@pytest.mark.parametrize("value", ["yes", "no", "on", "off"])
def test_yes_no_stay_text(cli, plan_repo: Path, value: str) -> None:
    edit(plan_repo / M, "  title: 肇庆市创建法治政府示范区工作实施方案", f"  title: {value}")
    code, _ = _validate(cli, plan_repo)
    assert code == 0


def test_problems_in_several_files_are_all_reported(
    cli, plan_repo: Path, shown: list[Problem]
) -> None:
    edit(plan_repo / P, "plan_due: 2016-04-20", "plan_due: 2016-04-31")
    edit(plan_repo / U, "    kind: leading_group", "    kind: leading-group")
    code, err = _validate(cli, plan_repo)
    assert code == 1
    assert [(c, where.split(":")[0]) for c, where in located(shown)] == [
        ("date-impossible", P),
        ("field-choice", U),
    ]
    assert err.endswith(msg("validate_more_later") + "\n")


def test_missing_file(cli, plan_repo: Path, shown: list[Problem]) -> None:
    (plan_repo / P).unlink()
    code, _ = _validate(cli, plan_repo)
    assert code == 1 and located(shown) == [("yaml-missing", P)]
