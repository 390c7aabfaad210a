"""Reading what units filed under ``data/submissions/``: every file, every problem.

Where files go and whose they are is ``subs_find``; here each file is read, checked against
its model and against the plan: a file must say the unit and period (or pilot) its path
says; it may name only obligations its unit owes; a half-year report comes from a unit
that reports (各地各部门), an own record from one that does not (市法制局 receives the
reports; the leading group owes none). A file with any problem counts for nobody until it
is fixed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pydantic import ValidationError

from fzzf_cli.errors import Location, Problem
from fzzf_cli.model.changes import RoundFile
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.filings import PilotFile, Report
from fzzf_cli.read.history import Proof
from fzzf_cli.read.reread import Reread
from fzzf_cli.read.yamlbytes import read_bytes
from fzzf_cli.read.yamlio import YamlDoc, locate, parse_yaml
from fzzf_cli.text import every, msg
from fzzf_cli.validate.load import pydantic_problems
from fzzf_cli.validate.subs_cache import SubsCache, context_key, loading
from fzzf_cli.validate.subs_find import Expected, close_match, discover, shown
from fzzf_cli.vocab import Filing, Kind, PilotDoc

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation  # derived from the plan, passed in

# What a filed pilot plan must set out (八: 明确试点工作的目标、任务、进度安排、责任主体和保障机制).
PLAN_FIELDS = ("goals", "tasks", "schedule", "responsible", "safeguards")
# Dates further than this past the plan's horizon are typing mistakes (2071 for 2017).
HORIZON_SLACK = timedelta(days=366)


class Filed(NamedTuple):
    """One valid submission file, with where it is and the day it counts from."""

    path: str
    doc: YamlDoc | Reread  # a valid file keeps its bytes only (yamlio.Reread)
    record: Report | PilotFile | RoundFile
    kind: Filing | PilotDoc = Filing.REPORT
    filed: date | None = None  # the day it counts from (filing.py); None: a draft
    proof: Proof | None = None  # the commit that brought it to the main line


class Submissions(NamedTuple):
    reports: list[Filed]
    pilot_files: list[Filed]
    records: list[Filed] = []
    rounds: list[Filed] = []  # filings for extra rounds (另行通知报送)

    def all(self) -> list[Filed]:
        return [*self.reports, *self.records, *self.pilot_files, *self.rounds]

    def progress(self) -> list[Filed]:
        """Reports and own records: the files that say how each item stands."""
        return [*self.reports, *self.records]


class Checker(NamedTuple):
    """What checking a file needs to know of the plan, computed once for all files."""

    ds: Dataset
    owed: dict[str, set[str]]  # unit -> things it owes
    reporters: set[str]
    latest: date  # no date in a filing may be later than this


def checker(ds: Dataset, obligations: list[Obligation]) -> Checker:
    owed: dict[str, set[str]] = {}
    for o in obligations:
        owed.setdefault(o.unit_id, set()).add(o.thing)
    reporters = {o.unit_id for o in obligations if o.kind == Kind.REPORT}
    return Checker(ds, owed, reporters, ds.measures_file.plan.horizon + HORIZON_SLACK)


def check_file(
    plan: Checker, display: str, doc: YamlDoc, expect: Expected
) -> tuple[Filed | None, list[Problem]]:
    """One read file against its model and the plan: the filing, or its problems (a file
    with any problem counts for nobody until it is fixed). Also used to tell which earlier
    version of a file in git history was the first valid filing (history.py)."""
    if expect.round is not None:  # an extra round's filing (validate/round_files.py)
        from fzzf_cli.validate.round_files import check_round_file

        return check_round_file(plan, display, doc, expect)
    model = PilotFile if expect.pilot is not None else Report
    try:
        record = model.model_validate(doc.data, context=plan.ds.conventions.bounds())
    except ValidationError as error:
        return None, list(pydantic_problems(error, doc, model))
    filed = Filed(display, doc, record, expect.kind)
    if isinstance(record, Report):
        found = list(_check_report(plan, filed, expect))
    else:
        found = list(_check_pilot_file(plan, filed, expect))
    return (None if found else filed), found


def load_submissions(
    root: Path,
    ds: Dataset,
    obligations: list[Obligation],
    plan: Checker | None = None,
    cache_dir: Path | None = None,
) -> tuple[Submissions, list[Problem]]:
    """Every submission file under ``root``, validated against the plan; with ``cache_dir``,
    a file valid in an earlier run with the same plan is not read again (subs_cache.py)."""
    plan = plan or checker(ds, obligations)
    store = SubsCache(cache_dir, root, context_key(plan, root)) if cache_dir is not None else None
    found: dict[str, list[Filed]] = {"report": [], "record": [], "pilot": [], "round": []}
    problems: list[Problem] = []
    with loading():
        for path, expect in discover(root, ds, problems):
            display = shown(path, root)
            raw, read_problems = read_bytes(path, display, root / "data")
            problems += read_problems
            if raw is None:
                continue
            key = store.key(display, raw) if store is not None else ""
            filed = _from_cache(plan, store, key, display, raw, expect)
            if filed is None:
                doc, found_here = parse_yaml(raw, display)
                if doc is not None:
                    filed, found_here = check_file(plan, display, doc, expect)
                problems += found_here
                if filed is None or doc is None:
                    continue
                if store is not None:
                    store.put(key, doc.data)
                filed = filed._replace(doc=Reread.of(raw, display))
            found["pilot" if expect.pilot is not None else expect.kind].append(filed)
    if store is not None:
        store.save()
    subs = Submissions(found["report"], found["pilot"], found["record"], found["round"])
    return subs, sorted(problems, key=Problem.sort_key)


def _from_cache(
    plan: Checker, store: SubsCache | None, key: str, display: str, raw: bytes, expect: Expected
) -> Filed | None:
    """The filing a cache entry holds, validated by its model again; None on a miss."""
    data = store.get(key) if store is not None else None
    if data is None:
        return None
    model: type[Report | PilotFile | RoundFile] = Report
    model = RoundFile if expect.round is not None else model
    model = PilotFile if expect.pilot is not None else model
    try:
        record = model.model_validate(data, context=plan.ds.conventions.bounds())
    except ValidationError:  # not what it was stored as: read the file
        return None
    return Filed(display, Reread.of(raw, display), record, expect.kind)


# --- checking a file against the plan ---------------------------------------------------


def _at(filed: Filed, *loc: str | int) -> Location:
    return locate(filed.doc, tuple(loc))


def _check_report(plan: Checker, filed: Filed, expect: Expected) -> Iterator[Problem]:
    """A half-year report or an own record."""
    ds, unit, period = plan.ds, expect.unit, expect.period or ""
    report = filed.record
    assert isinstance(report, Report)
    yield from _check_reporter(plan, filed, expect)
    if report.unit != unit:
        yield Problem(_at(filed, "unit"), msg("sub_wrong_unit", found=report.unit, unit=unit))
    if report.period != period:
        yield Problem(
            _at(filed, "period"), msg("sub_wrong_period", found=report.period, period=period)
        )
    start = next(p.start for p in ds.measures_file.reporting.periods if p.id == period)
    if report.submitted is not None and report.submitted < start:
        yield Problem(_at(filed, "submitted"), msg("sub_before_period", start=start))
    yield from _too_late(plan, filed, ("submitted",), report.submitted)
    mine = plan.owed.get(unit, set())
    seen: set[str] = set()
    for i, item in enumerate(report.items):
        thing = item.id.removesuffix(f".{unit}")
        if thing in seen:
            yield Problem(_at(filed, "items", i, "id"), msg("sub_item_twice", id=item.id))
        seen.add(thing)
        if thing.startswith("report-"):
            yield Problem(_at(filed, "items", i, "id"), msg("sub_item_report"))
        elif thing not in mine:
            yield Problem(
                _at(filed, "items", i, "id"),
                msg("sub_item_unknown", id=item.id, unit=ds.name_of(unit)),
                close_match(thing, sorted(mine)),
            )
        if item.done and report.submitted and item.done > report.submitted:
            text = msg("sub_done_after_filed", done=item.done, submitted=report.submitted)
            yield Problem(_at(filed, "items", i, "done"), text)
        yield from _too_late(plan, filed, ("items", i, "done"), item.done)
        if item.done is not None and item.done < ds.measures_file.plan.date:
            text = msg("sub_done_before_plan", done=item.done, date=ds.measures_file.plan.date)
            yield Problem(_at(filed, "items", i, "done"), text)
    yield from _check_figures_and_pilots(ds, filed, report, unit)


def _check_reporter(plan: Checker, filed: Filed, expect: Expected) -> Iterator[Problem]:
    """Reports come from the units that report (三(二) 各地各部门); a unit that receives
    them, or owes none, keeps an own record of its progress instead."""
    name = plan.ds.name_of(expect.unit)
    period = expect.period or ""
    if expect.kind == Filing.REPORT and expect.unit not in plan.reporters:
        text = msg("sub_not_reporter", unit=name)
        hint = msg("sub_hint_record", unit=expect.unit, period=period)
        yield Problem(Location(filed.path), text, hint)
    if expect.kind == Filing.RECORD and expect.unit in plan.reporters:
        text = msg("sub_record_reporter", unit=name)
        hint = msg("sub_hint_report", unit=expect.unit, period=period)
        yield Problem(Location(filed.path), text, hint)


def _too_late(
    plan: Checker, filed: Filed, loc: tuple[str | int, ...], day: date | None
) -> Iterator[Problem]:
    if day is not None and day > plan.latest:
        text = msg("sub_date_past_horizon", day=day, horizon=plan.ds.measures_file.plan.horizon)
        yield Problem(_at(filed, *loc), text, msg("sub_hint_date_typo"))


def _check_figures_and_pilots(
    ds: Dataset, filed: Filed, report: Report, unit: str
) -> Iterator[Problem]:
    targets = {t.metric: t for m in ds.measures_file.measures for t in m.targets}
    metrics = set(targets)
    for i, figure in enumerate(report.figures):
        target = targets.get(figure.metric)
        if target is not None and target.unit == "percent" and not 0 <= figure.value <= 100:
            loc = _at(filed, "figures", i, "value")
            yield Problem(loc, msg("sub_percent_range", value=figure.value))
        if figure.metric not in metrics:
            loc = _at(filed, "figures", i, "metric")
            yield Problem(
                loc,
                msg("sub_unknown_metric", metric=figure.metric),
                close_match(figure.metric, sorted(metrics)),
            )
    seen: set[int] = set()
    for i, progress in enumerate(report.pilots):
        if progress.pilot in seen:
            loc = _at(filed, "pilots", i, "pilot")
            yield Problem(loc, msg("sub_pilot_twice", pilot=progress.pilot))
        seen.add(progress.pilot)
        pilot = ds.pilots.get(progress.pilot)
        if pilot is None or unit not in (*pilot.areas, *pilot.units):
            yield Problem(
                _at(filed, "pilots", i, "pilot"), msg("sub_not_in_pilot", pilot=progress.pilot)
            )


def _check_pilot_file(plan: Checker, filed: Filed, expect: Expected) -> Iterator[Problem]:
    ds, unit, number, kind = plan.ds, expect.unit, str(expect.pilot), expect.kind
    record = filed.record
    assert isinstance(record, PilotFile)
    if record.unit != unit:
        yield Problem(_at(filed, "unit"), msg("sub_wrong_unit", found=record.unit, unit=unit))
    if str(record.pilot) != number:
        yield Problem(_at(filed, "pilot"), msg("sub_wrong_pilot", found=record.pilot, pilot=number))
    if record.kind != kind:
        yield Problem(_at(filed, "kind"), msg("sub_wrong_kind", found=record.kind, kind=kind))
    pilot = ds.pilots.get(int(number))
    if pilot is not None and unit not in (*pilot.areas, *pilot.units):
        yield Problem(_at(filed, "unit"), msg("sub_not_in_pilot", pilot=number))
    if record.submitted is not None:  # a filed document must say something of its own
        needed = PLAN_FIELDS if kind == PilotDoc.PLAN else ("summary",)
        for field in ("goals", "tasks", "schedule", "responsible", "safeguards", "summary"):
            if getattr(record, field) in every(f"new_pilot_{field}"):
                yield Problem(_at(filed, field), msg("sub_placeholder", field=field))
            elif field in needed and getattr(record, field) is None:
                yield Problem(_at(filed, "submitted"), msg("sub_pilot_field_missing", field=field,
                                         name=msg(f"pilot_field_{field}")))  # fmt: skip
    issued = ds.measures_file.plan.date
    if record.submitted is not None and record.submitted < issued:
        yield Problem(_at(filed, "submitted"), msg("sub_before_plan", date=issued))
    yield from _too_late(plan, filed, ("submitted",), record.submitted)
