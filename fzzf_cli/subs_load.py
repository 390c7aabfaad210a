"""Reading what units filed under ``data/submissions/``: every file, every problem.

Layout (one file per unit and half-year, one per unit and pilot document)::

    data/submissions/2017-H1/deqing.yaml              half-year report
    data/submissions/pilot-plans/p63/deqing.yaml      pilot plan (due 2016-04-20)
    data/submissions/pilot-completions/p63/deqing.yaml  pilot completion report

A file must say the unit and period (or pilot) its path says; it may name only
obligations its unit owes; a unit files once per period or pilot document.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from fzzf_cli.dataset import Dataset
from fzzf_cli.errors import FzzfError, Location, Problem
from fzzf_cli.load import pydantic_problems
from fzzf_cli.messages import msg
from fzzf_cli.names import resolve
from fzzf_cli.obligations import Obligation
from fzzf_cli.subs_model import PilotFile, Report
from fzzf_cli.yamlio import YamlDoc, locate, read_yaml

SUBMISSIONS = Path("data") / "submissions"
PILOT_FOLDERS = {"pilot-plans": "plan", "pilot-completions": "completion"}
YAML_SUFFIXES = (".yaml", ".yml")


class Filed(NamedTuple):
    """One valid submission file, with where it is."""

    path: str
    doc: YamlDoc
    record: Report | PilotFile


class Submissions(NamedTuple):
    reports: list[Filed]
    pilot_files: list[Filed]

    def all(self) -> list[Filed]:
        return [*self.reports, *self.pilot_files]


def submission_path(unit: str, period: str) -> str:
    return f"{SUBMISSIONS.as_posix()}/{period}/{unit}.yaml"


def pilot_path(unit: str, pilot: int, kind: str) -> str:
    folder = next(f for f, k in PILOT_FOLDERS.items() if k == kind)
    return f"{SUBMISSIONS.as_posix()}/{folder}/p{pilot}/{unit}.yaml"


def load_submissions(
    root: Path, ds: Dataset, obligations: list[Obligation]
) -> tuple[Submissions, list[Problem]]:
    """Every submission file under ``root``, validated against the plan."""
    found = Submissions([], [])
    problems: list[Problem] = []
    owed = {o.id for o in obligations}
    for path, expect in _discover(root, ds, problems):
        display = path.relative_to(root).as_posix()
        doc, read_problems = read_yaml(path, display, root=root / "data")
        problems += read_problems
        if doc is None:
            continue
        model = Report if expect[0] == "report" else PilotFile
        try:
            record = model.model_validate(doc.data)
        except ValidationError as error:
            problems += pydantic_problems(error, doc, model)
            continue
        filed = Filed(display, doc, record)
        if isinstance(record, Report):
            found_here = list(_check_report(ds, owed, filed, expect[1], expect[2]))
            target = found.reports
        else:
            found_here = list(_check_pilot_file(ds, filed, expect[1], expect[2], expect[3]))
            target = found.pilot_files
        problems += found_here
        if not found_here:  # a file with any problem counts for nobody until it is fixed
            target.append(filed)
    return found, sorted(problems, key=Problem.sort_key)


# --- finding the files ------------------------------------------------------------------


def _discover(
    root: Path, ds: Dataset, problems: list[Problem]
) -> Iterator[tuple[Path, tuple[str, ...]]]:
    """(file, expectation) pairs: ("report", unit, period) or ("pilot", unit, pilot, kind)."""
    base = root / SUBMISSIONS
    if base.is_symlink():
        problems.append(Problem(Location(SUBMISSIONS.as_posix()), msg("sub_symlink_folder")))
        return
    if not base.is_dir():
        return
    periods = {p.id for p in ds.measures_file.reporting.periods}
    seen: dict[tuple[str, ...], str] = {}
    for entry in sorted(base.iterdir()):
        rel = entry.relative_to(root).as_posix()
        if entry.is_dir() and entry.is_symlink():
            problems.append(Problem(Location(rel), msg("sub_symlink_folder")))
            continue
        if entry.is_file():
            if entry.suffix.lower() in YAML_SUFFIXES:
                problems.append(Problem(Location(rel), msg("sub_misplaced")))
            continue
        if entry.name in periods:
            for path, unit in _unit_files(root, entry, ds, problems):
                key = ("report", unit, entry.name)
                if _first(key, path, root, seen, problems):
                    yield path, key
        elif entry.name in PILOT_FOLDERS and not entry.is_symlink():
            yield from _pilot_files(root, entry, ds, seen, problems)
        else:
            hint = _close(entry.name, [*periods, *PILOT_FOLDERS])
            problems.append(
                Problem(Location(rel), msg("sub_unknown_folder", name=entry.name), hint)
            )


def _pilot_files(
    root: Path, folder: Path, ds: Dataset, seen: dict[tuple[str, ...], str], problems: list[Problem]
) -> Iterator[tuple[Path, tuple[str, ...]]]:
    kind = PILOT_FOLDERS[folder.name]
    for entry in sorted(folder.iterdir()):
        rel = entry.relative_to(root).as_posix()
        if entry.is_symlink():
            problems.append(Problem(Location(rel), msg("sub_symlink_folder")))
            continue
        number = entry.name[1:] if entry.name.startswith("p") else ""
        if not (entry.is_dir() and number.isdigit() and int(number) in ds.pilots):
            problems.append(
                Problem(Location(rel), msg("sub_unknown_pilot_folder", name=entry.name))
            )
            continue
        for path, unit in _unit_files(root, entry, ds, problems):
            key = ("pilot", unit, number, kind)
            if _first(key, path, root, seen, problems):
                yield path, key


def _unit_files(
    root: Path, folder: Path, ds: Dataset, problems: list[Problem]
) -> Iterator[tuple[Path, str]]:
    for entry in sorted(folder.iterdir()):
        rel = entry.relative_to(root).as_posix()
        if entry.suffix.lower() not in YAML_SUFFIXES:
            if entry.is_dir():
                problems.append(Problem(Location(rel), msg("sub_misplaced")))
            continue
        stem = entry.stem
        unit = stem.lower()
        if unit not in ds.units:
            hint = _file_name_hint(ds, stem, entry.suffix)
            problems.append(Problem(Location(rel), msg("sub_unknown_unit_file", name=stem), hint))
            continue
        yield entry, unit


def _first(
    key: tuple[str, ...], path: Path, root: Path, seen: dict[tuple[str, ...], str], problems: list
) -> bool:
    """A unit files once per period or pilot document (deqing.yaml and Deqing.yml clash)."""
    rel = path.relative_to(root).as_posix()
    if key in seen:
        problems.append(Problem(Location(rel), msg("sub_twice", other=seen[key])))
        return False
    seen[key] = rel
    return True


def _file_name_hint(ds: Dataset, stem: str, suffix: str) -> str:
    """德庆县.yaml → deqing.yaml: the file is named by the unit's id."""
    try:
        return msg("sub_rename", name=f"{resolve(ds, stem)}{suffix}")
    except FzzfError:
        return _close(stem, list(ds.units))


def _close(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return msg("did_you_mean", candidates=close[0]) if close else ""


# --- checking a file against the plan ---------------------------------------------------


def _at(filed: Filed, *loc: str | int) -> Location:
    return locate(filed.doc, tuple(loc))


def _check_report(
    ds: Dataset, owed: set[str], filed: Filed, unit: str, period: str
) -> Iterator[Problem]:
    report = filed.record
    assert isinstance(report, Report)
    if report.unit != unit:
        yield Problem(_at(filed, "unit"), msg("sub_wrong_unit", found=report.unit, unit=unit))
    if report.period != period:
        yield Problem(
            _at(filed, "period"), msg("sub_wrong_period", found=report.period, period=period)
        )
    start = next(p.start for p in ds.measures_file.reporting.periods if p.id == period)
    if report.submitted is not None and report.submitted < start:
        yield Problem(_at(filed, "submitted"), msg("sub_before_period", start=start))
    mine = sorted(o.removesuffix(f".{unit}") for o in owed if o.endswith(f".{unit}"))
    seen: set[str] = set()
    for i, item in enumerate(report.items):
        thing = item.id.removesuffix(f".{unit}")
        if thing in seen:
            yield Problem(_at(filed, "items", i, "id"), msg("sub_item_twice", id=item.id))
        seen.add(thing)
        if thing.startswith("report-"):
            yield Problem(_at(filed, "items", i, "id"), msg("sub_item_report"))
        elif f"{thing}.{unit}" not in owed:
            yield Problem(
                _at(filed, "items", i, "id"),
                msg("sub_item_unknown", id=item.id, unit=ds.name_of(unit)),
                _close(thing, mine),
            )
        if item.done and report.submitted and item.done > report.submitted:
            text = msg("sub_done_after_filed", done=item.done, submitted=report.submitted)
            yield Problem(_at(filed, "items", i, "done"), text)
    yield from _check_figures_and_pilots(ds, filed, report, unit)


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
                _close(figure.metric, sorted(metrics)),
            )
    for i, progress in enumerate(report.pilots):
        pilot = ds.pilots.get(progress.pilot)
        if pilot is None or unit not in (*pilot.areas, *pilot.units):
            yield Problem(
                _at(filed, "pilots", i, "pilot"), msg("sub_not_in_pilot", pilot=progress.pilot)
            )


def _check_pilot_file(
    ds: Dataset, filed: Filed, unit: str, number: str, kind: str
) -> Iterator[Problem]:
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
        for field in ("goals", "tasks", "schedule", "responsible", "safeguards", "summary"):
            if getattr(record, field) == msg(f"new_pilot_{field}"):
                yield Problem(_at(filed, field), msg("sub_placeholder", field=field))
    issued = ds.measures_file.plan.date
    if record.submitted is not None and record.submitted < issued:
        yield Problem(_at(filed, "submitted"), msg("sub_before_plan", date=issued))
