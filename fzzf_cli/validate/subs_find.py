"""Finding what units filed under ``data/submissions/``: which file is whose, and which
files are misplaced. Layout (one file per unit and half-year, one per unit and pilot
document)::

    data/submissions/2017-H1/deqing.yaml                half-year report (三(二))
    data/submissions/records/2017-H1/fazhiju.yaml       own progress record of a unit that
                                                        receives the reports (市法制局) or
                                                        owes no report (the leading group)
    data/submissions/pilot-plans/p63/deqing.yaml        pilot plan (due 2016-04-20)
    data/submissions/pilot-completions/p63/deqing.yaml  pilot completion report
    data/submissions/rounds/2017-r1/deqing.yaml         filing for an extra round
                                                        (另行通知报送, data/rounds.yaml)
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from fzzf_cli.errors import Location, Problem
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.names import unique
from fzzf_cli.text import msg
from fzzf_cli.vocab import Filing, PilotDoc

SUBMISSIONS = Path("data") / "submissions"
PILOT_FOLDERS = {doc.folder: doc for doc in PilotDoc}
RECORDS = "records"
ROUNDS = "rounds"
YAML_SUFFIXES = (".yaml", ".yml")
HINTS = 50  # problems found so far after which no more file-name suggestions are made


class Expected(NamedTuple):
    """What a file's place says it is: its kind, whose, and for which period or pilot."""

    kind: Filing | PilotDoc
    unit: str
    period: str | None = None
    pilot: int | None = None
    round: str | None = None


def shown(path: Path, root: Path) -> str:
    """A path relative to the data repository as messages show it. A name that is not
    UTF-8 (Linux keeps its bytes) is shown with those bytes escaped (``\\xff``), so that
    no output can fail to encode it."""
    text = path.relative_to(root).as_posix()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def readable(path: Path) -> bool:
    """A name fzzf can speak of: one that is UTF-8."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def submission_path(unit: str, period: str) -> str:
    return f"{SUBMISSIONS.as_posix()}/{period}/{unit}.yaml"


def record_path(unit: str, period: str) -> str:
    return f"{SUBMISSIONS.as_posix()}/{RECORDS}/{period}/{unit}.yaml"


def pilot_path(unit: str, pilot: int, doc: PilotDoc) -> str:
    return f"{SUBMISSIONS.as_posix()}/{doc.folder}/p{pilot}/{unit}.yaml"


def round_path(unit: str, round_id: str) -> str:
    return f"{SUBMISSIONS.as_posix()}/{ROUNDS}/{round_id}/{unit}.yaml"


def expected_of(path: str, ds: Dataset) -> Expected | None:
    """What a path relative to the data repository says a file is, as ``discover`` would
    see it (used for versions of a file in git history)."""
    parts = path.split("/")
    base = SUBMISSIONS.parts
    if tuple(parts[: len(base)]) != base or not parts[-1].endswith(YAML_SUFFIXES):
        return None
    rest, unit = parts[len(base) : -1], parts[-1].rsplit(".", 1)[0].lower()
    periods = {p.id for p in ds.measures_file.reporting.periods}
    if unit not in ds.units:
        return None
    if len(rest) == 1 and rest[0] in periods:
        return Expected(Filing.REPORT, unit, rest[0])
    if len(rest) == 2 and rest[0] == RECORDS and rest[1] in periods:
        return Expected(Filing.RECORD, unit, rest[1])
    if len(rest) == 2 and rest[0] == ROUNDS and rest[1] in ds.rounds:
        return Expected(Filing.ROUND, unit, round=rest[1])
    number = rest[1][1:] if len(rest) == 2 and rest[1].startswith("p") else ""
    pilot = int(number) if number.isdecimal() and number.isascii() else None
    if len(rest) == 2 and rest[0] in PILOT_FOLDERS and pilot in ds.pilots:
        return Expected(PILOT_FOLDERS[rest[0]], unit, pilot=pilot)
    return None


def discover(root: Path, ds: Dataset, problems: list[Problem]) -> Iterator[tuple[Path, Expected]]:
    """Every submission file with what its place says it is; misplaced ones are problems."""
    base = root / SUBMISSIONS
    if nested_repository(base):
        problems.append(Problem(Location(SUBMISSIONS.as_posix()), msg("sub_nested_repo")))
        return
    if base.is_symlink():
        problems.append(Problem(Location(SUBMISSIONS.as_posix()), msg("sub_symlink_folder")))
        return
    if not base.is_dir():
        return
    periods = {p.id for p in ds.measures_file.reporting.periods}
    seen: dict[Expected, str] = {}
    for entry, rel in _listed(root, base, problems):
        if entry.is_dir() and entry.is_symlink():
            problems.append(Problem(Location(rel), msg("sub_symlink_folder")))
            continue
        if entry.is_file():
            if entry.suffix.lower() in YAML_SUFFIXES:
                problems.append(Problem(Location(rel), msg("sub_misplaced")))
            continue
        if entry.name in periods:
            for path, unit in _unit_files(root, entry, ds, problems):
                yield from _first(
                    Expected(Filing.REPORT, unit, entry.name), path, root, seen, problems
                )
        elif entry.name == RECORDS and not entry.is_symlink():
            yield from _record_files(root, entry, ds, periods, seen, problems)
        elif entry.name in PILOT_FOLDERS and not entry.is_symlink():
            yield from _pilot_files(root, entry, ds, seen, problems)
        elif entry.name == ROUNDS and not entry.is_symlink():
            yield from _round_files(root, entry, ds, seen, problems)
        else:
            hint = close_match(entry.name, [*periods, RECORDS, *PILOT_FOLDERS, ROUNDS])
            problems.append(
                Problem(Location(rel), msg("sub_unknown_folder", name=entry.name), hint)
            )


def _record_files(
    root: Path,
    folder: Path,
    ds: Dataset,
    periods: set[str],
    seen: dict[Expected, str],
    problems: list[Problem],
) -> Iterator[tuple[Path, Expected]]:
    for entry, rel in _listed(root, folder, problems):
        if entry.is_symlink():
            problems.append(Problem(Location(rel), msg("sub_symlink_folder")))
        elif not (entry.is_dir() and entry.name in periods):
            hint = close_match(entry.name, sorted(periods))
            problems.append(Problem(Location(rel), msg("sub_unknown_record_folder"), hint))
        else:
            for path, unit in _unit_files(root, entry, ds, problems):
                yield from _first(
                    Expected(Filing.RECORD, unit, entry.name), path, root, seen, problems
                )


def _pilot_files(
    root: Path, folder: Path, ds: Dataset, seen: dict[Expected, str], problems: list[Problem]
) -> Iterator[tuple[Path, Expected]]:
    kind = PILOT_FOLDERS[folder.name]
    for entry, rel in _listed(root, folder, problems):
        if entry.is_symlink():
            problems.append(Problem(Location(rel), msg("sub_symlink_folder")))
            continue
        number = entry.name[1:] if entry.name.startswith("p") else ""
        known = number.isdecimal() and number.isascii() and int(number) in ds.pilots  # not p²
        if not (entry.is_dir() and known):
            problems.append(
                Problem(Location(rel), msg("sub_unknown_pilot_folder", name=entry.name))
            )
            continue
        for path, unit in _unit_files(root, entry, ds, problems):
            expected = Expected(kind, unit, pilot=int(number))
            yield from _first(expected, path, root, seen, problems)


def _round_files(
    root: Path, folder: Path, ds: Dataset, seen: dict[Expected, str], problems: list[Problem]
) -> Iterator[tuple[Path, Expected]]:
    for entry, rel in _listed(root, folder, problems):
        if entry.is_symlink():
            problems.append(Problem(Location(rel), msg("sub_symlink_folder")))
        elif not (entry.is_dir() and entry.name in ds.rounds):
            hint = close_match(entry.name, sorted(ds.rounds))
            problems.append(Problem(Location(rel), msg("sub_unknown_round_folder"), hint))
        else:
            for path, unit in _unit_files(root, entry, ds, problems):
                yield from _first(
                    Expected(Filing.ROUND, unit, round=entry.name), path, root, seen, problems
                )


def _unit_files(
    root: Path, folder: Path, ds: Dataset, problems: list[Problem]
) -> Iterator[tuple[Path, str]]:
    for entry, rel in _listed(root, folder, problems):
        if entry.suffix.lower() not in YAML_SUFFIXES:
            if entry.is_dir():
                problems.append(Problem(Location(rel), msg("sub_misplaced")))
            elif not entry.name.startswith("."):  # 德庆.yaml.txt from Notepad, a .docx …
                problems.append(Problem(Location(rel), msg("sub_not_yaml")))
            continue
        stem = entry.stem
        unit = stem.lower()
        if unit not in ds.units:
            # Suggesting a name costs a search of every label: for the first few only, so
            # that thousands of junk files are passed over quickly.
            hint = _file_name_hint(ds, stem, entry.suffix) if len(problems) < HINTS else ""
            problems.append(Problem(Location(rel), msg("sub_unknown_unit_file", name=stem), hint))
            continue
        yield entry, unit


def _first(
    key: Expected, path: Path, root: Path, seen: dict[Expected, str], problems: list[Problem]
) -> Iterator[tuple[Path, Expected]]:
    """A unit files once per period or pilot document (deqing.yaml and Deqing.yml clash)."""
    rel = shown(path, root)
    if key in seen:
        problems.append(Problem(Location(rel), msg("sub_twice", other=seen[key])))
        return
    seen[key] = rel
    yield path, key


def _file_name_hint(ds: Dataset, stem: str, suffix: str) -> str:
    """德庆县.yaml → deqing.yaml: the file is named by the unit's id."""
    found = unique(ds, stem)
    return (
        msg("sub_rename", name=f"{found}{suffix}") if found else close_match(stem, list(ds.units))
    )


def _listed(root: Path, folder: Path, problems: list[Problem]) -> Iterator[tuple[Path, str]]:
    """A folder's entries, sorted, each with its path as shown; a name that is not UTF-8
    is a problem and left out."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        reason = error.strerror or type(error).__name__
        problems.append(
            Problem(Location(shown(folder, root)), msg("folder_unlisted", reason=reason))
        )
        return
    for entry in entries:
        rel = shown(entry, root)
        if not readable(entry):
            problems.append(Problem(Location(rel), msg("sub_name_not_utf8")))
        elif nested_repository(entry):
            problems.append(Problem(Location(rel), msg("sub_nested_repo")))
        else:
            yield entry, rel


def nested_repository(folder: Path) -> bool:
    """A git submodule or a repository of its own inside the data: its files have a
    history this repository does not see, so they cannot be proven or checked here."""
    return not folder.is_symlink() and folder.is_dir() and (folder / ".git").exists()


def close_match(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return msg("did_you_mean", candidates=close[0]) if close else ""
