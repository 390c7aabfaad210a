"""``fzzf schema``: JSON Schemas of the data files, for editors and check-jsonschema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli.cli.app import FzzfCommand, app, handled
from fzzf_cli.cli.results import write_result
from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.text import msg

OutputOpt = Annotated[Path, typer.Option("--output", "-o", help=msg("help_output_schema"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=msg("help_force_schema"))]


@app.command(cls=FzzfCommand, help=msg("cmd_schema"))
def schema(output: OutputOpt = Path("schemas"), force: ForceOpt = False) -> None:
    from fzzf_cli.present.schemas import all_schemas

    with handled():
        _write_all(output, all_schemas(), force)


def _write_all(folder: Path, files: dict[str, str], force: bool) -> None:
    """Each schema into ``folder``: one that cannot be written (a file of the same name
    that fzzf did not write, without --force) is said and skipped, the others are written;
    the run then fails with the worst exit code."""
    if folder.exists() and not folder.is_dir():
        raise FzzfError(msg("schema_not_folder", path=folder), EXIT_USAGE)
    failed: list[FzzfError] = []
    for name, text in files.items():
        try:
            write_result(str(folder / name), text, force=force)
        except FzzfError as error:
            sys.stderr.write(f"fzzf: {error.message}\n")
            failed.append(error)
    if failed:
        raise typer.Exit(max(error.exit_code for error in failed))
