"""The dashboard's pages per county, per pilot and per half-yearly period (``fzzf site``),
as plain data for the templates, from the contexts the overall report already computes
(``overall_context``: its pilots and report grid; ``unit_lines``: the units' figures).

A county is a unit of kind ``county_government`` (units.yaml): the eight 县(市、区)人民政府
the plan addresses as 各县(市、区)人民政府.
"""

from __future__ import annotations

from typing import Any

from fzzf_cli.derive.status import Assessed
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.present.report import item_view
from fzzf_cli.text import msg
from fzzf_cli.vocab import Kind, Status

COUNTY = "county_government"
DRAFTS = ("draft", "missing_draft")
# The groups a period's page lists, in this order: who filed, late, missing, not yet due.
PERIOD_GROUPS = {
    Status.ON_TIME: "on_time",
    Status.LATE: "late",
    Status.MISSING: "missing",
    "missing_draft": "missing",
    Status.DUE_SOON: "pending",
    Status.NOT_YET_DUE: "pending",
    "draft": "pending",
}


def county_rows(ds: Dataset, units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The counties' lines of ``units`` (site.unit_rows), in units.yaml's order, each with
    its page and its reports filed on time as a share."""
    rows = []
    for row in units:
        unit = ds.units.get(row["unit_id"])
        if unit is not None and unit.kind == COUNTY:
            rate = row["on_time_rate"]
            percent = None if rate is None else round(100 * rate)
            page = f"counties/{row['file']}.html"
            rows.append(row | {"county_page": page, "on_time_percent": percent})
    return rows


def report_cells(
    assessed: list[Assessed], grid: dict[str, Any]
) -> dict[str, dict[str, dict[str, Any]]]:
    """Unit → period → its half-year report: status (a draft marked as such, from the
    overall report's grid), words, light, days."""
    periods = grid["periods"]
    drafts = {
        (r["unit_id"], p): c
        for r in grid["rows"]
        for p, c in zip(periods, r["cells"], strict=True)
        if c in DRAFTS
    }
    cells: dict[str, dict[str, dict[str, Any]]] = {}
    for a in assessed:
        o = a.obligation
        if o.kind != Kind.REPORT or not o.period:
            continue
        view = item_view(a)
        status = drafts.get((o.unit_id, o.period), str(a.status))
        if status in DRAFTS:
            view["status_label"] += msg("site_draft")
        cells.setdefault(o.unit_id, {})[o.period] = view | {"cell": status, "period_id": o.period}
    return cells


def period_rows(
    grid: dict[str, Any], cells: dict[str, dict[str, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Each period: its label, page, and how many reports were filed on time, late, are
    missing or not yet due."""
    rows = []
    for period, label in zip(grid["periods"], grid["labels"], strict=True):
        mine = [c[period] for c in cells.values() if period in c]
        counts = dict.fromkeys(("on_time", "late", "missing", "pending"), 0)
        for cell in mine:
            group = PERIOD_GROUPS.get(cell["cell"])
            if group is not None:
                counts[group] += 1
        due = mine[0]["due"] if mine else ""
        rows.append({"id": period, "label": label, "due": due, "total": len(mine),
                     "page": f"periods/{period}.html", **counts})  # fmt: skip
    return rows


def period_entries(
    period: str, cells: dict[str, dict[str, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """The units owing ``period``'s report, grouped (filed on time, late, missing, not yet
    due), each with its page."""
    order = list(dict.fromkeys(PERIOD_GROUPS.values()))
    entries = [
        cell | {"group": PERIOD_GROUPS.get(cell["cell"], "pending")}
        for mine in cells.values()
        if (cell := mine.get(period)) is not None
    ]
    entries.sort(key=lambda e: order.index(e["group"]))
    return entries


def pilot_rows(ds: Dataset, pilots: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each pilot (the overall report's ``pilots``): its page, and how many of its members
    have filed the plan and completed."""
    measures = {p.id: p.measure for p in ds.pilots_file.pilots}
    rows = []
    for pilot in pilots:
        members = pilot["members"]
        rows.append(
            pilot
            | {
                "page": f"pilots/{pilot['id']}.html",
                "measure": measures.get(pilot["id"]),
                "plans": sum(m["plan_light"] == "green" for m in members),
                "completed": sum(m["completion_light"] == "green" for m in members),
                "has": " ".join(
                    sorted(
                        {m[k] for m in members for k in ("plan_light", "completion_light")} - {""}
                    )
                ),
            }
        )
    return rows
