"""The obligations kept beside a cached plan: equal to those derived afresh, in every
language and for every as-of day, read under the plan cache's rules, rebuilt when spoilt."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from fzzf_cli.derive import obligations
from fzzf_cli.derive.obligations import derive
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.text import spoken, use
from fzzf_cli.validate import cache
from fzzf_cli.validate.load import load_dataset

from ..conftest import edit
from .test_cache import _rewritten


@pytest.fixture
def english() -> Iterator[None]:
    before = spoken()
    use("en")
    yield
    use(before)


def cached(repo: Path, folder: Path) -> Dataset:
    ds, problems = load_dataset(repo, folder)
    assert ds is not None and problems == []
    return ds


def fresh(repo: Path) -> Dataset:
    ds, problems = load_dataset(repo)
    assert ds is not None and problems == []
    return ds


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("derived-*.json"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_kept_obligations_equal_those_derived_afresh(
    plan_repo: Path, tmp_path: Path, request: pytest.FixtureRequest, lang: str
) -> None:
    if lang == "en":
        request.getfixturevalue("english")
    folder = tmp_path / "cache"
    first = derive(cached(plan_repo, folder), None, date(2017, 7, 15))  # derives, keeps
    assert [e.name.endswith(f"-{lang}.json") for e in entries(folder)] == [True]
    again = cached(plan_repo, folder)
    for day in (None, date(2016, 1, 1), date(2017, 7, 15)):
        assert derive(again, None, day) == derive(fresh(plan_repo), None, day)
    assert derive(again, None, date(2017, 7, 15)) == first
    later = date(2030, 12, 31)  # another horizon than the plan's: derived, not kept
    assert derive(again, later) == derive(fresh(plan_repo), later)
    assert len(derive(again, later)) > len(first) and len(entries(folder)) == 1


def test_a_second_query_reads_them_instead_of_deriving(
    mini_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    expected = derive(cached(mini_repo, folder))

    def refuse(*_: object) -> Iterator[Any]:
        raise AssertionError("derived again")

    monkeypatch.setattr(obligations, "_milestones", refuse)
    assert derive(cached(mini_repo, folder)) == expected
    with pytest.raises(AssertionError, match="derived again"):
        derive(fresh(mini_repo))  # not from the cache: nothing kept, nothing read


def _unknown_kind(data: Any) -> Any:
    shared = data["runs"][0][0]
    data["texts"][shared[2]] = "no-such-kind"
    return data


SPOILT = {
    "truncated": lambda entry: entry[: len(entry) // 2],
    "not-json": lambda _: cache.seal(b"{'not': json"),
    "a-list": _rewritten(lambda _: ["not", "runs"]),
    "short-run": _rewritten(lambda data: {**data, "runs": [[[1], [[None]]]]}),
    "unknown-kind": _rewritten(_unknown_kind),
    "text-out-of-range": _rewritten(lambda data: {**data, "texts": []}),
}


@pytest.mark.parametrize("spoil", SPOILT.values(), ids=SPOILT.keys())
def test_a_spoilt_entry_is_derived_again_and_rebuilt(
    mini_repo: Path, tmp_path: Path, spoil: Callable[[bytes], bytes]
) -> None:
    folder = tmp_path / "cache"
    expected = derive(cached(mini_repo, folder))
    (entry,) = entries(folder)
    good = entry.read_bytes()
    entry.write_bytes(spoil(good))
    assert derive(cached(mini_repo, folder)) == expected
    assert entry.read_bytes() == good


def test_an_edited_plan_leaves_no_obligations_of_the_old_one(
    mini_repo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    derive(cached(mini_repo, folder))
    (old,) = entries(folder)
    units = mini_repo / "data" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    name = text.split("name: ", 1)[1].split("\n", 1)[0]
    edit(units, f"name: {name}\n", f"name: {name}二\n")
    ds = cached(mini_repo, folder)  # validated again, stored: the old plan's entries go
    assert not old.exists() and entries(folder) == []
    assert derive(ds) == derive(fresh(mini_repo))  # the new plan's are kept on first use
    assert [e.name.split("-")[1] for e in entries(folder)] != [old.name.split("-")[1]]
    assert len(entries(folder)) == 1


def test_reading_entries_leaves_the_collector_as_it_was(mini_repo: Path, tmp_path: Path) -> None:
    import gc

    folder = tmp_path / "cache"
    derive(cached(mini_repo, folder))
    assert gc.isenabled()
    derive(cached(mini_repo, folder))  # both entries read back
    assert gc.isenabled()
    gc.disable()
    try:
        derive(cached(mini_repo, folder))
        assert not gc.isenabled()
    finally:
        gc.enable()
