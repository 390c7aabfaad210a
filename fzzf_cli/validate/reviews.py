"""The coordinator's review (复核/销号) of what units claim, read from ``data/reviews/``.

A unit's "done" is a claim (自报完成). 市法制局 looks at the evidence and records, item by
item, whether it accepts it (销号) or returns it (退回) with a reason and a new deadline —
the 交办 → 反馈 → 复核 → 办结销号 cycle of government supervision (督查督办). One file per
review round, named by the reporting period it follows: ``data/reviews/2017-H1.yaml``.

A verdict must name a unit, an item that unit owes and can claim (a milestone, a recurring
task or the final review: reports and pilot documents are judged by their files), and a
claim the unit made on or before the verdict's date; a returned item needs a reason and a
deadline no earlier than the return. A wrong verdict is left out and reported; the rest of
the file counts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pydantic import ValidationError

from fzzf_cli.errors import Location, Problem
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.filings import CLAIM_STATUSES, ReviewFile, Verdict
from fzzf_cli.read.yamlio import YamlDoc, locate, read_yaml
from fzzf_cli.text import msg
from fzzf_cli.validate.load import pydantic_problems
from fzzf_cli.validate.subs_find import (
    YAML_SUFFIXES,
    close_match,
    nested_repository,
    readable,
    shown,
)
from fzzf_cli.validate.subs_load import HORIZON_SLACK, Submissions
from fzzf_cli.vocab import Kind, Ruling

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation  # derived from the plan, passed in

REVIEWS = Path("data") / "reviews"
# Kinds of obligation a unit closes by claiming it done in a report or record.
CLAIMABLE = (Kind.MILESTONE, Kind.RECURRING, Kind.REVIEW)


class Decision(NamedTuple):
    """An accepted or returned claim, as the assessment uses it."""

    unit: str
    thing: str
    verdict: Ruling  # accepted or returned
    day: date
    reason: str | None
    deadline: date | None
    path: str  # the review file
    line: int


def review_path(period: str) -> str:
    return f"{REVIEWS.as_posix()}/{period}.yaml"


def claims(subs: Submissions) -> dict[tuple[str, str], list[date]]:
    """(unit, thing) -> the days it counts from of every filing that says it is done or
    not applicable (不适用)."""
    found: dict[tuple[str, str], list[date]] = {}
    for filed in subs.progress():
        report = filed.record
        if filed.filed is None or not hasattr(report, "items"):
            continue
        for item in report.items:
            if item.status in CLAIM_STATUSES:  # done, or 不适用
                thing = item.id.removesuffix(f".{report.unit}")
                found.setdefault((report.unit, thing), []).append(filed.filed)
    for days in found.values():
        days.sort()
    return found


def load_reviews(
    root: Path, ds: Dataset, obligations: list[Obligation], subs: Submissions
) -> tuple[list[Decision], list[Problem]]:
    """Every decided verdict under ``data/reviews/``, checked against the claims."""
    folder = root / REVIEWS
    problems: list[Problem] = []
    if folder.is_symlink():
        return [], [Problem(Location(REVIEWS.as_posix()), msg("sub_symlink_folder"))]
    if not folder.is_dir():
        return [], []
    if nested_repository(folder):
        return [], [Problem(Location(REVIEWS.as_posix()), msg("sub_nested_repo"))]
    periods = [p.id for p in ds.measures_file.reporting.periods]
    kinds = {(o.unit_id, o.thing): o.kind for o in obligations}
    made = claims(subs)
    decisions: list[Decision] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return [], [Problem(Location(REVIEWS.as_posix()), msg("folder_unlisted", reason=reason))]
    for path in entries:
        display = shown(path, root)
        if not readable(path):
            problems.append(Problem(Location(display), msg("sub_name_not_utf8")))
            continue
        if path.suffix.lower() not in YAML_SUFFIXES or path.stem not in periods:
            if path.suffix.lower() in YAML_SUFFIXES or path.is_dir():
                hint = close_match(path.stem, periods)
                problems.append(Problem(Location(display), msg("review_file_name"), hint))
            continue
        doc, found = read_yaml(path, display, root=root / "data")
        problems += found
        if doc is None:
            continue
        try:
            review = ReviewFile.model_validate(doc.data)
        except ValidationError as error:
            problems += pydantic_problems(error, doc, ReviewFile)
            continue
        if review.period != path.stem:
            text = msg("sub_wrong_period", found=review.period, period=path.stem)
            problems.append(Problem(locate(doc, ("period",)), text))
        seen: set[tuple[str, str]] = set()
        for i, verdict in enumerate(review.verdicts):
            wrong = list(_check(ds, kinds, made, doc, i, verdict, review, seen))
            problems += wrong
            if not wrong and verdict.verdict != Ruling.PENDING:
                thing = verdict.item.removesuffix(f".{verdict.unit}")
                line = locate(doc, ("verdicts", i)).line
                decisions.append(
                    Decision(
                        verdict.unit,
                        thing,
                        verdict.verdict,
                        verdict.date or review.reviewed,
                        verdict.reason,
                        verdict.deadline,
                        display,
                        line,
                    )
                )
    decisions.sort(key=lambda d: (d.day, d.path, d.line))
    return decisions, sorted(problems, key=Problem.sort_key)


def _check(
    ds: Dataset,
    kinds: dict[tuple[str, str], Kind],
    made: dict[tuple[str, str], list[date]],
    doc: YamlDoc,
    i: int,
    verdict: Verdict,
    review: ReviewFile,
    seen: set[tuple[str, str]],
):
    def at(*loc: str) -> Location:
        return locate(doc, ("verdicts", i, *loc))

    unit = verdict.unit
    thing = verdict.item.removesuffix(f".{unit}")
    day = verdict.date or review.reviewed
    if unit not in ds.units:
        yield Problem(
            at("unit"), msg("review_unknown_unit", unit=unit), close_match(unit, list(ds.units))
        )
        return
    kind = kinds.get((unit, thing))
    if kind is None:
        mine = sorted(t for (u, t) in kinds if u == unit)
        text = msg("sub_item_unknown", id=verdict.item, unit=ds.name_of(unit))
        yield Problem(at("item"), text, close_match(thing, mine))
        return
    if kind not in CLAIMABLE:
        yield Problem(at("item"), msg("review_not_claimable"))
        return
    if (unit, thing) in seen:
        yield Problem(at("item"), msg("review_twice", unit=ds.name_of(unit), id=thing))
    seen.add((unit, thing))
    if day < ds.measures_file.plan.date:
        where = at("date") if verdict.date else at()
        yield Problem(where, msg("review_before_plan", date=ds.plan.date))
    horizon = ds.measures_file.plan.horizon
    for field, value in (("date", day), ("deadline", verdict.deadline)):
        if value is not None and value > horizon + HORIZON_SLACK:
            where = at(field) if getattr(verdict, field) is not None else at()
            text = msg("sub_date_past_horizon", day=value, horizon=horizon)
            yield Problem(where, text, msg("sub_hint_date_typo"))
    if verdict.verdict == Ruling.PENDING:
        return
    if not any(claimed <= day for claimed in made.get((unit, thing), [])):
        text = msg("review_no_claim", unit=ds.name_of(unit), id=thing, day=day)
        yield Problem(at("verdict"), text, msg("review_hint_no_claim"))
    if verdict.deadline is not None and verdict.deadline < day:
        yield Problem(
            at("deadline"), msg("review_deadline_before", deadline=verdict.deadline, day=day)
        )
