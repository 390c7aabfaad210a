"""Chasing and reviewing: ``fzzf overdue``, ``fzzf status``, ``fzzf review``."""

from __future__ import annotations

from typing import Annotated

import typer

from fzzf_cli.cli.app import (
    TABLE,
    AsOfOpt,
    DataOpt,
    FormatOpt,
    FzzfCommand,
    app,
    handled,
    table_width,
)
from fzzf_cli.cli.state import HistoryOpt, assessed_state
from fzzf_cli.present.formats import present
from fzzf_cli.select.names import resolve

SoonOpt = Annotated[int, typer.Option("--soon", min=0, max=365, help="几天内到期算“即将到期”。")]
UnitOpt = Annotated[str | None, typer.Option("--unit", "-u", help="只看某单位或单位组。")]


@app.command(cls=FzzfCommand)
def overdue(
    unit: UnitOpt = None,
    as_of: AsOfOpt = None,
    soon: SoonOpt = 14,
    history: HistoryOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
) -> None:
    """哪些单位逾期了：逾期项数多的在前，列出最早期限、逾期天数和逾期事项。"""
    from fzzf_cli.present.chase import overdue_view

    with handled():
        state = assessed_state(data, as_of, soon, history)
        ref = resolve(state.ws.ds, unit, units_only=False) if unit else None
        view = overdue_view(state.ws.ds, state.assessed, state.ws.dating, state.as_of, ref)
        present(view, fmt, width=table_width())


@app.command(cls=FzzfCommand)
def status(
    as_of: AsOfOpt = None,
    soon: SoonOpt = 14,
    history: HistoryOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
) -> None:
    """各单位（报送按时率、已销号、待复核、逾期、下一期限）与各方面（完成比例）的进展。"""
    from fzzf_cli.present.chase import status_view

    with handled():
        state = assessed_state(data, as_of, soon, history)
        view = status_view(state.ws.ds, state.assessed, state.ws.dating, state.as_of)
        present(view, fmt, width=table_width())


@app.command(cls=FzzfCommand)
def review(
    unit: UnitOpt = None,
    as_of: AsOfOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = TABLE,
) -> None:
    """待复核：各单位自报完成、市法制局尚未销号或退回的事项，等待最久的在前。"""
    from fzzf_cli.present.chase import review_view

    with handled():
        state = assessed_state(data, as_of, history=history)
        ref = resolve(state.ws.ds, unit, units_only=False) if unit else None
        present(review_view(state.assessed, state.ws.dating, state.as_of, ref), fmt,
                width=table_width())  # fmt: skip
