"""The 台账 workbook: ``fzzf ledger``.

A command of its own rather than ``report -f xlsx``: a report is a document for a period,
rendered from templates; the ledger is the office's working register of every obligation
on a day, kept in Excel, with options of its own (``--soon``) and none of a report's
(``--period``, ``--unit``, ``--templates``)."""

from __future__ import annotations

from typing import Annotated

import typer

from fzzf_cli.cli.app import AsOfOpt, DataOpt, FzzfCommand, SoonOpt, app, as_of_date, handled
from fzzf_cli.cli.holidays import WorkdaysOpt, soon_span, window_words
from fzzf_cli.cli.listing import ForceOpt
from fzzf_cli.cli.results import working_dir, write_result
from fzzf_cli.cli.state import HistoryOpt, assessed_state
from fzzf_cli.text import msg
from fzzf_cli.vocab import SOON

LedgerOutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help=msg("help_output_ledger"))
]


@app.command(cls=FzzfCommand, help=msg("cmd_ledger"))
def ledger(
    output: LedgerOutputOpt = None,
    force: ForceOpt = False,
    as_of: AsOfOpt = None,
    soon: SoonOpt = SOON,
    workdays: WorkdaysOpt = False,
    history: HistoryOpt = False,
    data: DataOpt = None,
) -> None:
    from fzzf_cli.present.ledger import ledger_workbook

    with handled():
        state = assessed_state(data, as_of, soon_span(as_of_date(as_of), soon, workdays), history)
        content = ledger_workbook(state.ws, state.as_of, window_words(soon, workdays))
        name = f"ledger-{state.as_of.isoformat()}.xlsx"
        base = working_dir() if state.root.origin == "embedded" else state.root.path
        write_result(output, content, default=base / "reports" / name, name=name,
                     root=state.root, force=force)  # fmt: skip
