"""``fzzf codeowners``: the data repository's CODEOWNERS file, from units.yaml."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli.cli.app import DataOpt, FzzfCommand, app, data_root, handled
from fzzf_cli.cli.results import write_result
from fzzf_cli.errors import EXIT_FINDINGS, FzzfError
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.present.tables import print_problems
from fzzf_cli.text import msg
from fzzf_cli.validate import cache
from fzzf_cli.validate.load import load_dataset


class OwnersFormat(StrEnum):
    github = "github"
    gitlab = "gitlab"


@app.command(cls=FzzfCommand, help=msg("cmd_codeowners"))
def codeowners(
    fmt: Annotated[
        OwnersFormat, typer.Option("--format", "-f", help=msg("help_format_owners"))
    ] = OwnersFormat.github,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help=msg("help_output_owners"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=msg("help_force_owners"))] = False,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.present.codeowners import generate

    with handled():
        made = generate(_valid_plan(data), fmt.value)
        _write(output, made.text, force)
        sys.stderr.writelines(f"{line}\n" for line in made.warnings)


def _valid_plan(data: Path | None) -> Dataset:
    """The plan, only when it has no problem at all: reviewers come from it."""
    root = data_root(data)
    ds, problems = load_dataset(root.path, cache.default_dir(os.environ))
    if ds is None or problems:
        print_problems(problems, sys.stderr)
        sys.stderr.write(msg("validate_failed", n=len(problems)) + "\n")
        raise FzzfError(msg("data_invalid"), EXIT_FINDINGS)
    return ds


def _write(output: str | None, text: str, force: bool) -> None:
    """Standard output, or the file in one atomic step; an existing file only with --force
    (a device such as /dev/null is written through)."""
    write_result(output, text, name="CODEOWNERS", force=force, ours=False)
