"""The source document kept beside the data (``data/source/plan.txt``): read with the same
rules as the YAML files (no links, at most the size limit, UTF-8 only)."""

from __future__ import annotations

import re
from pathlib import Path

from fzzf_cli.errors import Location, Problem
from fzzf_cli.read.yamlbytes import decode
from fzzf_cli.read.yamlio import MAX_BYTES
from fzzf_cli.text import msg

SOURCE_FILE = Path("data") / "source" / "plan.txt"


def read_source(root: Path) -> tuple[str | None, list[Problem]]:
    """The source's text, or why it cannot be read (nothing when there is no source)."""
    display = SOURCE_FILE.as_posix()
    path = root / SOURCE_FILE
    where = Location(display)
    try:
        if path.parent.is_symlink() or path.is_symlink():
            return None, [Problem(where, msg("yaml_symlink"), msg("yaml_hint_symlink"))]
        if not path.is_file():
            return None, []
        if path.stat().st_size > MAX_BYTES:
            size = path.stat().st_size
            return None, [Problem(where, msg("yaml_too_large", size=size, limit=MAX_BYTES))]
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return None, [Problem(where, msg("yaml_unreadable", reason=error.strerror or error))]
    return decode(raw, display)


def measure_paragraph(text: str, number: int, heading: str | None = None) -> str | None:
    """The paragraph of the source that holds measure ``number``, as written: the first
    line numbered so after ``heading`` (``conventions.source_heading``, 二、主要任务), or
    from the start when the plan names no heading or the source lacks it."""
    start = text.find(heading) if heading else 0
    pattern = re.compile(rf"^[ \t\u3000\xa0]*{number}\.[ \t]*(?!\d)", re.MULTILINE)
    found = pattern.search(text, max(start, 0))
    if found is None:
        return None
    end = text.find("\n", found.start())
    return text[found.start() : end if end != -1 else None].strip()
