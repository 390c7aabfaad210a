"""Models and cross-checks on small inline plans: each rule fires, at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzzf_cli.errors import Problem

from ..miniplan import MEASURES, PILOTS, UNITS, load


def relevant(problems: list[Problem]) -> list[str]:
    """Problems as strings, without the one about measures 2–69 missing from the mini plan."""
    return [str(p) for p in problems if "缺少措施" not in p.message]


def test_minimal_plan_is_valid(tmp_path: Path) -> None:
    ds, problems = load(tmp_path)
    assert ds is not None
    assert relevant(problems) == []
    assert ds.expand(["bianban", "counties", "fazhiju"]) == ["bianban", "deqing", "fazhiju"]


def test_missing_measures_are_named(tmp_path: Path) -> None:
    _, problems = load(tmp_path)
    assert any("缺少措施：2、3、4" in p.message for p in problems)


def test_unknown_unit_with_hint(tmp_path: Path) -> None:
    _, problems = load(
        tmp_path, measures=MEASURES.replace("[bianban, fazhiju", "[bianbam, fazhiju")
    )
    assert relevant(problems) == [
        "data/measures.yaml:30:13: 未知的单位或单位组“bianbam”（是否想写 bianban（市编办）？）"
    ]


def test_name_instead_of_id_says_which_id(tmp_path: Path) -> None:
    _, problems = load(
        tmp_path, measures=MEASURES.replace("[bianban, fazhiju", "[bianban, 市依法行政办")
    )
    (problem,) = relevant(problems)
    assert "请写 id：fazhiju（市法制局）" in problem


def test_milestone_units_must_be_within_the_measure(tmp_path: Path) -> None:
    text = MEASURES.replace("units: [bianban, fazhiju, counties]", "units: [bianban, fazhiju]")
    _, problems = load(tmp_path, measures=text)
    assert relevant(problems) == [
        "data/measures.yaml:37:17: 时间节点的单位“counties”不在措施 1 的责任单位之内"
    ]


def test_member_of_a_listed_group_is_within_scope(tmp_path: Path) -> None:
    _, problems = load(tmp_path, measures=MEASURES.replace("units: [counties]", "units: [deqing]"))
    assert relevant(problems) == []


def test_duplicate_measure_number(tmp_path: Path) -> None:
    measures, conventions = MEASURES.split("conventions:\n")
    second = measures.split("measures:\n")[1]
    _, problems = load(tmp_path, measures=measures + second + "conventions:\n" + conventions)
    assert "data/measures.yaml:39:9: 措施编号 1 重复" in relevant(problems)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "        due: 2016-12-31",
            "        due: 2017-02-30",
            "33:14: measures[0].milestones[0].due：日期“2017-02-30”不存在",
        ),
        (
            "        due: 2016-12-31",
            "        due: 2016/12/31",
            "33:14: measures[0].milestones[0].due：日期“2016/12/31”格式不对",
        ),
        (
            "        due: 2016-12-31",
            "        due: 1704412800",
            "33:14: measures[0].milestones[0].due：日期“1704412800”格式不对",
        ),
        (
            "  - id: 1\n    area: 1",
            "  - id: 1\n    area: true",
            "28:11: measures[0].area：应为整数，实际是 True",
        ),
        (
            "  - id: 1\n    area: 1",
            "  - id: 70\n    area: 1",
            "27:9: measures[0].id：应不大于 69，实际是 70",
        ),
        ("    text: 2016", "    txet: 2016", "27:5: 缺少必填的键“text”（位于 measures[0]）"),
        ("        due: 2016-12-31\n", "", "32:9: measures[0].milestones[0]：时间节点须有 due"),
        ("title: 做一件事", "title: no", ""),
    ],
)
def test_model_errors_point_at_the_value(tmp_path: Path, old: str, new: str, expected: str) -> None:
    _, problems = load(tmp_path, measures=MEASURES.replace(old, new, 1))
    found = relevant(problems)
    if not expected:
        assert found == []  # ``no`` is the text "no", not False
        return
    assert found[0].startswith(f"data/measures.yaml:{expected}"), found


def test_unknown_key_names_the_key_meant(tmp_path: Path) -> None:
    _, problems = load(tmp_path, measures=MEASURES.replace("    text: 2016", "    txet: 2016"))
    assert (
        "data/measures.yaml:29:5: 未知的键“txet”（位于 measures[0]）（是否想写 text？）"
        in relevant(problems)
    )


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = MEASURES.replace("        due: 2016-12-31", "        due: 2016-13-01").replace(
        "area: 1\n    text", "area: x\n    text"
    )
    units = UNITS.replace("kind: leading_group", "kind: leading-group")
    _, problems = load(tmp_path, units=units, measures=text)
    paths = sorted(p.location.path for p in problems)
    assert paths.count("data/measures.yaml") == 2 and paths.count("data/units.yaml") == 1


def test_group_rules(tmp_path: Path) -> None:
    units = UNITS.replace(
        "    select: {kind: county_government}", "    select: {kind: county_government, tag: x}"
    )
    _, problems = load(tmp_path, units=units)
    assert any("select 只能写 kind 或 tag" in p.message for p in problems)
    units = UNITS.replace("    open: true\n    members: []", "    members: []")
    _, problems = load(tmp_path, units=units)
    assert any("既没有 select 也没有 members" in p.message for p in problems)


def test_alias_naming_two_units(tmp_path: Path) -> None:
    units = UNITS.replace("    name: 市编办\n", "    name: 市编办\n    aliases: [市依法行政办]\n")
    _, problems = load(tmp_path, units=units)
    assert [p.message for p in problems if "名称" in p.message] == [
        "名称“市依法行政办”已用于 fazhiju，一个名称只能指一个单位"
    ]


def test_recurrence_must_end_a_month(tmp_path: Path) -> None:
    text = MEASURES.replace(
        "        due: 2016-12-31\n",
        "        recurrence: {every_months: 3, first_due: 2016-06-15}\n",
        1,
    )
    _, problems = load(tmp_path, measures=text)
    assert [p.message for p in problems if "recurrence" in p.message] == [
        "recurrence.first_due（2016-06-15）应为某月的最后一天"
    ]


def test_implied_milestone_sits_at_the_horizon(tmp_path: Path) -> None:
    text = MEASURES.replace(
        "        due: 2017-12-31\n", "        due: 2017-12-31\n        implied: true\n"
    )
    _, problems = load(tmp_path, measures=text)
    assert [p.message for p in problems if "推定" in p.message] == [
        "implied（推定）的期限应为方案期末 2018-12-31"
    ]


def test_reporting_periods_must_be_half_years(tmp_path: Path) -> None:
    text = MEASURES.replace(
        "start: 2016-07-01, due: 2016-12-31", "start: 2016-07-01, due: 2016-11-30"
    )
    _, problems = load(tmp_path, measures=text)
    assert any("报送期 2016-H2 应为 2016-07-01 至 2016-12-31" in p.message for p in problems)


def test_pilot_areas_must_be_counties(tmp_path: Path) -> None:
    pilots = PILOTS.replace(
        "pilots: []",
        "pilots:\n  - id: 63\n    measure: 63\n    title: 试点\n"
        "    areas: [fazhiju]\n    units: [bianban]\n",
    )
    _, problems = load(tmp_path, pilots=pilots)
    messages = [p.message for p in problems if "试点" in p.message]
    assert "试点地区须是县级政府，“市法制局”不是" in messages
    assert "试点 63 指向措施 63，但该措施没有写 pilot: 63" in messages


# --- open groups with ``within``: units still to be designated, from a known range ----------

PILOT_GROUP = """\
  - id: m1-pilot-units
    name: 有条件的县（措施1试点）
    open: true
    members: []
    within: [counties]
"""


def _pilot_plan(group: str = PILOT_GROUP) -> tuple[str, str]:
    units = UNITS + group
    measures = MEASURES.replace("units: [counties]", "units: [bianban, m1-pilot-units]")
    return units, measures


def test_open_group_within_the_measure_is_in_scope(tmp_path: Path) -> None:
    units, measures = _pilot_plan()
    ds, problems = load(tmp_path, units=units, measures=measures)
    assert relevant(problems) == []
    assert ds is not None and ds.groups["m1-pilot-units"].within == ["counties"]


def test_open_group_within_units_outside_the_measure(tmp_path: Path) -> None:
    units, measures = _pilot_plan(PILOT_GROUP.replace("[counties]", "[relevant-departments]"))
    _, problems = load(tmp_path, units=units, measures=measures)
    assert relevant(problems) == [
        "data/measures.yaml:37:26: 时间节点的单位“m1-pilot-units”不在措施 1 的责任单位之内"
    ]


def test_open_group_without_within_is_not_in_scope_until_designated(tmp_path: Path) -> None:
    units, measures = _pilot_plan(PILOT_GROUP.replace("    within: [counties]\n", ""))
    _, problems = load(tmp_path, units=units, measures=measures)
    assert [p.message for p in problems if "缺少措施" not in p.message] == [
        "时间节点的单位“m1-pilot-units”不在措施 1 的责任单位之内"
    ]


def test_designated_member_must_come_from_within(tmp_path: Path) -> None:
    units, measures = _pilot_plan(PILOT_GROUP.replace("members: []", "members: [deqing]"))
    _, problems = load(tmp_path, units=units, measures=measures)
    assert relevant(problems) == []
    units, measures = _pilot_plan(PILOT_GROUP.replace("members: []", "members: [deqing, fazhiju]"))
    _, problems = load(tmp_path, units=units, measures=measures)
    assert relevant(problems) == [
        "data/units.yaml:28:23: “市法制局”不在单位组“有条件的县（措施1试点）”的指定范围"
        "（within：各县(市、区)人民政府）之内（只能从 within 所列的单位或单位组中指定成员；"
        "单位组须先有该成员）"
    ]


def test_within_names_known_units(tmp_path: Path) -> None:
    units, measures = _pilot_plan(PILOT_GROUP.replace("[counties]", "[countys]"))
    _, problems = load(tmp_path, units=units, measures=measures)
    assert relevant(problems) == [
        "data/measures.yaml:37:26: 时间节点的单位“m1-pilot-units”不在措施 1 的责任单位之内",
        "data/units.yaml:29:14: 未知的单位或单位组“countys”"
        "（是否想写 counties（各县(市、区)人民政府）？）",
    ]


def test_within_only_for_open_groups(tmp_path: Path) -> None:
    group = PILOT_GROUP.replace("    open: true\n    members: []\n", "    members: [deqing]\n")
    units, measures = _pilot_plan(group)
    _, problems = load(tmp_path, units=units, measures=measures)
    assert any(
        "within（成员的指定范围）只用于待指定的单位组，请同时写 open: true" in p.message
        for p in problems
    ), problems


# --- the plan's conventions (measures.yaml ``conventions:``): ranges from data ---------------


def _codes(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(p.code, str(p.location)) for p in problems if p.code != "missing-measures"]


def test_measure_numbers_follow_the_declared_range(tmp_path: Path) -> None:
    text = MEASURES.replace("measures: {first: 1, last: 69}", "measures: {first: 2, last: 9}")
    ds, problems = load(tmp_path, measures=text)
    assert ds is None  # as a bound in the model would: the file counts for nothing
    assert _codes(problems) == [("field-greater-than-equal", "data/measures.yaml:27:9")]
    assert str(problems[0]).endswith("measures[0].id：应不小于 2，实际是 1")


def test_a_pilot_outside_the_pilot_measures(tmp_path: Path) -> None:
    pilots = PILOTS.replace(
        "pilots: []", "pilots:\n  - id: 40\n    measure: 63\n    title: 试点\n    areas: [deqing]\n"
    )
    ds, problems = load(tmp_path, pilots=pilots)
    assert ds is None
    assert _codes(problems) == [("field-greater-than-equal", "data/pilots.yaml:11:9")]


def test_areas_are_numbered_within_their_numerals(tmp_path: Path) -> None:
    text = MEASURES.replace("  pilots: {first: 62, last: 69}\n", "  area_numerals: [一]\n")
    text = text.replace("  - id: 1\n    area: 1", "  - id: 1\n    area: 2")
    _, problems = load(tmp_path, measures=text)
    assert _codes(problems) == [("field-less-than-equal", "data/measures.yaml:28:11")]


def test_conventions_are_checked_themselves(tmp_path: Path) -> None:
    text = MEASURES.replace("{first: 62, last: 69}", "{first: 62, last: 6}")
    _, problems = load(tmp_path, measures=text)
    assert _codes(problems) == [("field-greater-than-equal", "data/measures.yaml:41:29")]


def test_without_conventions_measures_run_from_one_without_gaps(tmp_path: Path) -> None:
    text = MEASURES.split("conventions:")[0].replace("  - id: 1\n    area", "  - id: 3\n    area")
    ds, problems = load(tmp_path, measures=text)
    assert ds is not None and ds.numeral(1) == "一" and list(ds.measure_numbers()) == [1, 2, 3]
    assert [(p.code, str(p.location), p.message) for p in problems] == [
        ("missing-measures", "data/measures.yaml:26:1", "缺少措施：1、2")
    ]
