"""The coordinator's review (复核/销号): claims accepted or returned, item by item."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fzzf_cli.load import load_dataset
from fzzf_cli.pipeline import Source, Workspace, build
from fzzf_cli.status import Assessed, assess

PLAIN = Source(None, None, "", "plain folder")
M16 = "m16-2017-12-31"


def _write(repo: Path, relative: str, text: str) -> None:
    path = repo / "data" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _claim(repo: Path, period: str, submitted: str, status: str = "done", done: str = "") -> None:
    done_line = f"    done: {done}\n" if done else ""
    _write(
        repo,
        f"submissions/{period}/deqing.yaml",
        f"unit: deqing\nperiod: {period}\nsubmitted: {submitted}\nitems:\n"
        f"  - id: {M16}\n    status: {status}\n{done_line}",
    )


def _review(repo: Path, period: str, reviewed: str, *verdicts: str) -> None:
    body = "".join(verdicts) or "  []\n"
    _write(
        repo, f"reviews/{period}.yaml", f"period: {period}\nreviewed: {reviewed}\nverdicts:\n{body}"
    )


def _accept(unit: str = "deqing", item: str = M16, extra: str = "") -> str:
    return f"  - unit: {unit}\n    item: {item}\n    verdict: accepted\n{extra}"


def _return(deadline: str, unit: str = "deqing", item: str = M16) -> str:
    return (
        f"  - unit: {unit}\n    item: {item}\n    verdict: returned\n"
        f"    reason: 佐证链接打不开\n    deadline: {deadline}\n"
    )


def _ws(repo: Path, as_of: str) -> Workspace:
    ds, problems = load_dataset(repo)
    assert ds is not None and problems == []
    return build(repo, ds, date.fromisoformat(as_of), PLAIN)


def _one(repo: Path, as_of: str, unit: str = "deqing") -> Assessed:
    ws = _ws(repo, as_of)
    assert ws.problems == []
    day = date.fromisoformat(as_of)
    found = assess(ws.obligations, ws.subs, day, decisions=ws.decisions)
    return next(a for a in found if a.obligation.id == f"{M16}.{unit}")


def test_accepted_claim_is_done(plan_repo: Path) -> None:
    _claim(plan_repo, "2017-H2", "2017-12-20", done="2017-11-01")
    _review(plan_repo, "2017-H2", "2018-01-10", _accept())
    assert _one(plan_repo, "2018-01-09").status == "claimed"  # not yet reviewed that day
    found = _one(plan_repo, "2018-01-10")
    assert (found.status, found.done, found.review.verdict) == (
        "done_on_time",
        date(2017, 11, 1),
        "accepted",
    )


def test_accepted_late_claim_is_done_late(plan_repo: Path) -> None:
    _claim(plan_repo, "2018-H1", "2018-01-03", done="2018-01-02")
    _review(plan_repo, "2018-H1", "2018-01-10", _accept())
    assert _one(plan_repo, "2018-02-01").status == "done_late"


def test_returned_item_is_open_then_overdue_after_its_new_deadline(plan_repo: Path) -> None:
    _claim(plan_repo, "2017-H2", "2017-12-20", done="2017-11-01")
    _review(plan_repo, "2017-H2", "2018-01-10", _return("2018-02-28"))
    found = _one(plan_repo, "2018-01-20")
    assert (found.status, found.due, found.deadline) == (
        "returned",
        date(2018, 2, 28),
        date(2018, 2, 28),
    )
    found = _one(plan_repo, "2018-03-05")
    assert (found.status, found.days_overdue, found.review.reason) == (
        "overdue",
        5,
        "佐证链接打不开",
    )


def test_a_returned_item_claimed_again_awaits_review_and_can_be_accepted(plan_repo: Path) -> None:
    _claim(plan_repo, "2017-H2", "2017-12-20", done="2017-11-01")
    _review(plan_repo, "2017-H2", "2018-01-10", _return("2018-02-28"))
    _write(
        plan_repo,
        "submissions/2018-H1/deqing.yaml",
        f"unit: deqing\nperiod: 2018-H1\nsubmitted: 2018-02-20\nitems:\n"
        f"  - id: {M16}\n    status: done\n    done: 2018-02-15\n",
    )
    assert _one(plan_repo, "2018-03-05").status == "claimed"
    _review(plan_repo, "2018-H1", "2018-03-10", _accept())
    found = _one(plan_repo, "2018-03-20")
    # Done by the new deadline: 按期 (the return's deadline is the one that counts).
    assert (found.status, found.done) == ("done_on_time", date(2018, 2, 15))


@pytest.mark.parametrize(
    ("verdict", "fragment", "line"),
    [
        (_accept(unit="fengkai"), "截至 2018-01-10 没有自报完成", 6),
        (_accept(item="m16-2016-12-31"), "没有应承担的事项", 5),
        (_accept(item="report-2017-H2"), "以文件为准，不在复核之列", 5),
        (_accept(unit="nosuch"), "未知的单位", 4),
        (_return("2018-01-05"), "新的期限 2018-01-05 早于退回日期 2018-01-10", 8),
    ],
)
def test_wrong_verdicts_are_located_and_left_out(
    plan_repo: Path, verdict: str, fragment: str, line: int
) -> None:
    _claim(plan_repo, "2017-H2", "2017-12-20", done="2017-11-01")
    _review(plan_repo, "2017-H2", "2018-01-10", verdict)
    ws = _ws(plan_repo, "2018-02-01")
    assert [(p.location.path, p.location.line) for p in ws.problems] == [
        ("data/reviews/2017-H2.yaml", line)
    ]
    assert fragment in ws.problems[0].message
    assert ws.decisions == []


def test_a_verdict_before_the_claim_was_filed_is_refused(plan_repo: Path) -> None:
    _claim(plan_repo, "2017-H2", "2017-12-20", done="2017-11-01")
    _review(plan_repo, "2017-H2", "2017-12-19", _accept())
    ws = _ws(plan_repo, "2018-02-01")
    assert "截至 2017-12-19 没有自报完成" in ws.problems[0].message


def test_two_verdicts_on_one_item_in_a_file(plan_repo: Path) -> None:
    _claim(plan_repo, "2017-H2", "2017-12-20", done="2017-11-01")
    _review(plan_repo, "2017-H2", "2018-01-10", _accept(), _accept())
    ws = _ws(plan_repo, "2018-02-01")
    assert [p.location.line for p in ws.problems] == [8]
    assert "已有复核意见" in ws.problems[0].message


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("2017-H3.yaml", "period: 2017-H2\nreviewed: 2018-01-10\n", "应命名为报送期"),
        ("2017-H2.yaml", "period: 2017-H1\nreviewed: 2018-01-10\n", "period 写的是“2017-H1”"),
        ("2017-H2.yaml", "period: 2017-H2\n", "缺少必填的键“reviewed”"),
        (
            "2017-H2.yaml",
            "period: 2017-H2\nreviewed: 2018-01-10\nverdicts:\n"
            f"  - unit: deqing\n    item: {M16}\n    verdict: returned\n",
            "须写 reason",
        ),
    ],
)
def test_bad_review_files(plan_repo: Path, name: str, text: str, fragment: str) -> None:
    _write(plan_repo, f"reviews/{name}", text)
    ws = _ws(plan_repo, "2018-02-01")
    assert len(ws.problems) == 1 and fragment in ws.problems[0].message, ws.problems


def test_a_verdict_dated_before_the_plan(plan_repo: Path) -> None:
    _claim(plan_repo, "2017-H2", "2017-12-20", done="2017-11-01")
    _review(plan_repo, "2017-H2", "2018-01-10", _accept(extra="    date: 2015-01-01\n"))
    ws = _ws(plan_repo, "2018-02-01")
    assert [p.location.line for p in ws.problems] == [6, 7]
    assert "截至 2015-01-01 没有自报完成" in ws.problems[0].message
    assert ws.problems[1].message == "复核日期早于方案印发日期（2016-04-07）"
