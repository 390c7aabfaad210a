"""The coordinator's review (复核/销号) on the mini plan: claims accepted or returned, item by
item; wrong verdicts located with their codes and left out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fzzf_cli.derive.status import Assessed, assess
from fzzf_cli.pipeline import Source, Workspace, build
from fzzf_cli.text import msg
from fzzf_cli.validate.load import load_dataset

from ..conftest import located
from ..filings import Filings, write

PLAIN = Source(None, None, "", "plain folder")
M1 = "m1-2016-12-31"
R = "data/reviews/2016-H2.yaml"


_F = Filings(M1)
_write, _claim, _review = write, _F.claim, _F.review
_accept, _return = _F.accept, _F.returned


def _ws(repo: Path, as_of: str) -> Workspace:
    ds, problems = load_dataset(repo)
    assert ds is not None and problems == []
    return build(repo, ds, date.fromisoformat(as_of), PLAIN)


def _one(repo: Path, as_of: str, unit: str = "deqing") -> Assessed:
    ws = _ws(repo, as_of)
    assert ws.problems == []
    day = date.fromisoformat(as_of)
    found = assess(ws.obligations, ws.subs, day, decisions=ws.decisions)
    return next(a for a in found if a.obligation.id == f"{M1}.{unit}")


def test_accepted_claim_is_done(mini_repo: Path) -> None:
    _claim(mini_repo, "2016-H2", "2016-12-20", done="2016-11-01")
    _review(mini_repo, "2016-H2", "2017-01-10", _accept())
    assert _one(mini_repo, "2017-01-09").status == "claimed"  # not yet reviewed that day
    found = _one(mini_repo, "2017-01-10")
    assert (found.status, found.done, found.review.verdict) == (
        "done_on_time",
        date(2016, 11, 1),
        "accepted",
    )


def test_accepted_late_claim_is_done_late(mini_repo: Path) -> None:
    _claim(mini_repo, "2016-H2", "2017-01-03", done="2017-01-02")
    _review(mini_repo, "2016-H2", "2017-01-10", _accept())
    assert _one(mini_repo, "2017-02-01").status == "done_late"


def test_returned_item_is_open_then_overdue_after_its_new_deadline(mini_repo: Path) -> None:
    _claim(mini_repo, "2016-H2", "2016-12-20", done="2016-11-01")
    _review(mini_repo, "2016-H2", "2017-01-10", _return("2017-02-28"))
    found = _one(mini_repo, "2017-01-20")
    assert (found.status, found.due, found.deadline) == (
        "returned",
        date(2017, 2, 28),
        date(2017, 2, 28),
    )
    found = _one(mini_repo, "2017-03-05")
    assert (found.status, found.days_overdue, found.review.reason) == (
        "overdue",
        5,
        "佐证链接打不开",
    )


def test_a_returned_item_claimed_again_awaits_review_and_can_be_accepted(mini_repo: Path) -> None:
    _claim(mini_repo, "2016-H1", "2016-06-20", done="2016-06-01")
    _write(
        mini_repo,
        "reviews/2016-H1.yaml",
        "period: 2016-H1\nreviewed: 2016-07-10\nverdicts:\n" + _return("2016-08-31"),
    )
    assert _one(mini_repo, "2016-07-20").status == "returned"
    _claim(mini_repo, "2016-H2", "2016-08-20", done="2016-08-15")
    assert _one(mini_repo, "2016-09-05").status == "claimed"
    _review(mini_repo, "2016-H2", "2016-09-10", _accept())
    found = _one(mini_repo, "2016-09-20")
    # Done by the new deadline: 按期 (the return's deadline is the one that counts).
    assert (found.status, found.done) == ("done_on_time", date(2016, 8, 15))


@pytest.mark.parametrize(
    ("verdict", "code", "where"),
    [
        (_accept(unit="bianban"), "review-no-claim", "6:14"),
        (_accept(item="m1-2016-12-30"), "sub-item-unknown", "5:11"),
        (_accept(item="report-2016-H2"), "review-not-claimable", "5:11"),
        (_accept(unit="nosuch"), "review-unknown-unit", "4:11"),
        (_return("2017-01-05"), "review-deadline-before", "8:15"),
    ],
)
def test_wrong_verdicts_are_located_and_left_out(
    mini_repo: Path, verdict: str, code: str, where: str
) -> None:
    _claim(mini_repo, "2016-H2", "2016-12-20", done="2016-11-01")
    _review(mini_repo, "2016-H2", "2017-01-10", verdict)
    ws = _ws(mini_repo, "2017-02-01")
    assert located(ws.problems) == [(code, f"{R}:{where}")]
    assert ws.decisions == []


def test_a_verdict_before_the_claim_was_filed_is_refused(mini_repo: Path) -> None:
    _claim(mini_repo, "2016-H2", "2016-12-20", done="2016-11-01")
    _review(mini_repo, "2016-H2", "2016-12-19", _accept())
    ws = _ws(mini_repo, "2017-02-01")
    assert located(ws.problems) == [("review-no-claim", f"{R}:6:14")]
    assert ws.problems[0].message == msg("review_no_claim", unit="德庆县", day="2016-12-19", id=M1)


def test_two_verdicts_on_one_item_in_a_file(mini_repo: Path) -> None:
    _claim(mini_repo, "2016-H2", "2016-12-20", done="2016-11-01")
    _review(mini_repo, "2016-H2", "2017-01-10", _accept(), _accept())
    ws = _ws(mini_repo, "2017-02-01")
    assert located(ws.problems) == [("review-twice", f"{R}:8:11")]


@pytest.mark.parametrize(
    ("name", "text", "code", "where"),
    [
        ("2016-H3.yaml", "period: 2016-H2\nreviewed: 2017-01-10\n", "review-file-name", ""),
        ("2016-H2.yaml", "period: 2016-H1\nreviewed: 2017-01-10\n", "sub-wrong-period", ":1:9"),
        ("2016-H2.yaml", "period: 2016-H2\n", "field-missing", ":1:1"),
        (
            "2016-H2.yaml",
            "period: 2016-H2\nreviewed: 2017-01-10\nverdicts:\n"
            f"  - unit: deqing\n    item: {M1}\n    verdict: returned\n",
            "review-returned-needs",
            ":4:5",
        ),
    ],
)
def test_bad_review_files(mini_repo: Path, name: str, text: str, code: str, where: str) -> None:
    _write(mini_repo, f"reviews/{name}", text)
    ws = _ws(mini_repo, "2017-02-01")
    assert located(ws.problems) == [(code, f"data/reviews/{name}{where}")]


def test_a_verdict_dated_before_the_plan(mini_repo: Path) -> None:
    _claim(mini_repo, "2016-H2", "2016-12-20", done="2016-11-01")
    _review(mini_repo, "2016-H2", "2017-01-10", _accept(extra="    date: 2015-01-01\n"))
    ws = _ws(mini_repo, "2017-02-01")
    assert located(ws.problems) == [
        ("review-no-claim", f"{R}:6:14"),
        ("review-before-plan", f"{R}:7:11"),
    ]
    assert ws.problems[1].message == msg("review_before_plan", date="2016-04-07")


def test_a_far_deadline_is_a_typing_mistake(mini_repo: Path) -> None:
    _claim(mini_repo, "2016-H2", "2016-12-20", done="2016-11-01")
    _review(mini_repo, "2016-H2", "2017-01-10", _return("2071-08-31"))
    ws = _ws(mini_repo, "2017-02-01")
    assert located(ws.problems) == [("sub-date-past-horizon", f"{R}:8:15")]
    assert ws.problems[0].message == msg(
        "sub_date_past_horizon", day="2071-08-31", horizon="2018-12-31"
    )
