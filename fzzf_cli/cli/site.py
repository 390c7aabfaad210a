"""The published dashboard: ``fzzf site -o public/``."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli.cli.app import AsOfOpt, DataOpt, FzzfCommand, app, handled
from fzzf_cli.cli.docs import ForceOpt, TemplatesOpt, report_state
from fzzf_cli.cli.issue import template_folders
from fzzf_cli.cli.results import shown_path, write_result
from fzzf_cli.cli.state import HistoryOpt, State
from fzzf_cli.text import msg

SiteOutOpt = Annotated[str, typer.Option("--output", "-o", help=msg("help_output_site"))]


def write_site(state: State, pages: dict[str, str], folder: Path, force: bool) -> None:
    """Each file of the site under ``folder``, by ``write_result``'s rules (a file fzzf did
    not generate is never replaced without ``--force``); one line says where."""
    from fzzf_cli.read.writefile import MARKER

    quiet = io.StringIO()
    for path, text in sorted(pages.items()):
        mark = f"<!-- {MARKER} -->\n" if path.endswith(".html") else ""
        write_result(str(folder / path), text, root=state.root, force=force, mark=mark,
                     announce=quiet)  # fmt: skip
    sys.stdout.write(msg("site_written", n=len(pages), path=shown_path(folder)) + "\n")


@app.command(cls=FzzfCommand, help=msg("cmd_site"))
def site(
    output: SiteOutOpt = "public",
    as_of: AsOfOpt = None,
    force: ForceOpt = False,
    templates: TemplatesOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.present.site import site_pages

    with handled():
        state, scope = report_state(data, as_of, None, None, history)
        pages = site_pages(state.ws, scope, template_folders(state.root, templates))
        write_site(state, pages, Path(output), force)
