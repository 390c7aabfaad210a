"""Text from the data made safe to print: one place that knows what a terminal, a CI log
and the GitHub runner would read as something other than text.

- ``visible``: C0/C1 controls (ESC starts terminal sequences, OSC 8/52 links and the
  clipboard) become ``\\x1b``; direction overrides and isolates (U+202A–U+202E,
  U+2066–U+2069) and zero-width characters become ``<U+202E>``, so what a reader sees is
  what the bytes say.
- ``one_line``: the same, and no line break: for a log line.
- ``CommandSafe``: wraps stdout and stderr so that no line fzzf prints — whatever a value,
  a file name or a template put into it — can be read by the GitHub runner as a workflow
  command. fzzf's own annotations (``fzzf check -f github``) are written with ``trusted``.
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import TextIO

# What some reader (the runner, a terminal, str.splitlines) takes as a line end: a space.
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Other C0/C1 controls and DEL, escaped visibly (not dropped) so the author can find the
# byte; this covers \v \f \x1c-\x1e (splitlines breaks) and ESC (terminal sequences).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters that reorder or hide text: shown by their code point.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]")
# The GitHub runner also takes a line as a command when it starts with "::" after
# TrimStart(), or when it contains the legacy "##[" anywhere (actions/runner
# ActionCommand.TryParseV2 / TryParse): think of a file named "::error title=x::y.yaml",
# or "##[stop-commands]t", which would silence our real annotations. Both tests are .NET
# culture-sensitive string searches, which skip "ignorable" characters such as U+200B
# or U+00AD, so those are skipped here too (generously: whole categories).
_IGNORABLE_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Cs", "Me", "Mn"})
_HANGUL_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")


def _escape_control(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def one_line(text: str) -> str:
    """Text from the data made safe for one log line.

    CR, LF, CRLF, NEL (U+0085), U+2028 and U+2029 become a space, TAB becomes a space,
    and any other C0/C1 control character becomes a visible escape such as ``\\x1b``.
    Why: the GitHub runner reads workflow commands from any stdout line starting with
    ``::``, so a data value must never be able to start a new line of the log. For the
    same reason a ``:`` that is the first visible character becomes ``\\x3a`` and the
    ``[`` of ``##[`` (the runner's legacy command prefix, honoured anywhere in a line)
    becomes ``\\x5b``: no line containing the result can be read as a command.
    """
    text = _LINE_BREAKS.sub(" ", text).replace("\t", " ")
    return defuse_commands(visible(text))


def visible(text: str) -> str:
    """Controls and invisible or reordering characters shown by their code (line breaks
    and tabs are the caller's business)."""
    text = _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    return _CONTROLS.sub(_escape_control, text)


def _ignorable(char: str) -> bool:
    return unicodedata.category(char) in _IGNORABLE_CATEGORIES or char in _HANGUL_FILLERS


def _after_hashes(text: str, index: int) -> bool:
    """Whether ``text[index]`` is preceded by ``##``, ignorable characters skipped."""
    hashes = 0
    while index > 0 and hashes < 2:  # linear overall: a scan stops at the previous "["
        index -= 1
        if text[index] == "#":
            hashes += 1
        elif not _ignorable(text[index]):
            break
    return hashes == 2


def defuse_commands(text: str) -> str:
    """Escape the ``[`` of every ``##[`` and a ``:`` that is the first visible character."""
    start = text.lstrip()[:1]
    if "#" not in text and start != ":" and not (start and _ignorable(start)):
        return text  # the common case, without a walk over every character
    chars = list(text)
    for index, char in enumerate(text):
        if char == "[" and _after_hashes(text, index):
            chars[index] = "\\x5b"
    for index, char in enumerate(text):
        if not (char.isspace() or _ignorable(char)):
            if char == ":":
                chars[index] = "\\x3a"
            break
    return "".join(chars)


class CommandSafe(io.TextIOBase):
    """A text stream that defuses workflow commands line by line (the runner reads stdout
    and stderr alike). Lines are held until they end, so a command cannot be assembled
    from two writes; ``flush`` and ``close`` let a last partial line through, defused."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self._pending = ""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._stream, "errors", None)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._stream.write("".join(defuse_commands(line) + "\n" for line in lines))
        return len(text)

    def trusted(self, text: str) -> None:
        """fzzf's own workflow commands, written as they are."""
        self.flush()
        self._stream.write(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(defuse_commands(self._pending))
            self._pending = ""
        self._stream.flush()


def write_trusted(stream: TextIO, text: str) -> None:
    """Write fzzf's own annotations past a ``CommandSafe`` wrapper (or to any stream)."""
    if isinstance(stream, CommandSafe):
        stream.trusted(text)
    else:
        stream.write(text)
