"""The files a unit's page links to, written by ``fzzf site`` beside the pages: its
calendar feed (``calendar/<unit>.ics``, as ``fzzf calendar --all`` writes them, with the
coordinator's ``calendar/all.ics``) and its fill-in workbook (``workbook/<unit>.xlsx``,
what ``fzzf new report UNIT PERIOD -f xlsx`` writes) for the reporting period current on
the as-of day: the next one due, or the last one when all are past. icalendar and
openpyxl are imported here, when the command runs, never at start-up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from fzzf_cli.derive.obligations import Obligation
from fzzf_cli.derive.workdays import WorkdayTest
from fzzf_cli.model.plan import Period
from fzzf_cli.pipeline import Workspace
from fzzf_cli.text.periods import period_label
from fzzf_cli.vocab import Kind, Ruling

Links = dict[str, dict[str, str]]
END = b"END:VCALENDAR\r\n"


def current_period(ws: Workspace, today: date) -> Period:
    """The reporting period a unit is filling in on ``today``: the next one due, or the
    last one when every period is past."""
    periods = ws.ds.measures_file.reporting.periods
    return next((p for p in periods if p.due >= today), periods[-1])


def calendars(ws: Workspace, today: date) -> tuple[Links, dict[str, bytes]]:
    """Every unit's feed with something in it, and the coordinator's feed of everything."""
    from fzzf_cli.cli.calendar import EVERYTHING, feed_name, feeds
    from fzzf_cli.cli.holidays import official_workdays

    is_workday = official_workdays()
    found = feeds(ws.ds, ws.obligations, None)
    feed = assembler(ws.obligations, today, is_workday)
    files = {f"calendar/{name}": feed(title, chosen) for name, (title, chosen) in found.items()}
    links = {uid: {"calendar": f"calendar/{name}"} for uid in ws.ds.units
             if (name := feed_name(uid)) in found and name != f"{EVERYTHING}.ics"}  # fmt: skip
    return links, files


def assembler(
    everything: list[Obligation], today: date, is_workday: WorkdayTest
) -> Callable[[str, list[Obligation]], bytes]:
    """``calendar_bytes`` for feeds of subsets of ``everything``, each event serialised
    once (icalendar takes a millisecond an event, and every event is in two feeds): a
    feed is its header, its events in the same (due, id) order, and the closing line."""
    from fzzf_cli.present.ical import calendar_bytes

    ordered = sorted(everything, key=lambda o: (o.due, o.id))
    whole = calendar_bytes("", ordered, today, is_workday)
    # Split at the component lines only: a value may hold the words BEGIN:VEVENT, but never
    # a bare CRLF (icalendar escapes newlines and folds with CRLF and a space).
    begin = b"\r\nBEGIN:VEVENT\r\n"
    body = whole[: whole.rindex(END) - 2]
    blocks = [begin[2:] + b + b"\r\n" for b in body.split(begin)[1:]]
    by_id = {o.id: block for o, block in zip(ordered, blocks, strict=True)}

    def feed(name: str, chosen: list[Obligation]) -> bytes:
        if len(by_id) != len(ordered):  # ids not unique: no shortcut
            return calendar_bytes(name, chosen, today, is_workday)
        head = calendar_bytes(name, [], today, is_workday)
        events = [by_id[o.id] for o in sorted(chosen, key=lambda o: (o.due, o.id))]
        return head[: head.rindex(END)] + b"".join(events) + END

    return feed


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
