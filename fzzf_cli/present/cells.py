"""Tabular text formats shared by every listing: CSV for Excel, Markdown for code hosts.

Rows are dicts; a column is (key, heading). Values from the data are made safe for the
sink: a ``|`` or a line break cannot break a Markdown table, and CSV starts with a BOM so
that Excel on Chinese Windows reads it as UTF-8.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from fzzf_cli.present.safe import visible
from fzzf_cli.text import join

Column = tuple[str, str]


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return join([cell_text(v) for v in value])
    return str(value)


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[Column], stream: TextIO) -> None:
    """UTF-8 CSV with a BOM and a header of the columns' keys (the JSON field names)."""
    import csv  # only for CSV output

    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([key for key, _ in columns])
    for row in rows:
        writer.writerow([csv_cell(row.get(key)) for key, _ in columns])


def csv_cell(value: Any) -> str:
    """A cell Excel or WPS will not run: text starting with ``= + - @``, a tab or a carriage
    return gets a leading apostrophe (OWASP's advice on CSV injection). Numbers stay
    numbers: a negative count is still a number."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return cell_text(value)
    text = cell_text(value)
    return "'" + text if text[:1] in _FORMULA_START else text


_FORMULA_START = frozenset("=+-@\t\r")


def flat(value: Any) -> str:
    """A value as one line of text: line breaks and tabs become spaces, and nothing
    invisible or controlling is left as it is."""
    text = visible(cell_text(value))
    for old in ("\r\n", "\r", "\n", "\t", "\x85", "\u2028", "\u2029"):
        text = text.replace(old, " ")
    return text.strip()


# A table cell: the columns kept, no HTML, and no link or image a unit's text could make
# ([x](y), ![x](y), <http://…>): a report cannot carry a tracking pixel or a disguised link.
_CELL = str.maketrans({c: "\\" + c for c in "\\|<>[]!`"})


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
