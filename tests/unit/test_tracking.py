"""derive.tracking on the mini plan's scenario (tests/unit/scenario.py): who is overdue,
how each unit and area stands, what awaits review."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fzzf_cli.derive.status import Assessed
from fzzf_cli.derive.tracking import area_lines, awaiting_review, overdue_by_unit, unit_lines
from fzzf_cli.pipeline import Workspace

from .scenario import AS_OF, assessed, file_all, statuses, workspace


@pytest.fixture
def ws(mini_repo: Path) -> Workspace:
    return workspace(file_all(mini_repo))


@pytest.fixture
def found(ws: Workspace) -> list[Assessed]:
    return assessed(ws)


def test_the_scenario_statuses(found: list[Assessed]) -> None:
    assert statuses(found) == {
        "p2-plan.deqing": "done_on_time",
        "p2-plan.bianban": "overdue",
        "report-2016-H1.bianban": "on_time",
        "report-2016-H1.deqing": "late",
        "m1-2016-12-31.bianban": "claimed",
        "m1-2016-12-31.fazhiju": "claimed",
        "m1-2016-12-31.deqing": "returned",
        "report-2016-H2.bianban": "on_time",
        "report-2016-H2.deqing": "missing",
        "p2-done.deqing": "not_yet_due",
        "p2-done.bianban": "not_yet_due",
        "m1-2017-12-31.deqing": "not_yet_due",
        "review-2018-12-31.lingdaoxiaozu": "not_yet_due",
        "review-2018-12-31.fazhiju": "not_yet_due",
    }


def test_overdue_by_unit_oldest_first_among_equals(found: list[Assessed]) -> None:
    debts = overdue_by_unit(found)
    assert [(d.unit_id, d.unit, [a.obligation.id for a in d.items]) for d in debts] == [
        ("bianban", "市编办", ["p2-plan.bianban"]),
        ("deqing", "德庆县", ["report-2016-H2.deqing"]),
    ]
    assert [(d.oldest, d.worst_days) for d in debts] == [
        (date(2016, 4, 20), 265),
        (date(2016, 12, 31), 10),
    ]


def test_overdue_of_one_unit_or_through_a_group(found: list[Assessed]) -> None:
    assert [d.unit_id for d in overdue_by_unit(found, "deqing")] == ["deqing"]
    assert overdue_by_unit(found, "counties") == []  # deqing's report is its own, not the group's
    assert overdue_by_unit(found, "fazhiju") == []


def test_a_returned_item_counts_from_its_new_deadline(ws: Workspace, found: list[Assessed]) -> None:
    returned = next(a for a in found if a.obligation.id == "m1-2016-12-31.deqing")
    assert (returned.due, returned.deadline, returned.days_overdue) == (
        date(2017, 1, 31),
        date(2017, 1, 31),
        0,
    )
    (debt,) = overdue_by_unit(assessed(ws, date(2017, 2, 3)), "deqing")
    assert [(a.obligation.id, a.days_overdue) for a in debt.items] == [
        ("m1-2016-12-31.deqing", 3),  # in the order of the plan's deadlines
        ("report-2016-H2.deqing", 34),
    ]


def test_unit_lines(ws: Workspace, found: list[Assessed]) -> None:
    lines = {line["unit_id"]: line for line in unit_lines(ws.ds, found, AS_OF)}
    assert list(lines) == ["fazhiju", "bianban", "deqing", "lingdaoxiaozu"]  # units.yaml order
    assert lines["bianban"] == {
        "unit_id": "bianban", "unit": "市编办", "reports_due": 2, "reports_on_time": 2,
        "done": 2, "claimed": 1, "due": 4, "overdue": 1, "next_due": "2017-04-07",
        "next_title": "完成试点工作：试点", "on_time_rate": 1.0,
        "red": 1, "yellow": 1, "blue": 1, "green": 2,  # the claim waits on a verdict: 黄
        "not_applicable": 0,
    }  # fmt: skip
    assert lines["deqing"] == {
        "unit_id": "deqing", "unit": "德庆县", "reports_due": 2, "reports_on_time": 0,
        "done": 2, "claimed": 0, "due": 4, "overdue": 1, "next_due": "2017-01-31",
        "next_title": "做一件事", "on_time_rate": 0.0,
        "red": 1, "yellow": 1, "blue": 2, "green": 2,  # returned, to be redone: 黄
        "not_applicable": 0,
    }  # fmt: skip
    # The coordinator keeps a record, files no report: no rate, its claim awaits review.
    fazhiju = lines["fazhiju"]
    assert (fazhiju["reports_due"], fazhiju["on_time_rate"], fazhiju["claimed"]) == (0, None, 1)
    assert (fazhiju["next_due"], lines["lingdaoxiaozu"]["next_due"]) == ("2018-12-31", "2018-12-31")


def test_open_groups_are_not_units_of_the_status(mini_repo: Path) -> None:
    from ..miniplan import MEASURES, write_plan

    measures = MEASURES.replace("[bianban, fazhiju, counties]", "[bianban, fazhiju, counties, "
                                "relevant-departments]")  # fmt: skip
    write_plan(mini_repo, measures=measures)
    ws = workspace(mini_repo)
    found = assessed(ws)
    assert "relevant-departments" in {a.obligation.unit_id for a in found}
    assert "relevant-departments" not in {u["unit_id"] for u in unit_lines(ws.ds, found, AS_OF)}
    (area,) = area_lines(ws.ds, found, AS_OF)
    assert area["total"] == 8  # the open group's share is not counted either


def test_area_lines(ws: Workspace, found: list[Assessed]) -> None:
    assert area_lines(ws.ds, found, AS_OF) == [
        {
            "area": 1, "numeral": "一", "title": "深化行政体制改革", "total": 8, "due": 5,
            "done": 1, "claimed": 2, "not_applicable": 0,
            "share_done": 0.2, "share_done_all": 0.125,
        }
    ]  # fmt: skip


def test_awaiting_review_waiting_longest_first(found: list[Assessed]) -> None:
    claims = awaiting_review(found)
    assert [(c.assessed.obligation.id, c.filed) for c in claims] == [
        ("m1-2016-12-31.bianban", date(2016, 12, 20)),
        ("m1-2016-12-31.fazhiju", date(2016, 12, 28)),
    ]
    assert [c.assessed.obligation.id for c in awaiting_review(found, "fazhiju")] == [
        "m1-2016-12-31.fazhiju"
    ]
    assert awaiting_review(found, "deqing") == []  # returned: not a claim any more
