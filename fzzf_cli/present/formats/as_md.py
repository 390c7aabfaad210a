"""GitHub-flavoured Markdown: a bold title over each table, or sections under a heading."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from fzzf_cli.present.cells import write_markdown

if TYPE_CHECKING:
    from fzzf_cli.present.view import View


def write(view: View, stream: TextIO, width: int | None) -> None:
    if view.heading:
        stream.write(f"## {view.heading}\n\n")
    if not view.tables and view.empty:
        stream.write(view.empty + "\n")
    for i, table in enumerate(view.tables):
        if view.heading:
            stream.write(f"\n### {table.title}\n\n")
        else:
            stream.write("\n" if i else "")
            stream.write(f"**{table.title}**\n\n" if table.title else "")
        write_markdown(table.rows, table.columns, stream)
    if view.footer:  # a paragraph after a table needs a blank line
        stream.write(view.footer if view.footer.startswith("\n") else "\n" + view.footer)
