"""The published dashboard: ``fzzf site -o public/``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli.cli.app import AsOfOpt, DataOpt, FzzfCommand, app, handled
from fzzf_cli.cli.docs import ForceOpt, TemplatesOpt, report_state
from fzzf_cli.cli.issue import template_folders
from fzzf_cli.cli.results import shown_path
from fzzf_cli.cli.state import HistoryOpt, State
from fzzf_cli.present.report_rules import Scope
from fzzf_cli.text import msg

SiteOutOpt = Annotated[str, typer.Option("--output", "-o", help=msg("help_output_site"))]


def site_files(state: State, scope: Scope, folders: list[Path]) -> dict[str, bytes]:
    """Every file of the site: the pages (marked as fzzf's), the script, each unit's
    calendar feed and fill-in workbook (site_extras.py)."""
    from fzzf_cli.cli.site_extras import calendars, workbooks
    from fzzf_cli.present.site import file_stem, site_pages
    from fzzf_cli.read.writefile import MARKER

    ws = state.ws
    stems = {uid: file_stem(uid) for uid in ws.ds.units}
    links, files = calendars(ws, scope.as_of)
    books, sheets = workbooks(ws, scope.as_of, stems)
    for uid, link in books.items():
        links.setdefault(uid, {}).update(link)
    pages = site_pages(ws, scope, folders, links)
    for path, text in pages.items():
        files[path] = (f"<!-- {MARKER} -->\n" + text if path.endswith(".html") else text).encode()
    return files | sheets


@app.command(cls=FzzfCommand, help=msg("cmd_site"))
def site(
    output: SiteOutOpt = "public",
    as_of: AsOfOpt = None,
    force: ForceOpt = False,
    templates: TemplatesOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.cli.site_files import write_folder

    with handled():
        state, scope = report_state(data, as_of, None, None, history)
        files = site_files(state, scope, template_folders(state.root, templates))
        protect = state.root.data if state.root.origin != "embedded" else None
        removed = write_folder(Path(output), files, force, protect)
        if removed:
            sys.stdout.write(msg("site_removed", n=removed) + "\n")
        sys.stdout.write(msg("site_written", n=len(files), path=shown_path(Path(output))) + "\n")
