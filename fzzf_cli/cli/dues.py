"""What is due and what a unit owes: ``fzzf due``, ``fzzf owes``."""

from typing import Annotated

import typer

from fzzf_cli.cli.app import (
    TABLE,
    AsOfOpt,
    By,
    DataOpt,
    FormatOpt,
    FzzfCommand,
    KindOpt,
    SoonOpt,
    UntilOpt,
    YearOpt,
    app,
    as_of_date,
    handled,
    known,
    plan_dataset,
    until_date,
)
from fzzf_cli.cli.complete import complete_unit_or_group
from fzzf_cli.cli.holidays import WorkdaysOpt, soon_span, window_words
from fzzf_cli.cli.listing import ForceOpt, HeadersOpt, OutputOpt, show
from fzzf_cli.cli.state import duty_states
from fzzf_cli.derive.obligations import derive
from fzzf_cli.present.duelist import due_view, owes_view
from fzzf_cli.present.formats import Headers
from fzzf_cli.select.names import resolve
from fzzf_cli.select.query import Window, select, window_for
from fzzf_cli.text import msg
from fzzf_cli.vocab import SOON


@app.command(cls=FzzfCommand, help=msg("cmd_due"))
def due(
    ctx: typer.Context,
    year: YearOpt = None,
    quarter: Annotated[str | None, typer.Option("--quarter", help=msg("help_quarter"))] = None,
    month: Annotated[str | None, typer.Option("--month", help=msg("help_month"))] = None,
    start: Annotated[str | None, typer.Option("--from", help=msg("help_from"))] = None,
    end: Annotated[str | None, typer.Option("--to", help=msg("help_to"))] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", help=msg("help_unit_filter"), autocompletion=complete_unit_or_group
        ),
    ] = None,
    measure: Annotated[int | None, typer.Option("--measure", help=msg("help_measure"))] = None,
    kind: KindOpt = None,
    lead: Annotated[bool, typer.Option("--lead", help=msg("help_lead"))] = False,
    expand: Annotated[bool, typer.Option("--expand", help=msg("help_expand"))] = False,
    by: Annotated[By, typer.Option("--by", help=msg("help_by"))] = By.thing,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    headers: HeadersOpt = Headers.KEY,
) -> None:
    with handled():
        today, window = as_of_date(as_of), window_for(year, quarter, month, start, end)
        _, ds = plan_dataset(data)
        if measure is not None:
            known(ctx, "--measure", measure, sorted(ds.measures), "no_such_measure")
        ref = resolve(ds, unit, units_only=False) if unit else None
        everything = derive(ds, until_date(until), today)
        chosen = select(everything, window or Window(today, None), ref, measure, kind, lead)
        expanded = expand or ref is not None or by is By.unit
        view = due_view(ds, everything, chosen, window, today, expanded)
        show(view, fmt, output, headers, force)


@app.command(cls=FzzfCommand, help=msg("cmd_owes"))
def owes(
    unit: Annotated[
        str, typer.Argument(help=msg("help_arg_owes_unit"), autocompletion=complete_unit_or_group)
    ],
    year: YearOpt = None,
    kind: KindOpt = None,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    soon: SoonOpt = SOON,
    workdays: WorkdaysOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    headers: HeadersOpt = Headers.KEY,
) -> None:
    with handled():
        today = as_of_date(as_of)
        root, ds = plan_dataset(data)
        ref = resolve(ds, unit, units_only=False)
        chosen = select(
            derive(ds, until_date(until), today), window_for(year=year), ref, None, kind
        )
        states = duty_states(root, ds, today, soon_span(today, soon, workdays))
        view = owes_view(ds, ref, chosen, today, states, window_words(soon, workdays))
        show(view, fmt, output, headers, force)
