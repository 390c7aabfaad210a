"""The document settings and the register of issued numbers (model/documents.py), read and
checked like the plan, and the register kept: a number is taken under a lock, appended in
one atomic write, and never given again.

A broken register (a typo, a duplicated number, a hostile file) is a list of located
problems; no number is issued from it until it is fixed, since the next number can only be
known from a register that can be trusted.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from fzzf_cli.errors import EXIT_USAGE, FzzfError, Problem
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.documents import (
    REGISTER_FILE,
    SETTINGS_FILE,
    DocumentSettings,
    Issued,
    Register,
    document_number,
)
from fzzf_cli.read.writefile import write_replace
from fzzf_cli.read.yamlio import YamlDoc, locate, parse_yaml, read_yaml
from fzzf_cli.text import msg
from fzzf_cli.validate.load import pydantic_problems

LOCK_WAIT_SECONDS = 10.0  # another fzzf numbering a notice holds the lock well under this
LOCK_STALE_SECONDS = 120.0  # a lock older than this was left by a killed run


def _read(root: Path, name: str) -> tuple[YamlDoc | None, list[Problem]]:
    """The file parsed, or (None, []) when it does not exist (both files are optional)."""
    path = root / name
    if not path.exists() and not path.is_symlink():
        return None, []
    return read_yaml(path, name, root=root / "data")


def load_settings(root: Path) -> tuple[DocumentSettings, list[Problem]]:
    """``data/documents.yaml``, or the defaults when it is missing or wrong (with why)."""
    doc, problems = _read(root, SETTINGS_FILE)
    if doc is None:
        return DocumentSettings(), problems
    try:
        return DocumentSettings.model_validate(doc.data), []
    except ValidationError as error:
        return DocumentSettings(), list(pydantic_problems(error, doc, DocumentSettings))


def load_register(root: Path, ds: Dataset) -> tuple[Register, list[Problem]]:
    """``data/register.yaml`` with every problem in it: fields, units, years, repeats."""
    doc, problems = _read(root, REGISTER_FILE)
    if doc is None:
        return Register(), problems
    if doc.data is None:  # an empty file (or comments only): nothing issued yet
        return Register(), []
    try:
        register = Register.model_validate(doc.data)
    except ValidationError as error:
        return Register(), list(pydantic_problems(error, doc, Register))
    return register, list(_cross_check(register, doc, ds))


def _cross_check(register: Register, doc: YamlDoc, ds: Dataset) -> Iterator[Problem]:
    seen: dict[tuple[str, int, int], int] = {}
    for i, entry in enumerate(register.issued):
        number = document_number(entry.prefix, entry.year, entry.number)
        if entry.unit not in ds.units:
            yield Problem(locate(doc, ("issued", i, "unit")), msg("register_unknown_unit",
                                                                   unit=entry.unit))  # fmt: skip
        if entry.date.year != entry.year:
            text = msg("register_year_mismatch", year=entry.year, day=entry.date)
            yield Problem(locate(doc, ("issued", i, "year")), text)
        key = (entry.prefix, entry.year, entry.number)
        if key in seen:
            first = locate(doc, ("issued", seen[key])).line
            text = msg("register_duplicate", number=number, line=first)
            yield Problem(locate(doc, ("issued", i, "number")), text)
        seen.setdefault(key, i)


def check_documents(root: Path, ds: Dataset) -> list[Problem]:
    """What ``fzzf validate`` says of the two files."""
    return [*load_settings(root)[1], *load_register(root, ds)[1]]


def next_issue(register: Register, prefix: str, day: date, unit: str, title: str) -> Issued:
    """The next number of ``prefix`` in ``day``'s year: one above the highest ever given,
    so a number is never reused, even when a later one was voided or its file deleted."""
    taken = [e.number for e in register.issued if e.prefix == prefix and e.year == day.year]
    number = max(taken, default=0) + 1
    return Issued(prefix=prefix, year=day.year, number=number, date=day, unit=unit, title=title)


def _entry_text(entry: Issued) -> str:
    """One entry in block style; strings as JSON, which YAML reads as quoted scalars."""

    def quoted(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = [
        f"  - prefix: {quoted(entry.prefix)}",
        f"    year: {entry.year}",
        f"    number: {entry.number}",
        f"    date: {entry.date.isoformat()}",
        f"    unit: {entry.unit}",
    ]
    if entry.title:
        lines.append(f"    title: {quoted(entry.title)}")
    return "\n".join(lines) + "\n"


def record(root: Path, register: Register, entry: Issued) -> bytes | None:
    """Append ``entry`` to the register in one atomic write; returns what the file held
    before (for ``undo``). The existing text, comments included, is kept when appending
    to it reads back as exactly the old entries plus the new one; otherwise the whole
    register is written afresh."""
    path = root / REGISTER_FILE
    try:
        previous: bytes | None = path.read_bytes()
    except FileNotFoundError:
        previous = None
    old = previous.decode("utf-8-sig") if previous else ""
    wanted = Register(issued=[*register.issued, entry])
    text = old + ("" if old.endswith("\n") or not old else "\n") + _entry_text(entry)
    if not old.strip() or not _reads_as(text, wanted):
        text = msg("register_header") + "issued:\n" + "".join(_entry_text(e) for e in wanted.issued)
    write_replace(path, text)
    return previous


def _reads_as(text: str, wanted: Register) -> bool:
    doc, problems = parse_yaml(text.encode("utf-8"), REGISTER_FILE)
    if doc is None or problems:
        return False
    try:
        return Register.model_validate(doc.data) == wanted
    except ValidationError:
        return False


def undo(root: Path, previous: bytes | None) -> None:
    """Put the register back as it was before ``record`` (the document was not written)."""
    path = root / REGISTER_FILE
    if previous is None:
        path.unlink(missing_ok=True)
    else:
        write_replace(path, previous.decode("utf-8-sig"))


@contextmanager
def register_lock(root: Path) -> Iterator[None]:
    """Only one fzzf numbers a document at a time: ``data/register.yaml.lock`` is created
    exclusively (atomic on every file system) and removed afterwards; a lock left by a
    killed run is taken over once it is stale."""
    lock = root / (REGISTER_FILE + ".lock")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            try:
                if time.time() - os.lstat(lock).st_mtime > LOCK_STALE_SECONDS:
                    lock.unlink(missing_ok=True)
                    continue
            except OSError:
                continue
            if time.monotonic() > deadline:
                raise FzzfError(msg("register_locked", path=REGISTER_FILE + ".lock"),
                                EXIT_USAGE) from None  # fmt: skip
            time.sleep(0.1)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise FzzfError(msg("register_unwritable", reason=reason), EXIT_USAGE) from None
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        lock.unlink(missing_ok=True)
