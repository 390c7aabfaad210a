"""Chasing and reviewing: ``fzzf overdue``, ``fzzf status``, ``fzzf review``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from fzzf_cli.cli.app import (
    AsOfOpt,
    DataOpt,
    Format,
    FormatOpt,
    FzzfCommand,
    app,
    handled,
    table_width,
)
from fzzf_cli.cli.state import HistoryOpt, assessed_state
from fzzf_cli.present.jsonout import write_json
from fzzf_cli.present.tables import emit
from fzzf_cli.select.names import resolve
from fzzf_cli.text import msg

# The modules behind these commands are imported when a command runs, not when fzzf starts.

SoonOpt = Annotated[int, typer.Option("--soon", min=0, max=365, help="几天内到期算“即将到期”。")]
UnitOpt = Annotated[str | None, typer.Option("--unit", "-u", help="只看某单位或单位组。")]


@app.command(cls=FzzfCommand)
def overdue(
    unit: UnitOpt = None,
    as_of: AsOfOpt = None,
    soon: SoonOpt = 14,
    history: HistoryOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """哪些单位逾期了：逾期项数多的在前，列出最早期限、逾期天数和逾期事项。"""
    with handled():
        state = assessed_state(data, as_of, soon, history)
        from fzzf_cli.derive.tracking import overdue_by_unit
        from fzzf_cli.present.tracked import (
            DEBT_COLUMNS,
            ITEM_COLUMNS,
            assessed_record,
            dates_record,
            debt_rows,
            item_rows,
        )

        ref = resolve(state.ws.ds, unit, units_only=False) if unit else None
        debts = overdue_by_unit(state.assessed, ref)
        items = [a for d in debts for a in d.items]
        if fmt is Format.json:
            records = [assessed_record(a, state.as_of) for a in items]
            body = {"as_of": state.as_of.isoformat(), "dates": dates_record(state.ws.dating)}
            write_json({**body, "obligations": records}, sys.stdout)
            return
        if fmt is Format.csv:
            emit("csv", "", ITEM_COLUMNS, item_rows(items), sys.stdout, None)
            return
        if not debts:
            who = state.ws.ds.name_of(ref) if ref else ""
            sys.stdout.write(msg("overdue_none", as_of=state.as_of, who=who) + "\n")
        else:
            width = table_width()
            title = msg("overdue_title", as_of=state.as_of, n=len(debts))
            emit(fmt.value, title, DEBT_COLUMNS, debt_rows(debts), sys.stdout, width)
            sys.stdout.write("\n")
            title = msg("overdue_items_title", n=len(items))
            emit(fmt.value, title, ITEM_COLUMNS, item_rows(items), sys.stdout, width)
        sys.stdout.write("\n" + state.ws.dating.note + "\n")


@app.command(cls=FzzfCommand)
def status(
    as_of: AsOfOpt = None,
    soon: SoonOpt = 14,
    history: HistoryOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """各单位（报送按时率、已销号、待复核、逾期、下一期限）与各方面（完成比例）的进展。"""
    with handled():
        state = assessed_state(data, as_of, soon, history)
        from fzzf_cli.derive.tracking import area_lines, unit_lines
        from fzzf_cli.present.tracked import (
            AREA_COLUMNS,
            STATUS_CSV_FIELDS,
            UNIT_STATUS_COLUMNS,
            area_rows,
            dates_record,
            status_rows,
        )

        today, ds = state.as_of, state.ws.ds
        units = unit_lines(ds, state.assessed, today)
        areas = area_lines(ds, state.assessed, today)
        if fmt is Format.json:
            body = {"as_of": today.isoformat(), "dates": dates_record(state.ws.dating)}
            write_json({**body, "units": units, "areas": areas}, sys.stdout)
            return
        if fmt is Format.csv:  # numbers, not "9/20": Excel reads that as a date
            emit("csv", "", [(key, key) for key in STATUS_CSV_FIELDS], units, sys.stdout, None)
            return
        width = table_width()
        title = msg("status_units_title", as_of=today, n=len(units))
        emit(fmt.value, title, UNIT_STATUS_COLUMNS, status_rows(units), sys.stdout, width)
        sys.stdout.write("\n")
        title = msg("status_areas_title", as_of=today)
        emit(fmt.value, title, AREA_COLUMNS, area_rows(areas), sys.stdout, width)
        sys.stdout.write("\n" + msg("status_done_rule") + "\n" + state.ws.dating.note + "\n")


@app.command(cls=FzzfCommand)
def review(
    unit: UnitOpt = None,
    as_of: AsOfOpt = None,
    history: HistoryOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """待复核：各单位自报完成、市法制局尚未销号或退回的事项，等待最久的在前。"""
    with handled():
        state = assessed_state(data, as_of, history=history)
        from fzzf_cli.derive.tracking import awaiting_review
        from fzzf_cli.present.tracked import CLAIM_COLUMNS, claim_rows, dates_record

        ref = resolve(state.ws.ds, unit, units_only=False) if unit else None
        claims = awaiting_review(state.assessed, ref)
        rows = claim_rows(claims, state.as_of)
        if fmt is Format.json:
            body = {"as_of": state.as_of.isoformat(), "dates": dates_record(state.ws.dating)}
            write_json({**body, "claims": rows}, sys.stdout)
            return
        if fmt is Format.csv:
            emit("csv", "", CLAIM_COLUMNS, rows, sys.stdout, None)
            return
        if not rows:
            sys.stdout.write(msg("review_none", as_of=state.as_of) + "\n")
            return
        title = msg("review_list_title", as_of=state.as_of, n=len(rows))
        emit(fmt.value, title, CLAIM_COLUMNS, rows, sys.stdout, table_width())
        sys.stdout.write("\n" + msg("review_next") + "\n")
