"""The files a unit's page links to, written by ``fzzf site`` beside the pages: its
calendar feed (``calendar/<unit>.ics``, as ``fzzf calendar --all`` writes them, with the
coordinator's ``calendar/all.ics``) and its fill-in workbook (``workbook/<unit>.xlsx``,
what ``fzzf new report UNIT PERIOD -f xlsx`` writes) for the reporting period current on
the as-of day: the next one due, or the last one when all are past. icalendar and
openpyxl are imported here, when the command runs, never at start-up."""

from __future__ import annotations

from datetime import date

from fzzf_cli.model.plan import Period
from fzzf_cli.pipeline import Workspace
from fzzf_cli.text.periods import period_label
from fzzf_cli.vocab import Kind, Ruling

Links = dict[str, dict[str, str]]


def current_period(ws: Workspace, today: date) -> Period:
    """The reporting period a unit is filling in on ``today``: the next one due, or the
    last one when every period is past."""
    periods = ws.ds.measures_file.reporting.periods
    return next((p for p in periods if p.due >= today), periods[-1])


def calendars(ws: Workspace, today: date) -> tuple[Links, dict[str, bytes]]:
    """Every unit's feed with something in it, and the coordinator's feed of everything."""
    from fzzf_cli.cli.calendar import EVERYTHING, feed_name, feeds
    from fzzf_cli.cli.holidays import official_workdays
    from fzzf_cli.present.ical import calendar_bytes

    is_workday = official_workdays()
    found = feeds(ws.ds, ws.obligations, None)
    files = {f"calendar/{name}": calendar_bytes(title, chosen, today, is_workday)
             for name, (title, chosen) in found.items()}  # fmt: skip
    links = {uid: {"calendar": f"calendar/{feed}"} for uid in ws.ds.units
             if (feed := feed_name(uid)) in found and feed != f"{EVERYTHING}.ics"}  # fmt: skip
    return links, files


def workbooks(ws: Workspace, today: date, stems: dict[str, str]) -> tuple[Links, dict[str, bytes]]:
    """The fill-in workbook of the current period for each unit that owes its report;
    ``stems`` gives each unit's file name (site.file_stem)."""
    from fzzf_cli.derive.scaffold import report_data
    from fzzf_cli.present.fillin import fillin_workbook

    period = current_period(ws, today)
    owing = {o.unit_id for o in ws.obligations if o.kind == Kind.REPORT and o.period == period.id}
    latest = {(d.unit, d.thing): d.verdict for d in ws.decisions}  # decisions are by date
    links: Links = {}
    files: dict[str, bytes] = {}
    for uid in ws.ds.units:
        if uid not in owing or uid not in stems:
            continue
        returned = frozenset(t for (u, t), v in latest.items() if u == uid and v == Ruling.RETURNED)
        content = report_data(ws.ds, ws.obligations, ws.subs, uid, period.id, None, False, returned)
        path = f"workbook/{stems[uid]}.xlsx"
        files[path] = fillin_workbook(ws.ds, ws.obligations, content)
        links[uid] = {"workbook": path, "workbook_label": period_label(period.id)}
    return links, files
