"""Every status transition of an obligation, as of a date, from what was filed and reviewed
by then, on the mini plan (a plain folder: dates as declared; git-proven dates are in
tests/cli/test_history.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fzzf_cli.derive.status import Assessed, assess, gate_failures
from fzzf_cli.pipeline import Source, Workspace, build
from fzzf_cli.validate.load import load_dataset

from ..miniplan import MEASURES, UNITS, write_plan

PLAIN = Source(None, None, "", "plain folder")


def _file(repo: Path, relative: str, text: str) -> None:
    path = repo / "data" / "submissions" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _report(unit: str, period: str, submitted: str, *items: str) -> str:
    body = "".join(items) or "  []\n"
    return f"unit: {unit}\nperiod: {period}\nsubmitted: {submitted}\nitems:\n{body}"


def _item(thing: str, status: str, done: str | None = None) -> str:
    return f"  - id: {thing}\n    status: {status}\n" + (f"    done: {done}\n" if done else "")


def _workspace(repo: Path, as_of: str) -> Workspace:
    ds, problems = load_dataset(repo)
    assert ds is not None and problems == []
    ws = build(repo, ds, date.fromisoformat(as_of), PLAIN)
    assert ws.problems == [] and ws.flags == []
    return ws


def _assessed(repo: Path, obligation: str, as_of: str, soon: int = 14) -> Assessed:
    ws = _workspace(repo, as_of)
    day = date.fromisoformat(as_of)
    found = {a.obligation.id: a for a in assess(ws.obligations, ws.subs, day, soon, ws.decisions)}
    return found[obligation]


def _status(repo: Path, obligation: str, as_of: str, soon: int = 14) -> tuple[str, int]:
    found = _assessed(repo, obligation, as_of, soon)
    return found.status, found.days_overdue


M1 = "m1-2016-12-31.deqing"


@pytest.mark.parametrize(
    ("as_of", "soon", "expected"),
    [
        ("2016-06-01", 14, ("not_yet_due", 0)),
        ("2016-12-20", 14, ("due_soon", 0)),
        ("2016-12-20", 5, ("not_yet_due", 0)),
        ("2016-12-31", 14, ("due_soon", 0)),
        ("2017-01-05", 14, ("overdue", 5)),
    ],
)
def test_milestone_without_submissions(mini_repo: Path, as_of: str, soon: int, expected) -> None:
    assert _status(mini_repo, M1, as_of, soon) == expected


def test_a_claim_awaits_review(mini_repo: Path) -> None:
    _file(
        mini_repo,
        "2016-H2/deqing.yaml",
        _report("deqing", "2016-H2", "2016-12-20", _item("m1-2016-12-31", "done", "2016-11-01")),
    )
    assert _status(mini_repo, M1, "2017-01-05") == ("claimed", 0)
    assert _assessed(mini_repo, M1, "2017-01-05").done == date(2016, 11, 1)
    assert _status(mini_repo, M1, "2016-12-19") == ("due_soon", 0)  # filed after that day
    _file(
        mini_repo,
        "2016-H1/deqing.yaml",
        _report("deqing", "2016-H1", "2016-06-20", _item("m1-2016-12-31", "in_progress")),
    )
    _file(
        mini_repo,
        "2016-H2/deqing.yaml",
        _report("deqing", "2016-H2", "2017-01-03", _item("m1-2016-12-31", "done", "2017-01-02")),
    )
    assert _status(mini_repo, M1, "2017-01-05") == ("claimed", 0)
    assert _status(mini_repo, M1, "2017-01-02") == ("overdue", 2)


def test_latest_report_wins(mini_repo: Path) -> None:
    _file(
        mini_repo,
        "2016-H1/deqing.yaml",
        _report("deqing", "2016-H1", "2016-06-20", _item("m1-2016-12-31", "done", "2016-06-01")),
    )
    _file(
        mini_repo,
        "2016-H2/deqing.yaml",
        _report("deqing", "2016-H2", "2016-12-20", _item("m1-2016-12-31", "in_progress")),
    )
    assert _status(mini_repo, M1, "2016-09-01") == ("claimed", 0)
    assert _status(mini_repo, M1, "2017-01-05") == ("overdue", 5)


def test_a_draft_never_counts(mini_repo: Path) -> None:
    _file(
        mini_repo,
        "2016-H2/deqing.yaml",
        _report("deqing", "2016-H2", "", _item("m1-2016-12-31", "done", "2016-11-01")),
    )
    assert _status(mini_repo, M1, "2017-01-05") == ("overdue", 5)
    assert _status(mini_repo, "report-2016-H2.deqing", "2017-01-05") == ("missing", 5)


@pytest.mark.parametrize(
    ("submitted", "as_of", "expected"),
    [
        (None, "2016-06-10", ("not_yet_due", 0)),
        (None, "2016-06-20", ("due_soon", 0)),
        (None, "2016-07-15", ("missing", 15)),
        ("2016-06-28", "2016-07-15", ("on_time", 0)),
        ("2016-06-30", "2016-07-15", ("on_time", 0)),
        ("2016-07-10", "2016-07-15", ("late", 0)),
        ("2016-07-10", "2016-07-05", ("missing", 5)),
    ],
)
def test_report_statuses(mini_repo: Path, submitted: str | None, as_of: str, expected) -> None:
    if submitted:
        _file(mini_repo, "2016-H1/bianban.yaml", _report("bianban", "2016-H1", submitted))
    assert _status(mini_repo, "report-2016-H1.bianban", as_of) == expected


def test_pilot_plan_only_by_file(mini_repo: Path) -> None:
    plan = (
        "unit: deqing\npilot: 2\nkind: plan\nsubmitted: {day}\ngoals: 目标\ntasks: 任务\n"
        "schedule: 进度\nresponsible: 责任主体\nsafeguards: 保障\n"
    )
    assert _status(mini_repo, "p2-plan.deqing", "2016-05-01") == ("overdue", 11)
    _file(mini_repo, "pilot-plans/p2/deqing.yaml", plan.format(day="2016-04-18"))
    assert _status(mini_repo, "p2-plan.deqing", "2016-05-01") == ("done_on_time", 0)
    _file(mini_repo, "pilot-plans/p2/deqing.yaml", plan.format(day="2016-04-25"))
    assert _status(mini_repo, "p2-plan.deqing", "2016-05-01") == ("done_late", 0)
    _file(mini_repo, "pilot-plans/p2/bianban.yaml", "unit: bianban\npilot: 2\nkind: plan\n")
    assert _status(mini_repo, "p2-plan.bianban", "2016-05-01") == ("overdue", 11)
    _file(
        mini_repo,
        "2016-H1/bianban.yaml",
        _report("bianban", "2016-H1", "2016-06-28", _item("p2-plan", "done", "2016-04-19")),
    )
    # A report may say how the pilot goes; it never stands in for the plan itself.
    found = _assessed(mini_repo, "p2-plan.bianban", "2016-07-01")
    assert (found.status, found.days_overdue, found.progress) == ("overdue", 72, "done")


OPEN_GROUP = """\
  - id: m1-pilot-units
    name: 有条件的县（措施1试点）
    open: true
    members: []
    within: [counties]
"""


def test_open_group_is_unassigned(mini_repo: Path) -> None:
    measures = MEASURES.replace("[bianban, fazhiju, counties]", "[bianban, fazhiju, counties, "
                                "relevant-departments]").replace("units: [counties]",
                                "units: [bianban, m1-pilot-units]")  # fmt: skip
    write_plan(mini_repo, units=UNITS + OPEN_GROUP, measures=measures)
    assert _status(mini_repo, "m1-2016-12-31.relevant-departments", "2019-03-01") == (
        "unassigned",
        0,
    )
    assert _status(mini_repo, "m1-2017-12-31.m1-pilot-units", "2019-03-01") == (
        "unassigned",
        0,
    )


def test_gate_counts_only_documents_past_grace(mini_repo: Path) -> None:
    ws = _workspace(mini_repo, "2016-07-15")
    assessed = assess(ws.obligations, ws.subs, date(2016, 7, 15))
    failing = gate_failures(assessed)
    assert sorted(a.obligation.id for a in failing) == [
        "p2-plan.bianban", "p2-plan.deqing", "report-2016-H1.bianban", "report-2016-H1.deqing",
    ]  # fmt: skip
    assert gate_failures(assessed, grace=15) == [a for a in failing if a.days_overdue > 15]
    assert all(a.obligation.kind == "pilot_plan" for a in gate_failures(assessed, grace=15))
    assert len(gate_failures(assessed, grace=15)) == 2
