"""A cache of the validated plan, so that queries answer in a fraction of a second.

Reading the three files strictly and validating them costs more than the rest of a query.
A plan that loaded without a single problem is pickled under a key made of the very bytes
that were validated (``load.read_plan`` reads each file once), fzzf's code and Python's
version; any edit to any file gives a new key, so a stale entry is never used. Only clean
loads are stored. The cache lives in the user's cache folder (``FZZF_CACHE_DIR`` overrides;
the CLI decides), is written atomically and is ignored whenever it cannot be read or
written. (beancount's loader keeps a pickle cache for the same reason.)
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from fzzf_cli import __version__
from fzzf_cli.dataset import Dataset


def plan_key(contents: Mapping[str, bytes]) -> str:
    """A digest of the plan files' bytes (as ``load.read_plan`` read them, once)."""
    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    # fzzf's own code is part of the key too, so that a changed check is never skipped.
    digest.update("".join(sorted(_modules(os.path.dirname(__file__)))).encode())
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


def load(cache_dir: Path, key: str) -> Dataset | None:
    """The cached plan for ``key``, or None."""
    try:
        data = (cache_dir / f"plan-{key}.pickle").read_bytes()
        found = pickle.loads(data)  # our own file, named by the digest of its source
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return found if isinstance(found, Dataset) else None


def store(cache_dir: Path, key: str, dataset: Dataset) -> None:
    """Keep ``dataset`` (without its YAML trees) for ``key``; silently skip on failure."""
    lean = Dataset(dataset.units_file, dataset.measures_file, dataset.pilots_file, {})
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".plan-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(lean, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_dir / f"plan-{key}.pickle")
    except (OSError, pickle.PicklingError):
        Path(tmp).unlink(missing_ok=True)
        return
    for old in cache_dir.glob("plan-*.pickle"):
        if old.name != f"plan-{key}.pickle":
            old.unlink(missing_ok=True)


def default_dir(environ: dict[str, str] | os._Environ[str]) -> Path | None:
    """Where the cache lives: FZZF_CACHE_DIR, else the platform's user cache folder;
    None when FZZF_NO_CACHE is set."""
    if environ.get("FZZF_NO_CACHE"):
        return None
    if environ.get("FZZF_CACHE_DIR"):
        return Path(environ["FZZF_CACHE_DIR"])
    if sys.platform == "win32" and environ.get("LOCALAPPDATA"):
        return Path(environ["LOCALAPPDATA"]) / "fzzf" / "cache"
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "fzzf"
