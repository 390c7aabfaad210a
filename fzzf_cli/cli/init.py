"""``fzzf init DIR``: a data repository in one command, never overwriting a file.

An existing folder is fine (a fresh clone has ``.git``, a README): each file that is
there already is left alone and named on stderr, so running it again only adds what is
missing."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fzzf_cli import __version__
from fzzf_cli.cli.app import FzzfCommand, app, as_of_date, handled
from fzzf_cli.cli.results import os_reason, shown_path
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_USAGE, FzzfError
from fzzf_cli.present.tables import print_problems
from fzzf_cli.select.query import parse_date
from fzzf_cli.text import msg
from fzzf_cli.validate.load import embedded_root, load_dataset

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.present.starter import Starter


DueFromOpt = Annotated[
    str | None, typer.Option("--due-from", metavar="DATE", help=msg("help_init_due_from"))
]


@app.command(name="init", cls=FzzfCommand, help=msg("cmd_init"))
def init(
    folder: Annotated[Path, typer.Argument(help=msg("help_arg_init_dir"))],
    due_from: DueFromOpt = None,
) -> None:
    from fzzf_cli.present.starter import starter_files

    with handled():
        start = as_of_date(None) if due_from is None else parse_date(due_from, "--due-from")
        shipped = embedded_root()
        files = starter_files(shipped, _shipped_plan(shipped), __version__, start)
        written, skipped = _write_all(folder, files)
        sys.stdout.write(msg("init_summary", written=written, skipped=skipped) + "\n")
        every = start <= date(2016, 1, 1)  # before the plan's first deadline: the CI gates all
        sys.stdout.write(msg("init_due_all" if every else "init_due_from", day=start) + "\n")
        sys.stdout.write(msg("init_next", path=shown_path(folder), day=start.isoformat()) + "\n")


def _shipped_plan(shipped: Path) -> Dataset:
    ds, problems = load_dataset(shipped)
    if ds is None:
        print_problems(problems, sys.stderr)
        raise FzzfError(msg("data_invalid"), EXIT_FINDINGS)
    return ds


def _write_all(folder: Path, files: list[Starter]) -> tuple[int, int]:
    """Write each file that is not there yet; name on stderr each one left alone."""
    from fzzf_cli.read.writefile import no_links_between, write_new

    if folder.exists() and not folder.is_dir():
        raise FzzfError(msg("init_not_folder", path=folder), EXIT_USAGE)
    written = skipped = 0
    for starter in files:
        target = folder / starter.path
        if not no_links_between(folder, target):
            sys.stderr.write(msg("init_linked", path=shown_path(target)) + "\n")
            skipped += 1
            continue
        try:
            write_new(target, starter.content)
            written += 1
        except FileExistsError:
            sys.stderr.write(msg("init_skipped", path=shown_path(target)) + "\n")
            skipped += 1
        except OSError as error:
            said = msg("new_write_failed", path=shown_path(target), reason=os_reason(error))
            raise FzzfError(said, EXIT_USAGE) from None
    return written, skipped
