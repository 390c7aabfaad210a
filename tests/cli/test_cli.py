"""End to end through the Typer app: exit codes, stdout/stderr, JSON fields."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ..conftest import DATA, REPO, edit


def test_validate_bundled_plan(cli) -> None:
    code, out, err = cli("validate", "--data", str(DATA))
    assert code == 0, err
    assert "69 项措施" in out and "8 个试点" in out
    assert err == ""


@pytest.mark.parametrize("command", ["validate", "check", "status", "overdue", "review", "report"])
def test_commands_reading_filings_need_a_repository(cli, command: str) -> None:
    """A pull request that deletes data/measures.yaml must not pass on the built-in plan."""
    code, out, err = cli(command)
    assert code == 2 and out == "" and "没有找到数据仓库" in err


def test_validate_json(cli, plan_repo: Path) -> None:
    code, out, _ = cli("validate", "--data", str(plan_repo), "--format", "json")
    assert code == 0
    assert json.loads(out) == {"ok": True, "problems": [], "notes": []}


def test_data_found_by_option_env_and_walking_up(cli, plan_repo: Path, monkeypatch) -> None:
    edit(plan_repo / "data" / "measures.yaml", "title: 肇庆市创建", "title: 副本肇庆市创建")
    code, out, _ = cli("measures", "--data", str(plan_repo / "data"), "-f", "json")
    assert code == 0 and len(json.loads(out)["measures"]) == 69
    sub = plan_repo / "data" / "submissions"
    sub.mkdir()
    monkeypatch.chdir(sub)
    code, out, _ = cli("validate", "-f", "json")
    assert code == 0
    monkeypatch.chdir(plan_repo.parent)
    monkeypatch.setenv("FZZF_DATA", str(plan_repo))
    edit(plan_repo / "data" / "units.yaml", "id: fazhiju", "id: fazhiju2")
    code, _, err = cli("validate")
    assert code == 1 and "fazhiju" in err


def test_data_option_pointing_nowhere_is_usage_error(cli, tmp_path: Path) -> None:
    code, _, err = cli("validate", "--data", str(tmp_path))
    assert code == 2
    assert "data/measures.yaml" in err


def test_measure_16_shows_both_milestones_with_scope(cli) -> None:
    code, out, _ = cli("measure", "16")
    assert code == 0
    assert "市府办（牵头）" in out
    assert "2016-12-31 前" in out and "2017-12-31 前" in out
    assert "适用：市府办、市法制局、市政府主要部门（措施16重大行政决策目录）（待指定）" in out
    assert "适用：各县(市、区)人民政府、肇庆高新区管委会、肇庆新区管委会" in out
    assert "“2017年,各县(市、区)、肇庆高新区、肇庆新区推广实施”" in out


def test_measure_json_fields(cli) -> None:
    code, out, _ = cli("measure", "16", "--format", "json")
    record = json.loads(out)
    assert code == 0
    assert record["id"] == 16 and record["area"] == 3
    assert record["lead"] == "fuban"
    assert record["units"][0] == "fuban"
    first, second, third = record["milestones"]
    assert (first["due"], first["implied"], first["units"]) == (
        "2016-12-31",
        False,
        ["fuban", "fazhiju", "m16-main-departments"],
    )
    assert second["due"] == "2017-12-31" and second["stage"] == "rollout"
    assert third["implied"] is True and third["units"] is None
    assert all(m["quote"] in record["text"] for m in record["milestones"])


def test_measure_without_lead_and_recurrence(cli) -> None:
    _, out, _ = cli("measure", "44", "-f", "json")
    assert json.loads(out)["lead"] is None
    _, out, _ = cli("measure", "40", "-f", "json")
    rule = json.loads(out)["milestones"][0]
    assert rule["due"] is None
    assert rule["recurrence"] == {"every_months": 3, "first_due": "2016-06-30", "last_due": None}
    _, out, _ = cli("measure", "44")
    assert "没有单一牵头单位" in out


def test_measure_source_paragraph(cli) -> None:
    code, out, _ = cli("measure", "48", "--source", "-f", "json")
    assert code == 0
    assert json.loads(out)["source"].startswith("48.完善仲裁制度")
    code, out, _ = cli("measure", "29", "--source")
    assert code == 0 and "〔责任单位:市编办、市环境保护局" in out.replace("\n", "")


def test_measure_out_of_range(cli) -> None:
    code, out, err = cli("measure", "70")
    assert code == 2 and out == ""
    assert "没有措施 70" in err


def test_measures_filters(cli) -> None:
    _, out, _ = cli("measures", "--area", "8", "-f", "json")
    assert [m["id"] for m in json.loads(out)["measures"]] == list(range(62, 70))
    _, out, _ = cli("measures", "--unit", "怀集", "-f", "json")
    ids = [m["id"] for m in json.loads(out)["measures"]]
    assert 47 in ids and 60 not in ids and 63 not in ids
    _, out, _ = cli("measures", "--unit", "德庆县", "-f", "json")
    assert 63 in [m["id"] for m in json.loads(out)["measures"]]
    _, out, _ = cli("measures", "--unit", "驻肇有关高等院校", "-f", "json")
    assert [m["id"] for m in json.loads(out)["measures"]] == [59, 60]


def test_measures_table_has_chinese_headings(cli) -> None:
    code, out, _ = cli("measures", "--area", "2")
    assert code == 0
    for heading in ("编号", "方面", "牵头单位", "最早期限"):
        assert heading in out
    assert "市法制局" in out


def test_unknown_and_ambiguous_unit(cli) -> None:
    code, _, err = cli("measures", "--unit", "德清县")
    assert code == 2 and "没有叫“德清县”的单位" in err and "德庆县" in err
    code, _, err = cli("measures", "--unit", "市")
    assert code == 2 and "可指多个单位" in err


def test_units_json(cli) -> None:
    code, out, _ = cli("units", "-f", "json")
    records = {r["id"]: r for r in json.loads(out)["units"]}
    assert code == 0
    assert records["fazhiju"]["aliases"][0] == "市依法行政办"
    assert records["jianchayuan"]["kind"] == "external_body"
    assert records["counties"]["kind"] == "group"
    assert len(records["counties"]["members"]) == 8
    assert records["relevant-departments"]["open"] is True
    assert records["relevant-departments"]["members"] == []


def test_units_and_pilots_tables(cli) -> None:
    code, out, _ = cli("units")
    assert code == 0 and "有关（待指定）" in out and "肇庆仲裁委员会" in out
    code, out, _ = cli("pilots")
    assert code == 0 and "2016-04-20" in out and "2017-04-07" in out


def test_pilots_json(cli) -> None:
    _, out, _ = cli("pilots", "-f", "json")
    pilots = json.loads(out)["pilots"]
    assert [p["id"] for p in pilots] == list(range(62, 70))
    assert pilots[1] == {
        "id": 63,
        "measure": 63,
        "title": "落实行政执法人员资格管理制度",
        "areas": ["deqing"],
        "units": ["minzhengju", "weijiju"],
        "plan_due": "2016-04-20",
        "start": "2016-04-07",
        "complete_by": "2017-04-07",
    }


def test_bad_option_values_are_usage_errors(cli) -> None:
    assert cli("measures", "--area", "9")[0] == 2
    assert cli("measures", "--format", "pdf")[0] == 2
    assert cli("measure", "x")[0] == 2


def test_version(cli) -> None:
    code, out, _ = cli("--version")
    assert code == 0 and out.startswith("fzzf ")


def test_query_on_broken_data_exits_1(cli, plan_repo: Path) -> None:
    edit(plan_repo / "data" / "measures.yaml", "  - id: 12\n", "  - id: twelve\n")
    code, out, err = cli("measures", "--data", str(plan_repo))
    assert code == 1 and out == ""
    assert "data/measures.yaml:" in err


def test_repo_is_a_data_repository() -> None:
    assert (REPO / "data" / "measures.yaml").is_file()


def test_plan_cache_is_used_and_never_stale(cli, plan_repo: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    fresh = cli("due", "--year", "2017", "--as-of", "2017-07-15", "--data", str(plan_repo))
    assert list(cache_dir.glob("plan-*.json")), "a clean load is cached"
    again = cli("due", "--year", "2017", "--as-of", "2017-07-15", "--data", str(plan_repo))
    assert again == fresh
    edit(plan_repo / "data" / "units.yaml", "    name: 德庆县\n", "    name: 德庆县副本\n")
    code, out, _ = cli("owes", "deqing", "--data", str(plan_repo), "-f", "json")
    assert code == 0 and json.loads(out)["obligations"][0]["unit"] == "德庆县副本"
    edit(plan_repo / "data" / "units.yaml", "    kind: leading_group", "    kind: group")
    code, _, err = cli("due", "--data", str(plan_repo))
    assert code == 1 and "data/units.yaml:" in err


def test_no_cache_setting(cli, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FZZF_NO_CACHE", "1")
    assert cli("due", "--year", "2016", "-f", "json")[0] == 0
    assert not (tmp_path / "cache").exists()


def test_listings_in_csv_and_markdown(cli) -> None:
    code, out, _ = cli("measures", "-f", "csv")
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert code == 0 and out.startswith("\ufeff") and rows[0][:3] == ["no", "area", "lead"]
    assert len(rows) == 70 and rows[16][0] == "16" and rows[16][2] == "市府办"
    code, out, _ = cli("units", "-f", "md")
    assert code == 0 and "| deqing | 德庆县 | 县级政府 |" in out and "| counties |" in out
    code, out, _ = cli("pilots", "-f", "md")
    lines = [line for line in out.splitlines() if line.startswith("| 6")]
    assert code == 0 and len(lines) == 8 and "| 63 | 落实行政执法人员资格管理制度 | 德庆县 |" in out
    code, out, _ = cli("units", "-f", "csv")
    assert code == 0 and "\ncounties,各县(市、区)人民政府,可枚举," in out.replace("\r\n", "\n")


def test_help_is_chinese_and_lists_daily_questions_first(cli) -> None:
    code, out, _ = cli("--help")
    assert code == 0 and out.startswith("用法：fzzf") and "显示本帮助并退出。" in out
    commands = out.split("命令:")[1].split()
    assert commands[0] == "due" and commands.index("owes") < commands.index("validate")
    code, _, err = cli("stauts")
    assert code == 2 and "没有命令“stauts”，是否想写 status？" in err
    code, out, _ = cli("new", "report", "--help")
    assert code == 0 and "参数:" in out and "选项:" in out


def test_the_upward_search_stops_at_another_users_folder(tmp_path: Path) -> None:
    """As git's safe.directory: a data/measures.yaml planted in a shared folder above is
    not taken up by someone working below it."""
    import os

    from fzzf_cli.validate.load import find_root, trusted_folder

    shared = tmp_path / "shared"
    (shared / "data").mkdir(parents=True)
    (shared / "data" / "measures.yaml").write_text("x", encoding="utf-8")
    mine = shared / "me" / "work"
    mine.mkdir(parents=True)
    assert find_root(None, None, mine).origin == "cwd"
    shared.chmod(0o777)  # writable by everyone, and not sticky
    assert not trusted_folder(shared) and find_root(None, None, mine).origin == "embedded"
    shared.chmod(0o755)
    if os.geteuid() != 0:
        pytest.skip("giving a folder to another user needs root")
    os.chown(shared, 4242, 4242)
    assert not trusted_folder(shared) and find_root(None, None, mine).origin == "embedded"
    assert trusted_folder(Path("/tmp"))  # root's, sticky: fine


def test_the_mini_plan_of_the_unit_tests_is_a_valid_plan(cli, mini_repo: Path) -> None:
    code, out, err = cli("validate", "--data", str(mini_repo))
    assert (code, err) == (0, "")
    assert out == "数据有效：2 项措施、4 个单位、2 个单位组、1 个试点。\n"
