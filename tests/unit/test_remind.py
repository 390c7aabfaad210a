"""Reminders on the mini plan (tests/unit/scenario.py, as of 2017-01-10): one digest per
unit with what is overdue, due soon and returned, and the files to create."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from fzzf_cli.present.remind import FileToDo, digests, render
from fzzf_cli.vocab import Status

from .scenario import AS_OF, assessed, file_all, workspace


def _digests(repo: Path, within: int = 14, **kw):
    file_all(repo)
    ws = workspace(repo)
    return digests(ws.ds, assessed(ws), AS_OF, within, list(ws.ds.units), **kw)


def test_each_unit_gets_what_needs_it(mini_repo: Path) -> None:
    found = {d.unit_id: d for d in _digests(mini_repo)}
    deqing, bianban = found["deqing"], found["bianban"]
    assert [a.obligation.id for a in deqing.overdue] == ["report-2016-H2.deqing"]
    assert [a.status for a in deqing.returned] == [Status.RETURNED]
    assert deqing.returned[0].due > AS_OF  # the new deadline, not yet passed
    assert deqing.files == [
        FileToDo(
            "data/submissions/2016-H2/deqing.yaml",
            "fzzf new report deqing 2016-H2 --date YYYY-MM-DD",
        )
    ]
    assert bianban.files == [
        FileToDo(
            "data/submissions/pilot-plans/p2/bianban.yaml",
            "fzzf new pilot-plan 2 bianban --date YYYY-MM-DD",
        )
    ]
    assert "lingdaoxiaozu" not in found  # nothing due for it: no empty digest


def test_the_window_decides_what_is_due_soon(mini_repo: Path) -> None:
    near = {d.unit_id: d for d in _digests(mini_repo, within=0)}
    assert all(not d.soon for d in near.values())
    far = {d.unit_id: d for d in _digests(mini_repo, within=365)}
    soon = [a for d in far.values() for a in d.soon]
    assert soon and all(AS_OF <= a.due <= AS_OF + timedelta(days=365) for a in soon)
    assert all(a.status not in (Status.OVERDUE, Status.RETURNED) for a in soon)


def test_a_draft_there_is_completed_not_created(mini_repo: Path) -> None:
    there = {"data/submissions/2016-H2/deqing.yaml": "fill in submitted"}
    found = {d.unit_id: d for d in _digests(mini_repo, there=there)}
    assert found["deqing"].files == [
        FileToDo("data/submissions/2016-H2/deqing.yaml", None, "fill in submitted")
    ]


def test_text_and_markdown(mini_repo: Path) -> None:
    (deqing,) = [d for d in _digests(mini_repo) if d.unit_id == "deqing"]
    text = render(deqing, "text", AS_OF, "14 天")
    assert text.startswith("德庆县：") and "已逾期\n- [红] 2016-12-31" in text
    assert "退回理由：佐证不全" in text
    assert "data/submissions/2016-H2/deqing.yaml：fzzf new report deqing 2016-H2" in text
    md = render(deqing, "md", AS_OF, "14 天")
    assert md.startswith("## 德庆县：") and "### 已逾期" in md
    assert "`fzzf new report deqing 2016-H2 --date YYYY-MM-DD`" in md


def test_hostile_names_and_reasons_stay_one_inert_line(mini_repo: Path) -> None:
    (deqing,) = [d for d in _digests(mini_repo) if d.unit_id == "deqing"]
    review = deqing.returned[0].review
    assert review is not None
    evil = review._replace(reason="ok\n::error::x [link](http://e.vil) <img src=x>\x1b[31m")
    deqing = deqing._replace(
        unit="德庆县\n::warning::y", returned=[deqing.returned[0]._replace(review=evil)]
    )
    text = render(deqing, "text", AS_OF, "14 天")
    assert all(not line.lstrip("- ").startswith("::") for line in text.splitlines())
    assert "\x1b" not in text
    md = render(deqing, "md", AS_OF, "14 天")
    assert not re.search(r"(?<!\\)(\]\(|<)", md) and "\\[link\\]" in md  # all escaped


def test_the_closing_line_names_the_file_progress_goes_in(mini_repo: Path) -> None:
    """市法制局 receives the half-yearly reports and files none: its progress goes in a
    record (fzzf new record), and its reminder must not send it to a report."""
    found = {d.unit_id: d for d in _digests(mini_repo, within=730)}
    coordinator = render(found["fazhiju"], "text", AS_OF, "730 天")
    assert "半年报送" not in coordinator and "fzzf new record fazhiju" in coordinator
    assert render(found["deqing"], "text", AS_OF, "730 天").endswith("在本单位的半年报送中填报。\n")
