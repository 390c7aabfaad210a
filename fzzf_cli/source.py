"""The source document kept beside the data (``data/source/plan.txt``)."""

from __future__ import annotations

import re
from pathlib import Path

SOURCE_FILE = Path("data") / "source" / "plan.txt"
_TASKS_HEADING = "二、主要任务"


def measure_paragraph(root: Path, number: int) -> str | None:
    """The paragraph of the source that holds measure ``number``, as written."""
    path = root / SOURCE_FILE
    if not path.is_file() or path.is_symlink():
        return None
    text = path.read_text(encoding="utf-8")
    start = text.find(_TASKS_HEADING)
    pattern = re.compile(rf"^[ \t\u3000\xa0]*{number}\.[ \t]*(?!\d)", re.MULTILINE)
    found = pattern.search(text, max(start, 0))
    if found is None:
        return None
    end = text.find("\n", found.start())
    return text[found.start() : end if end != -1 else None].strip()
