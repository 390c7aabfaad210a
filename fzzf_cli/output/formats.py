"""Tabular text formats shared by every listing: CSV for Excel, Markdown for code hosts.

Rows are dicts; a column is (key, heading). Values from the data are made safe for the
sink: a ``|`` or a line break cannot break a Markdown table, and CSV starts with a BOM so
that Excel on Chinese Windows reads it as UTF-8.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

Column = tuple[str, str]


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "、".join(cell_text(v) for v in value)
    return str(value)


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[Column], stream: TextIO) -> None:
    """UTF-8 CSV with a BOM and a header of the columns' keys (the JSON field names)."""
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([key for key, _ in columns])
    for row in rows:
        writer.writerow([cell_text(row.get(key)) for key, _ in columns])


def flat(value: Any) -> str:
    """A value as one line of text: line breaks and tabs become spaces."""
    text = cell_text(value)
    for old in ("\r\n", "\r", "\n", "\t", "\x85", "\u2028", "\u2029"):
        text = text.replace(old, " ")
    return text.strip()


_CELL = str.maketrans({"\\": "\\\\", "|": "\\|", "<": "\\<", ">": "\\>"})


def md_cell(value: Any) -> str:
    """One Markdown table cell: ``|`` cannot end the cell, ``<`` cannot open raw HTML,
    a line break cannot end the row."""
    return flat(value).translate(_CELL)


def write_markdown(
    rows: Iterable[dict[str, Any]], columns: Sequence[Column], stream: TextIO
) -> None:
    """A GitHub-flavoured Markdown table with the columns' headings."""
    stream.write("| " + " | ".join(md_cell(h) for _, h in columns) + " |\n")
    stream.write("|" + "|".join("---" for _ in columns) + "|\n")
    for row in rows:
        stream.write("| " + " | ".join(md_cell(row.get(key)) for key, _ in columns) + " |\n")
