"""The formats a view can be written in, by name: ``FORMATS`` is the one registry.

Each format is a module, imported when used, so that fzzf starts without loading the
writers it does not need. A text format has ``write(view, stream, width)``; a binary one
(``BINARY``: a workbook) has ``dump(view) -> bytes``, which the command line writes to a
file. Adding a format is one module here and one line below.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from fzzf_cli.present.view import Table, View

FORMATS = {
    "table": "fzzf_cli.present.formats.as_table",  # the terminal: a drawn table
    "json": "fzzf_cli.present.formats.as_json",  # programs: the view's record
    "csv": "fzzf_cli.present.formats.as_csv",  # Excel and WPS: UTF-8 with a BOM
    "md": "fzzf_cli.present.formats.as_md",  # code hosts and pull requests
    "xlsx": "fzzf_cli.present.formats.as_xlsx",  # Excel and WPS: a workbook (bytes)
}
BINARY = frozenset({"xlsx"})  # written to a file (``-o``), never to a terminal


class Headers(StrEnum):
    """The sheet's heading row in CSV: the stable machine keys, or the Chinese headings."""

    KEY = "key"
    ZH = "zh"


def present(
    view: View,
    fmt: str,
    stream: TextIO | None = None,
    width: int | None = None,
    headers: Headers = Headers.KEY,
) -> None:
    """Write ``view`` as the text format ``fmt`` to ``stream`` (standard output); its
    notice to stderr. ``headers=ZH`` heads the sheet with the columns' headings."""
    if fmt in BINARY:
        raise ValueError(f"{fmt} is binary: use encode()")
    if headers is Headers.ZH:
        view = replace(view, sheet=headed(view.spreadsheet))
    import_module(FORMATS[fmt]).write(view, stream or sys.stdout, width)
    _notice(view)


def encode(view: View, fmt: str) -> bytes:
    """The binary format ``fmt`` of ``view`` (a workbook); its notice to stderr."""
    content: bytes = import_module(FORMATS[fmt]).dump(view)
    _notice(view)
    return content


def headed(sheet: Table | None) -> Table | None:
    """The sheet keyed by its columns' headings (the same column definitions), so that a
    writer that heads columns with their keys heads them with the headings."""
    from fzzf_cli.present.view import Table

    if sheet is None:
        return None
    columns = [(heading, heading) for _, heading in sheet.columns]
    rows = [{heading: row.get(key) for key, heading in sheet.columns} for row in sheet.rows]
    return Table(sheet.title, columns, rows, sheet.brief)


def _notice(view: View) -> None:
    if view.notice:
        sys.stderr.write(view.notice + "\n")
