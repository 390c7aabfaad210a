"""Submission files on the mini plan: where they go, what they may say, every problem with
its code at its line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from fzzf_cli.derive.obligations import derive
from fzzf_cli.errors import Problem
from fzzf_cli.text import LANGUAGES, catalogue, msg
from fzzf_cli.validate.load import load_dataset
from fzzf_cli.validate.subs_load import Submissions, load_submissions

from ..conftest import located

REPORT = """\
unit: deqing
period: 2016-H2
submitted: 2016-12-28
items:
  - id: m1-2017-12-31
    status: in_progress
  - id: p2-done
    status: done
    done: 2016-10-01
    evidence:
      - text: 试点总结
        link: https://example.gov.cn/p2
pilots:
  - pilot: 2
    status: done
    progress: 已完成
"""


def _file(repo: Path, relative: str, text: str) -> Path:
    path = repo / "data" / "submissions" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _load(repo: Path) -> tuple[Submissions, list[Problem]]:
    ds, problems = load_dataset(repo)
    assert ds is not None and problems == []
    return load_submissions(repo, ds, derive(ds))


def _problems(repo: Path) -> list[Problem]:
    return _load(repo)[1]


def test_valid_report_loads(mini_repo: Path) -> None:
    _file(mini_repo, "2016-H2/deqing.yaml", REPORT)
    subs, problems = _load(mini_repo)
    assert problems == []
    (filed,) = subs.reports
    assert filed.path == "data/submissions/2016-H2/deqing.yaml"
    assert filed.record.items[1].done.isoformat() == "2016-10-01"


P = "data/submissions/2016-H2/deqing.yaml"


@pytest.mark.parametrize(
    ("old", "new", "code", "where"),
    [
        ("unit: deqing", "unit: bianban", "sub-wrong-unit", "1:7"),
        ("period: 2016-H2", "period: 2016-H1", "sub-wrong-period", "2:9"),
        ("submitted: 2016-12-28", "submitted: 2016-06-30", "sub-before-period", "3:12"),
        ("  - id: m1-2017-12-31", "  - id: m1-2017-12-30", "sub-item-unknown", "5:9"),
        ("  - id: m1-2017-12-31", "  - id: m2-2017-12-31", "sub-item-unknown", "5:9"),
        ("    status: in_progress", "    status: started", "field-choice", "6:13"),
        ("    done: 2016-10-01", "    done: 2016-12-29", "sub-done-after-filed", "9:11"),
        (
            "    status: done\n    done: 2016-10-01\n",
            "    status: done\n",
            "done-needs-date",
            "7:5",
        ),
        (
            "        link: https://example.gov.cn/p2",
            "        link: javascript:alert(1)",
            "link-scheme",
            "12:15",
        ),
        ("  - pilot: 2", "  - pilot: 3", "field-less-than-equal", "14:12"),
        ("  - pilot: 2", "  - pilot: 1", "field-greater-than-equal", "14:12"),
        (
            "    status: in_progress\n",
            "    status: in_progress\n    statu: done\n",
            "field-extra-forbidden",
            "7:5",
        ),
    ],
)
def test_report_problems(mini_repo: Path, old: str, new: str, code: str, where: str) -> None:
    assert old in REPORT
    _file(mini_repo, "2016-H2/deqing.yaml", REPORT.replace(old, new))
    assert (code, f"{P}:{where}") in located(_problems(mini_repo)), located(_problems(mini_repo))


def test_a_pilot_number_outside_the_pilots_is_worded_as_a_bound(mini_repo: Path) -> None:
    _file(mini_repo, "2016-H2/deqing.yaml", REPORT.replace("  - pilot: 2", "  - pilot: 3"))
    (problem,) = _problems(mini_repo)
    assert problem.message == msg("pyd_less_than_equal", field="pilots[0].pilot", le=2, value="3")


def test_unknown_item_suggests_the_closest(mini_repo: Path) -> None:
    _file(mini_repo, "2016-H2/deqing.yaml", REPORT.replace("m1-2017-12-31", "m1-2017-12-13"))
    (problem,) = _problems(mini_repo)
    assert located([problem]) == [("sub-item-unknown", f"{P}:5:9")]
    assert problem.hint == msg("did_you_mean", candidates="m1-2017-12-31")


def test_progress_on_a_pilot_the_unit_is_not_in(mini_repo: Path) -> None:
    text = REPORT.replace("deqing", "fazhiju").replace("2016-H2", "2016-H1")
    text = text.replace("submitted: 2016-12-28", "submitted: 2016-06-28")
    text = text.replace("  - id: m1-2017-12-31\n    status: in_progress\n", "")
    text = text.replace("  - id: p2-done", "  - id: m1-2016-12-31").replace(
        "2016-10-01", "2016-06-01"
    )
    _file(mini_repo, "records/2016-H1/fazhiju.yaml", text)
    problems = _problems(mini_repo)
    at = "data/submissions/records/2016-H1/fazhiju.yaml"
    assert located(problems) == [("sub-not-in-pilot", f"{at}:12:12")]


def test_a_unit_files_once_per_period(mini_repo: Path) -> None:
    _file(mini_repo, "2016-H2/deqing.yaml", REPORT)
    _file(mini_repo, "2016-H2/Deqing.yml", REPORT)
    problems = _problems(mini_repo)
    assert located(problems) == [("sub-twice", P)]
    assert problems[0].message == msg("sub_twice", other="data/submissions/2016-H2/Deqing.yml")


def test_files_in_wrong_places(mini_repo: Path) -> None:
    _file(mini_repo, "2016-H3/deqing.yaml", REPORT)
    _file(mini_repo, "deqing.yaml", REPORT)
    _file(mini_repo, "2016-H2/德庆县.yaml", REPORT)
    _file(mini_repo, "pilot-plans/p70/deqing.yaml", "unit: deqing\n")
    assert sorted(located(_problems(mini_repo))) == [
        ("sub-misplaced", "data/submissions/deqing.yaml"),
        ("sub-unknown-folder", "data/submissions/2016-H3"),
        ("sub-unknown-pilot-folder", "data/submissions/pilot-plans/p70"),
        ("sub-unknown-unit-file", "data/submissions/2016-H2/德庆县.yaml"),
    ]


PILOT_HEAD = "unit: deqing\npilot: 2\nkind: plan\nsubmitted: 2016-04-18\n"
PLAN_BODY = "goals: 目标\ntasks: 任务\nschedule: 进度\nresponsible: 责任主体\nsafeguards: 保障\n"


def test_pilot_plan_file(mini_repo: Path) -> None:
    text = "unit: deqing\npilot: 2\nkind: plan\nsubmitted: 2016-04-18\n" + PLAN_BODY
    _file(mini_repo, "pilot-plans/p2/deqing.yaml", text)
    subs, problems = _load(mini_repo)
    assert problems == [] and len(subs.pilot_files) == 1
    _file(mini_repo, "pilot-plans/p2/fazhiju.yaml", text.replace("deqing", "fazhiju"))
    assert located(_problems(mini_repo)) == [
        ("sub-not-in-pilot", "data/submissions/pilot-plans/p2/fazhiju.yaml:1:7")
    ]


def test_a_filed_pilot_plan_sets_out_what_the_plan_asks(mini_repo: Path) -> None:
    """八: 明确试点工作的目标、任务、进度安排、责任主体和保障机制 — an empty plan is not filed."""
    text = "unit: deqing\npilot: 2\nkind: plan\nsubmitted: 2016-04-18\ngoals: 目标\n"
    _file(mini_repo, "pilot-plans/p2/deqing.yaml", text)
    problems = _problems(mini_repo)
    where = "data/submissions/pilot-plans/p2/deqing.yaml:4:12"
    assert located(problems) == [("sub-pilot-field-missing", where)] * 4
    said = {p.message for p in problems}
    for field in ("tasks", "schedule", "responsible", "safeguards"):
        assert msg("sub_pilot_field_missing", field=field, name=msg(f"pilot_field_{field}")) in said
    _file(mini_repo, "pilot-plans/p2/deqing.yaml", text.replace("2016-04-18", ""))
    assert _problems(mini_repo) == []  # a draft may be incomplete


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_a_placeholder_left_as_generated_is_not_content(mini_repo: Path, lang: str) -> None:
    """``fzzf --lang en new pilot-plan`` writes English placeholders; the check, in
    whatever language it runs, still knows them for what they are."""
    goals = catalogue(lang)["new_pilot_goals"]
    text = PLAN_BODY.replace("goals: 目标", f'goals: "{goals}"')
    _file(mini_repo, "pilot-plans/p2/deqing.yaml", PILOT_HEAD + text)
    where = "data/submissions/pilot-plans/p2/deqing.yaml:5:8"
    assert located(_problems(mini_repo)) == [("sub-placeholder", where)]


def test_wrong_kind_for_folder(mini_repo: Path) -> None:
    text = "unit: deqing\npilot: 2\nkind: plan\nsubmitted: 2017-04-05\nsummary: 完成\n"
    _file(mini_repo, "pilot-completions/p2/deqing.yaml", text)
    assert located(_problems(mini_repo)) == [
        ("sub-wrong-kind", "data/submissions/pilot-completions/p2/deqing.yaml:3:7")
    ]


def test_draft_is_valid(mini_repo: Path) -> None:
    _file(mini_repo, "2016-H2/deqing.yaml", REPORT.replace("submitted: 2016-12-28", "submitted:"))
    subs, problems = _load(mini_repo)
    assert problems == [] and subs.reports[0].record.submitted is None


def test_figures_name_real_targets(mini_repo: Path) -> None:
    text = REPORT + "figures:\n  - metric: online_rate\n    value: 82.5\n"
    _file(mini_repo, "2016-H2/deqing.yaml", text)
    assert _problems(mini_repo) == []
    _file(mini_repo, "2016-H2/deqing.yaml", text.replace("online_rate", "online_rat"))
    (problem,) = _problems(mini_repo)
    assert located([problem]) == [("sub-unknown-metric", f"{P}:18:13")]
    assert problem.hint == msg("did_you_mean", candidates="online_rate")
    _file(mini_repo, "2016-H2/deqing.yaml", text.replace("82.5", "182.5"))
    assert located(_problems(mini_repo)) == [("sub-percent-range", f"{P}:19:12")]


def test_broken_yaml_in_a_submission(mini_repo: Path) -> None:
    _file(mini_repo, "2016-H2/deqing.yaml", REPORT.replace("  - id: p2-done", "\t- id: p2-done"))
    assert located(_problems(mini_repo)) == [("yaml-tab-indent", f"{P}:7:1")]
