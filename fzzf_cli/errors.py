"""Locations, problems and exit codes: the one vocabulary every stage speaks.

Bad data is a value (a ``Problem``), never an exception; ``FzzfError`` is only for
"cannot continue" (no data folder, a unit name nobody can resolve).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from fzzf_cli.text import msg

# Controls, zero-width and direction marks, line and paragraph separators.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class Location(NamedTuple):
    """A place in a data file; ``line`` and ``col`` are 1-based, 0 when unknown."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        if self.col <= 0:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.col}"


class Problem(NamedTuple):
    """One thing wrong with the data, with where it is and what to do about it."""

    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.hint:
            text = msg("with_hint", text=text, hint=self.hint)
        return text

    @property
    def code(self) -> str:
        """A stable name for the kind of problem (``ref-unknown``, ``yaml-duplicate-key``,
        ``sub-wrong-unit``): the key of its message, for tests and CI consumers that must
        not match wording."""
        key = getattr(self.message, "key", "") or "problem"
        return (
            key.removeprefix("pyd_").replace("_", "-")
            if not key.startswith("pyd_")
            else ("field-" + key.removeprefix("pyd_").replace("_", "-"))
        )

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.path, self.location.line, self.location.col, self.message)


class FzzfError(Exception):
    """The run cannot continue; ``exit_code`` says whether it was usage or data."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def printable(text: str, limit: int = 80) -> str:
    """A value from outside (a git author's name, a raw YAML value, git's own error line)
    safe to put into a message that any sink shows: one line, nothing invisible, short."""
    text = _UNPRINTABLE.sub("", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
