"""Plain records of the plan for listings (present/views.py) — the JSON interface of
``fzzf measures/measure/units/pilots`` — and the source's paragraphs, on the mini plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fzzf_cli.model.dataset import Dataset
from fzzf_cli.present.views import (
    measure_record,
    next_due,
    pilot_record,
    select_measures,
    unit_records,
)
from fzzf_cli.validate.source import measure_paragraph, read_source

from ..miniplan import MEASURES, SOURCE, dataset


@pytest.fixture
def ds(tmp_path: Path) -> Dataset:
    return dataset(tmp_path)


def test_a_measure_record(ds: Dataset) -> None:
    record = measure_record(ds, ds.measures[1])
    assert {k: record[k] for k in ("id", "area", "area_title", "lead", "units", "pilot")} == {
        "id": 1,
        "area": 1,
        "area_title": "深化行政体制改革",
        "lead": "bianban",
        "units": ["bianban", "fazhiju", "counties"],
        "pilot": None,
    }
    first, second = record["milestones"]
    assert first == {
        "title": "做一件事", "due": "2016-12-31", "start": None, "recurrence": None,
        "implied": False, "ongoing": False, "stage": None, "units": None,
        "quote": "2016年,做一件事",
    }  # fmt: skip
    assert (second["due"], second["units"]) == ("2017-12-31", ["counties"])
    (target,) = record["targets"]
    assert (target["metric"], target["value"], target["unit"], target["by"]) == (
        "online_rate",
        80.0,
        "percent",
        "2017-12-31",
    )


def test_a_pilot_measure_lists_the_pilot_and_its_two_deadlines(ds: Dataset) -> None:
    record = measure_record(ds, ds.measures[2])
    assert (record["lead"], record["units"], record["pilot"]) == (None, ["deqing", "bianban"], 2)
    assert [(m["title"], m["due"], m["start"], m["units"]) for m in record["milestones"]] == [
        ("报送试点工作方案", "2016-04-20", None, ["deqing", "bianban"]),
        ("完成试点工作", "2017-04-07", "2016-04-07", ["deqing", "bianban"]),
    ]


def test_a_recurring_milestone_record(tmp_path: Path) -> None:
    text = MEASURES.replace(
        "        due: 2016-12-31\n",
        "        recurrence: {every_months: 3, first_due: 2016-06-30}\n",
    )
    mini = dataset(tmp_path, measures=text)
    (record, _) = measure_record(mini, mini.measures[1])["milestones"]
    assert (record["due"], record["recurrence"]) == (
        None,
        {"every_months": 3, "first_due": "2016-06-30", "last_due": None},
    )
    assert next_due(mini, mini.measures[1]) == date(2016, 6, 30)


def test_select_measures_by_area_and_by_unit(ds: Dataset) -> None:
    assert [m.id for m in select_measures(ds)] == [1, 2]
    assert [m.id for m in select_measures(ds, area=1)] == [1, 2]
    assert select_measures(ds, area=2) == []
    assert [m.id for m in select_measures(ds, unit="deqing")] == [1, 2]  # via counties; pilot area
    assert [m.id for m in select_measures(ds, unit="counties")] == [1]
    assert [m.id for m in select_measures(ds, unit="fazhiju")] == [1]
    assert select_measures(ds, unit="lingdaoxiaozu") == []


def test_next_due(ds: Dataset) -> None:
    assert next_due(ds, ds.measures[1]) == date(2016, 12, 31)
    assert next_due(ds, ds.measures[2]) == date(2016, 4, 20)


def test_unit_records_list_units_then_groups_with_members(ds: Dataset) -> None:
    records = unit_records(ds)
    assert [(r["id"], r["kind"]) for r in records] == [
        ("fazhiju", "city_department"),
        ("bianban", "city_department"),
        ("deqing", "county_government"),
        ("lingdaoxiaozu", "leading_group"),
        ("counties", "group"),
        ("relevant-departments", "group"),
    ]
    assert records[0]["aliases"] == ["市依法行政办"] and records[0]["full_name"] is None
    counties, relevant = records[4], records[5]
    assert (counties["open"], counties["members"], counties["within"]) == (False, ["deqing"], [])
    assert (relevant["open"], relevant["members"]) == (True, [])


def test_pilot_record(ds: Dataset) -> None:
    assert pilot_record(ds, ds.pilots[2]) == {
        "id": 2, "measure": 2, "title": "试点", "areas": ["deqing"], "units": ["bianban"],
        "plan_due": "2016-04-20", "start": "2016-04-07", "complete_by": "2017-04-07",
    }  # fmt: skip


def test_the_source_is_read_under_the_heading_the_plan_names(ds: Dataset, tmp_path: Path) -> None:
    heading = ds.conventions.source_heading
    assert heading == "二、主要任务"
    assert measure_paragraph(SOURCE, 1, heading) == "1. 2016年,做一件事。"
    assert measure_paragraph(SOURCE, 1) == "1. 这一行不是措施。"  # no heading: from the top
    assert measure_paragraph(SOURCE, 2, heading) == "2. 在德庆县开展试点。"
    assert measure_paragraph(SOURCE, 3, heading) is None
    text, problems = read_source(tmp_path / "plan")
    assert (text, problems) == (SOURCE, [])
