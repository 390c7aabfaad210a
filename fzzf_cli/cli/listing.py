"""Where a listing goes: standard output, or with ``-o`` a file; a workbook (``-f xlsx``)
always to a file or a redirect, never to a terminal. The options every listing shares
beyond ``--format``: ``-o``, ``--force``, ``--headers``."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Annotated

import typer

from fzzf_cli.cli.app import table_width
from fzzf_cli.cli.results import write_result
from fzzf_cli.present.formats import BINARY, Headers, encode, present
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.present.view import View

OutputOpt = Annotated[str | None, typer.Option("--output", "-o", help=msg("help_output_listing"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=msg("help_force"))]
HeadersOpt = Annotated[Headers, typer.Option("--headers", help=msg("help_headers"))]


def show(
    view: View,
    fmt: str,
    output: str | None = None,
    headers: Headers = Headers.KEY,
    force: bool = False,
) -> None:
    """Write ``view`` as ``fmt``: to standard output (text tables wrapped to the
    terminal), or to ``-o``'s file by ``write_result``'s rules (atomic; another's file is
    never replaced unasked; a workbook fzzf wrote may be)."""
    if fmt in BINARY:
        write_result(output, encode(view, fmt), force=force)
        return
    if output is None or output == "-":
        present(view, fmt, width=table_width(), headers=headers)
        return
    buffer = io.StringIO()
    present(view, fmt, buffer, None, headers)
    write_result(output, buffer.getvalue(), force=force, ours=False)
