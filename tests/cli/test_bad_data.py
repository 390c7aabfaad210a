"""Broken copies of the bundled plan, through ``fzzf validate``: the right file, line and
message, exit code 1, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import edit, line_of

M = "data/measures.yaml"
U = "data/units.yaml"
P = "data/pilots.yaml"


def _validate(cli, repo: Path) -> tuple[int, str]:
    code, out, err = cli("validate", "--data", str(repo))
    assert "Traceback" not in out + err
    return code, err


def test_duplicate_key(cli, plan_repo: Path) -> None:
    path = plan_repo / U
    edit(path, "    name: 市编办\n", "    name: 市编办\n    name: 编办\n")
    line = line_of(path, "name: 编办")
    code, err = _validate(cli, plan_repo)
    assert code == 1
    assert f"{U}:{line}:5: 键“name”重复（首次出现在第 {line - 1} 行）" in err


def test_unknown_unit_names_the_closest(cli, plan_repo: Path) -> None:
    path = plan_repo / M
    edit(path, "units: [fagaiju, bianban, xingzhengfuwu", "units: [fagaiju, bianbam, xingzhengfuwu")
    line = line_of(path, "bianbam")
    code, err = _validate(cli, plan_repo)
    assert code == 1
    assert f"{M}:{line}:" in err and "未知的单位或单位组“bianbam”" in err
    assert "bianban（市编办）" in err


def test_wrong_type(cli, plan_repo: Path) -> None:
    path = plan_repo / P
    edit(path, "  completion_months: 12", "  completion_months: twelve")
    line = line_of(path, "completion_months")
    code, err = _validate(cli, plan_repo)
    assert code == 1
    assert f"{P}:{line}:22: rules.completion_months：应为整数，实际是 twelve" in err


def test_impossible_date(cli, plan_repo: Path) -> None:
    path = plan_repo / P
    edit(path, "plan_due: 2016-04-20", "plan_due: 2016-02-30")
    line = line_of(path, "plan_due")
    code, err = _validate(cli, plan_repo)
    assert code == 1
    assert f"{P}:{line}:13: rules.plan_due：日期“2016-02-30”不存在" in err


def test_tab_indentation(cli, plan_repo: Path) -> None:
    path = plan_repo / U
    edit(path, "    name: 市编办\n", "\tname: 市编办\n")
    line = line_of(path, "\tname: 市编办")
    code, err = _validate(cli, plan_repo)
    assert code == 1
    assert f"{U}:{line}:1: 缩进里有制表符（Tab）" in err


def test_gbk_file(cli, plan_repo: Path) -> None:
    path = plan_repo / P
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    code, err = _validate(cli, plan_repo)
    assert code == 1
    assert f"{P}:1:" in err and "不是有效的 UTF-8" in err and "GBK" in err


def test_python_tag_is_refused_and_not_run(cli, plan_repo: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = plan_repo / P
    edit(
        path, "  plan_to: fazhiju", f"  plan_to: !!python/object/apply:os.system ['touch {marker}']"
    )
    line = line_of(path, "plan_to")
    code, err = _validate(cli, plan_repo)
    assert code == 1
    assert f"{P}:{line}:12: 不允许使用标签“!!python/object/apply:os.system”" in err
    assert not marker.exists()


@pytest.mark.parametrize("value", ["yes", "no", "on", "off"])
def test_yes_no_stay_text(cli, plan_repo: Path, value: str) -> None:
    edit(plan_repo / M, "  title: 肇庆市创建法治政府示范区工作实施方案", f"  title: {value}")
    code, _ = _validate(cli, plan_repo)
    assert code == 0


def test_problems_in_several_files_are_all_reported(cli, plan_repo: Path) -> None:
    edit(plan_repo / P, "plan_due: 2016-04-20", "plan_due: 2016-04-31")
    edit(plan_repo / U, "    kind: leading_group", "    kind: leading-group")
    code, err = _validate(cli, plan_repo)
    assert code == 1
    assert f"{P}:" in err and f"{U}:" in err
    assert "修正以上问题后" in err


def test_missing_file(cli, plan_repo: Path) -> None:
    (plan_repo / P).unlink()
    code, err = _validate(cli, plan_repo)
    assert code == 1 and f"{P}: 文件不存在" in err
