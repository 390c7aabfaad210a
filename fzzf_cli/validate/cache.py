"""A cache of the validated plan, so that queries answer in a fraction of a second.

Reading the three files strictly and validating them costs more than the rest of a query.
A plan that loaded without a single problem is stored under a key made of the very bytes
that were validated (``load.read_plan`` reads each file once), fzzf's code and Python's
version; any edit to any file gives a new key, so a stale entry is never used. Only clean
loads are stored.

An entry is plain data, JSON (``plain.py``): reading it runs no code, and gives the plan back
as light records, without importing pydantic or building its models, which would cost a query
more than everything else it does (``model/light.py``). Still, an entry decides what fzzf
answers, so it is only ever loaded from a folder that nobody but the current user can write:
a real folder, not a link, owned by the user and writable by no group or other user, which
fzzf creates 0700; and the entry itself must be such a file of the user's (``trusted``). A
folder or entry that fails is neither loaded nor written to, silently: the cache only saves
time, and every answer and message is the same without it. On Windows there are no POSIX
owners to compare: the default folder is in the user's own LOCALAPPDATA, and a folder that
is a link or junction is still refused.

An entry that is not whole (its checksum fails, its JSON or its shape is not what ``plain``
wrote) is deleted and rebuilt. The cache lives in the user's cache folder (``FZZF_CACHE_DIR``
overrides; the CLI decides), is written atomically and is ignored whenever it cannot be read
or written.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fzzf_cli import __version__
from fzzf_cli.validate import plain

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset


def _blake2b_maker() -> Callable[..., Any]:
    """BLAKE2b from Python's own module, without hashlib: hashlib loads OpenSSL, which costs
    a query more than reading its cache entry."""
    try:
        return import_module("_blake2").blake2b
    except (ImportError, AttributeError):
        return import_module("hashlib").blake2b


_blake2b = _blake2b_maker()


def digest(data: bytes = b"") -> Any:
    """A 32-byte BLAKE2b hash object of ``data`` (``update``, ``digest``, ``hexdigest``)."""
    return _blake2b(data, digest_size=32)


def plan_key(contents: Mapping[str, bytes]) -> str:
    """A digest of the plan files' bytes (as ``load.read_plan`` read them, once)."""
    hashed = digest(f"{__version__}|{sys.version}".encode())
    # fzzf's own code is part of the key too, so that a changed check is never skipped.
    hashed.update("".join(sorted(_modules(os.path.dirname(os.path.dirname(__file__))))).encode())
    for name in sorted(contents):
        raw = contents[name]
        hashed.update(f"{name}:{len(raw)}\0".encode() + raw)
    return str(hashed.hexdigest())


def _modules(folder: str) -> Iterator[str]:
    """``path:mtime:size`` of each module of fzzf (os.scandir: a fraction of rglob's time)."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    yield from _modules(entry.path)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    yield f"{entry.path}:{info.st_mtime_ns}:{info.st_size}\n"
    except OSError:  # gone while we looked: this key will simply never match again
        yield "?"


def current_uid() -> int | None:
    """The effective user id; None where there are no POSIX owners (Windows)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid() if geteuid is not None else None


def trusted(info: os.stat_result, uid: int | None) -> bool:
    """Owned by ``uid`` and writable by no group or other user (any file when uid is None)."""
    if uid is None:
        return True
    return info.st_uid == uid and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def usable_dir(folder: Path, uid: int | None) -> bool:
    """``folder`` is a real folder (not a symlink or junction) that only ``uid`` can write."""
    try:
        info = os.lstat(folder)
    except (OSError, ValueError):
        return False
    link = getattr(info, "st_reparse_tag", 0)  # Windows: a junction is a folder by its mode
    return stat.S_ISDIR(info.st_mode) and not link and trusted(info, uid)


def load(cache_dir: Path, key: str) -> Dataset | None:
    """The cached plan for ``key``, or None: when the folder or the entry could have been
    written by someone else, or the entry is not whole (it is then deleted, to be rebuilt)."""
    data = read_entry(cache_dir, f"plan-{key}.json")
    if data is None:
        return None
    try:
        with uncollected():
            found = plain.decode(json.loads(data))
    except Exception:  # whatever a spoilt entry raises (JSON, a missing field, …): rebuild it
        _remove(cache_dir / f"plan-{key}.json")
        return None
    _remember(found, cache_dir, key)
    return found


@contextlib.contextmanager
def uncollected() -> Iterator[None]:
    """No garbage collection while a whole entry is turned into objects: they all live as
    long as the query, and collecting while they are made only walks them again and again."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_entry(cache_dir: Path, name: str) -> bytes | None:
    """The JSON of the entry ``name``, or None: when the folder or the entry could have been
    written by someone else, or the entry is not whole (it is then deleted)."""
    uid = current_uid()
    if not usable_dir(cache_dir, uid):
        return None
    entry = cache_dir / name
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        with os.fdopen(os.open(entry, flags), "rb") as handle:
            info = os.fstat(handle.fileno())  # of the file opened, not of whatever the name is now
            if not stat.S_ISREG(info.st_mode) or not trusted(info, uid):
                return None
            blob = handle.read()
    except (OSError, ValueError):
        return None
    data = unseal(blob)
    if data is None:
        _remove(entry)
    return data


# An entry is this mark, the BLAKE2b hash (32 bytes) of the JSON, then the JSON: an entry
# truncated or damaged on disk (a full disk, a power cut after the rename) is found before
# it is read.
_MARK = b"fzzf-plan-cache 3\n"


def seal(data: bytes) -> bytes:
    """An entry holding the JSON ``data``."""
    return _MARK + digest(data).digest() + data


def unseal(blob: bytes) -> bytes | None:
    """The JSON in an entry, or None when the entry is not whole."""
    head = len(_MARK) + 32
    data = blob[head:]
    whole = blob[: len(_MARK)] == _MARK and blob[len(_MARK) : head] == digest(data).digest()
    return data if whole else None


def store(cache_dir: Path, key: str, dataset: Dataset) -> None:
    """Keep ``dataset`` (without its YAML trees) for ``key``, creating the folder 0700;
    silently skip when the folder is not the user's alone or cannot be written, or when the
    plan holds a value the plain form cannot carry exactly. The entries of other keys go."""
    try:
        data = json.dumps(plain.encode(dataset), ensure_ascii=False).encode()
    except (TypeError, ValueError):
        return
    if not write_entry(cache_dir, f"plan-{key}.json", data):
        return
    _remember(dataset, cache_dir, key)
    for pattern in ("plan-*.json", "plan-*.pickle", "derived-*.json"):
        for old in cache_dir.glob(pattern):
            if old.name != f"plan-{key}.json" and not old.name.startswith(f"derived-{key}-"):
                _remove(old)


def write_entry(cache_dir: Path, name: str, data: bytes) -> bool:
    """Write the JSON ``data`` as the entry ``name``, atomically, creating the folder 0700;
    False (nothing written) when the folder is not the user's alone or cannot be written."""
    try:
        os.makedirs(cache_dir, mode=0o700, exist_ok=True)  # parents: the usual mode
        if not usable_dir(cache_dir, current_uid()):
            return False
        import tempfile  # only when storing: a query answered from the cache never needs it

        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".plan-", suffix=".tmp")  # 0600
    except (OSError, ValueError):
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(seal(data))
        os.replace(tmp, cache_dir / name)
    except OSError:
        _remove(Path(tmp))
        return False
    return True


# --- what queries derive from the plan alone, kept beside it ------------------------------

_ORIGIN = "_fzzf_cache_entry"  # in a cached dataset's __dict__: (folder, key)


def _remember(dataset: Dataset, cache_dir: Path, key: str) -> None:
    vars(dataset)[_ORIGIN] = (cache_dir, key)  # frozen, but with a __dict__ (cached_property)


def load_derived(dataset: Dataset, what: str) -> Any | None:
    """The JSON stored by ``store_derived`` for this plan and ``what``; None when there is
    none, or the plan did not come from or go to the cache (read under the same rules)."""
    origin = vars(dataset).get(_ORIGIN)
    if origin is None:
        return None
    data = read_entry(origin[0], f"derived-{origin[1]}-{what}.json")
    if data is None:
        return None
    try:
        return json.loads(data)
    except ValueError:
        _remove(origin[0] / f"derived-{origin[1]}-{what}.json")
        return None


def store_derived(dataset: Dataset, what: str, value: Any) -> None:
    """Keep ``value`` (plain JSON) as what is derived from this plan for ``what``: ``what``
    names everything else it depends on. Skipped when the plan is not in the cache."""
    origin = vars(dataset).get(_ORIGIN)
    if origin is not None:
        data = json.dumps(value, ensure_ascii=False).encode()
        write_entry(origin[0], f"derived-{origin[1]}-{what}.json", data)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def default_dir(environ: dict[str, str] | os._Environ[str]) -> Path | None:
    """Where the cache lives: FZZF_CACHE_DIR, else the platform's user cache folder;
    None when FZZF_NO_CACHE is set or there is no home folder."""
    if environ.get("FZZF_NO_CACHE"):
        return None
    if environ.get("FZZF_CACHE_DIR"):
        return Path(environ["FZZF_CACHE_DIR"])
    if sys.platform == "win32" and environ.get("LOCALAPPDATA"):
        return Path(environ["LOCALAPPDATA"]) / "fzzf" / "cache"
    try:
        base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except RuntimeError:  # no HOME and no passwd entry (a container's random user): no cache
        return None
    return Path(base) / "fzzf"
