"""Writing files so that nothing is ever lost or half-written.

Every file fzzf writes goes to a temporary file in the same folder, is flushed to disk,
and is then moved into place in one step: a crash or Ctrl-C leaves either the old file
or the new one, never a mixture. ``write_new`` refuses to replace anything that exists
(a unit's submission is theirs); ``write_replace`` is for files the user asked fzzf to
(re)generate, such as reports.
"""

from __future__ import annotations

import glob
import os
import tempfile
import time
from pathlib import Path

# Windows may hold a file briefly (virus scanners, indexers): retry the final rename.
_RETRIES = 5
_STALE_SECONDS = 3600


def _mode(path: Path) -> int:
    """The replaced file's permissions, or what the user's umask gives a new file
    (mkstemp's own 0600 would hide a report from colleagues)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _clear_stale(path: Path) -> None:
    """Remove temporary files an earlier, killed write of ``path`` left behind (an hour
    old at least, so a write in progress elsewhere is never touched)."""
    limit = time.time() - _STALE_SECONDS
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if stale.is_file() and not stale.is_symlink() and stale.stat().st_mtime < limit:
                stale.unlink()
        except OSError:
            continue


def _temp_copy(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    _clear_stale(path)
    mode = _mode(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def write_new(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; FileExistsError if it exists (it is left untouched)."""
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    temp = _temp_copy(path, text)
    try:
        try:
            os.link(temp, path)  # fails, atomically, if path appeared meanwhile
        except (AttributeError, NotImplementedError, PermissionError):
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def write_replace(path: Path, text: str) -> None:
    """Write ``path`` with ``text``, replacing what is there in one step."""
    temp = _temp_copy(path, text)
    try:
        for attempt in range(_RETRIES):
            try:
                os.replace(temp, path)
                return
            except PermissionError:
                if attempt == _RETRIES - 1:
                    raise
                time.sleep(0.1 * (attempt + 1))
    finally:
        temp.unlink(missing_ok=True)
