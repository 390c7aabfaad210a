"""What one cell of a filled report form says, as the value a YAML report would hold:
text, a date, a status, a list of evidence. A cell that cannot be read as its column
asks is the name of a message, never a guess: a number is not a date unless it is an
Excel date serial, a date typed as text is read only in the forms people write
(2017-07-15, 2017/7/15, 2017.7.15, 2017年7月15日).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from fzzf_cli.model.workbook import STATUS_LABELS
from fzzf_cli.read.workbook import Cell
from fzzf_cli.text import every, join, msg

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_LINK = re.compile(r"^(?:(.*\S)\s+)?(https?://\S+)$")
_EXCEL_ZERO = date(1899, 12, 30)  # day 0 of Excel's 1900 date system (its 1900-02-29 skipped)
_SERIALS = range(1, 2958466)  # 1900-01-01 to 9999-12-31


class Bad(NamedTuple):
    """Why a cell cannot be read: a message, ready to be placed at the cell."""

    message: str
    hint: str = ""


def general(cell: Cell) -> Bad | None:
    """What is wrong with any cell whatever its column: an error value, a formula that
    was never computed (a formula's computed value is read as if typed)."""
    if cell.error:
        return Bad(msg("xlsx_error_value", value=str(cell.value)[:20]))
    if cell.formula and cell.value is None:
        return Bad(msg("xlsx_formula_no_value"))
    return None


def blank(cell: Cell) -> bool:
    return cell.value is None or (isinstance(cell.value, str) and not cell.value.strip())


def text(cell: Cell) -> str | Bad | None:
    """A cell of text: what was typed, trimmed, with Windows line ends made ``\\n``; a
    number as written (12, 0.5), a date as 2017-07-15; None when empty."""
    value = cell.value
    if isinstance(value, bool):
        return Bad(msg("xlsx_not_text", kind=msg("xlsx_kind_bool")))
    if isinstance(value, str):
        found = "\n".join(line.rstrip() for line in value.replace("\r\n", "\n").split("\n"))
        return found.strip() or None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if value is None:
        return None
    return Bad(msg("xlsx_not_text", kind=msg("xlsx_kind_other")))


def day(cell: Cell) -> date | Bad | None:
    """A date cell: a real date, an Excel date serial (a date whose cell lost its date
    format), or a date typed as text; None when empty."""
    value = cell.value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if blank(cell):
        return None
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and float(value).is_integer() and int(value) in _SERIALS:
        return _EXCEL_ZERO + timedelta(days=int(value) + (int(value) < 61))
    if isinstance(value, str):
        found = _DATE.match(value.strip())
        if found:
            try:
                return date(*(int(part) for part in found.groups()))
            except ValueError:
                pass
    shown = str(value)[:30]
    return Bad(msg("xlsx_bad_date", value=shown))


def status(cell: Cell) -> str | Bad:
    """A status from the dropdown, in either language's words, or the model's own."""
    value = cell.value.strip() if isinstance(cell.value, str) else cell.value
    if blank(cell):
        return Bad(msg("xlsx_status_empty"))
    for code, key in STATUS_LABELS.items():
        if value == code or value in every(key):
            return code
    choices = join([msg(key) for key in STATUS_LABELS.values()])
    return Bad(msg("xlsx_bad_status", value=str(value)[:30], choices=choices))


def evidence(found: str) -> list[dict[str, str]]:
    """One piece of evidence per line: text, a link, or text then a link."""
    pieces = []
    for line in found.split("\n"):
        line = line.strip()
        link = _LINK.match(line)
        if link is None and line:
            pieces.append({"text": line})
        elif link is None:
            continue
        elif link[1]:
            pieces.append({"text": link[1], "link": link[2]})
        else:
            pieces.append({"link": link[2]})
    return pieces


def evidence_text(pieces: list[dict[str, Any]]) -> str:
    """Evidence as the form shows it: the inverse of ``evidence``."""
    return "\n".join(" ".join(str(p[k]) for k in ("text", "link") if p.get(k)) for p in pieces)
