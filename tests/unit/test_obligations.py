"""The obligations engine, rule by rule, on small inline plans (the bundled plan's numbers
are checked in tests/data/test_obligations_data.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fzzf_cli.derive.obligations import derive, reporters
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.select.query import Window, select

from ..miniplan import MEASURES, PILOTS, UNITS, dataset


def _mini(
    tmp_path: Path, units: str = UNITS, measures: str = MEASURES, pilots: str = PILOTS
) -> Dataset:
    return dataset(tmp_path, units=units, measures=measures, pilots=pilots)


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
    pilots = PILOTS + "  - id: 3\n    measure: 3\n    title: 另一试点\n    units: [fazhiju]\n"
    pilots += "    start: 2016-05-31\n"
    measures = (
        MEASURES.replace(
            "conventions:\n",
            "  - id: 3\n    area: 1\n    text: 另一试点。\n    pilot: 3\nconventions:\n",
        )
        .replace("{first: 1, last: 2}", "{first: 1, last: 3}")
        .replace("{first: 2, last: 2}", "{first: 2, last: 3}")
    )
    found = [o for o in derive(_mini(tmp_path, pilots=pilots, measures=measures)) if o.pilot]
    assert [(o.id, str(o.due), o.role) for o in found if o.pilot == 2] == [
        ("p2-plan.deqing", "2016-04-20", "pilot_area"),
        ("p2-plan.bianban", "2016-04-20", "pilot_unit"),
        ("p2-done.deqing", "2017-04-07", "pilot_area"),
        ("p2-done.bianban", "2017-04-07", "pilot_unit"),
    ]
    assert [str(o.due) for o in found if o.id == "p3-done.fazhiju"] == ["2017-05-31"]


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


# --- selecting ---------------------------------------------------------------------


def test_ids_are_unique_and_stable(tmp_path: Path) -> None:
    ids = [o.id for o in derive(_mini(tmp_path))]
    assert len(ids) == len(set(ids))
    assert ids == [
        "p2-plan.deqing", "p2-plan.bianban", "report-2016-H1.bianban", "report-2016-H1.deqing",
        "m1-2016-12-31.bianban", "m1-2016-12-31.fazhiju", "m1-2016-12-31.deqing",
        "report-2016-H2.bianban", "report-2016-H2.deqing", "p2-done.deqing",
        "p2-done.bianban", "m1-2017-12-31.deqing", "review-2018-12-31.lingdaoxiaozu",
        "review-2018-12-31.fazhiju",
    ]  # fmt: skip


def test_select_filters(tmp_path: Path) -> None:
    everything = derive(_mini(tmp_path))
    mine = select(everything, unit="deqing", lead_only=False)
    assert [o.id for o in mine] == [
        "p2-plan.deqing", "report-2016-H1.deqing", "m1-2016-12-31.deqing",
        "report-2016-H2.deqing", "p2-done.deqing", "m1-2017-12-31.deqing",
    ]  # fmt: skip
    via = select(everything, unit="counties")
    assert [o.id for o in via] == ["m1-2016-12-31.deqing", "m1-2017-12-31.deqing"]
    lead = select(everything, unit="bianban", lead_only=True)
    assert [o.id for o in lead] == ["m1-2016-12-31.bianban"]
    june = select(everything, Window(date(2016, 6, 1), date(2016, 6, 30)), kind="report")
    assert [o.id for o in june] == ["report-2016-H1.bianban", "report-2016-H1.deqing"]
