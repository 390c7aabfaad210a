"""The plan cache: keyed by the very bytes that were validated, and never a reason to read a
file the loader would refuse."""

from __future__ import annotations

import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from fzzf_cli import cache, checks
from fzzf_cli.dataset import Dataset
from fzzf_cli.load import load_dataset

from .conftest import Result, edit

DUE = ("due", "--year", "2017", "--as-of", "2017-07-15")


def cached_entry(repo: Path, folder: Path) -> Path:
    """Load ``repo`` once with the cache in ``folder``; the one entry it left there."""
    ds, problems = load_dataset(repo, folder)
    assert ds is not None and problems == []
    (entry,) = folder.glob("plan-*.pickle")
    return entry


def count_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count full validations (the cross-checks run once per load that missed the cache)."""
    calls: list[int] = []
    real = checks.run_all

    def counted(ds: Dataset) -> list:
        calls.append(1)
        return real(ds)

    monkeypatch.setattr(checks, "run_all", counted)
    return calls


# --- one read: what is validated is what is keyed --------------------------------------


def test_a_file_swapped_after_reading_cannot_be_cached_under_the_wrong_key(
    plan_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    units = plan_repo / "data" / "units.yaml"
    first = units.read_bytes()
    edit(units, "    name: 德庆县\n", "    name: 德庆县换过\n")
    swapped = units.read_bytes()
    units.write_bytes(first)
    real_key = cache.plan_key

    def key_then_swap(contents: dict[str, bytes]) -> str | None:
        key = real_key(contents)
        units.write_bytes(swapped)  # a pull request's file changes while fzzf runs
        return key

    monkeypatch.setattr(cache, "plan_key", key_then_swap)
    ds, _ = load_dataset(plan_repo, folder)
    assert ds is not None and ds.units["deqing"].name == "德庆县", "validated what was keyed"
    monkeypatch.setattr(cache, "plan_key", real_key)
    units.write_bytes(first)
    ds, _ = load_dataset(plan_repo, folder)
    assert ds is not None and ds.units["deqing"].name == "德庆县"
    units.write_bytes(swapped)
    ds, _ = load_dataset(plan_repo, folder)
    assert ds is not None and ds.units["deqing"].name == "德庆县换过"


def test_the_plan_is_read_once_and_checked_from_those_bytes(plan_repo: Path) -> None:
    from fzzf_cli.load import check_plan, read_plan

    units = plan_repo / "data" / "units.yaml"
    contents, problems = read_plan(plan_repo)
    assert problems == [] and contents["units"] == units.read_bytes()
    key = cache.plan_key(contents)
    edit(units, "    name: 德庆县\n", "    name: 德庆县换过\n")
    ds, problems = check_plan(contents, [])
    assert ds is not None and problems == [] and ds.units["deqing"].name == "德庆县"
    again, _ = read_plan(plan_repo)
    assert cache.plan_key(again) != key


# --- what the key reads ----------------------------------------------------------------


def test_a_fifty_megabyte_measures_file_is_refused_unread(plan_repo: Path, tmp_path: Path) -> None:
    big = plan_repo / "data" / "measures.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    tracemalloc.start()
    try:
        ds, problems = load_dataset(plan_repo, tmp_path / "cache")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert ds is None and [p.location.path for p in problems] == ["data/measures.yaml"]
    assert "太大" in problems[0].message
    assert peak < 8 * 1024 * 1024, f"{peak} bytes held: the file was read"
    assert time.perf_counter() - started < 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_for_a_plan_file_takes_the_slow_path(plan_repo: Path, tmp_path: Path) -> None:
    pilots = plan_repo / "data" / "pilots.yaml"
    pilots.unlink()
    os.mkfifo(pilots)
    ds, problems = load_dataset(plan_repo, tmp_path / "cache")
    assert ds is None and [p.location.path for p in problems] == ["data/pilots.yaml"]


# --- still a cache ---------------------------------------------------------------------


def test_a_second_due_loads_from_the_cache(
    cli: Callable[..., Result], plan_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_checks(monkeypatch)
    first = cli(*DUE, "--data", str(plan_repo))
    assert first[0] == 0 and calls == [1]
    assert cli(*DUE, "--data", str(plan_repo)) == first and calls == [1]
    edit(plan_repo / "data" / "units.yaml", "    name: 德庆县\n", "    name: 德庆县副本\n")
    assert cli(*DUE, "--data", str(plan_repo))[0] == 0 and calls == [1, 1]
