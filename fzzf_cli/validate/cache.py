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


def _sha256_maker() -> Callable[..., Any]:
    """SHA-256 from Python's own module, without hashlib: hashlib loads OpenSSL, which costs
    a query more than reading its cache entry (``_sha2`` from Python 3.12, ``_sha256`` before)."""
    for name in ("_sha2", "_sha256"):
        try:
            return import_module(name).sha256
        except (ImportError, AttributeError):
            continue
    return import_module("hashlib").sha256


sha256 = _sha256_maker()


def plan_key(contents: Mapping[str, bytes]) -> str:
    """A digest of the plan files' bytes (as ``load.read_plan`` read them, once)."""
    digest = sha256(f"{__version__}|{sys.version}".encode())
    # fzzf's own code is part of the key too, so that a changed check is never skipped.
    digest.update("".join(sorted(_modules(os.path.dirname(os.path.dirname(__file__))))).encode())
    for name in sorted(contents):
        raw = contents[name]
        digest.update(f"{name}:{len(raw)}\0".encode() + raw)
    return digest.hexdigest()


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
    uid = current_uid()
    if not usable_dir(cache_dir, uid):
        return None
    entry = cache_dir / f"plan-{key}.json"
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
    found = None
    if data is not None:
        try:
            found = plain.decode(json.loads(data))
        except Exception:  # whatever a spoilt entry raises (JSON, a missing field, …): rebuild it
            found = None
    if found is None:
        _remove(entry)
    return found


# An entry is this mark, the SHA-256 of the JSON, then the JSON: an entry truncated or
# damaged on disk (a full disk, a power cut after the rename) is found before it is read.
_MARK = b"fzzf-plan-cache 2\n"


def seal(data: bytes) -> bytes:
    """An entry holding the JSON ``data``."""
    return _MARK + sha256(data).digest() + data


def unseal(blob: bytes) -> bytes | None:
    """The JSON in an entry, or None when the entry is not whole."""
    head = len(_MARK) + 32
    data = blob[head:]
    whole = blob[: len(_MARK)] == _MARK and blob[len(_MARK) : head] == sha256(data).digest()
    return data if whole else None


def store(cache_dir: Path, key: str, dataset: Dataset) -> None:
    """Keep ``dataset`` (without its YAML trees) for ``key``, creating the folder 0700;
    silently skip when the folder is not the user's alone or cannot be written, or when the
    plan holds a value the plain form cannot carry exactly."""
    try:
        data = json.dumps(plain.encode(dataset), ensure_ascii=False).encode()
    except (TypeError, ValueError):
        return
    try:
        os.makedirs(cache_dir, mode=0o700, exist_ok=True)  # parents: the usual mode
        if not usable_dir(cache_dir, current_uid()):
            return
        import tempfile  # only when storing: a query answered from the cache never needs it

        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".plan-", suffix=".tmp")  # 0600
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(seal(data))
        os.replace(tmp, cache_dir / f"plan-{key}.json")
    except OSError:
        _remove(Path(tmp))
        return
    for old in [*cache_dir.glob("plan-*.json"), *cache_dir.glob("plan-*.pickle")]:
        if old.name != f"plan-{key}.json":
            _remove(old)


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
