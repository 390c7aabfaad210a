"""The bytes of a YAML file before it is text: UTF-8 only, with a BOM allowed.

UTF-16/32, binary files and GBK (what Notepad's "ANSI" means on Chinese Windows) are
refused with a location computed from the byte offset and a hint on how to re-save the
file, instead of PyYAML's "position N" and mojibake.
"""

from __future__ import annotations

import codecs
import re

from .errors import Location, Problem
from .messages import msg


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
