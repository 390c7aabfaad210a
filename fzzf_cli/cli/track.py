"""Chasing and reviewing: ``fzzf overdue``, ``fzzf status``, ``fzzf review``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from fzzf_cli.cli.app import (
    TABLE,
    AsOfOpt,
    DataOpt,
    FormatOpt,
    FzzfCommand,
    SoonOpt,
    app,
    as_of_date,
    handled,
)
from fzzf_cli.cli.complete import complete_unit_or_group
from fzzf_cli.cli.holidays import WorkdaysOpt, soon_span, window_words
from fzzf_cli.cli.listing import ForceOpt, HeadersOpt, OutputOpt, show
from fzzf_cli.cli.state import HistoryOpt, assessed_state
from fzzf_cli.present.formats import Headers
from fzzf_cli.select.names import resolve
from fzzf_cli.text import msg
from fzzf_cli.vocab import SOON

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset

UnitOpt = Annotated[
    str | None,
    typer.Option(
        "--unit", "-u", help=msg("help_unit_filter"), autocompletion=complete_unit_or_group
    ),
]


@app.command(cls=FzzfCommand, help=msg("cmd_overdue"))
def overdue(
    unit: UnitOpt = None,
    as_of: AsOfOpt = None,
    soon: SoonOpt = SOON,
    workdays: WorkdaysOpt = False,
    history: HistoryOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    headers: HeadersOpt = Headers.KEY,
) -> None:
    from fzzf_cli.present.chase import overdue_view

    with handled():
        soon = soon_span(as_of_date(as_of), soon, workdays)
        state = assessed_state(data, as_of, soon, history, before=lambda ds: _ref(ds, unit))
        ref = _ref(state.ws.ds, unit)
        view = overdue_view(state.ws.ds, state.assessed, state.ws.dating, state.as_of, ref)
        show(view, fmt, output, headers, force)


@app.command(cls=FzzfCommand, help=msg("cmd_status"))
def status(
    unit: UnitOpt = None,
    as_of: AsOfOpt = None,
    soon: SoonOpt = SOON,
    workdays: WorkdaysOpt = False,
    history: HistoryOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    headers: HeadersOpt = Headers.KEY,
) -> None:
    from fzzf_cli.present.chase import status_view

    with handled():
        state = assessed_state(
            data,
            as_of,
            soon_span(as_of_date(as_of), soon, workdays),
            history,
            before=lambda ds: _ref(ds, unit),
        )
        ref = _ref(state.ws.ds, unit)
        warning = window_words(soon, workdays)
        view = status_view(state.ws.ds, state.assessed, state.ws.dating, state.as_of, warning, ref)
        show(view, fmt, output, headers, force)


@app.command(cls=FzzfCommand, help=msg("cmd_review"))
def review(
    unit: UnitOpt = None,
    as_of: AsOfOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    headers: HeadersOpt = Headers.KEY,
) -> None:
    from fzzf_cli.present.chase import review_view

    with handled():
        state = assessed_state(data, as_of, history=history, before=lambda ds: _ref(ds, unit))
        ref = _ref(state.ws.ds, unit)
        view = review_view(state.assessed, state.ws.dating, state.as_of, ref)
        show(view, fmt, output, headers, force)


def _ref(ds: Dataset, unit: str | None) -> str | None:
    """The unit or group ``--unit`` names, if any."""
    return resolve(ds, unit, units_only=False) if unit else None
