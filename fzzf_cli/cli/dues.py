"""What is due and what a unit owes: ``fzzf due``, ``fzzf owes``."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer
from typer._click.globals import get_current_context

from fzzf_cli.cli.app import (
    AsOfOpt,
    By,
    DataOpt,
    Format,
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
from fzzf_cli.present.duelist import write_due, write_owes
from fzzf_cli.select.names import resolve
from fzzf_cli.select.query import Window, last_deadline, select, things, window_for
from fzzf_cli.text import msg


@app.command(cls=FzzfCommand)
def due(
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
    fmt: FormatOpt = Format.table,
) -> None:
    """什么到期了：默认列出截至今天（--as-of）以后到期的事项，每项一行，注明牵头单位和承担单位数。"""
    with handled():
        today = as_of_date(as_of)
        window = window_for(year, quarter, month, start, end)
        horizon = until_date(until)
        _, ds = plan_dataset(data)
        if measure is not None:
            _known_measure(ds, measure)
        ref = resolve(ds, unit, units_only=False) if unit else None
        everything = derive(ds, horizon)
        chosen_window = window or Window(today, None)
        selected = select(
            everything, chosen_window, ref, measure, kind.value if kind else None, lead
        )
        label = _range_label(window, today)
        if not selected:
            last = last_deadline(everything)
            if window is None and last is not None and last.due < today:
                final = things(ds, [o for o in everything if o.due == last.due])
                text = msg("nothing_left", as_of=today, last=last.due, n=len(final))
            else:
                text = msg("nothing_due", as_of=today, range=label)
            if fmt in (Format.json, Format.csv):
                write_due(ds, [], today, fmt.value, False, "", sys.stdout)
            sys.stderr.write(text + "\n")
            return
        expanded = expand or ref is not None or by is By.unit
        heading = msg("due_heading", as_of=today, range=label)
        write_due(ds, selected, today, fmt.value, expanded, heading, sys.stdout, table_width())


def _known_measure(ds: Dataset, number: int) -> None:
    """``--measure`` is one of the plan's measures: a usage error as a bound would give."""
    if number in ds.measures:
        return
    first, last = ds.measure_numbers()[0], ds.measure_numbers()[-1]
    detail = msg("usage_ge", n=first) if number < first else msg("usage_le", n=last)
    if first <= number <= last:
        detail = msg("no_such_measure", n=number)
    raise typer.BadParameter(detail, ctx=get_current_context(), param_hint="--measure")


def _range_label(window: Window | None, today: date) -> str:
    if window is None:
        return msg("range_default", start=today)
    if window.start and window.end:
        whole_year = (window.start.month, window.start.day, window.end.month, window.end.day)
        if whole_year == (1, 1, 12, 31) and window.start.year == window.end.year:
            return msg("range_year", year=window.start.year)
        return msg("range_window", start=window.start, end=window.end)
    if window.start:
        return msg("range_from", start=window.start)
    return msg("range_until", end=window.end)


@app.command(cls=FzzfCommand)
def owes(
    unit: Annotated[str, typer.Argument(help="单位：标识、名称、全称、别称或简称，如 德庆。")],
    year: YearOpt = None,
    kind: KindOpt = None,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """某单位应承担的全部事项：牵头、配合、经由单位组、试点、半年报送，按年列出并注明缘由。"""
    with handled():
        today = as_of_date(as_of)
        window = window_for(year=year)
        _, ds = plan_dataset(data)
        ref = resolve(ds, unit, units_only=False)
        selected = select(
            derive(ds, until_date(until)), window, ref, None, kind.value if kind else None
        )
        if not selected and fmt not in (Format.json, Format.csv):
            sys.stdout.write(msg("owes_nothing", unit=ds.name_of(ref), id=ref) + "\n")
            return
        write_owes(ds, ref, selected, today, fmt.value, sys.stdout, table_width())
