"""The plan cache: only ever loaded from a folder that nobody else can write, never trusted
to be whole, keyed by the very bytes that were validated, and never a reason to read a file
the loader would refuse."""

from __future__ import annotations

import json
import os
import stat
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fzzf_cli.model.dataset import Dataset
from fzzf_cli.validate import cache, checks, plain
from fzzf_cli.validate.load import load_dataset

from ..conftest import Result, edit, located

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX owners and modes")
DUE = ("due", "--year", "2017", "--as-of", "2017-07-15")


PLANTED = "德庆县（别人写的）"


def cached_entry(repo: Path, folder: Path) -> Path:
    """Load ``repo`` once with the cache in ``folder``; the one entry it left there."""
    ds, problems = load_dataset(repo, folder)
    assert ds is not None and problems == []
    (entry,) = folder.glob("plan-*.json")
    return entry


def unsealed(entry: Path) -> Any:
    data = cache.unseal(entry.read_bytes())
    assert data is not None, "not a whole entry"
    return json.loads(data)


def plant(entry: Path, source: Path) -> None:
    """Someone else's plan where our entry was (from ``source``, another good entry),
    under the right key, checksum and all: 德庆县 is renamed ``PLANTED`` in it."""
    text = json.dumps(unsealed(source), ensure_ascii=False)
    assert "德庆县" in text
    entry.write_bytes(
        cache.seal(text.replace('"德庆县"', json.dumps(PLANTED, ensure_ascii=False)).encode())
    )


def planted_name(repo: Path, folder: Path) -> str:
    ds, problems = load_dataset(repo, folder)
    assert ds is not None and problems == []
    return ds.units["deqing"].name


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


def test_a_planted_entry_is_believed_when_trusted(plan_repo: Path, tmp_path: Path) -> None:
    """Why the folder checks matter: an entry fzzf trusts is what it answers from (an entry
    is plain JSON, so it runs no code; but it can still lie)."""
    folder = tmp_path / "cache"
    entry = cached_entry(plan_repo, folder)
    plant(entry, entry)
    assert planted_name(plan_repo, folder) == PLANTED


@POSIX
@pytest.mark.parametrize(
    ("what", "mode"),
    [("folder", 0o777), ("folder", 0o770), ("folder", 0o1777), ("entry", 0o666), ("entry", 0o620)],
)
def test_an_entry_others_could_write_is_never_loaded(
    cli: Callable[..., Result],
    plan_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    what: str,
    mode: int,
) -> None:
    folder = tmp_path / "cache"  # FZZF_CACHE_DIR (conftest)
    entry = cached_entry(plan_repo, folder)
    plant(entry, entry)
    os.chmod(folder if what == "folder" else entry, mode)
    calls = count_checks(monkeypatch)
    code, out, _ = cli(*DUE, "--data", str(plan_repo))
    assert code == 0 and out
    assert calls == [1], "an entry others could have written was loaded"
    assert planted_name(plan_repo, folder) == "德庆县"


@POSIX
def test_another_users_folder_is_not_used(
    cli: Callable[..., Result], plan_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    entry = cached_entry(plan_repo, folder)
    plant(entry, entry)
    planted = entry.read_bytes()
    # As if fzzf ran as someone else: the folder and the entry belong to another user.
    monkeypatch.setattr(cache, "current_uid", lambda: os.stat(folder).st_uid + 1, raising=False)
    calls = count_checks(monkeypatch)
    assert cli(*DUE, "--data", str(plan_repo))[0] == 0
    assert calls == [1]
    assert entry.read_bytes() == planted, "nothing is written into another user's folder"


@POSIX
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_folder_given_to_another_user_is_not_used(plan_repo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    entry = cached_entry(plan_repo, folder)
    plant(entry, entry)
    os.chown(entry, 65534, 65534)
    assert planted_name(plan_repo, folder) == "德庆县", "root believed an entry owned by nobody"
    os.chown(folder, 65534, 65534)
    assert planted_name(plan_repo, folder) == "德庆县"


@POSIX
def test_a_symlinked_cache_folder_is_not_used(
    cli: Callable[..., Result], plan_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    entry = cached_entry(plan_repo, real)
    plant(entry, entry)
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    monkeypatch.setenv("FZZF_CACHE_DIR", str(link))
    calls = count_checks(monkeypatch)
    assert cli(*DUE, "--data", str(plan_repo))[0] == 0
    assert calls == [1]
    assert [p.name for p in real.iterdir()] == [entry.name], "nothing written through the link"


@POSIX
def test_a_symlinked_entry_is_not_followed(plan_repo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    entry = cached_entry(plan_repo, folder)
    elsewhere = tmp_path / "elsewhere.json"
    plant(elsewhere, entry)
    entry.unlink()
    entry.symlink_to(elsewhere)
    assert planted_name(plan_repo, folder) == "德庆县"


# --- entries that are not whole --------------------------------------------------------


def _truncated(entry: bytes) -> bytes:
    return entry[: len(entry) // 2]


def _bad_text(entry: bytes) -> bytes:
    name = "德庆县".encode()
    assert name in entry
    data = cache.unseal(entry) or b""
    return cache.seal(data.replace(name, b"\xff" * len(name), 1))  # a string that is not UTF-8


def _old_format(entry: bytes) -> bytes:
    import pickle

    return b"fzzf-plan-cache 1\n" + b"\0" * 32 + pickle.dumps({"a pickle": "as fzzf 0.x wrote"})


def _rewritten(change: Callable[[Any], Any]) -> Callable[[bytes], bytes]:
    def spoil(entry: bytes) -> bytes:
        data = json.loads(cache.unseal(entry) or b"")
        return cache.seal(json.dumps(change(data), ensure_ascii=False).encode())

    return spoil


def _undeclared_class(data: Any) -> Any:
    del data["classes"]["Unit"]  # a record of a class the entry does not declare
    return data


def _not_a_record(data: Any) -> Any:
    data["plan"]["units_file"] = ["not", "a", "record"]
    return data


def _missing_field(data: Any) -> Any:
    del data["plan"]["pilots_file"]
    return data


SPOILT = {
    "truncated": _truncated,
    "bad-text": _bad_text,
    "old-format": _old_format,
    "undeclared-class": _rewritten(_undeclared_class),
    "not-a-record": _rewritten(_not_a_record),
    "missing-field": _rewritten(_missing_field),
    "not-a-plan": _rewritten(lambda _: {"not": "a plan"}),
    "not-json": lambda _: cache.seal(b"{'not': json"),
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
    assert isinstance(plain.decode(unsealed(entry)), Dataset), "rebuilt"
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


# --- what comes back: light records, equal to the models they were ----------------------


@pytest.mark.parametrize("where", ["miniplan", "embedded"])
def test_a_cached_plan_equals_the_validated_one(
    plan_repo: Path, tmp_path: Path, where: str
) -> None:
    import dataclasses

    from fzzf_cli.model.light import is_light
    from fzzf_cli.validate.load import embedded_root

    repo = plan_repo if where == "miniplan" else embedded_root()
    fresh, _ = load_dataset(repo)
    cached_entry(repo, tmp_path / "cache")
    light, problems = load_dataset(repo, tmp_path / "cache")
    assert fresh is not None and light is not None and problems == []
    assert is_light(light.measures_file) and not is_light(fresh.measures_file)
    assert light == dataclasses.replace(fresh, docs={})
    for number, measure in fresh.measures.items():  # pilots' milestones are constructed
        assert light.milestones(light.measures[number]) == fresh.milestones(measure)
    assert light.conventions.bounds() == fresh.conventions.bounds()
    for ours, theirs in zip(light.units_file.units, fresh.units_file.units, strict=True):
        assert _hashable(ours) == _hashable(theirs)  # frozen; unhashable when holding a list
        assert ours.model_copy() == ours
    with pytest.raises(AttributeError):
        light.units_file.units[0].name = "changed"  # type: ignore[misc]


def _hashable(record: object) -> bool:
    try:
        hash(record)
    except TypeError:
        return False
    return True


def test_a_value_plain_data_cannot_carry_is_not_cached(plan_repo: Path, tmp_path: Path) -> None:
    from fzzf_cli.vocab import Kind

    ds, _ = load_dataset(plan_repo)
    assert ds is not None
    unit = ds.units_file.units[0]
    odd = unit.model_copy(update={"name": Kind.MILESTONE})  # a StrEnum: would come back a str
    units_file = ds.units_file.model_copy(update={"units": [odd]})
    import dataclasses

    with pytest.raises(TypeError):
        plain.encode(dataclasses.replace(ds, units_file=units_file))
    cache.store(tmp_path / "cache", "key", dataclasses.replace(ds, units_file=units_file))
    assert not list((tmp_path / "cache").glob("plan-*"))


def test_a_query_from_the_cache_needs_neither_the_models_nor_yaml(
    plan_repo: Path, tmp_path: Path
) -> None:
    import subprocess

    code = (
        "import sys\n"
        "sys.argv = ['fzzf', *sys.argv[2:], '--data', sys.argv[1]]\n"
        "from fzzf_cli.cli.launch import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'yaml', 'pydantic', 'fzzf_cli.model.plan', 'fzzf_cli.read.yamlio',"
        " 'fzzf_cli.cli.plan'}\n"
        "print(sorted(heavy & set(sys.modules)), file=sys.stderr)\n"
    )
    env = {**os.environ, "FZZF_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("FZZF_NO_CACHE", None)
    run = [sys.executable, "-c", code, str(plan_repo), *DUE]
    first = subprocess.run(run, capture_output=True, text=True, env=env, check=True)
    assert "fzzf_cli.model.plan" in first.stderr  # validated, then cached
    second = subprocess.run(run, capture_output=True, text=True, env=env, check=True)
    assert second.stdout == first.stdout and second.stdout
    assert second.stderr.strip().splitlines()[-1] == "[]"
