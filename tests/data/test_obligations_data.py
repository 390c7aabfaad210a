"""The obligations the bundled plan yields: the numbers a coordinator would check (the
rules themselves are tested on small plans in tests/unit/test_obligations.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from fzzf_cli.derive.obligations import debtors, derive, reporters
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.select.query import select, things, window_for
from fzzf_cli.validate.load import load_dataset

from ..conftest import REPO


@pytest.fixture(scope="module")
def ds() -> Dataset:
    dataset, problems = load_dataset(REPO)
    assert dataset is not None and problems == []
    return dataset


@pytest.fixture(scope="module")
def everything(ds: Dataset):
    return derive(ds)


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
