"""A half-year and a bit on the mini plan, filed and reviewed: what the unit tests of
tracking, reports, the gate and the scaffolds look at.

As of 2017-01-10: 市编办 filed both reports on time, claims measure 1 done and has not filed
its pilot plan (overdue since 2016-04-20); 德庆县 filed its pilot plan on time, its 2016-H1
report late and its 2016-H2 report not at all, and its claim was returned (新的期限
2017-01-31); 市法制局 keeps a record claiming measure 1 done, awaiting review.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fzzf_cli.derive.status import Assessed, assess
from fzzf_cli.pipeline import Source, Workspace, build
from fzzf_cli.validate.load import load_dataset

AS_OF = date(2017, 1, 10)
PLAIN = Source(None, None, "", "plain folder")

FILES = {
    "submissions/2016-H1/bianban.yaml": """\
unit: bianban
period: 2016-H1
submitted: 2016-06-28
items:
  - id: m1-2016-12-31
    status: in_progress
""",
    "submissions/2016-H2/bianban.yaml": """\
unit: bianban
period: 2016-H2
submitted: 2016-12-20
items:
  - id: m1-2016-12-31
    status: done
    done: 2016-12-15
    evidence:
      - text: 编办公布了权责清单
        link: https://example.gov.cn/bb
figures:
  - metric: online_rate
    value: 85
pilots:
  - pilot: 2
    status: in_progress
    progress: 已起草方案
""",
    "submissions/2016-H1/deqing.yaml": """\
unit: deqing
period: 2016-H1
submitted: 2016-07-05
items:
  - id: m1-2016-12-31
    status: done
    done: 2016-07-01
""",
    "submissions/pilot-plans/p2/deqing.yaml": """\
unit: deqing
pilot: 2
kind: plan
submitted: 2016-04-18
goals: 目标
tasks: 任务
schedule: 进度
responsible: 责任主体
safeguards: 保障
""",
    "submissions/records/2016-H2/fazhiju.yaml": """\
unit: fazhiju
period: 2016-H2
submitted: 2016-12-28
items:
  - id: m1-2016-12-31
    status: done
    done: 2016-12-20
""",
    "reviews/2016-H2.yaml": """\
period: 2016-H2
reviewed: 2017-01-05
verdicts:
  - unit: deqing
    item: m1-2016-12-31
    verdict: returned
    reason: 佐证不全
    deadline: 2017-01-31
""",
}


def file_all(repo: Path) -> Path:
    """The scenario's filings and review written into the mini plan's repository."""
    for relative, text in FILES.items():
        path = repo / "data" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return repo


def workspace(repo: Path, as_of: date = AS_OF) -> Workspace:
    ds, problems = load_dataset(repo)
    assert ds is not None and problems == []
    ws = build(repo, ds, as_of, PLAIN)
    assert ws.problems == [] and ws.flags == [], ws.problems + ws.flags
    return ws


def assessed(ws: Workspace, as_of: date = AS_OF) -> list[Assessed]:
    return assess(ws.obligations, ws.subs, as_of, decisions=ws.decisions)


def statuses(found: list[Assessed]) -> dict[str, str]:
    return {a.obligation.id: a.status for a in found}
