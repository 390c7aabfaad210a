"""``fzzf new round ROUND UNIT``: the filing a unit owes for an extra reporting round
(另行通知报送, data/rounds.yaml), written ready to edit, never over an existing file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli.cli.app import DataOpt, FzzfCommand, data_root, handled, plan_dataset
from fzzf_cli.cli.complete import complete_unit
from fzzf_cli.cli.new import DateOpt, filing_date, new_app, writable, write_filing
from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.select.names import resolve
from fzzf_cli.text import join, msg

RoundArg = Annotated[str, typer.Argument(help=msg("help_arg_round"))]
RoundUnitArg = Annotated[
    str, typer.Argument(help=msg("help_arg_round_unit"), autocompletion=complete_unit)
]


@new_app.command("round", cls=FzzfCommand, help=msg("cmd_new_round"))
def new_round(
    round_id: RoundArg,
    unit: RoundUnitArg,
    day: DateOpt = None,
    data: DataOpt = None,
) -> None:
    with handled():
        _round_file(round_id, unit, day, data)


def _round_file(round_id: str, unit: str, day: str | None, data: Path | None) -> None:
    from fzzf_cli.derive.obligations import derive
    from fzzf_cli.derive.round_scaffold import round_data, round_text
    from fzzf_cli.validate.subs_find import round_path

    submitted = filing_date(day)
    writable(data_root(data))
    root, ds = plan_dataset(data)
    chosen = round_id.strip().lower().removeprefix("round-")
    if chosen not in ds.rounds:
        known = join(sorted(ds.rounds)) or "—"
        raise FzzfError(msg("new_unknown_round", value=round_id, known=known), EXIT_USAGE)
    uid = resolve(ds, unit)
    owing = [o.unit_id for o in derive(ds) if o.round == chosen]
    if uid not in owing:
        names = join([ds.name_of(u) for u in owing]) or "—"
        text = msg("new_not_in_round", unit=ds.name_of(uid), round=chosen, members=names)
        raise FzzfError(text, EXIT_USAGE)
    if submitted is not None and submitted < ds.rounds[chosen].date:
        raise FzzfError(msg("sub_before_round", date=ds.rounds[chosen].date), EXIT_USAGE)
    write_filing(root, round_path(uid, chosen), round_text(ds, round_data(uid, chosen, submitted)))
