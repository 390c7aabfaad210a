"""The cache of valid submission files: a file is read again only when it changed, a spoilt
entry is rebuilt, and a folder others could write is never used."""

from __future__ import annotations

import hashlib
import os
import textwrap
from pathlib import Path

import pytest

from fzzf_cli.derive.obligations import derive
from fzzf_cli.errors import Problem
from fzzf_cli.read import yamlio
from fzzf_cli.validate import cache, subs_load
from fzzf_cli.validate.load import load_dataset
from fzzf_cli.validate.subs_load import Submissions, load_submissions

REPORT = """\
unit: {unit}
period: 2016-H2
submitted: 2016-12-28
items:
  - id: m1-2016-12-31
    status: done
    done: 2016-10-01
"""


@pytest.fixture
def repo(mini_repo: Path) -> Path:
    for unit in ("deqing", "bianban"):
        path = mini_repo / "data" / "submissions" / "2016-H2" / f"{unit}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REPORT.format(unit=unit), encoding="utf-8")
    return mini_repo


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display path of every submission file parsed as YAML."""
    seen: list[str] = []

    def counting(raw: bytes, display: str) -> tuple[yamlio.YamlDoc | None, list[Problem]]:
        seen.append(display)
        return yamlio.parse_yaml(raw, display)

    monkeypatch.setattr(subs_load, "parse_yaml", counting)
    return seen


def _load(repo: Path, folder: Path | None) -> tuple[Submissions, list[Problem]]:
    ds, problems = load_dataset(repo)
    assert ds is not None and problems == []
    return load_submissions(repo, ds, derive(ds), cache_dir=folder)


def _entry(folder: Path) -> Path:
    (entry,) = folder.glob("subs-*.json")
    return entry


def test_only_a_changed_file_is_read_again(repo: Path, tmp_path: Path, parsed: list[str]) -> None:
    folder = tmp_path / "cache"
    first, problems = _load(repo, folder)
    assert problems == [] and len(parsed) == 2
    assert os.stat(folder).st_mode & 0o777 == 0o700
    parsed.clear()
    again, problems = _load(repo, folder)
    assert problems == [] and parsed == [] and again == first
    changed = repo / "data" / "submissions" / "2016-H2" / "deqing.yaml"
    changed.write_text(REPORT.format(unit="deqing") + "    note: x\n  - id: m9\n", encoding="utf-8")
    _, problems = _load(repo, folder)
    assert parsed == ["data/submissions/2016-H2/deqing.yaml"]
    assert [(p.location.path, p.location.line) for p in problems] == [(parsed[0], 9)]
    parsed.clear()
    _, again_problems = _load(repo, folder)  # a file with problems is never stored
    assert parsed == ["data/submissions/2016-H2/deqing.yaml"] and again_problems == problems


def test_a_cached_file_is_located_as_one_read_now(repo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    fresh, _ = _load(repo, None)
    _load(repo, folder)
    cached, _ = _load(repo, folder)
    where = [yamlio.locate(f.doc, ("items", 0, "done")) for f in (*fresh.reports, *cached.reports)]
    assert where[:2] == where[2:] and where[0].line == 7


@pytest.mark.parametrize("spoil", [b"", b"not json", b"fzzf-subs-cache 1\n" + b"0" * 40])
def test_a_spoilt_entry_is_rebuilt(
    repo: Path, tmp_path: Path, parsed: list[str], spoil: bytes
) -> None:
    folder = tmp_path / "cache"
    _load(repo, folder)
    _entry(folder).write_bytes(spoil)
    parsed.clear()
    _, problems = _load(repo, folder)
    assert problems == [] and len(parsed) == 2
    parsed.clear()
    _load(repo, folder)
    assert parsed == []


def test_an_entry_of_other_values_is_read_again(
    repo: Path, tmp_path: Path, parsed: list[str]
) -> None:
    """Whole, but not what the file said (another tool wrote it): the file is read."""
    folder = tmp_path / "cache"
    _load(repo, folder)
    entry = _entry(folder)
    body = entry.read_bytes()[len(b"fzzf-subs-cache 1\n") + 32 :]
    spoilt = body.replace(b'\\"unit\\": \\"deqing\\"', b'\\"unit\\": 5')
    assert spoilt != body
    entry.write_bytes(b"fzzf-subs-cache 1\n" + hashlib.sha256(spoilt).digest() + spoilt)
    parsed.clear()
    subs, problems = _load(repo, folder)
    assert problems == [] and parsed == ["data/submissions/2016-H2/deqing.yaml"]
    assert {f.record.unit for f in subs.reports} == {"deqing", "bianban"}


@pytest.mark.parametrize("how", ["world-writable", "foreign"])
def test_a_folder_others_could_write_is_not_used(
    repo: Path, tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    folder = tmp_path / "cache"
    _load(repo, folder)
    if how == "world-writable":
        os.chmod(folder, 0o777)
    else:
        monkeypatch.setattr(cache, "current_uid", lambda: os.stat(folder).st_uid + 1)
    before = _entry(folder).read_bytes()
    parsed.clear()
    _, problems = _load(repo, folder)
    assert problems == [] and len(parsed) == 2  # nothing read from it
    (repo / "data" / "submissions" / "2016-H2" / "deqing.yaml").write_text(
        textwrap.dedent(REPORT.format(unit="deqing")).replace("10-01", "10-02"), encoding="utf-8"
    )
    _load(repo, folder)
    assert _entry(folder).read_bytes() == before  # nor written to
