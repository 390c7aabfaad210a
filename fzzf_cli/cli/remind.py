"""``fzzf remind``: one digest per unit, to paste into WeCom, DingTalk or a mail."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fzzf_cli.cli.app import AsOfOpt, DataOpt, FzzfCommand, app, as_of_date, handled
from fzzf_cli.cli.complete import complete_unit_or_group
from fzzf_cli.cli.holidays import WorkdaysOpt, soon_span, window_words
from fzzf_cli.cli.results import write_result
from fzzf_cli.cli.state import HistoryOpt, assessed_state
from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.select.names import resolve
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from datetime import date

    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.present.remind import Digest

WITHIN = 14  # two weeks: time to act on a reminder before the date


class RemindFormat(StrEnum):
    text = "text"
    md = "md"


@app.command(cls=FzzfCommand, help=msg("cmd_remind"))
def remind(
    unit: Annotated[
        str | None,
        typer.Argument(help=msg("help_arg_remind_unit"), autocompletion=complete_unit_or_group),
    ] = None,
    within: Annotated[
        int, typer.Option("--within", min=0, max=365, help=msg("help_remind_within"))
    ] = WITHIN,
    workdays: WorkdaysOpt = False,
    as_of: AsOfOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
    fmt: Annotated[
        RemindFormat, typer.Option("--format", "-f", help=msg("help_format_remind"))
    ] = RemindFormat.text,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help=msg("help_output_remind"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=msg("help_force_remind"))] = False,
) -> None:
    from fzzf_cli.present.remind import digests

    with handled():
        _check_folder(output)
        span = soon_span(as_of_date(as_of), within, workdays)
        state = assessed_state(data, as_of, span, history, before=lambda ds: _units(ds, unit))
        units = _units(state.ws.ds, unit)
        there = {f.path: msg("gate_hint_draft") for f in state.ws.subs.all() if f.filed is None}
        found = digests(state.ws.ds, state.assessed, state.as_of, span, units, there)
        window = window_words(within, workdays)
        _deliver(found, fmt.value, output, force, state.as_of, window)


def _check_folder(output: str | None) -> None:
    """``-o`` names a folder: every unit gets a file of its own in it."""
    if output is None or output == "-" or output.endswith(("/", "\\")):
        return
    if not Path(output).is_dir():
        raise FzzfError(msg("remind_not_folder"), EXIT_USAGE)


def _units(ds: Dataset, typed: str | None) -> list[str]:
    if typed is None:
        return list(ds.units)
    return ds.expand([resolve(ds, typed, units_only=False)])


def _deliver(
    found: list[Digest], fmt: str, output: str | None, force: bool, as_of: date, within: str
) -> None:
    from fzzf_cli.cli.holidays import official_workdays
    from fzzf_cli.present.remind import FORMATS, render

    if not found:
        sys.stdout.write(msg("remind_none", as_of=as_of, days=within) + "\n")
        return
    is_workday = official_workdays()
    texts = [(d.unit_id, render(d, fmt, as_of, within, is_workday)) for d in found]
    if output is None or output == "-":
        sys.stdout.write("\n".join(text for _, text in texts))
        return
    for unit_id, text in texts:
        name = f"{unit_id}.{FORMATS[fmt]}"
        write_result(output, text, name=name, force=force, ours=False)
