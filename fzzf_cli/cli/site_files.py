"""Writing the dashboard's folder (``fzzf site -o DIR``) so that it never destroys a file
fzzf did not write, and never leaves pages of units that are gone.

The folder keeps a manifest (``.fzzf-site.json``): every file the last run wrote, with
the SHA-256 of its bytes. A run writes a file only where nothing is, or where the file is
still exactly what fzzf wrote (or already what it would write); it removes only the files
the manifest lists, the site no longer has, and nobody has changed since. A non-empty
folder without a manifest is someone else's: refused unless ``--force`` (which then
overwrites, but still deletes nothing it cannot prove it wrote). Every file is written
atomically; the manifest is written first with both the old and the new digests, so an
interrupted run leaves a folder the next run still recognises.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path, PurePosixPath
from typing import Any

from fzzf_cli.cli.results import shown_path
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_USAGE, FzzfError
from fzzf_cli.text import msg

MANIFEST = ".fzzf-site.json"
Known = dict[str, set[str]]


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def plain_path(rel: str) -> bool:
    """Whether a manifest entry is a plain path inside the folder (a manifest is a file in
    a folder anyone may have edited: ``..``, absolute and drive paths are ignored)."""
    path = PurePosixPath(rel)
    bad = ("\\" in rel or ":" in rel or "\0" in rel or path.is_absolute()
           or any(part in ("", ".", "..") for part in rel.split("/")))  # fmt: skip
    return not bad and rel != MANIFEST


def read_manifest(folder: Path) -> Known | None:
    """The files the last run wrote and their digests; None when there is no readable
    manifest (a folder fzzf never wrote, as far as it can tell)."""
    path = folder / MANIFEST
    if path.is_symlink() or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        return {rel: {h for h in hashes if isinstance(h, str)}
                for rel, hashes in files.items() if isinstance(rel, str) and plain_path(rel)
                and isinstance(hashes, list)}  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _manifest_text(files: dict[str, Any]) -> str:
    entries = {rel: sorted(hashes) for rel, hashes in sorted(files.items())}
    return json.dumps({"generator": "fzzf site", "files": entries}, ensure_ascii=False,
                      indent=1) + "\n"  # fmt: skip


def _regular(folder: Path, rel: str) -> bytes | None:
    """The bytes of the regular file ``rel`` in ``folder``; None when there is nothing.
    A symlink or a folder on the way, or in its place, is refused: writing through it
    would land outside the site."""
    target = folder
    for part in rel.split("/"):
        target = target / part
        try:
            info = os.lstat(target)
        except FileNotFoundError:
            return None
        except NotADirectoryError:  # a file where the site has a folder
            raise FzzfError(
                msg("site_not_folder", path=shown_path(target.parent)), EXIT_USAGE
            ) from None
        if stat.S_ISLNK(info.st_mode):
            raise FzzfError(msg("out_symlink", path=shown_path(target)), EXIT_USAGE)
    if not stat.S_ISREG(info.st_mode):
        raise FzzfError(msg("os_is_dir", path=shown_path(target)), EXIT_USAGE)
    return target.read_bytes()


def check_folder(folder: Path, force: bool, protect: Path | None) -> Known:
    """The manifest of ``folder``, after refusing a folder fzzf may not write into."""
    if folder.exists() and not folder.is_dir():
        raise FzzfError(msg("site_not_folder", path=shown_path(folder)), EXIT_USAGE)
    if protect is not None and folder.resolve().is_relative_to(protect.resolve()):
        raise FzzfError(msg("out_protected", path=shown_path(folder)), EXIT_USAGE)
    if protect is not None and protect.resolve().is_relative_to(folder.resolve()):
        # A manifest planted there (a pull request can add one) would list data files.
        where = shown_path(folder)
        raise FzzfError(msg("site_holds_data", path=where, data=shown_path(protect)), EXIT_USAGE)
    known = read_manifest(folder) if folder.is_dir() else {}
    if known is None:
        if not force and any(folder.iterdir()):
            where = shown_path(folder)
            raise FzzfError(msg("site_foreign_folder", path=where, manifest=MANIFEST), EXIT_USAGE)
        known = {}
    return known


def write_folder(folder: Path, files: dict[str, bytes], force: bool, protect: Path | None) -> int:
    """Write ``files`` (path in the site → bytes) into ``folder`` by the rules above;
    how many stale files were removed. Nothing is written when any file is refused."""
    from fzzf_cli.read.writefile import write_replace

    known = check_folder(folder, force, protect)
    new = {rel: digest(raw) for rel, raw in files.items()}
    todo, changed = [], []
    for rel in sorted(files):
        current = _regular(folder, rel)
        if current is not None and digest(current) == new[rel]:
            continue  # already what the site holds
        if current is None or force or digest(current) in known.get(rel, set()):
            todo.append(rel)
        else:
            changed.append(rel)
    if changed:
        shown = ", ".join(shown_path(folder / rel) for rel in changed[:5])
        raise FzzfError(msg("site_changed", path=shown), EXIT_FINDINGS)
    interim = {rel: known.get(rel, set()) | {new.get(rel, "")} - {""} for rel in {*known, *new}}
    folder.mkdir(parents=True, exist_ok=True)
    write_replace(folder / MANIFEST, _manifest_text(interim))
    for rel in todo:
        write_replace(folder / rel, files[rel])
    removed = remove_stale(folder, {rel: h for rel, h in known.items() if rel not in files})
    write_replace(folder / MANIFEST, _manifest_text({rel: {h} for rel, h in new.items()}))
    return removed


def remove_stale(folder: Path, stale: Known) -> int:
    """Remove the files the site no longer has, each only while it is what fzzf wrote,
    then the folders that leaves empty; a changed one is kept, and said so."""
    import sys

    removed = 0
    for rel, hashes in sorted(stale.items()):
        try:
            current = _regular(folder, rel)
        except FzzfError:
            current = None  # a link or folder there now: not ours to remove
        if current is None:
            continue
        target = folder / rel
        if digest(current) not in hashes:
            sys.stderr.write(msg("site_kept", path=shown_path(target)) + "\n")
            continue
        target.unlink()
        removed += 1
        parent = target.parent
        while parent != folder and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    return removed
