"""Text tables for the terminal, wrapped to ``width`` cells (None: never wrapped)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from fzzf_cli.present import grid
from fzzf_cli.present.cells import cell_text
from fzzf_cli.present.safe import visible

if TYPE_CHECKING:
    from fzzf_cli.present.view import Table, View


def write(view: View, stream: TextIO, width: int | None) -> None:
    if view.heading:
        stream.write(visible(view.heading) + "\n")
    if not view.tables and view.empty:
        stream.write(view.empty + "\n")
    for i, table in enumerate(view.tables):
        if i and not view.heading:
            stream.write("\n")
        stream.write(draw(table, width))
    stream.write(view.footer)


def draw(table: Table, width: int | None) -> str:
    cells = [[_cell(table, key, row) for key, _ in table.columns] for row in table.rows]
    headings = [heading for _, heading in table.columns]
    return grid.render(visible(table.title), headings, cells, width)


def _cell(table: Table, key: str, row: dict[str, object]) -> str:
    text = visible(cell_text(row.get(key)))
    limit = table.brief.get(key)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"
