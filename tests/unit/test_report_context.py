"""What the coordinator's documents say (present/report*.py), on the mini plan's scenario
(tests/unit/scenario.py): plain data the templates only lay out."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from fzzf_cli.derive.status import Assessed
from fzzf_cli.model.documents import DocumentSettings
from fzzf_cli.model.plan import Period
from fzzf_cli.pipeline import Workspace
from fzzf_cli.present.report import headline, measures_appendix, overall_context
from fzzf_cli.present.report_pilots import pilots_view, targets_view
from fzzf_cli.present.report_rules import (
    Scope,
    competition_ranks,
    measure_headline,
    measure_states,
    ranking,
    scope_text,
)
from fzzf_cli.present.report_unit import notice_context, plan_quotes, unit_context
from fzzf_cli.vocab import Status

from ..miniplan import UNITS, write_plan
from .scenario import AS_OF, assessed, file_all, workspace


@pytest.fixture
def ws(mini_repo: Path) -> Workspace:
    return workspace(file_all(mini_repo))


@pytest.fixture
def found(ws: Workspace) -> list[Assessed]:
    return assessed(ws)


DAYS_15 = timedelta(days=15)  # a notice's 限期


def _ids(rows: list[dict[str, Any]]) -> list[str]:
    return [row["id"] for row in rows]


def _period(ws: Workspace, pid: str) -> Period:
    return next(p for p in ws.ds.measures_file.reporting.periods if p.id == pid)


def _scope(ws: Workspace, period: str | None = None) -> Scope:
    named = _period(ws, period) if period else None
    return Scope(AS_OF, named, named or _period(ws, "2016-H2"))


def test_plan_info_and_headline(ws: Workspace, found: list[Assessed]) -> None:
    context = overall_context(ws.ds, found, ws.subs, _scope(ws, "2016-H2"))
    assert context["plan"] == {
        "title": "方案", "document_number": "肇府办函〔2016〕48号", "date": "2016-04-07",
        "issued_by": "市法制局", "coordinator": "市法制局", "coordinator_alias": "市依法行政办",
        "leading_group": "市依法行政工作领导小组", "as_of": "2017-01-10",
        "as_of_text": "2017年1月10日", "period": "2016-H2", "period_label": "2016年下半年",
        "scope_text": "截至2017年1月10日：2016年下半年的报送期限为2016年12月31日，宽限 0 天，"
        "此后报送的材料不计入本期",
    }  # fmt: skip
    figures = headline(found, AS_OF)
    assert {k: v for k, v in figures.items() if "rule" not in k} == {
        "due": 9, "done": 4, "claimed": 2, "returned": 1, "overdue": 2, "reports_due": 4,
        "reports_on_time": 2, "reports_late": 1, "reports_missing": 1, "unassigned": 0,
        "not_applicable": 0,
        "lights": {"red": 2, "yellow": 3, "blue": 5, "green": 4},
    }  # fmt: skip
    assert "单位-事项" in figures["rule"] and "15 天内到期" in figures["lights_rule"]
    assert context["areas"][0]["numeral"] == "一" and context["horizon_days"] == 90


def test_ranking_counts_accepted_work_and_names_the_criticised(
    ws: Workspace, found: list[Assessed]
) -> None:
    ranked = ranking(ws.ds, found, AS_OF, _period(ws, "2016-H1"))
    units = [
        (u["rank"], u["unit_id"], u["missing_documents"], u["done_share"]) for u in ranked["units"]
    ]
    assert units == [(1, "bianban", 1, 0.5), (2, "deqing", 1, 0.5)]
    # 2016-H1: 市编办's pilot plan is missing, 德庆县's report was late
    assert ranked["commended"] == []
    assert [u["unit_id"] for u in ranked["criticised"]] == ["deqing", "bianban"]  # worse rate first
    assert ranked["criticised_total"] == 2
    assert "并列" in ranked["rule"] and "2016年上半年" in ranked["commend_rule"]


def test_every_document_of_the_half_year_on_time_is_commended_despite_overdue_work(
    mini_repo: Path,
) -> None:
    """市编办 filed its 2016-H2 report on time; its pilot plan (due in 2016-H1) is still
    missing, and a milestone overdue does not block commendation either: it is listed."""
    file_all(mini_repo)
    review = mini_repo / "data" / "reviews" / "2016-H2.yaml"
    review.write_text(
        review.read_text(encoding="utf-8")
        + "  - unit: bianban\n    item: m1-2016-12-31\n    verdict: returned\n"
        "    reason: 无佐证\n    deadline: 2017-01-05\n",
        encoding="utf-8",
    )
    ws = workspace(mini_repo)
    ranked = ranking(ws.ds, assessed(ws), AS_OF, _period(ws, "2016-H2"))
    (commended,) = ranked["commended"]
    assert commended["unit_id"] == "bianban" and commended["documents_on_time"] == 1
    assert commended["overdue_refs"] == ["措施 1"]
    assert [u["unit_id"] for u in ranked["criticised"]] == ["deqing", "bianban"]
    assert ranking(ws.ds, assessed(ws), AS_OF, None)["commended"] == []


@pytest.mark.parametrize(
    ("keys", "ranks"),
    [
        ([1, 2, 2, 3], [1, 2, 2, 4]),
        ([5, 5, 5], [1, 1, 1]),
        ([1, 2, 3], [1, 2, 3]),
        ([2, 2, 1, 1, 1], [1, 1, 1, 4, 4]),  # sorted first: the 1s lead
    ],
)
def test_competition_ranking_shares_ranks_and_skips(keys: list[int], ranks: list[int]) -> None:
    lines = [
        {"unit_id": f"u{i}", "on_time_rate": 1.0, "missing_documents": k, "overdue": 0,
         "done_share": None}
        for i, k in enumerate(keys)
    ]  # fmt: skip
    competition_ranks(lines)
    assert [line["rank"] for line in lines] == ranks


def test_measures_state_from_their_duties(ws: Workspace, found: list[Assessed]) -> None:
    states = measure_states(ws.ds, found)
    assert states == {1: "in_progress", 2: "overdue"}
    figures = measure_headline(ws.ds, states)
    assert (figures["total"], figures["done"], figures["in_progress"], figures["overdue"]) == (
        2, 0, 1, 1
    )  # fmt: skip
    done = [a._replace(status=Status.DONE_ON_TIME) for a in found]
    assert measure_states(ws.ds, done) == {1: "done", 2: "done"}
    assert "市法制局" in figures["rule"]


def test_scope_in_words(ws: Workspace) -> None:
    h2 = _period(ws, "2016-H2")
    assert scope_text(Scope(AS_OF, None, h2)) == "截至2017年1月10日"
    early = scope_text(Scope(AS_OF.replace(day=2), h2, h2, 3))
    assert early.startswith(
        "截至2017年1月2日：2016年下半年的报送期限2016年12月31日加宽限 3 天尚未届满"
    )


def test_quotes_are_listed_once() -> None:
    items = [
        {"quote": "甲", "ref": "措施 1"}, {"quote": "甲", "ref": "措施 1"},
        {"quote": "乙", "ref": "措施 2"}, {"quote": "甲", "ref": "措施 3"},
        {"quote": "", "ref": ""},
    ]  # fmt: skip
    quotes = plan_quotes(items)
    assert quotes == [
        {"n": 1, "text": "甲", "refs": ["措施 1", "措施 3"]},
        {"n": 2, "text": "乙", "refs": ["措施 2"]},
    ]
    assert [i.get("quote_no") for i in items] == [1, 1, 2, 1, None]


def test_overdue_and_upcoming_lists(ws: Workspace, found: list[Assessed]) -> None:
    context = overall_context(ws.ds, found, ws.subs, _scope(ws))
    overdue = [(u["unit_id"], u["count"], u["documents"], u["oldest"], u["worst_days"],
                _ids(u["entries"])) for u in context["overdue"]]  # fmt: skip
    assert overdue == [
        ("bianban", 1, 1, "2016-04-20", 265, ["p2-plan.bianban"]),
        ("deqing", 1, 1, "2016-12-31", 10, ["report-2016-H2.deqing"]),
    ]
    (row,) = context["upcoming"]  # one row per thing, with every unit that owes it
    assert (row["id"], row["due"], row["ref"], row["units"]) == (
        "p2-done.deqing",
        "2017-04-07",
        "试点 2",
        ["德庆县", "市编办"],
    )


def test_measures_appendix_and_report_grid(ws: Workspace, found: list[Assessed]) -> None:
    rows = measures_appendix(ws.ds, found, AS_OF)
    keys = ("id", "area", "lead", "total", "due", "done", "overdue", "state_label")
    assert [tuple(r[k] for k in keys) for r in rows] == [
        (1, "一", "市编办", 4, 3, 0, 0, "推进中"),
        (2, "一", "—", 4, 2, 1, 1, "逾期"),
    ]
    grid = overall_context(ws.ds, found, ws.subs, _scope(ws))["grid"]
    assert grid == {
        "periods": ["2016-H1", "2016-H2"],
        "labels": ["2016年上半年", "2016年下半年"],
        "rows": [
            {"unit_id": "bianban", "unit": "市编办", "cells": ["on_time", "on_time"]},
            {"unit_id": "deqing", "unit": "德庆县", "cells": ["late", "missing"]},
        ],
    }


def test_a_draft_shows_in_the_grid(mini_repo: Path) -> None:
    file_all(mini_repo)
    draft = mini_repo / "data" / "submissions" / "2016-H2" / "deqing.yaml"
    draft.write_text("unit: deqing\nperiod: 2016-H2\nsubmitted:\n", encoding="utf-8")
    ws = workspace(mini_repo)
    grid = overall_context(ws.ds, assessed(ws), ws.subs, _scope(ws))["grid"]
    assert grid["rows"][1]["cells"] == ["late", "missing_draft"]


def test_pilots_and_targets(ws: Workspace, found: list[Assessed]) -> None:
    (pilot,) = pilots_view(ws.ds, found, ws.subs, AS_OF)
    assert (pilot["id"], pilot["plan_due"], pilot["complete_by"]) == (2, "2016-04-20", "2017-04-07")
    members = [(m["unit_id"], m["area"], m["plan"], m["plan_done"], m["progress"],
                m["progress_text"]) for m in pilot["members"]]  # fmt: skip
    assert members == [
        ("deqing", True, "done_on_time", "2016-04-18", None, ""),
        ("bianban", False, "overdue", "", "in_progress", "已起草方案"),
    ]
    (target,) = targets_view(ws.ds, ws.subs, AS_OF)
    assert (target["measure"], target["metric"], target["unit"], target["value"]) == (
        1,
        "online_rate",
        "%",
        80.0,
    )
    assert target["judged"] == {
        "unit": "市编办", "period": "2016-H2", "period_label": "2016年下半年", "value": 85.0,
        "note": "",
    }  # fmt: skip
    assert target["met"] is True
    # a report filed after the day asked about is not counted
    (before,) = targets_view(ws.ds, ws.subs, AS_OF.replace(year=2016, month=12, day=1))
    assert before["judged"] is None and before["reported"] == []


def test_unit_context(ws: Workspace, found: list[Assessed]) -> None:
    context = unit_context(ws.ds, found, ws.subs, "deqing", AS_OF, None)
    assert context["unit"] == {"id": "deqing", "name": "德庆县", "full_name": "德庆县"}
    assert _ids(context["owed"]) == [
        "p2-plan.deqing", "report-2016-H1.deqing", "m1-2016-12-31.deqing",
        "report-2016-H2.deqing", "p2-done.deqing", "m1-2017-12-31.deqing",
    ]  # fmt: skip
    assert _ids(context["delivered"]) == ["p2-plan.deqing", "report-2016-H1.deqing"]
    assert _ids(context["late"]) == ["report-2016-H2.deqing"] and context["claimed"] == []
    returned = next(r for r in context["owed"] if r["id"] == "m1-2016-12-31.deqing")
    assert (returned["status"], returned["deadline"], returned["review_reason"]) == (
        "returned",
        "2017-01-31",
        "佐证不全",
    )
    assert [(f["path"], f["kind"], f["counted"]) for f in context["filed"]] == [
        ("data/submissions/pilot-plans/p2/deqing.yaml", "pilot_plan", "2016-04-18"),
        ("data/submissions/2016-H1/deqing.yaml", "report", "2016-07-05"),
    ]
    assert context["summary"]["unit_id"] == "deqing" and _ids(context["next"]) == ["p2-done.deqing"]


def test_unit_context_lists_evidence_and_pilot_progress(
    ws: Workspace, found: list[Assessed]
) -> None:
    context = unit_context(ws.ds, found, ws.subs, "bianban", AS_OF, None)
    (h1, h2) = context["filed"]
    assert (h1["period"], h1["evidence"]) == ("2016-H1", [])
    assert h2["evidence"] == [
        {
            "item": "措施 1（2016年12月31日到期）",
            "text": "编办公布了权责清单",
            "link": "https://example.gov.cn/bb",
        },
        {"item": "试点 2", "text": "已起草方案", "link": ""},
    ]
    assert _ids(context["claimed"]) == ["m1-2016-12-31.bianban"]


def test_a_filing_of_a_later_day_is_not_listed(ws: Workspace) -> None:
    earlier = AS_OF.replace(month=1, day=1)
    context = unit_context(ws.ds, assessed(ws, earlier), ws.subs, "bianban", earlier, None)
    assert [f["period"] for f in context["filed"]] == ["2016-H1", "2016-H2"]
    context = unit_context(
        ws.ds, assessed(ws), ws.subs, "bianban", AS_OF.replace(year=2016, month=7), None
    )
    assert [f["period"] for f in context["filed"]] == ["2016-H1"]


def test_notice_context(mini_repo: Path) -> None:
    units = UNITS.replace("    name: 德庆县\n", "    name: 德庆县\n    full_name: 德庆县人民政府\n")
    write_plan(file_all(mini_repo), units=units)
    ws = workspace(mini_repo)
    context = notice_context(ws.ds, assessed(ws), "deqing", AS_OF, AS_OF + DAYS_15)
    assert context["unit"] == {"id": "deqing", "name": "德庆县", "addressee": "德庆县人民政府"}
    assert _ids(context["late"]) == ["report-2016-H2.deqing"]
    assert (context["deadline"], context["deadline_text"], context["within"]) == (
        "2017-01-25",
        "2017年1月25日（星期三）",
        15,
    )
    assert context["reporting_quote"] == "每年的6月底和12月底前"
    item = context["late"][0]  # for officials: words, not codes
    assert item["title"].startswith("报送2016年下半年") and "2016-H2" not in item["title"]
    assert item["due_text"] == "2016年12月31日"
    assert context["sender"] == context["letterhead"] == "市法制局"  # no settings: the name
    settings = DocumentSettings(sender="某市法制局", number_prefix="某法督", copy_to=["甲"])
    context = notice_context(ws.ds, assessed(ws), "deqing", AS_OF, AS_OF + DAYS_15, settings)
    assert (context["sender"], context["printed_by"], context["copy_to"]) == (
        "某市法制局", "某市法制局", ["甲"],
    )  # fmt: skip


def test_notice_quotes_are_given_once(mini_repo: Path) -> None:
    """Two missing reports share the reporting rule: it is quoted once, for both items."""
    day = AS_OF.replace(year=2017, month=7, day=15)  # nothing filed: three reports missing
    ws = workspace(mini_repo, day)
    context = notice_context(ws.ds, assessed(ws, day), "deqing", day, day + DAYS_15)
    quotes = [q["quote"] for q in context["quotes"]]
    assert len(quotes) == len(set(quotes)) and len(quotes) < len(context["late"])
    shared = next(q for q in context["quotes"] if len(q["items"]) > 1)
    later = [i for i in context["late"] if i["n"] in shared["items"][1:]]
    assert later and all(not i["quote_first"] for i in later)
    assert all(i["quote_same_as"] == shared["items"][0] for i in later)
