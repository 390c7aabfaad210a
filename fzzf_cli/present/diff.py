"""``fzzf diff`` shown: a view (text tables, JSON) and the Markdown of one sticky
pull-request comment.

The comment starts with a fixed hidden marker line (``MARKER``) by which a workflow finds
its own comment and edits it instead of adding another. It is short: one line of counts,
then a section per kind of change; a long list folds into ``<details>``. Every value from
the data (unit names, titles, paths: units write these files) is escaped for Markdown and
HTML, and cannot mention anyone or make a link.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from fzzf_cli.present.cells import md_cell
from fzzf_cli.present.view import Row, Table, View, columns
from fzzf_cli.text import join, msg

if TYPE_CHECKING:
    from fzzf_cli.derive.changes import Changes, FileChange, ReviewChange
    from fzzf_cli.derive.obligations import Obligation

MARKER = "<!-- fzzf-diff -->"
FOLD = 10  # a section longer than this many rows is folded


class Sides(NamedTuple):
    base: str  # how the reader knows the start: "main 1a2b3c4d5e"
    head: str  # the end: a revision, or the working tree
    as_of: date


def view(changes: Changes, sides: Sides) -> View:
    """Text tables and the JSON record of a change."""
    heading = msg("diff_heading", base=sides.base, head=sides.head, as_of=sides.as_of)
    return View(
        record=_record(changes, sides),
        tables=[t for t in _tables(changes) if t.rows],
        heading=heading,
        empty=msg("diff_none"),
        footer=_counts(changes) + "\n",
    )


def sticky(changes: Changes, sides: Sides) -> str:
    """The Markdown of the pull-request comment."""
    heading = msg("diff_heading", base=sides.base, head=sides.head, as_of=sides.as_of)
    lines = [MARKER, f"#### fzzf diff: {_md(heading)}", ""]
    if changes.empty:
        return "\n".join([*lines, _md(msg("diff_none")), ""])
    lines += [_md(_counts(changes)), ""]
    for table in _tables(changes):
        if not table.rows:
            continue
        body = _md_table(table)
        if len(table.rows) > FOLD:
            title = f"{_md(table.title)} · {_md(msg('diff_show', n=len(table.rows)))}"
            lines += [f"<details><summary>{title}</summary>", "", *body, "", "</details>", ""]
        else:
            lines += [f"**{_md(table.title)}**", "", *body, ""]
    return "\n".join(lines)


def _counts(c: Changes) -> str:
    return msg("diff_counts", added=len(c.added), removed=len(c.removed), redated=len(c.redated),
               reassigned=len(c.reassigned), statuses=len(c.statuses), filings=len(c.filings),
               reviews=len(c.reviews), plan=len(c.plan_files))  # fmt: skip


def _tables(c: Changes) -> list[Table]:
    """One table per kind of change; a duty is one row with all the units it concerns."""
    duty = columns("diff_col_", "thing", "title", "due", "units")
    moved = columns("diff_col_", "thing", "title", "was", "now", "units")
    status = columns("diff_col_", "unit", "thing", "title", "was", "now")
    units = len({s.after.unit_id for s in c.statuses})
    redated = _grouped([(m.after, {"was": m.before.due, "now": m.after.due}) for m in c.redated])
    brief = {"units": 60, "left": 40, "joined": 40}  # a text table shortens these lists
    return [
        Table(msg("diff_redated", n=len(c.redated)), moved, redated, brief),
        Table(msg("diff_added", n=len(c.added)), duty, _grouped([(o, {}) for o in c.added]),
              brief),
        Table(msg("diff_removed", n=len(c.removed)), duty,
              _grouped([(o, {}) for o in c.removed]), brief),
        Table(msg("diff_reassigned", n=len(c.reassigned)),
              columns("diff_col_", "thing", "title", "due", "left", "joined"),
              [{**_duty(r.after), "left": _units(r.left), "joined": _units(r.joined)}
               for r in c.reassigned], brief),
        Table(msg("diff_statuses", n=len(c.statuses), units=units), status,
              [{**_duty(s.after), "was": msg(f"status_{s.was}"), "now": msg(f"status_{s.now}")}
               for s in c.statuses]),
        Table(msg("diff_filings", n=len(c.filings)), columns("diff_col_", "change", "path", "unit"),
              [_file(f) for f in c.filings]),
        Table(msg("diff_reviews", n=len(c.reviews)),
              columns("diff_col_", "change", "path", "unit", "thing", "verdict", "day"),
              [_review(r) for r in c.reviews]),
        Table(msg("diff_plan_files", n=len(c.plan_files)), columns("diff_col_", "path"),
              [{"path": p} for p in c.plan_files]),
    ]  # fmt: skip


def _grouped(found: Sequence[tuple[Obligation, Row]]) -> list[Row]:
    """Rows of one duty (its id, title and the dates shown) merged, units listed."""
    rows: dict[tuple[object, ...], tuple[Row, list[Obligation]]] = {}
    for o, extra in found:
        row = {**_duty(o), **extra}
        key = (o.thing, o.title, *(str(v) for v in extra.values()))
        rows.setdefault(key, (row, []))[1].append(o)
    return [{**row, "units": _units(owing)} for row, owing in rows.values()]


def _duty(o: Obligation) -> Row:
    return {"unit": msg("named", name=o.unit, id=o.unit_id), "thing": o.thing, "title": o.title,
            "due": o.due}  # fmt: skip


def _units(found: Sequence[Obligation]) -> str:
    return join([msg("named", name=o.unit, id=o.unit_id) for o in found])


def _file(f: FileChange) -> Row:
    return {"change": msg(f"diff_change_{f.change}"), "path": f.path, "unit": f.unit}


def _review(r: ReviewChange) -> Row:
    d = r.decision
    return {"change": msg(f"diff_change_{r.change}"), "path": d.path, "unit": d.unit,
            "thing": d.thing, "verdict": msg(f"diff_ruling_{d.verdict}"), "day": d.day}  # fmt: skip


def _record(c: Changes, sides: Sides) -> dict[str, Any]:
    def duty(o: Obligation) -> dict[str, Any]:
        return {"id": o.id, "thing": o.thing, "unit": o.unit_id, "unit_name": o.unit,
                "kind": o.kind.value, "measure": o.measure, "pilot": o.pilot,
                "title": o.title, "due": o.due.isoformat()}  # fmt: skip

    return {
        "base": sides.base,
        "head": sides.head,
        "as_of": sides.as_of.isoformat(),
        "added": [duty(o) for o in c.added],
        "removed": [duty(o) for o in c.removed],
        "redated": [{**duty(m.after), "was": m.before.due.isoformat(), "was_id": m.before.id}
                    for m in c.redated],
        "reassigned": [{"thing": r.after.thing, "title": r.after.title,
                        "left": [o.unit_id for o in r.left],
                        "joined": [o.unit_id for o in r.joined]} for r in c.reassigned],
        "statuses": [{**duty(s.after), "was": s.was.value, "now": s.now.value}
                     for s in c.statuses],
        "filings": [f._asdict() for f in c.filings],
        "reviews": [{"change": r.change, "path": r.decision.path, "unit": r.decision.unit,
                     "thing": r.decision.thing, "verdict": r.decision.verdict.value,
                     "day": r.decision.day.isoformat()} for r in c.reviews],
        "plan_files": list(c.plan_files),
    }  # fmt: skip


def _md_table(table: Table) -> list[str]:
    lines = ["| " + " | ".join(_md(h) for _, h in table.columns) + " |"]
    lines.append("|" + "|".join("---" for _ in table.columns) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(_md(row.get(k)) for k, _ in table.columns) + " |")
    return lines


# Beyond a table cell's own escapes (md_cell: no column break, no HTML, no link or image):
# no emphasis, heading or entity, no autolinked address, and no @mention that would notify
# someone from a unit's text.
_INLINE = str.maketrans({c: "\\" + c for c in "*_~#&"})
_AUTOLINK = re.compile(r"(?i)(://|www\.)")


def _md(value: object) -> str:
    text = md_cell(value).translate(_INLINE)
    text = _AUTOLINK.sub(lambda m: m.group(1)[0] + "\u200b" + m.group(1)[1:], text)
    return text.replace("@", "@\u200b")
