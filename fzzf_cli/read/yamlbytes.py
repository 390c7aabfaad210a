"""The bytes of a YAML file before it is text: read safely, then UTF-8 only, with a BOM allowed.

``read_bytes`` refuses links, folders, special files and anything over ``MAX_BYTES`` before
reading, and reads at most ``MAX_BYTES + 1`` bytes, so what the plan cache keys and what the
parser checks are one read. UTF-16/32, binary files and GBK (what Notepad's "ANSI" means on
Chinese Windows) are refused with a location computed from the byte offset and a hint on how
to re-save the file, instead of PyYAML's "position N" and mojibake. No PyYAML here: a query
answered from the cache reads its files without importing the parser.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import stat
from pathlib import Path

from fzzf_cli.errors import Location, Problem
from fzzf_cli.text import msg

MAX_BYTES: int = 5 * 1024 * 1024  # files larger than this are refused unread


def read_bytes(
    file: Path, display: str, root: Path | None = None
) -> tuple[bytes | None, list[Problem]]:
    """The bytes of one file, or why they were not read. `display` is the path printed.

    If `root` is given, a file that is a symlink (or whose resolved path is outside `root`) is
    refused WITHOUT reading its content; a missing file or a directory is a Problem too, and so
    is a file over ``MAX_BYTES`` (by its size, before reading). Never raises.

    Refusing unread matters: a pull request can add a symlink to a secret, and an error message
    that quotes the "bad value" would print it into the CI log.
    """
    where = Location(display)
    try:
        if root is not None and file.is_symlink():
            return None, [Problem(where, msg("yaml_symlink"), msg("yaml_hint_symlink"))]
        if root is not None and not file.resolve().is_relative_to(resolved(root)):
            return None, [Problem(where, msg("yaml_outside_root"), msg("yaml_hint_symlink"))]
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, [Problem(where, msg("yaml_is_dir"))]
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(where, msg("yaml_not_regular"))]
        if info.st_size > MAX_BYTES:
            return None, [too_large(display, info.st_size)]
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
        if root is not None:  # the file may have been swapped for a symlink since is_symlink()
            flags |= getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(file, flags), "rb") as handle:
            return handle.read(MAX_BYTES + 1), []  # a file that grew is refused by the parser
    except FileNotFoundError:
        return None, [Problem(where, msg("yaml_missing"))]
    except (OSError, RuntimeError) as err:  # RuntimeError: a symlink loop, on Python < 3.13
        reason = getattr(err, "strerror", None) or err
        return None, [Problem(where, msg("yaml_unreadable", reason=reason))]


@functools.lru_cache(maxsize=64)
def resolved(root: Path) -> Path:
    """``root.resolve()``, once per run: a repository of thousands of files has one root,
    and resolving it walks every folder above it again for every file."""
    return root.resolve()


def too_large(display: str, size: int) -> Problem:
    limit = f"{MAX_BYTES / 1024 / 1024:g} MB"
    return Problem(Location(display), msg("yaml_too_large", size=size, limit=limit))


def decode(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Decode ``raw`` as strict UTF-8 (one leading BOM allowed), or explain why not.

    Only UTF-8 is accepted, whatever the machine's locale, so a file reads the same on every
    computer; UTF-16 is refused even though PyYAML could read it, because other tools can't.
    """
    wide = _wide_encoding(raw)
    if wide:
        hint = msg("yaml_hint_save_utf8")
        return None, [Problem(Location(display), msg("yaml_wide_encoding", encoding=wide), hint)]
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(raw, nul)
        where = Location(display, line, col)
        return None, [Problem(where, msg("yaml_binary"), msg("yaml_hint_binary"))]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line, col = _byte_position(raw, err.start)
        text = msg("yaml_not_utf8", byte=f"0x{raw[err.start]:02X}")
        hint = msg("yaml_hint_gbk") if _looks_gbk(raw) else msg("yaml_hint_save_utf8")
        return None, [Problem(Location(display, line, col), text, hint)]


def _wide_encoding(raw: bytes) -> str:
    """Name UTF-16/UTF-32 input, by BOM or by NUL-byte pattern, else return ''."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    head = raw[:4]
    if len(head) == 4 and (head[:3] == b"\0\0\0" or head[1:] == b"\0\0\0"):
        return "UTF-32"
    # YAML starts with an ASCII character, which UTF-16 pairs with one NUL byte; a file that is
    # mostly Chinese still has NULs beside every ASCII space, colon and newline, all on one side.
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "UTF-16"
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if min(even, odd) == 0 and max(even, odd) >= max(2, len(raw) // 10):
        return "UTF-16"
    return ""


def _looks_gbk(raw: bytes) -> bool:
    """True when the bytes are valid GB18030 and contain Chinese: a Notepad "ANSI" file."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return re.search("[\u4e00-\u9fff]", text) is not None


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte ``offset``; CR LF, CR and LF end lines."""
    head = raw[:offset]
    line = head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
    start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    return line, len(head[start:].decode("utf-8", "replace")) + 1
