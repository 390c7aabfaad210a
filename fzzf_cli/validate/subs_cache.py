"""A cache of valid submission files, so that a run after one file changed reads that file only.

A data repository of thousands of reports is read in full by every query; in CI on a pull
request that touches one file, all but that file are what the last run read. For each file
that was valid, the cache keeps its plain values (what the YAML said, before the models) under
a key made of the file's bytes and path and of everything the check depends on: fzzf's
version and code (as ``cache.plan_key`` lists its modules), Python's version, the plan
files and what each unit owes by the as-of day (``Checker``). Any change to any of
those gives a new key, so a stale entry is never used. A hit is validated by the models again
(cheap next to reading YAML strictly) and its bytes kept, as for a file read now, so that
anything found in it later is located exactly as before. Files with problems are never
stored: they are read, and their problems reported, every time.

Safety is the plan cache's (``cache.py``): entries live in the same per-user folder, only in a
folder that only the user can write (created 0700), in files of the user's that nobody else
can write; the format is JSON of plain values, sealed with its SHA-256, so loading it runs no
code; an entry that is not whole, or not what it should be, is ignored and written anew.
``FZZF_NO_CACHE`` turns it off with the rest (the CLI passes no folder).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fzzf_cli.validate import cache

if TYPE_CHECKING:
    from fzzf_cli.validate.subs_load import Checker

_MARK = b"fzzf-subs-cache 1\n"


@contextlib.contextmanager
def loading() -> Iterator[None]:
    """Reading thousands of files makes millions of small objects and no cycles: the
    collector would walk the growing heap over and over (a fifth of the time). It is off
    while they are read; what was alive before, and what was read, is frozen out of its
    later walks (gc.freeze), so the queries that follow do not walk it either."""
    gc.freeze()
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
        gc.freeze()


def _interned(values: dict[str, Any]) -> dict[str, Any]:
    """One copy of the texts thousands of entries repeat (ids, titles, statuses), as the
    YAML reader keeps (yamlfast.construct)."""
    for name, value in values.items():
        if type(value) is str:
            values[name] = sys.intern(value)
    return values


def context_key(plan: Checker, root: Path) -> str:
    """A digest of everything checking a submission depends on besides its own bytes: the
    plan files under ``root`` byte for byte, and what each unit owes as of the day."""
    code = cache.plan_key({})  # fzzf's version and code, Python's version
    digest = hashlib.sha256(f"{code}|{plan.latest}".encode())
    for name in ("units", "measures", "pilots", "extensions", "rounds"):
        with contextlib.suppress(OSError):
            digest.update(name.encode() + (root / "data" / f"{name}.yaml").read_bytes() + b"\0")
    owed = sorted((unit, sorted(things)) for unit, things in plan.owed.items())
    digest.update(json.dumps([owed, sorted(plan.reporters)]).encode())
    return digest.hexdigest()


class SubsCache:
    """The entries of one data repository: plain values of valid files, by key. Entries not
    used by a run are dropped when it saves, so the file holds what the repository holds."""

    def __init__(self, folder: Path | None, root: Path, context: str) -> None:
        self.folder = folder
        self.context = context
        where = str(root.resolve()).encode("utf-8", "surrogateescape")
        self.name = f"subs-{hashlib.sha256(where).hexdigest()[:24]}.json"
        self.old: dict[str, Any] = self._read() if folder is not None else {}
        self.new: dict[str, bytes] = {}
        self.changed = False  # an entry put; entries left in ``old`` were not used either

    def key(self, display: str, raw: bytes) -> str:
        digest = hashlib.sha256(f"{self.context}|{display}|{len(raw)}\0".encode())
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str) -> Any:
        """The plain values stored for ``key``, or None. Each entry is kept as its own JSON
        text and parsed only when used: thousands of values trees would double the memory;
        once used, the text moves to this run's entries as UTF-8 (about half its size)."""
        found = self.old.pop(key, None)
        if not isinstance(found, str):
            return None
        try:
            data = json.loads(found, object_hook=_interned)
        except ValueError:
            return None
        self.new[key] = found.encode("utf-8", "surrogatepass")
        return data

    def put(self, key: str, data: Any) -> None:
        """Kept as UTF-8 until saved: about half the size of the text (mostly ASCII). Not
        deflated: that saved ~3 MB at 4,800 files for a compression on every file, warm too."""
        self.new[key] = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
        self.changed = True

    def _read(self) -> dict[str, Any]:
        assert self.folder is not None
        uid = cache.current_uid()
        if not cache.usable_dir(self.folder, uid):
            return {}
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
        flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            with os.fdopen(os.open(self.folder / self.name, flags), "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode) or not cache.trusted(info, uid):
                    return {}
                blob = handle.read()
        except (OSError, ValueError):
            return {}
        head = len(_MARK) + 32
        body = memoryview(blob)[head:]  # not a copy of tens of megabytes
        if blob[: len(_MARK)] != _MARK or blob[len(_MARK) : head] != hashlib.sha256(body).digest():
            return {}
        try:
            text = str(body, "utf-8", "surrogatepass")
        except ValueError:
            return {}
        body.release()
        del blob, body  # the bytes go before the values are made: one copy at a time
        try:
            found = json.loads(text)
        except ValueError:
            return {}
        del text
        whole = isinstance(found, dict) and found.get("context") == self.context
        entries = found.get("entries") if whole else None
        return entries if isinstance(entries, dict) else {}

    def save(self) -> None:
        """Write the entries of this run, unless nothing changed; silently skip a folder
        that is not the user's alone or cannot be written."""
        if self.folder is None or not (self.changed or self.old):
            return
        try:
            os.makedirs(self.folder, mode=0o700, exist_ok=True)
            if not cache.usable_dir(self.folder, cache.current_uid()):
                return
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".subs-", suffix=".tmp")
        except (OSError, ValueError):
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MARK + bytes(32))  # the digest, once the body is written
                digest = hashlib.sha256()
                for piece in self._body():
                    digest.update(piece)
                    handle.write(piece)
                handle.seek(len(_MARK))
                handle.write(digest.digest())
            os.replace(tmp, self.folder / self.name)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def _body(self) -> Iterator[bytes]:
        """The JSON of the context and the entries, an entry at a time: the text of the whole
        file is never held at once (tens of megabytes for thousands of files)."""
        yield json.dumps({"context": self.context}, ensure_ascii=False)[:-1].encode()
        yield b', "entries": {'
        for n, (key, entry) in enumerate(self.new.items()):
            text = entry.decode("utf-8", "surrogatepass")
            item = f"{', ' if n else ''}{json.dumps(key)}: {json.dumps(text, ensure_ascii=False)}"
            yield item.encode("utf-8", "surrogatepass")
        yield b"}}"
