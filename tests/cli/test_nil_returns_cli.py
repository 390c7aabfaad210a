"""Nil returns end to end: a unit's 本期无进展 and 不适用 through validate, new report, the
Excel form, status, review and the coordinator's verdict, in a git repository whose
commits have fixed dates (the filing dates are what git proves)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from ..conftest import commit_all, git, line_of
from ..filings import write
from .test_forms import Run, fill, make_form

REPORT = "unit: deqing\nperiod: {period}\nsubmitted: {submitted}\nitems:\n{items}"
NIL = "  - id: m1-2017-12-31\n    status: nil\n    reason: 本期尚未启动推广\n"
NA = "  - id: m1-2016-12-31\n    status: not_applicable\n    reason: 本县无此职能\n"


def _file(repo: Path, period: str, submitted: str, items: str) -> None:
    text = REPORT.format(period=period, submitted=submitted, items=items)
    write(repo, f"submissions/{period}/deqing.yaml", text)


def _merged(repo: Path, branch: str, when: str) -> None:
    """Commit the working tree on ``branch`` and merge it into main at ``when``."""
    git(repo, "checkout", "-q", "-b", branch, "main")
    commit_all(repo, branch, when, who="deqing")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", f"Merge {branch}", branch, when=when, who="c")


def _json(cli: Run, *args: str) -> dict:
    code, out, err = cli(*args, "-f", "json")
    assert code in (0, 1), err
    return json.loads(out)


def test_a_nil_return_is_not_missing_and_not_applicable_is_reviewed(cli: Run, mini_repo) -> None:
    commit_all(mini_repo, "方案", "2016-04-08T09:00:00+08:00")
    _file(mini_repo, "2016-H2", "2016-12-20", NIL + NA)
    _merged(mini_repo, "deqing-2016-H2", "2016-12-21T10:00:00+08:00")
    data = ("--as-of", "2017-01-10", "--data", str(mini_repo))
    owed = {o["id"]: o for o in _json(cli, "owes", "德庆", *data)["obligations"]}
    report, nil, na = (owed[i] for i in ("report-2016-H2.deqing", "m1-2017-12-31.deqing",
                                         "m1-2016-12-31.deqing"))  # fmt: skip
    assert report["status"] == "on_time"  # the report saying "nil" is filed
    assert (nil["status"], nil["status_label"], nil["light"], nil["reason"]) == (
        "nil_return", "本期无进展", "blue", "本期尚未启动推广",
    )  # fmt: skip
    assert (na["status"], na["light"], na["progress"]) == ("na_claimed", "yellow", "not_applicable")
    claims = _json(cli, "review", *data)["claims"]
    assert [(c["id"], c["claim"], c["reason"]) for c in claims] == [
        ("m1-2016-12-31.deqing", "not_applicable", "本县无此职能")
    ]
    code, out, _ = cli("review", *data)
    assert code == 0 and "不适用（本县无此职能）" in out
    # Nothing here fails the gate: the report is filed, and a claim waits on the coordinator.
    assert cli("check", *data)[0] == 1  # only the pilot plan and 2016-H1 report, still missing
    assert "m1-2017-12-31" not in cli("check", *data)[1]

    # The coordinator writes the review the scaffold lists, and accepts: 不适用(已确认).
    code, _, err = cli("new", "review", "2016-H2", *data)
    assert code == 0, err
    review = mini_repo / "data/reviews/2016-H2.yaml"
    text = review.read_text(encoding="utf-8")
    assert "not_applicable: 本县无此职能" in text and "不适用" in text.split("\n\n")[0]
    review.write_text(text.replace("verdict: pending", "verdict: accepted"), encoding="utf-8")
    commit_all(mini_repo, "复核", "2017-01-08T10:00:00+08:00", who="fazhiju")
    na = next(o for o in _json(cli, "owes", "德庆", *data)["obligations"] if o["id"] == na["id"])
    assert (na["status"], na["status_label"], na["light"]) == (
        "not_applicable", "不适用（已确认）", None,
    )  # fmt: skip
    deqing = next(u for u in _json(cli, "status", *data)["units"] if u["unit_id"] == "deqing")
    assert (deqing["not_applicable"], deqing["done"], deqing["claimed"]) == (1, 1, 0)
    code, out, _ = cli("status", *data)
    assert "（不适用 1）" in out
    assert _json(cli, "review", *data)["claims"] == []


def test_a_missing_reason_is_located(cli: Run, mini_repo: Path) -> None:
    items = NIL.replace("    reason: 本期尚未启动推广\n", "") + NA.replace("reason:", "note:")
    _file(mini_repo, "2016-H2", "2016-12-20", items)
    code, _, err = cli("validate", "--as-of", "2017-01-10", "--data", str(mini_repo))
    path = mini_repo / "data/submissions/2016-H2/deqing.yaml"
    nil_line, na_line = line_of(path, "m1-2017-12-31"), line_of(path, "m1-2016-12-31")
    assert code == 1
    assert f"data/submissions/2016-H2/deqing.yaml:{nil_line}:5: items[0]：写了 status: nil" in err
    assert f"deqing.yaml:{na_line}:5: items[1]：写了 status: not_applicable" in err
    assert "须在 reason 中写明理由" in err and "Traceback" not in err


def test_new_report_drops_a_nil_return_and_carries_not_applicable(cli: Run, mini_repo) -> None:
    _file(mini_repo, "2016-H1", "2016-06-20", NIL + NA)
    code, _, err = cli("new", "report", "德庆", "2016-H2", "--data", str(mini_repo))
    assert code == 0, err
    text = (mini_repo / "data/submissions/2016-H2/deqing.yaml").read_text(encoding="utf-8")
    assert "# 本期没有进展的，可填 status: nil（本期无进展）" in text  # the options, in comments
    body = text.split("\n\n", 1)[1]
    assert "  - id: m1-2017-12-31\n    title: 2017-12-31 县里做\n    status: not_started\n" in body
    assert "    status: not_applicable\n    reason: 本县无此职能\n" in body


def test_the_form_takes_a_nil_return_with_its_reason(cli: Run, mini_repo: Path) -> None:
    form = make_form(cli, mini_repo)
    assert load_workbook(form)["落实情况"]["A2"].value == "m1-2016-12-31"

    def nil_without_reason(book) -> None:
        book["报送信息"]["B7"] = date(2016, 12, 20)
        book["落实情况"]["F2"] = "本期无进展"

    fill(form, nil_without_reason)
    data = ("--data", str(mini_repo))
    code, _, err = cli("import", "report", str(form), *data)
    assert code == 1
    assert "form.xlsx:落实情况!J2: " in err and "须在 reason 中写明理由" in err
    fill(form, lambda book: book["落实情况"].__setitem__("J2", "经费尚未下达"))
    code, _, err = cli("import", "report", str(form), *data)
    assert (code, err) == (0, "")
    written = (mini_repo / "data/submissions/2016-H2/deqing.yaml").read_text(encoding="utf-8")
    assert "    status: nil\n    reason: 经费尚未下达\n" in written
    owed = json.loads(cli("owes", "德庆", "--as-of", "2017-01-05", "-f", "json", *data)[1])
    m1 = next(o for o in owed["obligations"] if o["id"] == "m1-2016-12-31.deqing")
    assert (m1["status"], m1["light"], m1["reason"]) == ("overdue", "red", "经费尚未下达")
