"""The published dashboard (``fzzf site``): a static site as a map from relative paths to
text, for the command to write.

Every page is rendered from the templates (``site_*.html.j2``) in the sandbox, autoescaped,
from the same contexts as the reports (report.py, report_unit.py, site_views.py) and the
same lights (``Assessed.light``). Pages link to each other by relative paths and load only
files of the site, so the folder works from ``file://`` as well as from GitHub or GitLab
Pages. A unit's page links to its calendar feed and fill-in workbook when the command
gives them (``links``: it writes those files too).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fzzf_cli.derive.tracking import unit_lines
from fzzf_cli.present.render import renderer
from fzzf_cli.present.report import item_view, overall_context
from fzzf_cli.present.report_rules import Scope, scope_text
from fzzf_cli.present.report_unit import unit_context
from fzzf_cli.present.site_views import (
    county_rows,
    period_entries,
    period_rows,
    pilot_rows,
    report_cells,
)
from fzzf_cli.vocab import Light

if TYPE_CHECKING:
    from fzzf_cli.pipeline import Workspace

SCRIPT = "site.js"
Render = Callable[[str, dict[str, Any]], str]
_PLAIN = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)")  # Windows' device names


def file_stem(uid: str) -> str:
    """A page's file name for a unit id: the id when it is a plain name (units.yaml's
    ids always are), else its code points, so no value can reach outside its folder."""
    plain = _PLAIN.fullmatch(uid) and not _RESERVED.fullmatch(uid)
    return uid if plain else "x" + uid.encode().hex()


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
                "file": file_stem(line["unit_id"]),
                "page": f"units/{file_stem(line['unit_id'])}.html",
                "bar": shares(counts),
                "has": " ".join(light for light, n in counts.items() if n),
            }
        )
    return rows


def site_pages(
    ws: Workspace, scope: Scope, folders: list[Path], links: dict[str, dict[str, str]]
) -> dict[str, str]:
    """Every page of the site (and its script), by its path relative to the site's folder;
    ``links`` gives a unit's calendar feed and workbook, as paths in the site."""
    render = renderer(folders)
    overall = overall_context(ws.ds, ws.assessed, ws.subs, scope)
    overall["plan"]["scope_text"] = scope_text(scope)
    units = unit_rows(ws, scope)
    files = {row["unit_id"]: row["file"] for row in units}
    top = {"plan": overall["plan"], "script": SCRIPT, "root": "", "files": files}
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
            "root": "../", "line": row, "links": links.get(uid, {}),
        })  # fmt: skip
    pages.update(measure_pages(ws, render, top, overall["measures"]))
    cells = report_cells(ws.assessed, overall["grid"])
    pages.update(period_pages(render, top, overall["grid"], cells))
    pilots = pilot_rows(ws.ds, overall["pilots"])
    pages.update(pilot_pages(render, top, pilots))
    counties = county_rows(ws.ds, units)
    pages.update(county_pages(render, top, counties, cells, overall, pilots, links))
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


def period_pages(
    render: Render, top: dict[str, Any], grid: dict[str, Any], cells: dict[str, Any]
) -> dict[str, str]:
    """The unit × half-year grid of the reports with their lights, and a page per period:
    who filed on time, late, who has not."""
    periods = period_rows(grid, cells)
    rows = [{"unit_id": r["unit_id"], "unit": r["unit"], "cells": cells.get(r["unit_id"], {})}
            for r in grid["rows"]]  # fmt: skip
    pages = {"periods.html": render("site_periods.html.j2",
                                    top | {"periods": periods, "rows": rows})}  # fmt: skip
    for row in periods:
        entries = period_entries(row["id"], cells)
        context = top | {"root": "../", "period": row, "entries": entries}
        pages[row["page"]] = render("site_period.html.j2", context)
    return pages


def pilot_pages(
    render: Render, top: dict[str, Any], pilots: list[dict[str, Any]]
) -> dict[str, str]:
    """The pilots (八、62–69), and a page per pilot: its areas and units, each with its two
    documents (the pilot's plan, its completion) and their states, and its progress."""
    pages = {"pilots.html": render("site_pilots.html.j2", top | {"pilots": pilots})}
    for pilot in pilots:
        pages[pilot["page"]] = render("site_pilot.html.j2", top | {"root": "../", "pilot": pilot})
    return pages


def county_pages(
    render: Render,
    top: dict[str, Any],
    counties: list[dict[str, Any]],
    cells: dict[str, Any],
    overall: dict[str, Any],
    pilots: list[dict[str, Any]],
    links: dict[str, dict[str, str]],
) -> dict[str, str]:
    """The counties side by side (lights, overdue, reports on time), and a page per
    county: its figures, its reports per period, its pilots, its overdue items."""
    grid = overall["grid"]
    pages = {"counties.html": render("site_counties.html.j2", top | {"counties": counties})}
    overdue = {debt["unit_id"]: debt["entries"] for debt in overall["overdue"]}
    for row in counties:
        uid = row["unit_id"]
        mine = cells.get(uid, {})
        reports = [mine[p] | {"label": label} for p, label in
                   zip(grid["periods"], grid["labels"], strict=True) if p in mine]  # fmt: skip
        context = top | {
            "root": "../",
            "line": row,
            "reports": reports,
            "pilots": [p for p in pilots if any(m["unit_id"] == uid for m in p["members"])],
            "late": overdue.get(uid, []),
            "links": links.get(uid, {}),
        }
        pages[row["county_page"]] = render("site_county.html.j2", context)
    return pages
