"""Rich tables and text for people. Every value from the data goes in as ``Text``, so
markup-looking data (``[bold]``) prints literally."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from fzzf_cli.dataset import Dataset
from fzzf_cli.errors import Problem
from fzzf_cli.messages import msg
from fzzf_cli.model import Measure, Milestone
from fzzf_cli.views import next_due, pilot_record

AREA_NUMERALS = "一二三四五六七八"


def console_for(stream: TextIO) -> Console:
    """A console that never interprets markup or highlights, at a readable width."""
    return Console(file=stream, markup=False, highlight=False, emoji=False, soft_wrap=False)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column)
    return table


def _cells(*values: object) -> list[Text]:
    return [Text("" if v is None else str(v)) for v in values]


def print_problems(problems: list[Problem], stream: TextIO) -> None:
    """``path:line:col: message（hint）`` lines, plain text for editors and CI."""
    for problem in problems:
        stream.write(f"{problem}\n")


def measures_table(ds: Dataset, measures: list[Measure], console: Console) -> None:
    table = _table(
        msg("title_measures", n=len(measures)),
        msg("col_no"),
        msg("col_area"),
        msg("col_lead"),
        msg("col_unit_count"),
        msg("col_first_due"),
        msg("col_summary"),
    )
    for measure in measures:
        lead = ds.lead(measure)
        summary = measure.text if len(measure.text) <= 28 else measure.text[:27] + "…"
        table.add_row(
            *_cells(
                measure.id,
                AREA_NUMERALS[measure.area - 1],
                ds.name_of(lead) if lead else "—",
                len(ds.measure_units(measure)),
                next_due(ds, measure) or "—",
                summary,
            )
        )
    console.print(table)


def _milestone_line(ds: Dataset, stone: Milestone) -> str:
    if stone.recurrence is not None:
        rule = stone.recurrence
        when = msg("milestone_every", first=rule.first_due, months=rule.every_months)
    elif stone.implied:
        when = msg("milestone_implied", due=stone.due)
    else:
        when = msg("milestone_due", due=stone.due)
    parts = [f"{when}　{stone.title}"]
    if stone.stage:
        parts[0] += f"（{msg('stage_' + stone.stage)}）"
    if stone.ongoing:
        parts[0] += f"，{msg('milestone_ongoing')}"
    if stone.units is not None:
        names = "、".join(ds.name_of(u) for u in stone.units)
        parts.append("    " + msg("milestone_scope", units=names))
    else:
        parts.append("    " + msg("milestone_scope_all"))
    parts.append(f"    “{stone.quote}”")
    return "\n".join(parts)


def measure_detail(ds: Dataset, measure: Measure, console: Console) -> None:
    area = measure.area
    heading = msg(
        "measure_heading", n=measure.id, area_no=AREA_NUMERALS[area - 1], area=ds.areas[area]
    )
    out = [heading, "", measure.text, "", msg("measure_units") + "："]
    lead = ds.lead(measure)
    for ref in ds.measure_units(measure):
        mark = msg("measure_lead_mark") if ref == lead else ""
        kind = msg("kind_group") if ref in ds.groups else ""
        out.append(f"  - {ds.name_of(ref)}{mark}{'　' + kind if kind else ''}　[{ref}]")
    if lead is None:
        out.append("  " + msg("measure_no_lead"))
    if measure.open_ended:
        out.append("  " + msg("measure_open_ended"))
    out += ["", msg("measure_milestones") + "："]
    out += [f"  {i}. " + _milestone_line(ds, s) for i, s in enumerate(ds.milestones(measure), 1)]
    if measure.targets:
        out += ["", msg("measure_targets") + "："]
        for t in measure.targets:
            if t.comparison == "at_least":
                unit = "%" if t.unit == "percent" else ""
                line = msg("target_at_least", name=t.name, value=_num(t.value), unit=unit, by=t.by)
            else:
                line = msg("target_above_baseline", name=t.name, year=t.baseline_year, by=t.by)
            out.append(f"  - {line}")
    console.print(Text("\n".join(out)))


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def units_table(ds: Dataset, console: Console) -> None:
    units = _table(
        msg("title_units", n=len(ds.units)),
        msg("col_id"),
        msg("col_name"),
        msg("col_kind"),
        msg("col_aliases"),
    )
    for u in ds.units_file.units:
        units.add_row(*_cells(u.id, u.name, msg("kind_" + u.kind), "、".join(u.aliases)))
    console.print(units)
    groups = _table(
        msg("title_groups", n=len(ds.groups)),
        msg("col_id"),
        msg("col_name"),
        msg("col_kind"),
        msg("col_members"),
    )
    for g in ds.units_file.groups:
        members = ds.members(g)
        shown = "、".join(ds.name_of(m) for m in members) if members else msg("group_members_none")
        kind = msg("group_open") if g.open else msg("group_enumerable")
        groups.add_row(*_cells(g.id, g.name, kind, shown))
    console.print(groups)
    for g in ds.units_file.groups:
        if g.note:
            console.print(Text(f"* {g.name}：{g.note}"))


def pilots_table(ds: Dataset, console: Console) -> None:
    table = _table(
        msg("title_pilots", n=len(ds.pilots)),
        msg("col_no"),
        msg("col_pilot_title"),
        msg("col_pilot_areas"),
        msg("col_pilot_units"),
        msg("col_plan_due"),
        msg("col_complete_by"),
    )
    for pilot in ds.pilots_file.pilots:
        rec = pilot_record(ds, pilot)
        table.add_row(
            *_cells(
                pilot.id,
                pilot.title,
                "、".join(ds.name_of(a) for a in pilot.areas) or "—",
                "、".join(ds.name_of(u) for u in pilot.units),
                rec["plan_due"],
                rec["complete_by"],
            )
        )
    console.print(table)


def plain_table(
    title: str, rows: list[dict[str, object]], columns: Sequence[tuple[str, str]], stream: TextIO
) -> None:
    """A rich table of ``rows`` under ``title``; every cell is literal text."""
    table = _table(title, *(heading for _, heading in columns))
    for row in rows:
        table.add_row(*_cells(*(row.get(key) for key, _ in columns)))
    console_for(stream).print(table)
