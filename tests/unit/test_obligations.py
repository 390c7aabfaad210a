"""The obligations engine, rule by rule: inline plans for the rules, the bundled plan for
the numbers a coordinator would check."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from fzzf_cli.derive.obligations import debtors, derive, reporters
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.select.query import Window, select, things, window_for
from fzzf_cli.validate.load import load_dataset

from ..conftest import REPO
from ..miniplan import MEASURES, PILOTS, UNITS, load


@pytest.fixture(scope="module")
def ds() -> Dataset:
    dataset, problems = load_dataset(REPO)
    assert dataset is not None and problems == []
    return dataset


@pytest.fixture(scope="module")
def everything(ds: Dataset):
    return derive(ds)


def _mini(tmp_path: Path, units: str = UNITS, measures: str = MEASURES, pilots: str = PILOTS):
    dataset, _ = load(tmp_path, units, measures, pilots)
    assert dataset is not None
    return dataset


# --- rules on small plans --------------------------------------------------------------


def test_group_expands_to_members_and_says_which_group(tmp_path: Path) -> None:
    found = [o for o in derive(_mini(tmp_path)) if o.thing == "m1-2016-12-31"]
    assert [(o.unit_id, o.via, o.role, o.lead) for o in found] == [
        ("bianban", None, "lead", True),
        ("fazhiju", None, "co_unit", False),
        ("deqing", "counties", "group", False),
    ]
    assert {o.id for o in found} == {
        "m1-2016-12-31.fazhiju",
        "m1-2016-12-31.bianban",
        "m1-2016-12-31.deqing",
    }


def test_direct_mention_wins_over_a_group(tmp_path: Path) -> None:
    text = MEASURES.replace("units: [bianban, fazhiju, counties]", "units: [counties, deqing]")
    text = text.replace("        units: [counties]\n", "")
    found = [o for o in derive(_mini(tmp_path, measures=text)) if o.thing == "m1-2016-12-31"]
    assert [(o.unit_id, o.via) for o in found] == [("deqing", None)]


def test_open_group_without_members_owes_as_itself(tmp_path: Path) -> None:
    text = MEASURES.replace("[bianban, fazhiju, counties]", "[bianban, relevant-departments]")
    text = text.replace("        units: [counties]\n", "")
    found = [o for o in derive(_mini(tmp_path, measures=text)) if o.thing == "m1-2016-12-31"]
    assert [(o.unit_id, o.unit, o.via, o.role) for o in found] == [
        ("bianban", "市编办", None, "lead"),
        ("relevant-departments", "市政府有关部门", "relevant-departments", "open_group"),
    ]


def test_open_group_with_designated_members(tmp_path: Path) -> None:
    units = UNITS.replace(
        "    open: true\n    members: []", "    open: true\n    members: [fazhiju]"
    )
    text = MEASURES.replace("[bianban, fazhiju, counties]", "[bianban, relevant-departments]")
    text = text.replace("        units: [counties]\n", "")
    found = [o for o in derive(_mini(tmp_path, units, text)) if o.thing == "m1-2016-12-31"]
    assert [(o.unit_id, o.via) for o in found] == [
        ("bianban", None),
        ("fazhiju", "relevant-departments"),
    ]


PILOT_GROUP = """\
  - id: m1-pilot-units
    name: 有条件的县（措施1试点）
    open: true
    members: []
    within: [counties]
"""


def test_pilot_for_units_still_to_be_designated(tmp_path: Path) -> None:
    """在有条件的…试点: the lead organises it, the open group owes until designated."""
    text = MEASURES.replace("units: [counties]", "units: [bianban, m1-pilot-units]")
    found = [
        o for o in derive(_mini(tmp_path, UNITS + PILOT_GROUP, text)) if o.thing == "m1-2017-12-31"
    ]
    assert [(o.unit_id, o.via, o.role) for o in found] == [
        ("bianban", None, "lead"),
        ("m1-pilot-units", "m1-pilot-units", "open_group"),
    ]
    units = UNITS + PILOT_GROUP.replace("members: []", "members: [deqing]")
    found = [o for o in derive(_mini(tmp_path, units, text)) if o.thing == "m1-2017-12-31"]
    assert [(o.unit_id, o.via, o.role) for o in found] == [
        ("bianban", None, "lead"),
        ("deqing", "m1-pilot-units", "group"),
    ]


def test_subset_milestone_binds_only_its_units(tmp_path: Path) -> None:
    found = [o for o in derive(_mini(tmp_path)) if o.thing == "m1-2017-12-31"]
    assert [o.unit_id for o in found] == ["deqing"]


def test_reports_every_half_year_of_every_responsible_unit_but_the_recipient(
    tmp_path: Path,
) -> None:
    mini = _mini(tmp_path)
    assert reporters(mini) == ["bianban", "deqing"]
    found = [o for o in derive(mini) if o.kind == "report"]
    assert [(o.id, str(o.due), o.period) for o in found] == [
        ("report-2016-H1.bianban", "2016-06-30", "2016-H1"),
        ("report-2016-H1.deqing", "2016-06-30", "2016-H1"),
        ("report-2016-H2.bianban", "2016-12-31", "2016-H2"),
        ("report-2016-H2.deqing", "2016-12-31", "2016-H2"),
    ]


def test_recurrence_expands_to_the_horizon(tmp_path: Path) -> None:
    text = MEASURES.replace(
        "        due: 2016-12-31\n",
        "        recurrence: {every_months: 3, first_due: 2016-06-30}\n",
        1,
    )
    mini = _mini(tmp_path, measures=text)
    days = sorted({str(o.due) for o in derive(mini) if o.kind == "recurring"})
    assert days[:4] == ["2016-06-30", "2016-09-30", "2016-12-31", "2017-03-31"]
    assert days[-1] == "2018-12-31" and len(days) == 11
    longer = {o.due for o in derive(mini, until=date(2019, 12, 31)) if o.kind == "recurring"}
    assert len(longer) == 15


def test_pilot_plan_and_completion_dates(tmp_path: Path) -> None:
    pilots = PILOTS.replace(
        "pilots: []",
        "pilots:\n  - id: 63\n    measure: 63\n    title: 试点\n    areas: [deqing]\n"
        "    units: [bianban]\n  - id: 64\n    measure: 64\n    title: 另一试点\n"
        "    units: [fazhiju]\n    start: 2016-05-31\n",
    )
    found = [o for o in derive(_mini(tmp_path, pilots=pilots)) if o.pilot is not None]
    assert [(o.id, str(o.due), o.role) for o in found if o.pilot == 63] == [
        ("p63-plan.deqing", "2016-04-20", "pilot_area"),
        ("p63-plan.bianban", "2016-04-20", "pilot_unit"),
        ("p63-done.deqing", "2017-04-07", "pilot_area"),
        ("p63-done.bianban", "2017-04-07", "pilot_unit"),
    ]
    assert [str(o.due) for o in found if o.id == "p64-done.fazhiju"] == ["2017-05-31"]


def test_implied_milestone_is_due_at_the_horizon_and_marked(tmp_path: Path) -> None:
    text = MEASURES.replace(
        "        due: 2017-12-31\n", "        due: 2018-12-31\n        implied: true\n"
    )
    found = [o for o in derive(_mini(tmp_path, measures=text)) if o.thing == "m1-2018-12-31"]
    assert found and all(o.implied for o in found)


def test_review_by_the_leading_group_and_the_coordinator(tmp_path: Path) -> None:
    found = [o for o in derive(_mini(tmp_path)) if o.kind == "review"]
    assert [(o.id, str(o.due), o.lead) for o in found] == [
        ("review-2018-12-31.lingdaoxiaozu", "2018-12-31", True),
        ("review-2018-12-31.fazhiju", "2018-12-31", False),
    ]


# --- the bundled plan ------------------------------------------------------------------


def test_ids_are_unique_and_stable(everything) -> None:
    ids = [o.id for o in everything]
    assert len(ids) == len(set(ids))
    for known in (
        "m16-2016-12-31.fuban",
        "m16-2017-12-31.deqing",
        "m18-2018-12-31-2.deqing",
        "m40-every-2017-03-31.fagaiju",
        "m15-every-2018-12-31.fazhiju",
        "m15-2018-12-31.fazhiju",
        "p63-plan.deqing",
        "report-2017-H1.deqing",
        "review-2018-12-31.lingdaoxiaozu",
    ):
        assert known in ids


def test_counts_by_kind(ds: Dataset, everything) -> None:
    kinds = Counter(o.kind for o in everything)
    assert kinds["report"] == 6 * 47
    assert kinds["review"] == 2
    assert kinds["recurring"] == 11 + 1  # 红黑榜 quarterly 2016Q2–2018Q4; one 规章清理 in 2018
    pilot_units = sum(len(p.areas) + len(p.units) for p in ds.pilots.values())
    assert kinds["pilot_plan"] == kinds["pilot_done"] == pilot_units == 24


def test_reporters_are_everyone_responsible(ds: Dataset) -> None:
    found = reporters(ds)
    assert len(found) == 47
    assert "fazhiju" not in found and "lingdaoxiaozu" not in found and "yuegui" not in found
    assert {"deqing", "huaiji", "jianchayuan", "zhongcaiwei", "gongluju"} <= set(found)


def test_measure_16_subsets(everything) -> None:
    first = {o.unit_id for o in everything if o.thing == "m16-2016-12-31"}
    second = {o.unit_id for o in everything if o.thing == "m16-2017-12-31"}
    assert "fuban" in first and "deqing" not in first and "xingzhengfuwu" not in first
    assert second == {
        "duanzhou", "dinghu", "gaoyao", "sihui", "guangning", "huaiji", "fengkai", "deqing",
        "gaoxinqu", "xinqu",
    }  # fmt: skip


def test_open_groups_are_never_dropped(everything) -> None:
    carried = {o.unit_id for o in everything if o.role == "open_group"}
    assert carried == {
        "relevant-departments", "relevant-law-enforcement", "market-regulators",
        "intermediary-regulators", "disclosure-leads", "relevant-city-units",
        "relevant-affiliated", "universities", "research-institutes",
        "m25-pilot-units", "m32-pilot-units", "m37-pilot-units", "m4-pilot-units",
        "m16-main-departments", "m37-key-units", "m38-relevant-units", "m41-selected-units",
    }  # fmt: skip


def test_every_responsible_unit_owes_something_in_its_measure(ds: Dataset, everything) -> None:
    """A unit the plan makes responsible for a measure has at least one of its milestones
    (measure 53's 市政府各部门, 直属各单位 and zones once had none)."""
    for measure in ds.measures_file.measures:
        if measure.pilot is not None:
            continue
        owing = {o.unit_id for o in everything if o.measure == measure.id}
        responsible = {d.unit_id for d in debtors(ds, list(measure.units))}
        assert responsible <= owing, (measure.id, sorted(responsible - owing))


def test_measures_without_a_lead(everything) -> None:
    assert not any(o.lead for o in everything if o.measure in (44, 46))
    assert any(o.lead for o in everything if o.measure == 34 and o.unit_id == "jianchayuan")


def test_every_measure_yields_obligations(everything) -> None:
    assert {o.measure for o in everything if o.measure} == set(range(1, 70))


def test_2017_things(ds: Dataset, everything) -> None:
    chosen = select(everything, window_for(year="2017"))
    rows = things(ds, chosen)
    assert len(rows) == 28
    assert sum(len(t.owed_by) for t in rows) == len(chosen) == 387
    reports = [t for t in rows if t.kind == "report"]
    assert [(t.period, len(t.owed_by)) for t in reports] == [("2017-H1", 47), ("2017-H2", 47)]


def test_select_filters(everything) -> None:
    mine = select(everything, unit="deqing", lead_only=False)
    assert mine and all(o.unit_id == "deqing" for o in mine)
    via = select(everything, unit="counties")
    assert via and all(o.via == "counties" for o in via)
    lead = select(everything, unit="fazhiju", lead_only=True)
    assert lead and all(o.lead for o in lead)
    june = select(everything, Window(date(2017, 6, 1), date(2017, 6, 30)), kind="report")
    assert {o.period for o in june} == {"2017-H1"}
