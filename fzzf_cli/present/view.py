"""What a command shows, before it is any format: a View.

A view is the JSON record, the tables people read (a text table in the terminal, or
Markdown), the one table a spreadsheet gets (CSV: raw values, keys as headings), and the
lines around them. Commands build a view; ``formats.present`` writes it in the format
asked for, so every listing speaks every format and a new format is one module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fzzf_cli.present.cells import Column

Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    title: str
    columns: Sequence[Column]
    rows: Sequence[Row]
    # Text tables shorten these columns to so many characters (Markdown and CSV keep all).
    brief: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class View:
    record: Mapping[str, Any]  # the JSON document
    tables: Sequence[Table] = ()  # for people: text tables, or Markdown
    sheet: Table | None = None  # for spreadsheets (CSV); default: the first table
    heading: str = ""  # when set, the tables are sections under this heading
    empty: str = ""  # said instead of the tables when there are none
    footer: str = ""  # lines after the tables (counts, notes), as they are written
    notice: str = ""  # said on standard error in every format

    @property
    def spreadsheet(self) -> Table | None:
        return self.sheet if self.sheet is not None else next(iter(self.tables), None)


def columns(prefix: str, *keys: str) -> list[Column]:
    """Columns whose headings are the catalogue's ``<prefix><key>`` messages."""
    from fzzf_cli.text import msg

    return [(key, msg(f"{prefix}{key}")) for key in keys]
