"""Nil returns on the mini plan: 本期无进展 (``status: nil``) and 不适用
(``status: not_applicable``), each with a reason (derive/nil_returns.py).

A nil return is the unit's word for the period: not missing, not "not started", never a
deadline moved. 不适用 is a claim: 黄 until the coordinator accepts it, then no longer owed
and counted on its own, out of the done counts and the rates.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fzzf_cli.derive.status import Assessed, assess
from fzzf_cli.derive.tracking import area_lines, awaiting_review, unit_lines
from fzzf_cli.pipeline import Source, Workspace, build
from fzzf_cli.present.report import headline
from fzzf_cli.present.tracked import assessed_record, label
from fzzf_cli.validate.load import load_dataset
from fzzf_cli.vocab import Light, Status

from ..filings import Filings, write
from ..miniplan import MEASURES, write_plan

PLAIN = Source(None, None, "", "plain folder")
# Measure 1 also gets a quarterly task of 德庆县's: m1-every-2016-09-30, -12-31, …
RECURRING = MEASURES.replace(
    "        quote: 做一件事\n    targets:",
    "        quote: 做一件事\n"
    "      - title: 每季度公布\n"
    "        recurrence: {every_months: 3, first_due: 2016-06-30}\n"
    "        units: [deqing]\n"
    "        quote: 做一件事\n"
    "    targets:",
)
NA = Filings("m1-2016-12-31")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "repo", measures=RECURRING)


def report(repo: Path, period: str, submitted: str, *items: str) -> None:
    body = "".join(items) or "  []\n"
    text = f"unit: deqing\nperiod: {period}\nsubmitted: {submitted}\nitems:\n{body}"
    write(repo, f"submissions/{period}/deqing.yaml", text)


def item(thing: str, status: str, reason: str = "本期未涉及") -> str:
    why = f"    reason: {reason}\n" if status in ("nil", "not_applicable") else ""
    return f"  - id: {thing}\n    status: {status}\n{why}"


def workspace(repo: Path, as_of: str) -> Workspace:
    ds, problems = load_dataset(repo)
    assert ds is not None and problems == []
    ws = build(repo, ds, date.fromisoformat(as_of), PLAIN)
    assert ws.problems == [] and ws.flags == []
    return ws


def found(repo: Path, obligation: str, as_of: str, soon: int = 14) -> Assessed:
    ws = workspace(repo, as_of)
    day = date.fromisoformat(as_of)
    every = assess(ws.obligations, ws.subs, day, soon, ws.decisions)
    return next(a for a in every if a.obligation.id == obligation)


def test_a_nil_return_for_an_ongoing_item_is_neither_missing_nor_not_started(repo: Path) -> None:
    report(repo, "2016-H2", "2016-12-20", item("m1-2017-12-31", "nil", "本期尚未启动推广"))
    a = found(repo, "m1-2017-12-31.deqing", "2017-01-10")
    assert (a.status, a.light, a.progress, a.reason) == (
        Status.NIL_RETURN, Light.BLUE, "nil", "本期尚未启动推广",
    )  # fmt: skip
    assert label(a) == "本期无进展"
    record = assessed_record(a, date(2017, 1, 10))
    assert (record["status"], record["progress"], record["reason"]) == (
        "nil_return", "nil", "本期尚未启动推广",
    )  # fmt: skip
    # The report that says so is filed: a nil return is not missing.
    assert found(repo, "report-2016-H2.deqing", "2017-01-10").status == Status.ON_TIME
    # Not started is another thing: no word from the unit for the period.
    report(repo, "2016-H2", "2016-12-20", item("m1-2017-12-31", "not_started"))
    assert found(repo, "m1-2017-12-31.deqing", "2017-01-10").status == Status.NOT_YET_DUE


@pytest.mark.parametrize(
    ("as_of", "status", "light", "days"),
    [
        ("2016-08-15", Status.NIL_RETURN, Light.BLUE, 0),  # the quarter's statement
        ("2016-09-25", Status.DUE_SOON, Light.YELLOW, 0),  # the deadline comes first
        ("2016-10-05", Status.OVERDUE, Light.RED, 5),  # and is not moved by it
    ],
)
def test_a_nil_return_for_a_recurring_task_in_its_period(
    repo: Path, as_of: str, status: Status, light: Light, days: int
) -> None:
    report(repo, "2016-H2", "2016-08-01", item("m1-every-2016-09-30", "nil", "本季度无新增"))
    a = found(repo, "m1-every-2016-09-30.deqing", as_of)
    assert (a.status, a.light, a.days_overdue, a.progress) == (status, light, days, "nil")
    # Only the occurrence named: the next quarter's has no word from the unit.
    assert found(repo, "m1-every-2016-12-31.deqing", as_of).progress is None


def test_a_nil_return_for_a_milestone_past_its_due_date_stays_overdue(repo: Path) -> None:
    report(repo, "2016-H2", "2016-12-20", item("m1-2016-12-31", "nil", "经费未落实"))
    a = found(repo, "m1-2016-12-31.deqing", "2017-01-05")
    assert (a.status, a.light, a.days_overdue, a.reason) == (
        Status.OVERDUE, Light.RED, 5, "经费未落实",
    )  # fmt: skip
    assert label(a) == "逾期未完成（单位报本期无进展）"
    ws = workspace(repo, "2017-01-05")
    said_nil = unit_lines(ws.ds, ws.assessed, ws.as_of)
    # Every count and light is as if the unit had said "not started".
    report(repo, "2016-H2", "2016-12-20", item("m1-2016-12-31", "not_started"))
    ws = workspace(repo, "2017-01-05")
    assert said_nil == unit_lines(ws.ds, ws.assessed, ws.as_of)


def test_not_applicable_awaits_review_then_is_accepted_and_left_out(repo: Path) -> None:
    report(repo, "2016-H2", "2016-12-20", item("m1-2016-12-31", "not_applicable", "本县无此职能"))
    a = found(repo, "m1-2016-12-31.deqing", "2017-01-10")
    # A claim: it waits on the coordinator (黄), past its due date or not.
    assert (a.status, a.light, a.days_overdue, a.reason) == (
        Status.NA_CLAIMED, Light.YELLOW, 0, "本县无此职能",
    )  # fmt: skip
    assert label(a) == "不适用（待复核）"
    ws = workspace(repo, "2017-01-10")
    (claim,) = [
        c for c in awaiting_review(ws.assessed) if c.assessed.obligation.unit_id == "deqing"
    ]
    assert claim.filed == date(2016, 12, 20)
    before = next(u for u in unit_lines(ws.ds, ws.assessed, ws.as_of) if u["unit_id"] == "deqing")
    assert (before["claimed"], before["not_applicable"]) == (1, 0)

    NA.review(repo, "2016-H2", "2017-01-08", NA.accept())
    a = found(repo, "m1-2016-12-31.deqing", "2017-01-10")
    assert (a.status, a.light, a.done, a.reason) == (
        Status.NOT_APPLICABLE, None, None, "本县无此职能",
    )  # fmt: skip
    assert label(a) == "不适用（已确认）"
    ws = workspace(repo, "2017-01-10")
    after = next(u for u in unit_lines(ws.ds, ws.assessed, ws.as_of) if u["unit_id"] == "deqing")
    # Out of the items due and never done: counted on its own.
    assert (after["claimed"], after["not_applicable"]) == (0, 1)
    assert after["due"] == before["due"] - 1
    assert after["done"] == before["done"]
    area = area_lines(ws.ds, ws.assessed, ws.as_of)[0]
    assert area["not_applicable"] == 1
    top = headline(ws.assessed, ws.as_of)
    assert (
        top["not_applicable"] == 1
        and top["done"]
        == headline(assess(ws.obligations, ws.subs, ws.as_of, decisions=()), ws.as_of)["done"]
    )


def test_not_applicable_returned_is_owed_again(repo: Path) -> None:
    report(repo, "2016-H2", "2016-12-20", item("m1-2016-12-31", "not_applicable", "本县无此职能"))
    NA.review(repo, "2016-H2", "2017-01-08", NA.returned("2017-02-28"))
    a = found(repo, "m1-2016-12-31.deqing", "2017-01-10")
    assert (a.status, a.light, a.due) == (Status.RETURNED, Light.YELLOW, date(2017, 2, 28))
    assert found(repo, "m1-2016-12-31.deqing", "2017-03-05").status == Status.OVERDUE
