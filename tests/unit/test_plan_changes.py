"""Extensions and extra rounds in the pure core, on the small plan: the order revisions
apply in, whom they reach, from when they count; round obligations; the cache keeps both
files; problems found on a plan from the cache still carry their lines."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from fzzf_cli.derive.extensions import check
from fzzf_cli.derive.obligations import derive
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.validate.load import load_dataset
from fzzf_cli.vocab import Kind, Role

from ..miniplan import write_plan

EXTENSIONS = """\
extensions:
  - item: m1-2016-12-31
    units: [counties]
    due: 2017-06-30
    document: 肇法函〔2017〕9号
    date: 2017-03-20
  - item: m1-2016-12-31
    due: 2017-03-31
    document: 肇法函〔2017〕6号
    date: 2017-01-12
"""
ROUNDS = """\
rounds:
  - id: 2017-r1
    subject: 情况
    units: [counties, relevant-departments]
    due: 2017-05-31
    notice: 肇法函〔2017〕12号
    date: 2017-05-02
"""


def _plan(tmp_path: Path, cache: Path | None = None, **files: str) -> Dataset:
    repo = write_plan(tmp_path / "plan")
    for name, text in files.items():
        (repo / "data" / f"{name}.yaml").write_text(text, encoding="utf-8")
    ds, problems = load_dataset(repo, cache)
    assert ds is not None and problems == [], problems
    return ds


def _dues(ds: Dataset, known: date | None = None) -> dict[str, tuple[date, list[str]]]:
    return {
        o.id: (o.due, [r.document for r in o.revisions])
        for o in derive(ds, known=known)
        if o.thing == "m1-2016-12-31"
    }


def test_revisions_apply_in_the_order_of_their_documents_to_whom_they_name(tmp_path) -> None:
    dues = _dues(_plan(tmp_path, extensions=EXTENSIONS))
    assert dues["m1-2016-12-31.deqing"] == (
        date(2017, 6, 30),
        ["肇法函〔2017〕6号", "肇法函〔2017〕9号"],
    )
    assert dues["m1-2016-12-31.bianban"] == (date(2017, 3, 31), ["肇法函〔2017〕6号"])


def test_an_extension_counts_from_its_documents_date(tmp_path) -> None:
    ds = _plan(tmp_path, extensions=EXTENSIONS)
    assert _dues(ds, date(2017, 1, 11))["m1-2016-12-31.deqing"] == (date(2016, 12, 31), [])
    assert _dues(ds, date(2017, 3, 19))["m1-2016-12-31.deqing"] == (
        date(2017, 3, 31),
        ["肇法函〔2017〕6号"],
    )
    original = next(o for o in derive(ds) if o.id == "m1-2016-12-31.deqing").due_original
    assert original == date(2016, 12, 31)


def test_a_round_is_owed_by_the_units_it_names_and_an_open_group_as_itself(tmp_path) -> None:
    ds = _plan(tmp_path, rounds=ROUNDS)
    owed = {o.id: o for o in derive(ds) if o.kind == Kind.ROUND}
    assert sorted(owed) == ["round-2017-r1.deqing", "round-2017-r1.relevant-departments"]
    assert owed["round-2017-r1.relevant-departments"].role == Role.OPEN_GROUP
    assert owed["round-2017-r1.deqing"].round == "2017-r1"


def test_the_cache_keeps_the_changes_and_problems_are_still_placed(tmp_path) -> None:
    cache = tmp_path / "cache"
    _plan(tmp_path, cache, extensions=EXTENSIONS, rounds=ROUNDS)
    ds = _plan(tmp_path, cache, extensions=EXTENSIONS, rounds=ROUNDS)  # from the cache
    assert ds.docs == {} and len(ds.extensions_file.extensions) == 2 and "2017-r1" in ds.rounds
    bad = EXTENSIONS.replace(
        "m1-2016-12-31\n    due: 2017-03-31", "m9-2016-12-31\n    due: 2017-03-31"
    )
    broken = dataclasses.replace(
        ds, extensions_file=_plan(tmp_path / "b", extensions=bad).extensions_file
    )
    (tmp_path / "plan" / "data" / "extensions.yaml").write_text(bad, encoding="utf-8")
    found = check(broken, derive(broken), tmp_path / "plan")
    assert [(p.code, str(p.location)) for p in found] == [
        ("ext-unknown-item", "data/extensions.yaml:7:11")
    ]
