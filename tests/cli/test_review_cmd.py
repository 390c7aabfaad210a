"""The coordinator's review (复核/销号) end to end on the bundled plan: ``fzzf review``,
``fzzf new review``, records of units that do not report, the ranking (the rules themselves
are tested on the mini plan in tests/unit/test_reviews.py)."""

from __future__ import annotations

import json

import pytest

from fzzf_cli.text import msg

from ..conftest import located
from ..filings import Filings, write

M16 = "m16-2017-12-31"


_F = Filings(M16)
_write, _claim, _review = write, _F.claim, _F.review
_accept, _return = _F.accept, _F.returned


def test_review_lists_claims_oldest_first_and_new_review_scaffolds_them(cli, plan_repo) -> None:
    _claim(plan_repo, "2017-H2", "2017-12-20", done="2017-11-01")
    _write(
        plan_repo,
        "submissions/2017-H1/fengkai.yaml",
        "unit: fengkai\nperiod: 2017-H1\nsubmitted: 2017-06-28\nitems:\n"
        "  - id: m2-2016-12-31\n    status: done\n    done: 2016-12-01\n"
        "    evidence:\n      - text: 封开县政府网站公布了权责清单\n"
        "        link: https://example.gov.cn/fk\n",
    )
    data = ("--data", str(plan_repo), "--as-of", "2018-01-05")
    code, out, _ = cli("review", *data)
    assert code == 0
    rows = [line for line in out.splitlines() if "措施" in line]
    assert "封开县" in rows[0] and "德庆县" in rows[1]  # filed 2017-06-28 before 2017-12-20
    listing = json.loads(cli("review", "-f", "json", *data)[1])["claims"]
    assert [(c["unit_id"], c["thing"], c["filed"], c["waiting"]) for c in listing] == [
        ("fengkai", "m2-2016-12-31", "2017-06-28", 191),
        ("deqing", M16, "2017-12-20", 16),
    ]
    code, out, _ = cli("new", "review", "2017-H2", *data)
    assert code == 0 and out == "已写入 repo/data/reviews/2017-H2.yaml\n"
    path = plan_repo / "data" / "reviews" / "2017-H2.yaml"
    text = path.read_text(encoding="utf-8")
    assert "verdict: pending" in text and "封开县政府网站公布了权责清单" in text
    assert cli("validate", "--data", str(plan_repo))[0] == 0
    # Never overwritten.
    assert cli("new", "review", "2017-H2", *data)[0] == 1
    assert path.read_text(encoding="utf-8") == text
    # Accept one, return the other: the list empties, statuses follow.
    text = text.replace("verdict: pending", "verdict: accepted", 1)
    text = text.replace(
        "verdict: pending", "verdict: returned\n    reason: 未见目录\n    deadline: 2018-02-28"
    )
    path.write_text(text, encoding="utf-8")
    assert cli("validate", "--data", str(plan_repo))[0] == 0
    assert "没有待复核的事项" in cli("review", *data)[1]
    owed = json.loads(
        cli("overdue", "-f", "json", "--data", str(plan_repo), "--as-of", "2018-03-03")[1]
    )
    m16 = next(o for o in owed["obligations"] if o["id"] == f"{M16}.deqing")
    assert (m16["status"], m16["days_overdue"], m16["due_revised"]) == ("overdue", 3, "2018-02-28")
    assert (
        m16["review"]["verdict"] == "returned"
        and m16["status_label"] == "退回后逾期未完成（限 2018-02-28）"
    )


def test_accepted_work_counts_in_the_ranking(cli, plan_repo) -> None:
    _write(
        plan_repo,
        "submissions/2016-H2/fengkai.yaml",
        "unit: fengkai\nperiod: 2016-H2\nsubmitted: 2016-12-20\nitems:\n"
        "  - id: m2-2016-12-31\n    status: done\n    done: 2016-12-01\n",
    )

    def fengkai_done() -> str:
        out = cli(
            "report", "-f", "md", "-o", "-", "--as-of", "2017-01-10", "--data", str(plan_repo)
        )[1]
        row = next(  # the ranking's row: | 名次 | 单位 | 按时率 | 未报 | 逾期 | 已完成/已到期 | …
            line for line in out.splitlines() if "| 封开县 |" in line and "%（" in line
        )
        return row.split("|")[6].strip()

    assert fengkai_done().startswith("1/")  # the report itself, not the claim
    _review(plan_repo, "2016-H2", "2017-01-05", _accept(unit="fengkai", item="m2-2016-12-31"))
    assert fengkai_done().startswith("2/")


def test_only_reporters_report_and_the_coordinator_keeps_a_record(cli, plan_repo) -> None:
    data = ("--data", str(plan_repo))
    code, _, err = cli("new", "report", "市法制局", "2016-H2", *data)
    assert code == 2 and "fzzf new record fazhiju 2016-H2" in err
    assert not (plan_repo / "data" / "submissions" / "2016-H2" / "fazhiju.yaml").exists()
    code, _, err = cli("new", "record", "德庆", "2016-H2", *data)
    assert code == 2 and "fzzf new report deqing 2016-H2" in err
    code, out, _ = cli("new", "record", "市法制局", "2016-H2", "--date", "2016-12-28", *data)
    assert code == 0 and out == "已写入 repo/data/submissions/records/2016-H2/fazhiju.yaml\n"
    path = plan_repo / "data" / "submissions" / "records" / "2016-H2" / "fazhiju.yaml"
    text = path.read_text(encoding="utf-8")
    assert "进展记录" in text and "report-" not in text
    old = "  - id: m2-2016-12-31\n    title: 2016-12-31 公布权责清单\n    status: not_started\n"
    assert old in text
    path.write_text(
        text.replace(old, old.replace("not_started", "done\n    done: 2016-12-15")), "utf-8"
    )
    assert cli("validate", *data)[0] == 0
    owed = json.loads(
        cli("overdue", "-u", "市法制局", "-f", "json", "--as-of", "2017-01-10", *data)[1]
    )
    assert "m2-2016-12-31.fazhiju" not in {o["id"] for o in owed["obligations"]}
    _review(plan_repo, "2016-H2", "2017-01-05", _accept(unit="fazhiju", item="m2-2016-12-31"))
    status = json.loads(cli("status", "-f", "json", "--as-of", "2017-01-10", *data)[1])
    fazhiju = next(u for u in status["units"] if u["unit_id"] == "fazhiju")
    assert (fazhiju["done"], fazhiju["claimed"]) == (1, 0)


def test_a_report_from_the_recipient_is_refused_by_validate(cli, plan_repo, shown) -> None:
    _write(
        plan_repo,
        "submissions/2016-H2/fazhiju.yaml",
        "unit: fazhiju\nperiod: 2016-H2\nsubmitted: 2016-12-20\n",
    )
    code, _, err = cli("validate", "--data", str(plan_repo))
    assert code == 1
    where = "data/submissions/2016-H2/fazhiju.yaml"
    assert located(shown) == [("sub-not-reporter", where)] and err.startswith(f"{where}: ")
    assert shown[0].hint == msg("sub_hint_record", unit="fazhiju", period="2016-H2")


@pytest.mark.parametrize("field", ["submitted", "done"])
def test_a_date_past_the_horizon_is_a_typing_mistake(cli, plan_repo, field: str, shown) -> None:
    body = (
        "unit: deqing\nperiod: 2017-H1\nsubmitted: {s}\nitems:\n"
        "  - id: m2-2016-12-31\n    status: done\n    done: {d}\n"
    )
    dates = (
        {"s": "2071-06-30", "d": "2017-01-01"}
        if field == "submitted"
        else {"s": "2017-06-28", "d": "2070-01-01"}
    )
    _write(plan_repo, "submissions/2017-H1/deqing.yaml", body.format(**dates))
    code, _, _ = cli("validate", "--data", str(plan_repo))
    path = "data/submissions/2017-H1/deqing.yaml"
    where = path + (":3:12" if field == "submitted" else ":7:11")
    assert code == 1 and ("sub-date-past-horizon", where) in located(shown)
    code, out, _ = cli("check", "--as-of", "2017-07-15", "--data", str(plan_repo))
    failed = next(p for p in shown if p.code == "gate-missing" and p.location.path == path)
    assert failed.hint == msg("gate_hint_invalid") and "fzzf new report deqing 2017-H1" not in out
