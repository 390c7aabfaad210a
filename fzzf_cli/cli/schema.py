"""``fzzf schema``: JSON Schemas of the data files, for editors and check-jsonschema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli.cli.app import FzzfCommand, app, handled
from fzzf_cli.cli.results import write_result
from fzzf_cli.text import msg

OutputOpt = Annotated[Path, typer.Option("--output", "-o", help=msg("help_output_schema"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=msg("help_force_schema"))]


@app.command(cls=FzzfCommand, help=msg("cmd_schema"))
def schema(output: OutputOpt = Path("schemas"), force: ForceOpt = False) -> None:
    from fzzf_cli.present.schemas import all_schemas

    with handled():
        for name, text in all_schemas().items():
            write_result(str(output / name), text, force=force)
