"""What is due and what a unit owes: ``fzzf due``, ``fzzf owes``."""

from __future__ import annotations

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
    UntilOpt,
    YearOpt,
    app,
    as_of_date,
    handled,
    plan_dataset,
    table_width,
    until_date,
)
from fzzf_cli.derive.obligations import derive
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.present.duelist import due_view, owes_view
from fzzf_cli.present.formats import present
from fzzf_cli.select.names import resolve
from fzzf_cli.select.query import Window, select, window_for
from fzzf_cli.text import msg


@app.command(cls=FzzfCommand)
def due(
    ctx: typer.Context,
    year: YearOpt = None,
    quarter: Annotated[str | None, typer.Option("--quarter", help="某季度，如 2017Q2。")] = None,
    month: Annotated[str | None, typer.Option("--month", help="某月，如 2017-06。")] = None,
    start: Annotated[str | None, typer.Option("--from", help="自某日起（含）。")] = None,
    end: Annotated[str | None, typer.Option("--to", help="至某日止（含）。")] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="只看某单位或单位组。")] = None,
    measure: Annotated[
        int | None, typer.Option("--measure", help="只看某项措施（编号见 fzzf measures）。")
    ] = None,
    kind: KindOpt = None,
    lead: Annotated[bool, typer.Option("--lead", help="只看该单位牵头的。")] = False,
    expand: Annotated[bool, typer.Option("--expand", help="每个承担单位一行。")] = False,
    by: Annotated[
        By, typer.Option("--by", help="按事项（thing）或按单位（unit）列出。")
    ] = By.thing,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
) -> None:
    """什么到期了：默认列出截至今天（--as-of）以后到期的事项，每项一行，注明牵头单位和承担单位数。"""
    with handled():
        today, window = as_of_date(as_of), window_for(year, quarter, month, start, end)
        _, ds = plan_dataset(data)
        if measure is not None:
            _known_measure(ctx, ds, measure)
        ref = resolve(ds, unit, units_only=False) if unit else None
        everything = derive(ds, until_date(until))
        chosen = select(everything, window or Window(today, None), ref, measure, kind, lead)
        expanded = expand or ref is not None or by is By.unit
        view = due_view(ds, everything, chosen, window, today, expanded)
        present(view, fmt, width=table_width())


def _known_measure(ctx: typer.Context, ds: Dataset, number: int) -> None:
    """``--measure`` is one of the plan's measures: a usage error as a bound would give."""
    if number in ds.measures:
        return
    first, last = ds.measure_numbers()[0], ds.measure_numbers()[-1]
    detail = msg("usage_ge", n=first) if number < first else msg("usage_le", n=last)
    if first <= number <= last:
        detail = msg("no_such_measure", n=number)
    raise typer.BadParameter(detail, ctx=ctx, param_hint="--measure")


@app.command(cls=FzzfCommand)
def owes(
    unit: Annotated[str, typer.Argument(help="单位：标识、名称、全称、别称或简称，如 德庆。")],
    year: YearOpt = None,
    kind: KindOpt = None,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
) -> None:
    """某单位应承担的全部事项：牵头、配合、经由单位组、试点、半年报送，按年列出并注明缘由。"""
    with handled():
        today = as_of_date(as_of)
        _, ds = plan_dataset(data)
        ref = resolve(ds, unit, units_only=False)
        chosen = select(derive(ds, until_date(until)), window_for(year=year), ref, None, kind)
        present(owes_view(ds, ref, chosen, today), fmt, width=table_width())
