"""What the coordinator's documents say (present/report*.py), on the mini plan's scenario
(tests/unit/scenario.py): plain data the templates only lay out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fzzf_cli.derive.status import Assessed
from fzzf_cli.model.documents import DocumentSettings
from fzzf_cli.pipeline import Workspace
from fzzf_cli.present.report import headline, measures_appendix, overall_context, ranking
from fzzf_cli.present.report_pilots import pilots_view, targets_view
from fzzf_cli.present.report_unit import notice_context, unit_context

from ..miniplan import UNITS, write_plan
from .scenario import AS_OF, assessed, file_all, workspace


@pytest.fixture
def ws(mini_repo: Path) -> Workspace:
    return workspace(file_all(mini_repo))


@pytest.fixture
def found(ws: Workspace) -> list[Assessed]:
    return assessed(ws)


def _ids(rows: list[dict[str, Any]]) -> list[str]:
    return [row["id"] for row in rows]


def test_plan_info_and_headline(ws: Workspace, found: list[Assessed]) -> None:
    context = overall_context(ws.ds, found, ws.subs, AS_OF, "2016-H2")
    assert context["plan"] == {
        "title": "方案", "document_number": "肇府办函〔2016〕48号", "date": "2016-04-07",
        "issued_by": "市法制局", "coordinator": "市法制局", "coordinator_alias": "市依法行政办",
        "leading_group": "市依法行政工作领导小组", "as_of": "2017-01-10",
        "as_of_text": "2017年1月10日", "period": "2016-H2",
    }  # fmt: skip
    assert headline(found, AS_OF) == {
        "due": 9, "done": 4, "claimed": 2, "returned": 1, "overdue": 2, "reports_due": 4,
        "reports_on_time": 2, "reports_late": 1, "reports_missing": 1, "unassigned": 0,
        "not_applicable": 0,
    }  # fmt: skip
    assert context["areas"][0]["numeral"] == "一" and context["horizon_days"] == 90


def test_ranking_counts_accepted_work_and_names_the_criticised(
    ws: Workspace, found: list[Assessed]
) -> None:
    ranked = ranking(ws.ds, found, AS_OF)
    units = [
        (u["rank"], u["unit_id"], u["missing_documents"], u["done_share"]) for u in ranked["units"]
    ]
    assert units == [(1, "bianban", 1, 0.5), (2, "deqing", 1, 0.5)]
    assert ranked["commended"] == []  # both have something missing; 市编办 a claim unreviewed
    assert [u["unit_id"] for u in ranked["criticised"]] == ["deqing", "bianban"]  # worse rate first
    assert ranked["criticised_total"] == 2


def test_a_unit_with_everything_on_time_and_accepted_is_commended(mini_repo: Path) -> None:
    file_all(mini_repo)
    plan = mini_repo / "data" / "submissions" / "pilot-plans" / "p2"
    text = (plan / "deqing.yaml").read_text(encoding="utf-8")
    (plan / "bianban.yaml").write_text(text.replace("deqing", "bianban"), encoding="utf-8")
    review = mini_repo / "data" / "reviews" / "2016-H2.yaml"
    review.write_text(
        review.read_text(encoding="utf-8")
        + "  - unit: bianban\n    item: m1-2016-12-31\n    verdict: accepted\n",
        encoding="utf-8",
    )
    ws = workspace(mini_repo)
    ranked = ranking(ws.ds, assessed(ws), AS_OF)
    assert [u["unit_id"] for u in ranked["commended"]] == ["bianban"]
    assert [u["unit_id"] for u in ranked["criticised"]] == ["deqing"]


def test_overdue_and_upcoming_lists(ws: Workspace, found: list[Assessed]) -> None:
    context = overall_context(ws.ds, found, ws.subs, AS_OF, None)
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
    keys = ("id", "area", "lead", "total", "due", "done", "overdue")
    assert [tuple(r[k] for k in keys) for r in rows] == [
        (1, "一", "市编办", 4, 3, 0, 0),
        (2, "一", "—", 4, 2, 1, 1),
    ]
    grid = overall_context(ws.ds, found, ws.subs, AS_OF, None)["grid"]
    assert grid == {
        "periods": ["2016-H1", "2016-H2"],
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
    grid = overall_context(ws.ds, assessed(ws), ws.subs, AS_OF, None)["grid"]
    assert grid["rows"][1]["cells"] == ["late", "missing_draft"]


def test_pilots_and_targets(ws: Workspace, found: list[Assessed]) -> None:
    (pilot,) = pilots_view(ws.ds, found, ws.subs)
    assert (pilot["id"], pilot["plan_due"], pilot["complete_by"]) == (2, "2016-04-20", "2017-04-07")
    members = [(m["unit_id"], m["area"], m["plan"], m["plan_done"], m["progress"],
                m["progress_text"]) for m in pilot["members"]]  # fmt: skip
    assert members == [
        ("deqing", True, "done_on_time", "2016-04-18", None, ""),
        ("bianban", False, "overdue", "", "in_progress", "已起草方案"),
    ]
    (target,) = targets_view(ws.ds, ws.subs)
    assert (target["measure"], target["metric"], target["unit"], target["value"]) == (
        1,
        "online_rate",
        "%",
        80.0,
    )
    assert target["judged"] == {"unit": "市编办", "period": "2016-H2", "value": 85.0, "note": ""}
    assert target["met"] is True


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
            "item": "m1-2016-12-31",
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
    context = notice_context(ws.ds, assessed(ws), "deqing", AS_OF, 15)
    assert context["unit"] == {"id": "deqing", "name": "德庆县", "addressee": "德庆县人民政府"}
    assert _ids(context["late"]) == ["report-2016-H2.deqing"]
    assert (context["deadline"], context["deadline_text"], context["within"]) == (
        "2017-01-25",
        "2017年1月25日",
        15,
    )
    assert context["reporting_quote"] == "每年的6月底和12月底前"
    item = context["late"][0]  # for officials: words, not codes
    assert item["title"].startswith("报送2016年下半年") and "2016-H2" not in item["title"]
    assert item["due_text"] == "2016年12月31日"
    assert context["sender"] == context["letterhead"] == "市法制局"  # no settings: the name
    settings = DocumentSettings(sender="某市法制局", number_prefix="某法督", copy_to=["甲"])
    context = notice_context(ws.ds, assessed(ws), "deqing", AS_OF, 15, settings)
    assert (context["sender"], context["printed_by"], context["copy_to"]) == (
        "某市法制局", "某市法制局", ["甲"],
    )  # fmt: skip


def test_notice_quotes_are_given_once(mini_repo: Path) -> None:
    """Two missing reports share the reporting rule: it is quoted once, for both items."""
    day = AS_OF.replace(year=2017, month=7, day=15)  # nothing filed: three reports missing
    ws = workspace(mini_repo, day)
    context = notice_context(ws.ds, assessed(ws, day), "deqing", day, 15)
    quotes = [q["quote"] for q in context["quotes"]]
    assert len(quotes) == len(set(quotes)) and len(quotes) < len(context["late"])
    shared = next(q for q in context["quotes"] if len(q["items"]) > 1)
    later = [i for i in context["late"] if i["n"] in shared["items"][1:]]
    assert later and all(not i["quote_first"] for i in later)
    assert all(i["quote_same_as"] == shared["items"][0] for i in later)
