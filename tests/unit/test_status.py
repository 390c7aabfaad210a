"""Every status transition of an obligation, as of a date, from what was filed and reviewed
by then (a plain folder: dates as declared; git-proven dates are in test_history.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fzzf_cli.derive.status import Assessed, assess, gate_failures
from fzzf_cli.pipeline import Source, Workspace, build
from fzzf_cli.validate.load import load_dataset

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


M16 = "m16-2017-12-31.deqing"


@pytest.mark.parametrize(
    ("as_of", "soon", "expected"),
    [
        ("2017-06-01", 14, ("not_yet_due", 0)),
        ("2017-12-20", 14, ("due_soon", 0)),
        ("2017-12-20", 5, ("not_yet_due", 0)),
        ("2017-12-31", 14, ("due_soon", 0)),
        ("2018-01-05", 14, ("overdue", 5)),
    ],
)
def test_milestone_without_submissions(plan_repo: Path, as_of: str, soon: int, expected) -> None:
    assert _status(plan_repo, M16, as_of, soon) == expected


def test_a_claim_awaits_review(plan_repo: Path) -> None:
    _file(
        plan_repo,
        "2017-H2/deqing.yaml",
        _report("deqing", "2017-H2", "2017-12-20", _item("m16-2017-12-31", "done", "2017-11-01")),
    )
    assert _status(plan_repo, M16, "2018-01-05") == ("claimed", 0)
    assert _assessed(plan_repo, M16, "2018-01-05").done == date(2017, 11, 1)
    assert _status(plan_repo, M16, "2017-12-19") == ("due_soon", 0)  # filed after that day
    _file(
        plan_repo,
        "2017-H2/deqing.yaml",
        _report("deqing", "2017-H2", "2017-12-20", _item("m16-2017-12-31", "in_progress")),
    )
    _file(
        plan_repo,
        "2018-H1/deqing.yaml",
        _report("deqing", "2018-H1", "2018-01-03", _item("m16-2017-12-31", "done", "2018-01-02")),
    )
    assert _status(plan_repo, M16, "2018-01-05") == ("claimed", 0)
    assert _status(plan_repo, M16, "2018-01-02") == ("overdue", 2)


def test_latest_report_wins(plan_repo: Path) -> None:
    _file(
        plan_repo,
        "2017-H2/deqing.yaml",
        _report("deqing", "2017-H2", "2017-12-20", _item("m16-2017-12-31", "done", "2017-11-01")),
    )
    _file(
        plan_repo,
        "2018-H1/deqing.yaml",
        _report("deqing", "2018-H1", "2018-06-20", _item("m16-2017-12-31", "in_progress")),
    )
    assert _status(plan_repo, M16, "2018-03-01") == ("claimed", 0)
    assert _status(plan_repo, M16, "2018-07-01") == ("overdue", 182)


def test_a_draft_never_counts(plan_repo: Path) -> None:
    _file(
        plan_repo,
        "2017-H2/deqing.yaml",
        _report("deqing", "2017-H2", "", _item("m16-2017-12-31", "done", "2017-11-01")),
    )
    assert _status(plan_repo, M16, "2018-01-05") == ("overdue", 5)
    assert _status(plan_repo, "report-2017-H2.deqing", "2018-01-05") == ("missing", 5)


@pytest.mark.parametrize(
    ("submitted", "as_of", "expected"),
    [
        (None, "2017-06-10", ("not_yet_due", 0)),
        (None, "2017-06-20", ("due_soon", 0)),
        (None, "2017-07-15", ("missing", 15)),
        ("2017-06-28", "2017-07-15", ("on_time", 0)),
        ("2017-06-30", "2017-07-15", ("on_time", 0)),
        ("2017-07-10", "2017-07-15", ("late", 0)),
        ("2017-07-10", "2017-07-05", ("missing", 5)),
    ],
)
def test_report_statuses(plan_repo: Path, submitted: str | None, as_of: str, expected) -> None:
    if submitted:
        _file(plan_repo, "2017-H1/huaiji.yaml", _report("huaiji", "2017-H1", submitted))
    assert _status(plan_repo, "report-2017-H1.huaiji", as_of) == expected


def test_pilot_plan_only_by_file(plan_repo: Path) -> None:
    plan = (
        "unit: deqing\npilot: 63\nkind: plan\nsubmitted: {day}\ngoals: 目标\ntasks: 任务\n"
        "schedule: 进度\nresponsible: 责任主体\nsafeguards: 保障\n"
    )
    assert _status(plan_repo, "p63-plan.deqing", "2016-05-01") == ("overdue", 11)
    _file(plan_repo, "pilot-plans/p63/deqing.yaml", plan.format(day="2016-04-18"))
    assert _status(plan_repo, "p63-plan.deqing", "2016-05-01") == ("done_on_time", 0)
    _file(plan_repo, "pilot-plans/p63/deqing.yaml", plan.format(day="2016-04-25"))
    assert _status(plan_repo, "p63-plan.deqing", "2016-05-01") == ("done_late", 0)
    _file(plan_repo, "pilot-plans/p63/minzhengju.yaml", "unit: minzhengju\npilot: 63\nkind: plan\n")
    assert _status(plan_repo, "p63-plan.minzhengju", "2016-05-01") == ("overdue", 11)
    _file(
        plan_repo,
        "2016-H1/minzhengju.yaml",
        _report("minzhengju", "2016-H1", "2016-06-28", _item("p63-plan", "done", "2016-04-19")),
    )
    # A report may say how the pilot goes; it never stands in for the plan itself.
    found = _assessed(plan_repo, "p63-plan.minzhengju", "2016-07-01")
    assert (found.status, found.days_overdue, found.progress) == ("overdue", 72, "done")


def test_open_group_is_unassigned(plan_repo: Path) -> None:
    assert _status(plan_repo, "m6-2018-12-31.relevant-departments", "2019-03-01") == (
        "unassigned",
        0,
    )
    assert _status(plan_repo, "m25-2016-12-31.m25-pilot-units", "2019-03-01") == (
        "unassigned",
        0,
    )


def test_gate_counts_only_documents_past_grace(plan_repo: Path) -> None:
    ws = _workspace(plan_repo, "2016-07-15")
    assessed = assess(ws.obligations, ws.subs, date(2016, 7, 15))
    failing = gate_failures(assessed)
    assert {a.obligation.kind for a in failing} == {"report", "pilot_plan"}
    assert len([a for a in failing if a.obligation.kind == "report"]) == 47
    assert gate_failures(assessed, grace=15) == [a for a in failing if a.days_overdue > 15]
    assert all(a.obligation.kind == "pilot_plan" for a in gate_failures(assessed, grace=15))
