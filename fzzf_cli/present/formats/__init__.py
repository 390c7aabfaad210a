"""The formats a view can be written in, by name: ``FORMATS`` is the one registry.

Each format is a module with ``write(view, stream, width)``; it is imported when used,
so that fzzf starts without loading the writers it does not need. Adding a format is
one module here and one line below.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from fzzf_cli.present.view import View

FORMATS = {
    "table": "fzzf_cli.present.formats.as_table",  # the terminal: a drawn table
    "json": "fzzf_cli.present.formats.as_json",  # programs: the view's record
    "csv": "fzzf_cli.present.formats.as_csv",  # Excel and WPS: UTF-8 with a BOM
    "md": "fzzf_cli.present.formats.as_md",  # code hosts and pull requests
}


def present(view: View, fmt: str, stream: TextIO | None = None, width: int | None = None) -> None:
    """Write ``view`` as ``fmt`` to ``stream`` (standard output); its notice to stderr."""
    import_module(FORMATS[fmt]).write(view, stream or sys.stdout, width)
    if view.notice:
        sys.stderr.write(view.notice + "\n")
