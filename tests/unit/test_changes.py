"""The change in obligations between two plans (derive.changes) and what a baseline sets
apart (derive.baseline), on the small plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fzzf_cli.derive.baseline import Known, owner, split_failures, split_problems
from fzzf_cli.derive.changes import Side, compare
from fzzf_cli.derive.obligations import derive
from fzzf_cli.derive.status import assess, gate_failures
from fzzf_cli.errors import Location, Problem
from fzzf_cli.validate.amend import Change
from fzzf_cli.validate.subs_load import Submissions

from ..miniplan import MEASURES, dataset

AS_OF = date(2017, 1, 15)
FIRST = "        due: 2016-12-31\n        quote: 2016年,做一件事"


def _side(tmp_path: Path, name: str, measures: str = MEASURES) -> Side:
    ds = dataset(tmp_path / name, measures=measures)
    return Side(assess(derive(ds), Submissions([], []), AS_OF, 15, []), [], [])


def test_a_moved_milestone_is_re_dated_though_its_id_changes(tmp_path: Path) -> None:
    """m1-2016-12-31 moved to 2017-12-31 takes the id of 县里做 (which becomes -2)."""
    moved = MEASURES.replace(FIRST, FIRST.replace("2016-12-31", "2017-12-31"))
    found = compare(_side(tmp_path, "a"), _side(tmp_path, "b", moved), ["data/measures.yaml"])
    assert {(m.after.unit_id, m.before.id, m.after.id) for m in found.redated} == {
        (unit, f"m1-2016-12-31.{unit}", f"m1-2017-12-31.{unit}")
        for unit in ("bianban", "fazhiju", "deqing")
    }
    assert found.added == found.removed == found.reassigned == []
    assert {(s.after.unit_id, s.was, s.now) for s in found.statuses} == {
        (unit, "overdue", "not_yet_due") for unit in ("bianban", "fazhiju", "deqing")
    }
    assert found.plan_files == ["data/measures.yaml"] and not found.empty


def test_other_units_make_a_duty_re_assigned(tmp_path: Path) -> None:
    owned = MEASURES.replace("        units: [counties]\n", "        units: [bianban]\n")
    found = compare(_side(tmp_path, "a"), _side(tmp_path, "b", owned))
    (duty,) = found.reassigned
    assert [o.unit_id for o in duty.left] == ["deqing"]
    assert [o.unit_id for o in duty.joined] == ["bianban"]
    assert found.added == found.removed == found.redated == []


def test_nothing_changed(tmp_path: Path) -> None:
    assert compare(_side(tmp_path, "a"), _side(tmp_path, "b")).empty


def test_the_baseline_sets_apart_only_what_it_had_for_units_not_touched(tmp_path: Path) -> None:
    side = _side(tmp_path, "a")
    failures = gate_failures(side.assessed)
    ids = {a.obligation.id for a in failures}
    assert {"p2-plan.deqing", "p2-plan.bianban"} <= ids
    old = Problem(Location("data/submissions/2016-H1/bianban.yaml", 3, 1), "坏了")
    new = Problem(Location("data/submissions/2016-H1/fazhiju.yaml", 3, 1), "也坏了")
    mine = Problem(Location("data/submissions/2016-H1/deqing.yaml", 9, 1), "早就坏了")
    known = Known("main", frozenset({("data/submissions/2016-H1/bianban.yaml", "problem", "坏了"),
                                     ("data/submissions/2016-H1/deqing.yaml", "problem",
                                      "早就坏了")}), frozenset(ids))  # fmt: skip
    change = Change(frozenset({"data/submissions/2016-H2/deqing.yaml"}), {"deqing"})
    failing, already = split_problems([old, new, mine], known, change)
    assert (failing, already) == ([new, mine], [old])
    failing_docs, known_docs = split_failures(failures, known, change)
    assert {a.obligation.unit_id for a in failing_docs} == {"deqing"}
    assert "deqing" not in {a.obligation.unit_id for a in known_docs} and known_docs
    assert owner("data/submissions/pilot-plans/p2/DeQing.yaml") == "deqing"
    assert owner("data/reviews/2016-H1.yaml") is None
