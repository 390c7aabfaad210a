"""What is due and what a unit owes: the views of ``fzzf due`` and ``fzzf owes``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.present.changes import changes_table
from fzzf_cli.present.revisions import due_text, revision_fields
from fzzf_cli.present.view import Table, View, columns
from fzzf_cli.select.query import Thing, Window, last_deadline, things
from fzzf_cli.select.succession import ended_note, notes
from fzzf_cli.text import join, msg
from fzzf_cli.vocab import Light, Role, Status

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.derive.status import Assessed
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.present.cells import Column

RECORD_FIELDS = (
    "id", "due", "kind", "measure", "pilot", "unit_id", "unit", "via", "lead", "title",
    "quote", "implied", "period", "thing", "role", "stage", "past", "from_units", "acts",
    "handed",
)  # fmt: skip


def record(o: Obligation, as_of: date) -> dict[str, Any]:
    """The JSON/CSV record of one obligation (field names documented in README)."""
    due = o.due.isoformat()
    values = (
        o.id, due, o.kind, o.measure, o.pilot, o.unit_id, o.unit, o.via, o.lead, o.title,
        o.quote, o.implied, o.period, o.thing, o.role, o.stage, o.due < as_of,
        list(o.from_units) or None,  # like ``via``: null unless handed over
        list(o.acts) or None,
        o.handed.isoformat() if o.handed else None,
    )  # fmt: skip
    found = dict(zip(RECORD_FIELDS, values, strict=True))
    if o.revisions or o.due_original is not None:
        found.update(revision_fields(o))
    else:  # most obligations: no extension
        found["due_original"], found["revisions"] = due, []
    return found


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
    if o.role == Role.GROUP and o.via:
        text = msg("why_group", group=ds.name_of(o.via))
    else:
        text = msg(f"why_{o.role}")
    if o.from_units:  # taken over from units that ended (derive/handover.py)
        return msg("why_inherited", why=text, units=join([ds.name_of(u) for u in o.from_units]))
    return text


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
            "due": due_text(o),
            "unit": o.unit,
            "kind": kind_label(o.kind),
            "ref": source_label(o.measure, o.pilot),
            "title": _title(o.title, o.implied),
            "why": why(ds, o),
            "state": _state(o.due, as_of),
        }
        for o in rows
    ]


THING_COLUMNS = columns("dcol_", "due", "kind", "ref", "title", "lead", "count", "state")
UNIT_COLUMNS = columns("dcol_", "due", "unit", "kind", "ref", "title", "why", "state")
OWES_COLUMNS = columns("dcol_", "due", "kind", "ref", "title", "why", "state")
# The sheet (CSV, xlsx): the JSON field names, each with a heading (``--headers zh``, xlsx).
CSV_COLUMNS = columns("xcol_", *RECORD_FIELDS)


def due_view(
    ds: Dataset,
    everything: list[Obligation],
    selected: list[Obligation],
    window: Window | None,
    as_of: date,
    expanded: bool,
) -> View:
    """The answer to ``fzzf due``: grouped by thing unless ``expanded``."""
    records = [record(o, as_of) for o in selected]
    body = {"as_of": as_of.isoformat(), "obligations": records}
    sheet = Table("", CSV_COLUMNS, records)
    label = range_label(window, as_of)
    if not selected:
        return View(body, sheet=sheet, notice=_nothing_due(ds, everything, window, as_of, label))
    grouped = things(ds, selected)
    units = {o.unit_id for o in selected if o.role != Role.OPEN_GROUP}
    groups = {o.unit_id for o in selected if o.role == Role.OPEN_GROUP}
    also = msg("count_open_groups", n=len(groups)) if groups else ""
    if expanded:
        rows, columns = unit_rows(ds, selected, as_of), UNIT_COLUMNS
        count = msg("count_expanded", n=len(selected), units=len(units), groups=also)
        past = sum(1 for o in selected if o.due < as_of)
    else:
        rows, columns = thing_rows(ds, grouped, as_of), THING_COLUMNS
        count = msg(
            "count_things", things=len(grouped), n=len(selected), units=len(units), groups=also
        )
        past = sum(1 for t in grouped if t.due < as_of)
    count += msg("count_past", n=past) if past else ""
    table = Table(msg("due_heading", as_of=as_of, range=label), columns, rows)
    return View(body, [table], sheet=sheet, footer=count + "\n")


def _nothing_due(
    ds: Dataset, everything: list[Obligation], window: Window | None, as_of: date, label: str
) -> str:
    """Nothing in the window; with no window asked and the plan over, when it ended."""
    last = last_deadline(everything)
    if window is None and last is not None and last.due < as_of:
        final = things(ds, [o for o in everything if o.due == last.due])
        return msg("nothing_left", as_of=as_of, last=last.due, n=len(final))
    return msg("nothing_due", as_of=as_of, range=label)


def range_label(window: Window | None, today: date) -> str:
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


def owes_view(
    ds: Dataset,
    unit: str,
    selected: list[Obligation],
    as_of: date,
    states: Mapping[str, Assessed] | None,
    warning: str,
) -> View:
    """The answer to ``fzzf owes``: everything one unit owes, by year, with why; with the
    ``states`` of a data repository, each duty's status and light — the unit's to-do list."""
    found = [states.get(o.id) for o in selected] if states is not None else []
    records = [record(o, as_of) for o in selected]
    if states is not None:  # the tracking rows need the filings' models: only then
        from fzzf_cli.present.tracked import assessed_record

        records = [
            assessed_record(a, as_of) if a is not None else record(o, as_of)
            for o, a in zip(selected, found, strict=True)
        ]
    changes = notes(ds, {unit})
    body = {"as_of": as_of.isoformat(), "unit_id": unit, "obligations": records,
            "unit_changes": changes}  # fmt: skip
    if not selected:
        sheet = Table("", CSV_COLUMNS, records)
        empty = msg("owes_nothing", unit=ds.name_of(unit), id=unit)
        return View(body, sheet=sheet, empty=empty, notice=ended_note(ds, unit) or "")
    rows = unit_rows(ds, selected, as_of)
    keys = OWES_COLUMNS
    if states is not None:
        keys = [*OWES_COLUMNS[:-1], *columns("dcol_", "status", "light")]
        for row, a in zip(rows, found, strict=True):
            row.update(_state_of(a))
            row["due"] = due_text(a.obligation, a.done) if a is not None else row["due"]
    by_year: dict[int, list[dict[str, Any]]] = {}
    for o, row in zip(selected, rows, strict=True):
        by_year.setdefault(o.due.year, []).append(row)
    tables = [
        Table(msg("owes_year", year=year, n=len(owed)), keys, owed)
        for year, owed in by_year.items()
    ]
    heading = msg("owes_heading", unit=ds.name_of(unit), id=unit, as_of=as_of)
    rule = msg("lights_rule", window=warning) if states is not None else msg("owes_no_filings")
    sheet = Table("", _sheet_columns(records), records)
    tables = [*changes_table(changes), *tables]
    footer = f"{owes_count(selected, as_of)}\n{rule}\n"
    return View(body, tables, sheet, heading, footer=footer, notice=ended_note(ds, unit) or "")


def _state_of(a: Assessed | None) -> dict[str, str]:
    from fzzf_cli.present.tracked import label, light_label

    if a is None:  # beyond what the workspace assessed (a later --until)
        return {"status": msg(f"status_{Status.NOT_YET_DUE}"), "light": light_label(Light.BLUE)}
    return {"status": label(a), "light": light_label(a.light)}


def _sheet_columns(records: list[dict[str, Any]]) -> list[Column]:
    """The CSV columns: the obligation's fields, then its status and light where known."""
    extra = [key for key in ("status", "status_label", "light", "days_overdue", "done")
             if records and key in records[0]]  # fmt: skip
    return [*CSV_COLUMNS, *columns("xcol_", *extra)]


_ROLE_SHORT = {Role.GROUP: "why_group_short"}  # "via a group" without the group's name


def owes_count(selected: list[Obligation], as_of: date) -> str:
    roles: dict[Role, int] = {}
    for o in selected:
        roles[o.role] = roles.get(o.role, 0) + 1
    parts = join([f"{msg(_ROLE_SHORT.get(r, f'why_{r}'))} {n}" for r, n in roles.items()])
    past = sum(1 for o in selected if o.due < as_of)
    text = msg("owes_count", n=len(selected), parts=parts or "—")
    return text + (msg("count_past", n=past) if past else "")
