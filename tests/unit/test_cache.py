"""The plan cache: only ever loaded from a folder that nobody else can write, never trusted
to be whole, keyed by the very bytes that were validated, and never a reason to read a file
the loader would refuse."""

from __future__ import annotations

import os
import pickle
import stat
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.plan import MeasuresFile
from fzzf_cli.validate import cache, checks
from fzzf_cli.validate.load import load_dataset

from ..conftest import Result, edit, located

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX owners and modes")
DUE = ("due", "--year", "2017", "--as-of", "2017-07-15")


class Planted:
    """A pickle that runs code when loaded: it makes the folder ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[[str], None], tuple[str]]:
        return os.mkdir, (str(self.marker),)


def cached_entry(repo: Path, folder: Path) -> Path:
    """Load ``repo`` once with the cache in ``folder``; the one entry it left there."""
    ds, problems = load_dataset(repo, folder)
    assert ds is not None and problems == []
    (entry,) = folder.glob("plan-*.pickle")
    return entry


def plant(entry: Path, marker: Path) -> None:
    """Someone else's code where our entry was, under the right key, checksum and all."""
    entry.write_bytes(cache.seal(pickle.dumps(Planted(marker))))


def unsealed(entry: Path) -> object:
    data = cache.unseal(entry.read_bytes())
    assert data is not None, "not a whole entry"
    return pickle.loads(data)


def count_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count full validations (the cross-checks run once per load that missed the cache)."""
    calls: list[int] = []
    real = checks.run_all

    def counted(ds: Dataset) -> list:
        calls.append(1)
        return real(ds)

    monkeypatch.setattr(checks, "run_all", counted)
    return calls


# --- whose folder ----------------------------------------------------------------------


def _info(mode: int, uid: int) -> os.stat_result:
    return os.stat_result((mode, 0, 0, 1, uid, 0, 0, 0, 0, 0))


def test_trust_needs_the_owner_and_no_other_writer() -> None:
    trusted = cache.trusted
    assert trusted(_info(stat.S_IFDIR | 0o700, 1000), 1000)
    assert trusted(_info(stat.S_IFDIR | 0o755, 1000), 1000)  # readable by others: harmless
    assert trusted(_info(stat.S_IFREG | 0o644, 1000), 1000)
    assert not trusted(_info(stat.S_IFDIR | 0o700, 1001), 1000)  # another user's
    assert not trusted(_info(stat.S_IFDIR | 0o700, 0), 1000)  # root's too: only one's own
    assert not trusted(_info(stat.S_IFDIR | 0o770, 1000), 1000)  # group-writable
    assert not trusted(_info(stat.S_IFDIR | 0o707, 1000), 1000)  # world-writable
    assert not trusted(_info(stat.S_IFREG | 0o622, 1000), 1000)
    assert trusted(_info(stat.S_IFDIR | 0o777, 1001), None)  # Windows: no owners to compare


@POSIX
def test_usable_folder_is_a_real_folder_of_the_given_user(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    uid = os.stat(mine).st_uid
    assert cache.usable_dir(mine, uid)
    assert not cache.usable_dir(mine, uid + 1)
    assert not cache.usable_dir(tmp_path / "missing", uid)
    (tmp_path / "link").symlink_to(mine, target_is_directory=True)
    assert not cache.usable_dir(tmp_path / "link", uid)
    (tmp_path / "file").write_bytes(b"")
    assert not cache.usable_dir(tmp_path / "file", uid)
    os.chmod(mine, 0o777)
    assert not cache.usable_dir(mine, uid)


@POSIX
def test_the_cache_folder_is_created_for_its_user_only(plan_repo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "new" / "cache"
    entry = cached_entry(plan_repo, folder)
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(entry).st_mode) == 0o600


def test_a_planted_entry_runs_its_code_when_trusted(plan_repo: Path, tmp_path: Path) -> None:
    """Why the folder checks matter: an entry fzzf trusts is unpickled, code and all."""
    folder = tmp_path / "cache"
    entry = cached_entry(plan_repo, folder)
    plant(entry, tmp_path / "pwned")
    ds, problems = load_dataset(plan_repo, folder)
    assert ds is not None and problems == []  # not a plan: thrown away and rebuilt …
    assert (tmp_path / "pwned").is_dir()  # … but only after its code ran


@POSIX
@pytest.mark.parametrize(
    ("what", "mode"),
    [("folder", 0o777), ("folder", 0o770), ("folder", 0o1777), ("entry", 0o666), ("entry", 0o620)],
)
def test_an_entry_others_could_write_is_never_loaded(
    cli: Callable[..., Result], plan_repo: Path, tmp_path: Path, what: str, mode: int
) -> None:
    folder = tmp_path / "cache"  # FZZF_CACHE_DIR (conftest)
    entry = cached_entry(plan_repo, folder)
    marker = tmp_path / "pwned"
    plant(entry, marker)
    os.chmod(folder if what == "folder" else entry, mode)
    code, out, _ = cli(*DUE, "--data", str(plan_repo))
    assert code == 0 and out
    assert not marker.exists(), "a pickle others could have written was loaded"


@POSIX
def test_another_users_folder_is_not_used(
    cli: Callable[..., Result], plan_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    entry = cached_entry(plan_repo, folder)
    marker = tmp_path / "pwned"
    plant(entry, marker)
    planted = entry.read_bytes()
    # As if fzzf ran as someone else: the folder and the entry belong to another user.
    monkeypatch.setattr(cache, "current_uid", lambda: os.stat(folder).st_uid + 1, raising=False)
    calls = count_checks(monkeypatch)
    assert cli(*DUE, "--data", str(plan_repo))[0] == 0
    assert not marker.exists() and calls == [1]
    assert entry.read_bytes() == planted, "nothing is written into another user's folder"


@POSIX
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_folder_given_to_another_user_is_not_used(
    cli: Callable[..., Result], plan_repo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    entry = cached_entry(plan_repo, folder)
    marker = tmp_path / "pwned"
    plant(entry, marker)
    os.chown(entry, 65534, 65534)
    assert cli(*DUE, "--data", str(plan_repo))[0] == 0
    assert not marker.exists(), "root loaded a pickle owned by nobody"
    os.chown(folder, 65534, 65534)
    assert cli(*DUE, "--data", str(plan_repo))[0] == 0
    assert not marker.exists()


@POSIX
def test_a_symlinked_cache_folder_is_not_used(
    cli: Callable[..., Result], plan_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    entry = cached_entry(plan_repo, real)
    marker = tmp_path / "pwned"
    plant(entry, marker)
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    monkeypatch.setenv("FZZF_CACHE_DIR", str(link))
    assert cli(*DUE, "--data", str(plan_repo))[0] == 0
    assert not marker.exists()
    assert [p.name for p in real.iterdir()] == [entry.name], "nothing written through the link"


@POSIX
def test_a_symlinked_entry_is_not_followed(plan_repo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    entry = cached_entry(plan_repo, folder)
    elsewhere = tmp_path / "elsewhere.pickle"
    marker = tmp_path / "pwned"
    plant(elsewhere, marker)
    entry.unlink()
    entry.symlink_to(elsewhere)
    ds, problems = load_dataset(plan_repo, folder)
    assert ds is not None and problems == [] and not marker.exists()


# --- entries that are not whole --------------------------------------------------------


def _truncated(entry: bytes) -> bytes:
    return entry[: len(entry) // 2]


def _bad_text(entry: bytes) -> bytes:
    name = "德庆县".encode()
    assert name in entry
    return entry.replace(name, b"\xff" * len(name), 1)  # a string that is not UTF-8


def _old_format(entry: bytes) -> bytes:
    return cache.unseal(entry) or b""  # a bare pickle, as fzzf 0.x wrote them


def _missing_class(entry: bytes) -> bytes:
    return cache.seal(b"cfzzf_cli.model\nGone\n.")  # a class since renamed: AttributeError


class _Invalid:
    """Unpickles by calling the model: pydantic raises ValidationError (fields missing)."""

    def __reduce__(self) -> tuple[type, tuple[()]]:
        return MeasuresFile, ()


def _pydantic_error(entry: bytes) -> bytes:
    return cache.seal(pickle.dumps(_Invalid()))


def _not_a_plan(entry: bytes) -> bytes:
    return cache.seal(pickle.dumps({"not": "a plan"}))


SPOILT = {
    "truncated": _truncated,
    "bad-text": _bad_text,
    "old-format": _old_format,
    "missing-class": _missing_class,
    "pydantic-error": _pydantic_error,
    "not-a-plan": _not_a_plan,
    "empty": lambda _: b"",
}


@pytest.mark.parametrize("spoil", SPOILT.values(), ids=SPOILT.keys())
def test_a_spoilt_entry_is_rebuilt(
    cli: Callable[..., Result],
    plan_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    spoil: Callable[[bytes], bytes],
) -> None:
    folder = tmp_path / "cache"
    entry = cached_entry(plan_repo, folder)
    good = entry.read_bytes()
    code, expected, _ = cli(*DUE, "--data", str(plan_repo))
    entry.write_bytes(spoil(good))
    calls = count_checks(monkeypatch)
    code, out, _ = cli(*DUE, "--data", str(plan_repo))
    assert (code, out) == (0, expected) and calls == [1]
    assert isinstance(unsealed(entry), Dataset), "rebuilt"
    assert cli(*DUE, "--data", str(plan_repo))[:2] == (0, expected) and calls == [1]


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
    from fzzf_cli.validate.load import check_plan, read_plan

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
    assert ds is None and located(problems) == [("yaml-too-large", "data/measures.yaml")]
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


def test_an_unusable_cache_folder_never_stops_a_query(
    cli: Callable[..., Result], plan_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_bytes(b"not a folder")
    for place in (tmp_path / "file", tmp_path / "file" / "below"):
        monkeypatch.setenv("FZZF_CACHE_DIR", str(place))
        code, out, err = cli(*DUE, "--data", str(plan_repo))
        assert code == 0 and out and err == ""


def test_no_home_folder_means_no_cache_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def homeless(cls: type[Path]) -> Path:
        raise RuntimeError("Could not determine home directory.")  # Path.home() in a container

    monkeypatch.setattr(Path, "home", classmethod(homeless))
    assert cache.default_dir({}) is None
    assert cache.default_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x") / "fzzf"
    assert cache.default_dir({"FZZF_CACHE_DIR": "/y", "FZZF_NO_CACHE": "1"}) is None
