"""Presenting obligations: ``fzzf due`` and ``fzzf owes`` in table, JSON, CSV, Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TextIO

from fzzf_cli.derive.obligations import Obligation
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.present.formats import Column, write_csv, write_markdown
from fzzf_cli.present.jsonout import write_json
from fzzf_cli.present.tables import emit
from fzzf_cli.select.query import Thing, things
from fzzf_cli.text import msg

RECORD_FIELDS = (
    "id", "due", "kind", "measure", "pilot", "unit_id", "unit", "via", "lead", "title",
    "quote", "implied", "period", "thing", "role", "stage", "past",
)  # fmt: skip


def record(o: Obligation, as_of: date) -> dict[str, Any]:
    """The JSON/CSV record of one obligation (field names documented in README)."""
    fields = o._asdict()
    fields["due"] = o.due.isoformat()
    fields["past"] = o.due < as_of
    return {key: fields[key] for key in RECORD_FIELDS}


def kind_label(kind: str) -> str:
    return msg(f"okind_{kind}")


def source_label(measure: int | None, pilot: int | None) -> str:
    if pilot is not None:
        return msg("ref_pilot", n=pilot)
    if measure is not None:
        return msg("ref_measure", n=measure)
    return "—"


def why(ds: Dataset, o: Obligation) -> str:
    """Why the unit owes it: as lead, co-unit, through a group, a pilot, reporting."""
    if o.role == "group" and o.via:
        return msg("why_group", group=ds.name_of(o.via))
    return msg(f"why_{o.role}")


def _title(title: str, implied: bool) -> str:
    return title + (msg("implied_mark") if implied else "")


def _state(day: date, as_of: date) -> str:
    return msg("state_past") if day < as_of else ""


def thing_rows(ds: Dataset, rows: Sequence[Thing], as_of: date) -> list[dict[str, Any]]:
    return [
        {
            "due": t.due.isoformat(),
            "kind": kind_label(t.kind),
            "ref": source_label(t.measure, t.pilot),
            "title": _title(t.title, t.implied),
            "lead": ds.name_of(t.lead) if t.lead else "—",
            "count": len(t.owed_by),
            "state": _state(t.due, as_of),
        }
        for t in rows
    ]


def unit_rows(ds: Dataset, rows: Sequence[Obligation], as_of: date) -> list[dict[str, Any]]:
    return [
        {
            "due": o.due.isoformat(),
            "unit": o.unit,
            "kind": kind_label(o.kind),
            "ref": source_label(o.measure, o.pilot),
            "title": _title(o.title, o.implied),
            "why": why(ds, o),
            "state": _state(o.due, as_of),
        }
        for o in rows
    ]


def _columns(*keys: str) -> list[Column]:
    return [(key, msg(f"dcol_{key}")) for key in keys]


THING_COLUMNS = _columns("due", "kind", "ref", "title", "lead", "count", "state")
UNIT_COLUMNS = _columns("due", "unit", "kind", "ref", "title", "why", "state")
OWES_COLUMNS = _columns("due", "kind", "ref", "title", "why", "state")
CSV_COLUMNS: list[Column] = [(key, key) for key in RECORD_FIELDS]


def write_due(
    ds: Dataset,
    selected: list[Obligation],
    as_of: date,
    fmt: str,
    expanded: bool,
    heading: str,
    stream: TextIO,
    width: int | None = None,
) -> None:
    """The answer to ``fzzf due``: grouped by thing unless ``expanded``."""
    if fmt == "json":
        write_json(
            {"as_of": as_of.isoformat(), "obligations": [record(o, as_of) for o in selected]},
            stream,
        )
        return
    if fmt == "csv":
        write_csv((record(o, as_of) for o in selected), CSV_COLUMNS, stream)
        return
    grouped = things(ds, selected)
    units = {o.unit_id for o in selected if o.role != "open_group"}
    groups = {o.unit_id for o in selected if o.role == "open_group"}
    also = msg("count_open_groups", n=len(groups)) if groups else ""
    past = sum(1 for t in grouped if t.due < as_of)
    if expanded:
        rows, columns = unit_rows(ds, selected, as_of), UNIT_COLUMNS
        count = msg("count_expanded", n=len(selected), units=len(units), groups=also)
    else:
        rows, columns = thing_rows(ds, grouped, as_of), THING_COLUMNS
        count = msg(
            "count_things", things=len(grouped), n=len(selected), units=len(units), groups=also
        )
    if past:
        count += msg(
            "count_past", n=past if not expanded else sum(1 for o in selected if o.due < as_of)
        )
    emit(fmt, heading, columns, rows, stream, width)
    stream.write(("\n" if fmt == "md" else "") + count + "\n")


def write_owes(
    ds: Dataset,
    unit: str,
    selected: list[Obligation],
    as_of: date,
    fmt: str,
    stream: TextIO,
    width: int | None = None,
) -> None:
    """The answer to ``fzzf owes``: everything one unit owes, by year, with why."""
    if fmt == "json":
        write_json(
            {
                "as_of": as_of.isoformat(),
                "unit_id": unit,
                "obligations": [record(o, as_of) for o in selected],
            },
            stream,
        )
        return
    if fmt == "csv":
        write_csv((record(o, as_of) for o in selected), CSV_COLUMNS, stream)
        return
    heading = msg("owes_heading", unit=ds.name_of(unit), id=unit, as_of=as_of)
    by_year: dict[int, list[Obligation]] = {}
    for o in selected:
        by_year.setdefault(o.due.year, []).append(o)
    if fmt == "md":
        stream.write(f"## {heading}\n\n")
    else:
        stream.write(heading + "\n")
    for year, owed in by_year.items():
        title = msg("owes_year", year=year, n=len(owed))
        rows = [{**r} for r in unit_rows(ds, owed, as_of)]
        if fmt == "md":
            stream.write(f"\n### {title}\n\n")
            write_markdown(rows, OWES_COLUMNS, stream)
        else:
            emit(fmt, title, OWES_COLUMNS, rows, stream, width)
    stream.write(("\n" if fmt == "md" else "") + owes_count(selected, as_of) + "\n")


_ROLE_SHORT = {"group": "why_group_short"}


def owes_count(selected: list[Obligation], as_of: date) -> str:
    roles: dict[str, int] = {}
    for o in selected:
        roles[o.role] = roles.get(o.role, 0) + 1
    parts = "、".join(
        f"{msg('why_' + r if r != 'group' else 'why_group_short')} {n}" for r, n in roles.items()
    )
    past = sum(1 for o in selected if o.due < as_of)
    text = msg("owes_count", n=len(selected), parts=parts or "—")
    return text + (msg("count_past", n=past) if past else "")
