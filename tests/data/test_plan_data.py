"""Fidelity of the bundled plan to its source, 肇府办函〔2016〕48号 (data/source/plan.txt)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fzzf_cli.model.dataset import Dataset
from fzzf_cli.validate.load import load_dataset

from ..conftest import DATA, REPO

SOURCE = (DATA / "source" / "plan.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    dataset, problems = load_dataset(REPO)
    assert problems == []
    assert dataset is not None
    return dataset


def test_source_is_the_seed_document() -> None:
    assert "肇府办函〔2016〕48号" in SOURCE
    assert SOURCE.count("〔责任单位:") == 61


def test_counts(ds: Dataset) -> None:
    assert sorted(ds.measures) == list(range(1, 70))
    assert sorted(ds.pilots) == list(range(62, 70))
    assert sorted(ds.areas) == list(range(1, 9))
    counties = [u for u in ds.units.values() if u.kind == "county_government"]
    assert [u.name for u in counties] == [
        "端州区", "鼎湖区", "高要区", "四会市", "广宁县", "怀集县", "封开县", "德庆县",
    ]  # fmt: skip
    assert ds.members(ds.groups["counties"]) == [u.id for u in counties]


def _paragraph(number: int) -> str:
    found = re.search(rf"^[ \xa0]*{number}\.[ ]*(?!\d)(.*)$", SOURCE, re.MULTILINE)
    assert found, number
    return found.group(1)


@pytest.mark.parametrize("number", range(1, 70))
def test_measure_text_is_verbatim(ds: Dataset, number: int) -> None:
    measure = ds.measures[number]
    paragraph = _paragraph(number)
    assert paragraph.startswith(measure.text)
    if measure.units_text is not None:
        assert f"〔责任单位:{measure.units_text}" in paragraph


@pytest.mark.parametrize("number", range(1, 70))
def test_quotes_are_verbatim(ds: Dataset, number: int) -> None:
    measure = ds.measures[number]
    for stone in ds.milestones(measure):
        assert stone.quote in (measure.text if measure.pilot is None else SOURCE)
    for target in measure.targets:
        assert target.quote in measure.text


def test_area_titles_and_goals_are_verbatim(ds: Dataset) -> None:
    for area in ds.measures_file.areas:
        assert area.title in SOURCE
        assert f"工作目标:{area.goal}" in SOURCE if area.goal else area.intro in SOURCE
    plan = ds.measures_file.plan
    for text in (plan.title, plan.horizon_quote, plan.target, ds.measures_file.review.quote):
        assert text in SOURCE
    assert ds.measures_file.reporting.quote in SOURCE


@pytest.mark.parametrize("number", range(1, 62))
def test_units_follow_the_source_list(ds: Dataset, number: int) -> None:
    """Re-read 〔责任单位:…〕 by names and aliases; it must give the data's list, in order."""
    measure = ds.measures[number]
    by_name = {}
    for rec in [*ds.units_file.units, *ds.units_file.groups]:
        for label in (rec.name, *rec.aliases):
            by_name[label] = rec.id
    text = measure.units_text or ""
    # The source's quirks: a second name in brackets, a missing comma in measure 2.
    text = text.replace("(市政府顾问团办公室)", "").replace("人民政府肇庆", "人民政府,肇庆")
    refs = [by_name[n] for n in _names(text)]
    assert refs == measure.units
    assert measure.open_ended == bool(re.search(r"等(部门)?(,|$)", text))


def _names(text: str) -> list[str]:
    """Split a 责任单位 list on 、 and , but not inside 各县(市、区)."""
    protected = text.replace("各县(市、区)", "各县(市#区)")
    parts = [p.strip().replace("#", "、") for p in re.split(r"[、,]", protected)]
    return [p.removesuffix("等部门").removesuffix("等") for p in parts if p]


def test_lead_is_first_listed_unit(ds: Dataset) -> None:
    assert ds.lead(ds.measures[1]) == "bianban"
    assert ds.lead(ds.measures[34]) == "jianchayuan"
    assert ds.lead(ds.measures[44]) is None
    assert ds.lead(ds.measures[46]) is None
    leads = [n for n in range(1, 62) if ds.lead(ds.measures[n]) is None]
    assert leads == [44, 46]


YEAR = re.compile(r"(20\d\d)")


@pytest.mark.parametrize("number", range(1, 70))
def test_every_year_in_a_measure_is_covered(ds: Dataset, number: int) -> None:
    """Each year the text names is a milestone's year, a rule's start, or explained."""
    measure = ds.measures[number]
    covered = {note.year for note in measure.years_explained}
    for stone in ds.milestones(measure):
        for day in (stone.due, stone.start, stone.recurrence and stone.recurrence.first_due):
            if day:
                covered.add(day.year)
    for year in map(int, YEAR.findall(measure.text)):
        assert year in covered, f"措施 {number} 提到 {year} 年，没有对应的时间节点"


def test_subset_milestones(ds: Dataset) -> None:
    """Measures 16, 17, 42: city units first, counties and zones a year later."""
    for number in (16, 17, 42):
        first, second = ds.milestones(ds.measures[number])[:2]
        assert first.due is not None and first.due.year == 2016
        assert second.due is not None and second.due.year == 2017
        assert first.units and "fazhiju" in first.units
        assert second.units and "counties" in second.units


def test_units_still_to_be_designated(ds: Dataset) -> None:
    """在有条件的… / 有关… / 选取… / 主要部门 / 重点…: a milestone owed by units the plan does not
    name goes to the lead and an open group with ``within``, and says why in its note."""
    used: set[str] = set()
    for measure in ds.measures_file.measures:
        for stone in measure.milestones:
            pending = [r for r in stone.units or () if r in ds.groups and ds.groups[r].within]
            if not pending:
                continue
            (group,) = pending
            used.add(group)
            assert ds.groups[group].open and not ds.groups[group].members
            assert stone.units and stone.units[0] == ds.lead(measure), measure.id
            assert stone.note and group in stone.note, measure.id
            assert f"措施{measure.id}" in ds.groups[group].name
    assert used == {g.id for g in ds.units_file.groups if g.within}
    assert sorted(int(g.split("-")[0][1:]) for g in used) == [4, 16, 25, 32, 37, 37, 38, 41]


def test_staged_rollouts(ds: Dataset) -> None:
    for number in (25, 38, 41):
        stages = [s.stage for s in ds.milestones(ds.measures[number])]
        assert stages[-2:] == ["rollout", "consolidate"]
    assert [s.stage for s in ds.measures[25].milestones] == ["pilot", "rollout", "consolidate"]


def test_recurrences(ds: Dataset) -> None:
    red_black = [s for s in ds.measures[40].milestones if s.recurrence]
    assert [(s.recurrence.every_months, str(s.recurrence.first_due)) for s in red_black] == [
        (3, "2016-06-30")
    ]
    cleanup = [s for s in ds.measures[15].milestones if s.recurrence]
    assert [(s.recurrence.every_months, str(s.recurrence.first_due)) for s in cleanup] == [
        (60, "2018-12-31")
    ]


def test_targets(ds: Dataset) -> None:
    seven = {t.metric: (t.comparison, t.value, str(t.by)) for t in ds.measures[7].targets}
    assert seven == {
        "online_full_process_rate": ("at_least", 80, "2016-12-31"),
        "online_completion_rate": ("at_least", 70, "2016-12-31"),
    }
    forty_eight = ds.measures[48].targets
    assert len(forty_eight) == 4
    assert {t.baseline_year for t in forty_eight} == {2015}


def test_reporting_and_review_are_data(ds: Dataset) -> None:
    periods = ds.measures_file.reporting.periods
    assert [p.id for p in periods] == [
        "2016-H1", "2016-H2", "2017-H1", "2017-H2", "2018-H1", "2018-H2",
    ]  # fmt: skip
    assert [str(p.due) for p in periods][::2] == ["2016-06-30", "2017-06-30", "2018-06-30"]
    assert ds.measures_file.reporting.to == "fazhiju"
    review = ds.measures_file.review
    assert (str(review.start), str(review.due)) == ("2018-10-01", "2018-12-31")


def test_pilots(ds: Dataset) -> None:
    assert ds.pilots[63].areas == ["deqing"]
    assert ds.pilots[66].areas == ["duanzhou", "dinghu"]
    assert ds.pilots[67].areas == []
    rules = ds.pilots_file.rules
    assert str(rules.plan_due) == "2016-04-20" and rules.completion_months == 12
    pilot_areas = {a for p in ds.pilots.values() for a in p.areas}
    assert "huaiji" not in pilot_areas


def test_ids_are_safe_file_names(ds: Dataset) -> None:
    reserved = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))}
    for ident in [*ds.units, *ds.groups]:
        assert re.fullmatch(r"[a-z][a-z0-9-]*", ident)
        assert ident not in reserved and not ident.startswith("lpt")


def test_source_file_is_shipped() -> None:
    assert Path(DATA / "source" / "plan.txt").is_file()
