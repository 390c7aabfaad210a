"""The CI gate's judgement (derive/gate.py ``judge``) on the mini plan's scenario: which
required documents fail, past how many days of grace, for which units of a pull request,
and what each failure tells the unit to do."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from fzzf_cli.derive.gate import judge
from fzzf_cli.errors import Location, Problem
from fzzf_cli.pipeline import Workspace, build
from fzzf_cli.text import msg
from fzzf_cli.validate.amend import Change
from fzzf_cli.validate.load import load_dataset

from ..conftest import located
from .scenario import AS_OF, PLAIN, file_all, workspace

H2 = "data/submissions/2016-H2/deqing.yaml"
P2 = "data/submissions/pilot-plans/p2/bianban.yaml"


@pytest.fixture
def ws(mini_repo: Path) -> Workspace:
    return workspace(file_all(mini_repo))


def test_documents_missing_past_the_grace_fail(ws: Workspace) -> None:
    outcome = judge(ws, [], AS_OF, 3, None)
    assert sorted(a.obligation.id for a in outcome.checked) == [
        "p2-plan.bianban", "p2-plan.deqing", "report-2016-H1.bianban", "report-2016-H1.deqing",
        "report-2016-H2.bianban", "report-2016-H2.deqing",
    ]  # fmt: skip
    assert [a.obligation.id for a in outcome.failures] == [
        "p2-plan.bianban",
        "report-2016-H2.deqing",
    ]
    assert outcome.problems == [] and outcome.notes == [] and outcome.hints == {}
    assert located(outcome.findings) == [("gate-missing", P2), ("gate-missing", H2)]
    assert outcome.findings[1].hint == msg(
        "gate_hint", command="fzzf new report deqing 2016-H2 --date YYYY-MM-DD"
    )
    assert outcome.findings[0].hint == msg(
        "gate_hint", command="fzzf new pilot-plan 2 bianban --date YYYY-MM-DD"
    )
    assert outcome.summary.endswith(msg("gate_fail"))
    assert outcome.files[:3] == ["data/units.yaml", "data/measures.yaml", "data/pilots.yaml"]
    assert len(outcome.files) == 3 + 5  # every file read: the plan's and the five filings


def test_grace_days(ws: Workspace, mini_repo: Path) -> None:
    assert [a.obligation.id for a in judge(ws, [], AS_OF, 10, None).failures] == ["p2-plan.bianban"]
    early = AS_OF.replace(year=2016, month=4, day=22)
    outcome = judge(workspace(mini_repo, early), [], early, 3, None)
    assert outcome.failures == [] and outcome.findings == []
    assert outcome.summary.endswith(msg("gate_pass"))


def test_a_pull_request_is_judged_for_its_own_units(ws: Workspace) -> None:
    change = Change(frozenset({H2}), {"deqing"})
    outcome = judge(ws, [], AS_OF, 3, change)
    assert [a.obligation.id for a in outcome.failures] == ["report-2016-H2.deqing"]
    assert {a.obligation.unit_id for a in outcome.checked} == {"deqing"}
    assert outcome.summary.endswith(msg("gate_scope", n=1))


def test_what_dating_found_fails_the_pull_request_that_brings_the_file(ws: Workspace) -> None:
    flag = Problem(Location("data/submissions/2016-H1/deqing.yaml", 3, 12), "redated")
    dated = replace(ws, flags=[flag])
    outcome = judge(dated, [], AS_OF, 400, None)
    assert (outcome.notes, outcome.findings) == ([flag], [])  # on the main line: said only
    assert outcome.summary.startswith(ws.dating.note)
    brings = Change(frozenset({flag.location.path}), {"deqing"}, frozenset({"data/pilots.yaml"}))
    outcome = judge(dated, [], AS_OF, 400, brings)
    assert outcome.findings == [flag]
    assert located(outcome.notes) == [("gate-plan-changed", "data/pilots.yaml")]


def test_a_draft_or_an_invalid_file_says_what_to_do(mini_repo: Path) -> None:
    file_all(mini_repo)
    draft = mini_repo / H2
    draft.write_text("unit: deqing\nperiod: 2016-H2\nsubmitted:\n", encoding="utf-8")
    outcome = judge(workspace(mini_repo), [], AS_OF, 3, None)
    assert outcome.hints == {H2: msg("gate_hint_draft")}
    assert [(p.location.path, p.hint) for p in outcome.findings] == [
        (P2, msg("gate_hint", command="fzzf new pilot-plan 2 bianban --date YYYY-MM-DD")),
        (H2, msg("gate_hint_draft")),
    ]
    draft.write_text("unit: deqing\nperiod: 2016-H2\nsubmitted: 2016-12-32\n", encoding="utf-8")
    ds, _ = load_dataset(mini_repo)
    assert ds is not None
    outcome = judge(build(mini_repo, ds, AS_OF, PLAIN), [], AS_OF, 3, None)
    assert located(outcome.findings) == [
        ("date-impossible", f"{H2}:3:12"),
        ("gate-missing", P2),
        ("gate-missing", H2),
    ]
    assert outcome.findings[2].hint == msg("gate_hint_invalid")


def test_a_plan_that_does_not_load_is_judged_on_its_problems(ws: Workspace) -> None:
    broken = [Problem(Location("data/measures.yaml", 27, 9), "bad")]
    outcome = judge(None, broken, AS_OF, 3, None)
    assert outcome.findings == broken and outcome.checked == []
    assert outcome.files == ["data/units.yaml", "data/measures.yaml", "data/pilots.yaml"]
    assert outcome.summary.endswith(msg("gate_fail"))
