"""The published dashboard (``fzzf site``): a static site as a map from relative paths to
text, for the command to write.

Every page is rendered from the templates (``site_*.html.j2``) in the sandbox, autoescaped,
from the same contexts as the reports (report.py, report_unit.py) and the same lights
(``Assessed.light``). Pages link to each other by relative paths and load only files of the
site, so the folder works from ``file://`` as well as from GitHub or GitLab Pages. Each
unit's page links to ``calendar/<unit>.ics`` (``fzzf calendar --all -o public/calendar/``)
and ``workbook/<unit>.xlsx``: names fixed here, files written by those commands.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fzzf_cli.derive.tracking import unit_lines
from fzzf_cli.present.render import renderer
from fzzf_cli.present.report import item_view, overall_context
from fzzf_cli.present.report_rules import Scope, scope_text
from fzzf_cli.present.report_unit import unit_context
from fzzf_cli.vocab import Light

if TYPE_CHECKING:
    from fzzf_cli.pipeline import Workspace

CALENDAR = "calendar/{unit}.ics"
WORKBOOK = "workbook/{unit}.xlsx"
SCRIPT = "site.js"
Render = Callable[[str, dict[str, Any]], str]


def shares(counts: dict[str, int]) -> list[dict[str, Any]]:
    """The lights as segments of one bar: count and width in percent (0 when none)."""
    total = sum(counts.get(str(light), 0) for light in Light)
    return [
        {
            "light": str(light),
            "count": counts.get(str(light), 0),
            "width": round(100 * counts.get(str(light), 0) / total, 2) if total else 0,
        }
        for light in Light
    ]


def unit_rows(ws: Workspace, scope: Scope) -> list[dict[str, Any]]:
    """Each unit with its figures, its lights as a bar, and the lights it has (for the
    filter)."""
    rows = []
    for line in unit_lines(ws.ds, ws.assessed, scope.as_of):
        counts = {str(light): line[light] for light in Light}
        rows.append(
            line
            | {
                "page": f"units/{line['unit_id']}.html",
                "bar": shares(counts),
                "has": " ".join(light for light, n in counts.items() if n),
            }
        )
    return rows


def site_pages(ws: Workspace, scope: Scope, folders: list[Path]) -> dict[str, str]:
    """Every file of the site, by its path relative to the site's folder."""
    render = renderer(folders)
    overall = overall_context(ws.ds, ws.assessed, ws.subs, scope)
    overall["plan"]["scope_text"] = scope_text(scope)
    units = unit_rows(ws, scope)
    top = {"plan": overall["plan"], "script": SCRIPT, "root": ""}
    index = top | {
        "headline": overall["headline"],
        "measures_headline": overall["measures_headline"],
        "lights_bar": shares(overall["headline"]["lights"]),
        "areas": overall["areas"],
        "units": units,
    }
    pages = {
        "index.html": render("site_index.html.j2", index),
        "overdue.html": render("site_overdue.html.j2", top | {"overdue": overall["overdue"]}),
        SCRIPT: render("site.js.j2", {}),
    }
    period = scope.period.id if scope.period else None
    for row in units:
        uid = row["unit_id"]
        context = unit_context(ws.ds, ws.assessed, ws.subs, uid, scope.as_of, period)
        pages[row["page"]] = render("site_unit.html.j2", context | top | {
            "root": "../",
            "line": row,
            "calendar": "../" + CALENDAR.format(unit=uid),
            "workbook": "../" + WORKBOOK.format(unit=uid),
        })  # fmt: skip
    pages.update(measure_pages(ws, render, top, overall["measures"]))
    return pages


def measure_pages(
    ws: Workspace, render: Render, top: dict[str, Any], measures: list[dict[str, Any]]
) -> dict[str, str]:
    """The measures' list, and a page per measure: its words, lead, state and every unit's
    duties under it with their lights."""
    owed: dict[int, list[dict[str, Any]]] = {}
    for a in ws.assessed:
        if a.obligation.measure is not None and a.light is not None:
            owed.setdefault(a.obligation.measure, []).append(item_view(a))
    texts = {m.id: m.text for m in ws.ds.measures_file.measures}
    pages = {"measures.html": render("site_measures.html.j2", top | {"measures": measures})}
    for row in measures:
        items = sorted(owed.get(row["id"], []), key=lambda i: (i["due"], i["unit"]))
        context = top | {"root": "../", "measure": row, "text": texts[row["id"]], "items": items}
        pages[f"measures/{row['id']}.html"] = render("site_measure.html.j2", context)
    return pages
