"""Calendar feeds: ``fzzf calendar [UNIT] -o FILE.ics`` and ``fzzf calendar --all -o DIR/``
(one feed per unit, county governments included, and the coordinator's: everything)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from fzzf_cli.cli.app import AsOfOpt, DataOpt, FzzfCommand, app, as_of_date, handled, plan_dataset
from fzzf_cli.cli.complete import complete_unit_or_group
from fzzf_cli.cli.listing import ForceOpt
from fzzf_cli.cli.results import write_result
from fzzf_cli.derive.obligations import Obligation, derive
from fzzf_cli.errors import EXIT_USAGE, FzzfError
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.select.names import resolve
from fzzf_cli.select.query import select
from fzzf_cli.text import msg

EVERYTHING = "all"  # the coordinator's feed, as a file name in --all's folder
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")


def feed_name(uid: str) -> str:
    """A feed's file name: the unit id when it is a plain name, else its code points."""
    stem = uid if _SAFE_NAME.fullmatch(uid) and uid != EVERYTHING else uid.encode().hex()
    return f"{stem}.ics"


def feeds(
    ds: Dataset, everything: list[Obligation], unit: str | None
) -> dict[str, tuple[str, list[Obligation]]]:
    """File name → (calendar name, obligations): one unit's, or (``unit`` None) every
    unit's with something to do and the coordinator's feed of everything."""
    title = ds.measures_file.plan.title
    if unit is not None:
        chosen = select(everything, unit=unit)
        return {feed_name(unit): (msg("ical_name", plan=title, unit=ds.name_of(unit)), chosen)}
    found = {f"{EVERYTHING}.ics": (msg("ical_name_all", plan=title), everything)}
    for uid in ds.units:
        chosen = select(everything, unit=uid)
        if chosen:
            found[feed_name(uid)] = (msg("ical_name", plan=title, unit=ds.name_of(uid)), chosen)
    return found


def write_feeds(
    found: dict[str, tuple[str, list[Obligation]]],
    today: date,
    output: str | None,
    every: bool,
    force: bool,
) -> None:
    """Each feed as a file (``--all``: in the folder ``output``), or the one to stdout."""
    from fzzf_cli.cli.holidays import official_workdays
    from fzzf_cli.present.ical import calendar_bytes

    if every and (output is None or output == "-"):
        raise FzzfError(msg("ical_all_folder"), EXIT_USAGE)
    if every and output is not None:
        _make_folder(Path(output))
    is_workday = official_workdays()
    for file_name, (name, chosen) in found.items():
        text = calendar_bytes(name, chosen, today, is_workday).decode("utf-8")
        target = str(Path(output) / file_name) if every and output else output
        write_result(target, text, name=file_name, force=force)


def _make_folder(folder: Path) -> None:
    """The folder of ``--all``'s feeds, made if need be; a file in its place is a usage error."""
    from fzzf_cli.cli.results import os_reason, shown_path

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        where = shown_path(folder)
        raise FzzfError(
            msg("new_write_failed", path=where, reason=os_reason(error)), EXIT_USAGE
        ) from None


@app.command(cls=FzzfCommand, help=msg("cmd_calendar"))
def calendar(
    unit: Annotated[
        str | None,
        typer.Argument(help=msg("help_arg_calendar_unit"), autocompletion=complete_unit_or_group),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help=msg("help_calendar_all"))] = False,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help=msg("help_output_ical"))
    ] = None,
    force: ForceOpt = False,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
) -> None:
    with handled():
        if every and unit is not None:
            raise FzzfError(msg("ical_unit_or_all"), EXIT_USAGE)
        today, (_, ds) = as_of_date(as_of), plan_dataset(data)
        uid = resolve(ds, unit, units_only=False) if unit is not None else None
        found = feeds(ds, derive(ds, None, today), uid)
        write_feeds(found, today, output, every, force)
