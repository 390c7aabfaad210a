"""Commands over the plan itself: validate, measures, measure, units, pilots."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli.cli.app import (
    TABLE,
    AsOfOpt,
    DataOpt,
    FormatOpt,
    FzzfCommand,
    ViewFormat,
    app,
    handled,
    known,
    plan_dataset,
)
from fzzf_cli.cli.listing import ForceOpt, HeadersOpt, OutputOpt, show
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FzzfError
from fzzf_cli.present.formats import Headers, present
from fzzf_cli.present.tables import (
    measure_view,
    measures_view,
    pilots_view,
    print_problems,
    units_view,
)
from fzzf_cli.present.views import select_measures
from fzzf_cli.select.names import resolve
from fzzf_cli.text import msg
from fzzf_cli.validate.source import measure_paragraph, read_source

ViewFormatOpt = Annotated[ViewFormat, typer.Option("--format", "-f", help=msg("help_format"))]


@app.command(cls=FzzfCommand, help=msg("cmd_validate"))
def validate(as_of: AsOfOpt = None, data: DataOpt = None,
             fmt: ViewFormatOpt = ViewFormat.table) -> None:  # fmt: skip
    from fzzf_cli.cli.state import validation
    from fzzf_cli.present.validation import write_validation

    with handled():
        result = validation(data, as_of)
        write_validation(result, fmt)
    raise typer.Exit(EXIT_FINDINGS if result.problems else EXIT_OK)


@app.command(cls=FzzfCommand, help=msg("cmd_measures"))
def measures(
    ctx: typer.Context,
    area: Annotated[int | None, typer.Option("--area", help=msg("help_area"))] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=msg("help_unit_plan"))] = None,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    headers: HeadersOpt = Headers.KEY,
) -> None:
    with handled():
        _, ds = plan_dataset(data)
        if area is not None:
            known(ctx, "--area", area, sorted(ds.areas), "no_such_area")
        ref = resolve(ds, unit, units_only=False) if unit else None
        view = measures_view(ds, select_measures(ds, area=area, unit=ref))
        show(view, fmt, output, headers, force)


@app.command(cls=FzzfCommand, help=msg("cmd_measure"))
def measure(
    number: Annotated[int, typer.Argument(help=msg("help_arg_measure"))],
    source: Annotated[bool, typer.Option("--source", help=msg("help_source"))] = False,
    data: DataOpt = None,
    fmt: ViewFormatOpt = ViewFormat.table,
) -> None:
    with handled():
        root, ds = plan_dataset(data)
        found = ds.measures.get(number)
        if found is None:
            raise FzzfError(msg("no_such_measure", n=number), EXIT_USAGE)
        paragraph = _paragraph(root.path, number) if source else None
        present(measure_view(ds, found, paragraph), fmt)


def _paragraph(root: Path, number: int) -> str:
    """The source's paragraph of a measure (the source file's problems said on stderr)."""
    text, problems = read_source(root)
    print_problems(problems, sys.stderr)
    paragraph = measure_paragraph(text, number) if text is not None else None
    if paragraph is None:
        raise FzzfError(msg("source_not_found", n=number), EXIT_FINDINGS)
    return paragraph


@app.command(cls=FzzfCommand, help=msg("cmd_units"))
def units(
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    headers: HeadersOpt = Headers.KEY,
) -> None:
    with handled():
        show(units_view(plan_dataset(data)[1]), fmt, output, headers, force)


@app.command(cls=FzzfCommand, help=msg("cmd_pilots"))
def pilots(
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    headers: HeadersOpt = Headers.KEY,
) -> None:
    with handled():
        show(pilots_view(plan_dataset(data)[1]), fmt, output, headers, force)
