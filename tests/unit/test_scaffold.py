"""What ``fzzf new`` writes (derive/scaffold.py, derive/review_scaffold.py), on the mini
plan's scenario: the items a unit owes by the end of a period, carried forward from its
earlier word (but not a returned "done"); pilot documents; the coordinator's review file.
Each text loads back as a valid file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from fzzf_cli.derive.review_scaffold import review_data, review_text
from fzzf_cli.derive.scaffold import pilot_data, pilot_text, report_data, report_text
from fzzf_cli.model.filings import ReviewFile
from fzzf_cli.pipeline import Workspace
from fzzf_cli.read.yamlio import parse_yaml
from fzzf_cli.text import msg

from .scenario import AS_OF, assessed, file_all, workspace


@pytest.fixture
def ws(mini_repo: Path) -> Workspace:
    return workspace(file_all(mini_repo))


def _report(
    ws: Workspace,
    unit: str,
    period: str,
    everything: bool = False,
    returned: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The values of a draft (no date) report of ``unit`` for ``period``."""
    return report_data(ws.ds, ws.obligations, ws.subs, unit, period, None, everything, returned)


def test_a_new_report_carries_the_units_latest_word(ws: Workspace) -> None:
    assert _report(ws, "deqing", "2016-H2") == {
        "unit": "deqing",
        "period": "2016-H2",
        "submitted": None,
        "items": [
            {
                "id": "m1-2016-12-31",
                "title": "2016-12-31 做一件事",
                "status": "done",
                "done": "2016-07-01",
            },
        ],
        "pilots": [{"pilot": 2, "status": "not_started"}],
    }


def test_a_returned_done_starts_again_in_progress(ws: Workspace) -> None:
    data = _report(ws, "deqing", "2016-H2", returned=frozenset({"m1-2016-12-31"}))
    assert data["items"] == [
        {"id": "m1-2016-12-31", "title": "2016-12-31 做一件事", "status": "in_progress"}
    ]


def test_later_items_only_when_asked_for(ws: Workspace) -> None:
    data = _report(ws, "deqing", "2016-H1", everything=True)
    assert [i["id"] for i in data["items"]] == ["m1-2016-12-31", "m1-2017-12-31"]
    assert _report(ws, "deqing", "2016-H1")["items"] == []  # nothing due by 2016-06-30 but files


def test_pilot_progress_and_evidence_are_carried(mini_repo: Path) -> None:
    file_all(mini_repo)
    ws = workspace(mini_repo, date(2017, 7, 1))
    data = report_data(ws.ds, ws.obligations, ws.subs, "bianban", "2016-H2", date(2016, 12, 20))
    assert data["pilots"] == [{"pilot": 2, "status": "not_started"}]  # 2016-H1 said nothing
    assert data["submitted"] == "2016-12-20"


def test_the_report_text_loads_back_as_a_valid_filing(ws: Workspace, mini_repo: Path) -> None:
    data = report_data(ws.ds, ws.obligations, ws.subs, "deqing", "2016-H2", AS_OF)
    text = report_text(ws.ds, data)
    assert text.startswith(
        "# " + msg("new_report_header", unit="德庆县", period="2016-H2").splitlines()[0]
    )
    assert msg("new_report_draft") not in text
    (mini_repo / "data" / "submissions" / "2016-H2" / "deqing.yaml").write_text(text, "utf-8")
    again = workspace(mini_repo)
    (filed,) = [
        f for f in again.subs.reports if f.record.unit == "deqing" and f.record.period == "2016-H2"
    ]
    assert filed.record.submitted == AS_OF
    draft = report_text(ws.ds, _report(ws, "deqing", "2016-H2"))
    assert msg("new_report_draft") in draft


def test_an_own_record_has_its_own_header(ws: Workspace) -> None:
    data = _report(ws, "fazhiju", "2016-H2")
    assert [i["id"] for i in data["items"]] == ["m1-2016-12-31"]
    text = report_text(ws.ds, data, kind="record")
    assert text.startswith(
        "# " + msg("new_record_header", unit="市法制局", period="2016-H2").splitlines()[0]
    )


def test_pilot_documents(ws: Workspace) -> None:
    plan = pilot_data(ws.ds, "bianban", 2, "plan", date(2016, 4, 18))
    assert plan == {
        "unit": "bianban", "pilot": 2, "kind": "plan", "submitted": "2016-04-18",
        "goals": msg("new_pilot_goals"), "tasks": msg("new_pilot_tasks"),
        "schedule": msg("new_pilot_schedule"), "responsible": msg("new_pilot_responsible"),
        "safeguards": msg("new_pilot_safeguards"),
    }  # fmt: skip
    done = pilot_data(ws.ds, "deqing", 2, "completion", None)
    assert done == {"unit": "deqing", "pilot": 2, "kind": "completion", "submitted": None,
                    "summary": msg("new_pilot_summary")}  # fmt: skip
    header = msg("new_pilot_plan_header", unit="市编办", pilot=2, title="试点").splitlines()[0]
    assert pilot_text(ws.ds, plan).startswith(f"# {header}\n")
    assert msg("new_report_draft") in pilot_text(ws.ds, done)


def test_the_review_file_lists_every_claim_awaiting_review(ws: Workspace) -> None:
    data = review_data(ws, assessed(ws), "2016-H2", AS_OF)
    assert data == {
        "period": "2016-H2",
        "reviewed": "2017-01-10",
        "verdicts": [
            {
                "unit": "bianban",
                "item": "m1-2016-12-31",
                "title": "2016-12-31 市编办 做一件事",
                "claimed": "2016-12-15",
                "source": "data/submissions/2016-H2/bianban.yaml",
                "evidence": [{"text": "编办公布了权责清单", "link": "https://example.gov.cn/bb"}],
                "verdict": "pending",
            },
            {
                "unit": "fazhiju",
                "item": "m1-2016-12-31",
                "title": "2016-12-31 市法制局 做一件事",
                "claimed": "2016-12-20",
                "source": "data/submissions/records/2016-H2/fazhiju.yaml",
                "verdict": "pending",
            },
        ],
    }
    text = review_text(ws, assessed(ws), "2016-H2", AS_OF)
    doc, problems = parse_yaml(text.encode("utf-8"), "data/reviews/2016-H2.yaml")
    assert problems == [] and doc is not None
    assert len(ReviewFile.model_validate(doc.data).verdicts) == 2


def test_an_empty_review_file_says_so(ws: Workspace) -> None:
    day = date(2016, 6, 1)
    text = review_text(ws, assessed(ws, day), "2016-H1", day)
    assert msg("new_review_empty", as_of=day) in text.replace("# ", "")
    assert text.endswith("verdicts: []\n")
