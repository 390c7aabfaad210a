"""Models and cross-checks on small inline plans: each rule fires, with its code, at the
right line and column (the wording of each code is in tests/golden/problems.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzzf_cli.text import msg

from ..conftest import located
from ..miniplan import MEASURES, PILOTS, UNITS, load

M = "data/measures.yaml"
U = "data/units.yaml"
P = "data/pilots.yaml"


def test_minimal_plan_is_valid(tmp_path: Path) -> None:
    ds, problems = load(tmp_path)
    assert ds is not None
    assert problems == []
    assert ds.expand(["bianban", "counties", "fazhiju"]) == ["bianban", "deqing", "fazhiju"]


def test_missing_measures_are_named(tmp_path: Path) -> None:
    _, problems = load(
        tmp_path, measures=MEASURES.replace("{first: 1, last: 2}", "{first: 1, last: 4}")
    )
    assert located(problems) == [("missing-measures", f"{M}:26:1")]
    assert problems[0].message == msg("missing_measures", numbers="3、4")


def test_unknown_unit_with_hint(tmp_path: Path) -> None:
    _, problems = load(
        tmp_path, measures=MEASURES.replace("[bianban, fazhiju", "[bianbam, fazhiju")
    )
    assert located(problems) == [("ref-unknown", f"{M}:30:13")]
    assert problems[0].hint == msg("did_you_mean", candidates="bianban（市编办）")


def test_name_instead_of_id_says_which_id(tmp_path: Path) -> None:
    _, problems = load(
        tmp_path, measures=MEASURES.replace("[bianban, fazhiju", "[bianban, 市依法行政办")
    )
    assert located(problems) == [("ref-unknown", f"{M}:30:22")]
    assert problems[0].hint == msg("use_id", id="fazhiju", name="市法制局")


def test_milestone_units_must_be_within_the_measure(tmp_path: Path) -> None:
    text = MEASURES.replace("units: [bianban, fazhiju, counties]", "units: [bianban, fazhiju]")
    _, problems = load(tmp_path, measures=text)
    assert located(problems) == [("milestone-outside", f"{M}:37:17")]


def test_member_of_a_listed_group_is_within_scope(tmp_path: Path) -> None:
    _, problems = load(tmp_path, measures=MEASURES.replace("units: [counties]", "units: [deqing]"))
    assert problems == []


def test_duplicate_measure_number(tmp_path: Path) -> None:
    text = MEASURES.replace("  - id: 2\n    area: 1", "  - id: 1\n    area: 1")
    _, problems = load(tmp_path, measures=text)
    assert ("dup-measure", f"{M}:42:9") in located(problems)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("        due: 2016-12-31", "        due: 2017-02-30", ("date-impossible", "33:14")),
        ("        due: 2016-12-31", "        due: 2016/12/31", ("date-format", "33:14")),
        ("        due: 2016-12-31", "        due: 1704412800", ("date-format", "33:14")),
        ("  - id: 1\n    area: 1", "  - id: 1\n    area: true", ("field-int-type", "28:11")),
        ("  - id: 1\n    area: 1", "  - id: 70\n    area: 1", ("field-less-than-equal", "27:9")),
        ("    text: 2016", "    txet: 2016", ("field-missing", "27:5")),
        (
            "        due: 2016-12-31\n",
            "",
            ("milestone-due-or-recurrence", "32:9"),
        ),
    ],
)
def test_model_errors_point_at_the_value(
    tmp_path: Path, old: str, new: str, expected: tuple[str, str]
) -> None:
    _, problems = load(tmp_path, measures=MEASURES.replace(old, new, 1))
    code, where = expected
    assert located(problems)[0] == (code, f"{M}:{where}"), located(problems)


def test_no_is_text_not_false(tmp_path: Path) -> None:
    _, problems = load(tmp_path, measures=MEASURES.replace("title: 做一件事", "title: no", 1))
    assert problems == []  # ``no`` is the text "no", not False


def test_unknown_key_names_the_key_meant(tmp_path: Path) -> None:
    _, problems = load(tmp_path, measures=MEASURES.replace("    text: 2016", "    txet: 2016"))
    assert ("field-extra-forbidden", f"{M}:29:5") in located(problems)
    (unknown,) = [p for p in problems if p.code == "field-extra-forbidden"]
    assert unknown.hint == msg("did_you_mean", candidates="text")


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = MEASURES.replace("        due: 2016-12-31", "        due: 2016-13-01").replace(
        "area: 1\n    text: 2016", "area: x\n    text: 2016"
    )
    units = UNITS.replace("kind: leading_group", "kind: leading-group")
    _, problems = load(tmp_path, units=units, measures=text)
    assert located(problems) == [
        ("field-int-type", f"{M}:28:11"),
        ("date-impossible", f"{M}:33:14"),
        ("field-choice", f"{U}:16:11"),
    ]


def test_group_rules(tmp_path: Path) -> None:
    units = UNITS.replace(
        "    select: {kind: county_government}", "    select: {kind: county_government, tag: x}"
    )
    _, problems = load(tmp_path, units=units)
    assert located(problems) == [("select-one-rule", f"{U}:20:13")]
    units = UNITS.replace("    open: true\n    members: []", "    members: []")
    _, problems = load(tmp_path, units=units)
    assert located(problems) == [("group-no-members", f"{U}:21:5")]


def test_alias_naming_two_units(tmp_path: Path) -> None:
    units = UNITS.replace("    name: 市编办\n", "    name: 市编办\n    aliases: [市依法行政办]\n")
    _, problems = load(tmp_path, units=units)
    assert located(problems) == [("dup-name", f"{U}:9:15")]
    assert problems[0].message == msg("dup_name", name="市依法行政办", other="fazhiju")


def test_recurrence_must_end_a_month(tmp_path: Path) -> None:
    text = MEASURES.replace(
        "        due: 2016-12-31\n",
        "        recurrence: {every_months: 3, first_due: 2016-06-15}\n",
        1,
    )
    _, problems = load(tmp_path, measures=text)
    assert located(problems) == [("recurrence-month-end", f"{M}:33:50")]


def test_implied_milestone_sits_at_the_horizon(tmp_path: Path) -> None:
    text = MEASURES.replace(
        "        due: 2017-12-31\n", "        due: 2017-12-31\n        implied: true\n"
    )
    _, problems = load(tmp_path, measures=text)
    assert located(problems) == [("implied-not-horizon", f"{M}:36:14")]


def test_reporting_periods_must_be_half_years(tmp_path: Path) -> None:
    text = MEASURES.replace(
        "start: 2016-07-01, due: 2016-12-31", "start: 2016-07-01, due: 2016-11-30"
    )
    _, problems = load(tmp_path, measures=text)
    assert located(problems) == [("period-mismatch", f"{M}:17:7")]


def test_pilot_areas_must_be_counties(tmp_path: Path) -> None:
    pilots = PILOTS.replace("    areas: [deqing]\n", "    areas: [fazhiju]\n")
    _, problems = load(tmp_path, pilots=pilots)
    assert located(problems) == [("pilot-area-not-county", f"{P}:14:13")]
    assert problems[0].message == msg("pilot_area_not_county", name="市法制局")


def test_a_pilot_and_its_measure_name_each_other(tmp_path: Path) -> None:
    stone = "    units: [bianban]\n    milestones:\n"
    stone += "      - {title: 试点, due: 2016-12-31, quote: 试点}\n"
    measures = MEASURES.replace("    pilot: 2\n", stone)
    _, problems = load(tmp_path, measures=measures)
    assert located(problems) == [("pilot-link", f"{P}:12:14")]
    pilots = PILOTS.replace("pilots:\n  - id: 2\n", "pilots:\n  - id: 3\n")
    text = MEASURES.replace("{first: 2, last: 2}", "{first: 2, last: 3}")
    _, problems = load(tmp_path, measures=text, pilots=pilots)
    assert located(problems) == [("pilot-missing", f"{M}:45:12"), ("pilot-link", f"{P}:12:14")]


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
    assert problems == []
    assert ds is not None and ds.groups["m1-pilot-units"].within == ["counties"]


def test_open_group_within_units_outside_the_measure(tmp_path: Path) -> None:
    units, measures = _pilot_plan(PILOT_GROUP.replace("[counties]", "[relevant-departments]"))
    _, problems = load(tmp_path, units=units, measures=measures)
    assert located(problems) == [("milestone-outside", f"{M}:37:26")]


def test_open_group_without_within_is_not_in_scope_until_designated(tmp_path: Path) -> None:
    units, measures = _pilot_plan(PILOT_GROUP.replace("    within: [counties]\n", ""))
    _, problems = load(tmp_path, units=units, measures=measures)
    assert located(problems) == [("milestone-outside", f"{M}:37:26")]
    assert problems[0].message == msg("milestone_outside", ref="m1-pilot-units", n=1)


def test_designated_member_must_come_from_within(tmp_path: Path) -> None:
    units, measures = _pilot_plan(PILOT_GROUP.replace("members: []", "members: [deqing]"))
    _, problems = load(tmp_path, units=units, measures=measures)
    assert problems == []
    units, measures = _pilot_plan(PILOT_GROUP.replace("members: []", "members: [deqing, fazhiju]"))
    _, problems = load(tmp_path, units=units, measures=measures)
    assert located(problems) == [("group-member-outside-within", f"{U}:28:23")]
    assert problems[0].message == msg(
        "group_member_outside_within",
        member="市法制局",
        name="有条件的县（措施1试点）",
        within="各县(市、区)人民政府",
    )


def test_within_names_known_units(tmp_path: Path) -> None:
    units, measures = _pilot_plan(PILOT_GROUP.replace("[counties]", "[countys]"))
    _, problems = load(tmp_path, units=units, measures=measures)
    assert located(problems) == [
        ("milestone-outside", f"{M}:37:26"),
        ("ref-unknown", f"{U}:29:14"),
    ]
    assert problems[1].hint == msg("did_you_mean", candidates="counties（各县(市、区)人民政府）")


def test_within_only_for_open_groups(tmp_path: Path) -> None:
    group = PILOT_GROUP.replace("    open: true\n    members: []\n", "    members: [deqing]\n")
    units, measures = _pilot_plan(group)
    _, problems = load(tmp_path, units=units, measures=measures)
    assert ("group-within-not-open", f"{U}:25:5") in located(problems)


# --- the plan's conventions (measures.yaml ``conventions:``): ranges from data ---------------


def test_measure_numbers_follow_the_declared_range(tmp_path: Path) -> None:
    text = MEASURES.replace("measures: {first: 1, last: 2}", "measures: {first: 2, last: 9}")
    ds, problems = load(tmp_path, measures=text)
    assert ds is None  # as a bound written into the model would: the file counts for nothing
    assert located(problems) == [("field-greater-than-equal", f"{M}:27:9")]
    assert problems[0].message == msg("pyd_greater_than_equal", field="measures[0].id", ge=2,
                                      value="1")  # fmt: skip


def test_a_pilot_outside_the_pilot_measures(tmp_path: Path) -> None:
    ds, problems = load(tmp_path, pilots=PILOTS.replace("    measure: 2\n", "    measure: 1\n"))
    assert ds is None
    assert located(problems) == [("field-greater-than-equal", f"{P}:12:14")]
    text = MEASURES.replace("    pilot: 2\n", "    pilot: 1\n")
    _, problems = load(tmp_path, measures=text)
    assert located(problems) == [("field-greater-than-equal", f"{M}:45:12")]


def test_areas_are_numbered_within_their_numerals(tmp_path: Path) -> None:
    text = MEASURES.replace("  - id: 1\n    title:", "  - id: 2\n    title:")
    _, problems = load(tmp_path, measures=text)
    assert located(problems) == [("field-less-than-equal", f"{M}:24:9")]


def test_conventions_are_checked_themselves(tmp_path: Path) -> None:
    text = MEASURES.replace("{first: 2, last: 2}", "{first: 2, last: 1}")
    _, problems = load(tmp_path, measures=text)
    assert located(problems) == [("field-greater-than-equal", f"{M}:48:28")]
    _, problems = load(
        tmp_path, measures=MEASURES.replace("area_numerals: [一]", "area_numerals: []")
    )
    assert located(problems) == [("field-too-short", f"{M}:49:18")]


def test_without_conventions_measures_run_from_one_without_gaps(tmp_path: Path) -> None:
    text = MEASURES.split("conventions:")[0].replace("  - id: 2\n", "  - id: 3\n")
    text = text.replace("pilot: 2", "pilot: 3")
    ds, problems = load(tmp_path, measures=text, pilots=PILOTS.replace(": 2\n", ": 3\n"))
    assert ds is not None and ds.numeral(1) == "一" and list(ds.measure_numbers()) == [1, 2, 3]
    assert located(problems) == [("missing-measures", f"{M}:26:1")]
    assert problems[0].message == msg("missing_measures", numbers="2")
