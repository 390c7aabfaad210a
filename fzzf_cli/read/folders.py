"""Which files differ between two copies of a data folder (``fzzf diff``): the plan and
any other plan file (extensions, extra rounds, the units …), whatever it is called, so that
a file fzzf learns to read later is listed without a change here."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fzzf_cli.read.yamlio import MAX_BYTES


def differing(before: Path, after: Path, folder: str, skip: tuple[str, ...]) -> list[str]:
    """Paths (``folder/…``, relative to both roots) of regular files that are in only one
    of ``before`` and ``after`` or differ between them; paths under ``skip`` are left out.
    Links and oversized files count by their absence (fzzf reads neither)."""
    old, new = _digests(before, folder, skip), _digests(after, folder, skip)
    return sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))


def _digests(root: Path, folder: str, skip: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    base = root / folder
    if base.is_symlink() or not base.is_dir():
        return found
    for path in base.rglob("*"):
        name = path.relative_to(root).as_posix()
        if name.startswith(skip) or any(p.startswith(".") for p in name.split("/")):
            continue
        try:
            if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_BYTES:
                continue
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue
    return found
