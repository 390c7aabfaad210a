"""The plan's listings: measures, one measure, units and groups, pilots; and problems.

Each listing is a view (present/view.py), so it speaks every format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from fzzf_cli.present.view import Table, View, columns
from fzzf_cli.present.views import measure_record, next_due, pilot_record, unit_records
from fzzf_cli.text import join, msg

if TYPE_CHECKING:
    from fzzf_cli.errors import Problem
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.model.plan import Measure, Milestone

Row = dict[str, Any]


def print_problems(problems: list[Problem], stream: TextIO) -> None:
    """``path:line:col: message（hint）`` lines, plain text for editors and CI. A file name
    or a value from the data can start no new line and send no control sequence: the
    GitHub runner reads workflow commands from stderr too (as ``fzzf check`` does)."""
    from fzzf_cli.present.ci import plain  # only when there is something wrong

    stream.write(plain(problems))


MEASURE_COLUMNS = columns("col_", "no", "area", "lead", "unit_count", "first_due", "summary")
UNIT_COLUMNS = columns("col_", "id", "name", "kind", "aliases")
GROUP_COLUMNS = columns("col_", "id", "name", "kind", "members")
PILOT_COLUMNS = columns(
    "col_", "no", "pilot_title", "pilot_areas", "pilot_units", "plan_due", "complete_by"
)
SUMMARY_CHARS = 28  # a measure's text in a terminal table; Markdown and CSV keep all of it


def measures_view(ds: Dataset, measures: list[Measure]) -> View:
    table = Table(msg("title_measures", n=len(measures)), MEASURE_COLUMNS,
                  measure_rows(ds, measures), brief={"summary": SUMMARY_CHARS})  # fmt: skip
    return View({"measures": [measure_record(ds, m) for m in measures]}, [table])


def units_view(ds: Dataset) -> View:
    units, groups = unit_rows(ds), group_rows(ds)
    tables = [Table(msg("title_units", n=len(units)), UNIT_COLUMNS, units),
              Table(msg("title_groups", n=len(groups)), GROUP_COLUMNS, groups)]  # fmt: skip
    sheet = Table("", [*UNIT_COLUMNS, GROUP_COLUMNS[-1]], units + groups)
    return View({"units": unit_records(ds)}, tables, sheet, footer=group_notes(ds))


def pilots_view(ds: Dataset) -> View:
    records = [pilot_record(ds, p) for p in ds.pilots_file.pilots]
    table = Table(msg("title_pilots", n=len(ds.pilots)), PILOT_COLUMNS, pilot_rows(ds))
    return View({"pilots": records}, [table])


def measure_view(ds: Dataset, measure: Measure, paragraph: str | None) -> View:
    """One measure; with ``paragraph``, the source's own text of it."""
    record = measure_record(ds, measure)
    text = measure_detail(ds, measure)
    if paragraph is not None:
        record["source"] = paragraph
        text += f"\n{msg('label_colon', label=msg('measure_source'))}\n{paragraph}\n"
    return View(record, footer=text)


def measure_rows(ds: Dataset, measures: list[Measure]) -> list[Row]:
    rows = []
    for measure in measures:
        lead = ds.lead(measure)
        summary = measure.text
        rows.append(
            {
                "no": measure.id,
                "area": ds.numeral(measure.area),
                "lead": ds.name_of(lead) if lead else "—",
                "unit_count": len(ds.measure_units(measure)),
                "first_due": next_due(ds, measure) or "—",
                "summary": summary,
            }
        )
    return rows


def unit_rows(ds: Dataset) -> list[Row]:
    return [
        {"id": u.id, "name": u.name, "kind": msg("kind_" + u.kind), "aliases": u.aliases}
        for u in ds.units_file.units
    ]


def group_rows(ds: Dataset) -> list[Row]:
    rows = []
    for g in ds.units_file.groups:
        members = ds.members(g)
        if not g.open:
            kind = msg("group_enumerable")
        else:
            kind = msg("group_open_within") if g.within else msg("group_open")
        if g.within:
            within = join([ds.name_of(ref) for ref in g.within])
            none = msg("group_members_within", units=within)
        else:
            none = msg("group_members_none")
        rows.append(
            {
                "id": g.id,
                "name": g.name,
                "kind": kind,
                "members": [ds.name_of(m) for m in members] or none,
            }
        )
    return rows


def _ref_name(ds: Dataset, ref: str) -> str:
    """A unit's or group's name; an open group still without members says so."""
    group = ds.groups.get(ref)
    if group is not None and group.open and not ds.members(group):
        return msg("with_mark", text=ds.name_of(ref), mark=msg("group_members_none"))
    return ds.name_of(ref)


def group_notes(ds: Dataset) -> str:
    notes = [msg("labelled", label=g.name, text=g.note) for g in ds.units_file.groups if g.note]
    return "".join(f"* {note}\n" for note in notes)


def pilot_rows(ds: Dataset) -> list[Row]:
    rows = []
    for pilot in ds.pilots_file.pilots:
        record = pilot_record(ds, pilot)
        rows.append(
            {
                "no": pilot.id,
                "pilot_title": pilot.title,
                "pilot_areas": [ds.name_of(a) for a in pilot.areas] or "—",
                "pilot_units": [ds.name_of(u) for u in pilot.units],
                "plan_due": record["plan_due"],
                "complete_by": record["complete_by"],
            }
        )
    return rows


# --- one measure ----------------------------------------------------------------------


def _milestone_line(ds: Dataset, stone: Milestone) -> str:
    if stone.recurrence is not None:
        rule = stone.recurrence
        when = msg("milestone_every", first=rule.first_due, months=rule.every_months)
    elif stone.implied:
        when = msg("milestone_implied", due=stone.due)
    else:
        when = msg("milestone_due", due=stone.due)
    head = f"{when}{msg('gap')}{stone.title}"
    if stone.stage:
        head = msg("aside", text=head, aside=msg("stage_" + stone.stage))
    if stone.ongoing:
        head = msg("clause", text=head, clause=msg("milestone_ongoing"))
    if stone.units is not None:
        scope = msg("milestone_scope", units=join([_ref_name(ds, u) for u in stone.units]))
    else:
        scope = msg("milestone_scope_all")
    lines = [head, "    " + scope]
    if stone.note:
        lines.append(f"    {stone.note}")
    lines.append("    " + msg("quoted", text=stone.quote))
    return "\n".join(lines)


def measure_detail(ds: Dataset, measure: Measure) -> str:
    """A measure as a reader wants it: text, units with the lead, milestones and quotes."""
    area = measure.area
    heading = msg("measure_heading", n=measure.id, area_no=ds.numeral(area), area=ds.areas[area])
    out = [heading, "", measure.text, "", msg("label_colon", label=msg("measure_units"))]
    lead = ds.lead(measure)
    for ref in ds.measure_units(measure):
        mark = msg("measure_lead_mark") if ref == lead else ""
        kind = msg("gap") + msg("kind_group") if ref in ds.groups else ""
        out.append(f"  - {_ref_name(ds, ref)}{mark}{kind}{msg('gap')}[{ref}]")
    if lead is None:
        out.append("  " + msg("measure_no_lead"))
    if measure.open_ended:
        out.append("  " + msg("measure_open_ended"))
    if measure.note:
        out.append("  " + measure.note)
    out += ["", msg("label_colon", label=msg("measure_milestones"))]
    out += [f"  {i}. " + _milestone_line(ds, s) for i, s in enumerate(ds.milestones(measure), 1)]
    if measure.targets:
        out += ["", msg("label_colon", label=msg("measure_targets"))]
        for t in measure.targets:
            if t.comparison == "at_least":
                unit = "%" if t.unit == "percent" else ""
                line = msg("target_at_least", name=t.name, value=_num(t.value), unit=unit, by=t.by)
            else:
                line = msg("target_above_baseline", name=t.name, year=t.baseline_year, by=t.by)
            out.append(f"  - {line}")
    return "\n".join(out) + "\n"


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)
