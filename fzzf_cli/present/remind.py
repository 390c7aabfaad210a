"""Reminders (``fzzf remind``): one digest per unit of what needs it now — due within the
window, overdue, returned by 市法制局 — and the files it has to create, as plain text or
Markdown that pastes into WeCom, DingTalk or a mail. Every value from the data is reduced
to one visible line (text) or escaped (Markdown): a digest is read where links and
formatting would be followed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.derive.gate import expected_path, new_command
from fzzf_cli.derive.obligations import reporters
from fzzf_cli.derive.status import FILED_KINDS, LATE, Assessed
from fzzf_cli.derive.workdays import UnknownYear, WorkdayTest, off_day
from fzzf_cli.present.render import md_text
from fzzf_cli.present.safe import one_line
from fzzf_cli.text import msg
from fzzf_cli.vocab import Status

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset

# Still owed and not yet late: what "due soon" can be (a nil return says only "no progress").
OPEN = (Status.NOT_YET_DUE, Status.DUE_SOON, Status.NIL_RETURN)
FORMATS = {"text": "txt", "md": "md"}  # the format and its file's suffix


class FileToDo(NamedTuple):
    """A required document's file: the command that creates it or, for a draft already
    there, what makes it count instead."""

    path: str
    command: str | None
    note: str | None = None


class Digest(NamedTuple):
    """What one unit is reminded of."""

    unit_id: str
    unit: str
    soon: list[Assessed]
    overdue: list[Assessed]
    returned: list[Assessed]
    files: list[FileToDo]
    reports: bool = True  # files half-yearly reports (市法制局, the recipient, keeps a record)


def digests(
    ds: Dataset,
    assessed: list[Assessed],
    as_of: date,
    within: int,
    units: list[str],
    there: dict[str, str] | None = None,
) -> list[Digest]:
    """A digest for each of ``units`` (in that order) with something to be reminded of:
    open items due by ``as_of + within``, overdue items, items returned and not yet
    overdue again; units with nothing get none (a reminder that says nothing is noise).
    ``there`` maps files that exist but do not count yet (drafts) to what to do instead
    of creating them."""
    horizon = as_of + timedelta(days=within)
    mine: dict[str, list[Assessed]] = {}
    for a in sorted(assessed, key=lambda a: (a.due, a.obligation.id)):
        mine.setdefault(a.obligation.unit_id, []).append(a)
    found = []
    reporting = set(reporters(ds))
    for unit_id in units:
        items = mine.get(unit_id, [])
        soon = [a for a in items if a.status in OPEN and a.due <= horizon]
        overdue = [a for a in items if a.status in LATE]
        returned = [a for a in items if a.status is Status.RETURNED]
        if soon or overdue or returned:
            files = _files([*overdue, *soon], there or {})
            name, reports = ds.name_of(unit_id), unit_id in reporting
            found.append(Digest(unit_id, name, soon, overdue, returned, files, reports))
    return found


def _files(items: list[Assessed], there: dict[str, str]) -> list[FileToDo]:
    files = {
        path: FileToDo(path, None, there[path]) if path in there else FileToDo(path, new_command(a))
        for a in items
        if a.obligation.kind in FILED_KINDS
        for path in [expected_path(a)]
    }
    return sorted(files.values())


def render(
    digest: Digest, fmt: str, as_of: date, within: str, is_workday: WorkdayTest | None = None
) -> str:
    """The digest as ``text`` or ``md``; ``within`` is the window in words (14 天, 10 个工作日);
    with ``is_workday``, a due date that is a weekend or holiday is marked."""
    markdown = fmt == "md"
    value = md_text if markdown else one_line
    lines = [msg("remind_title", unit=value(digest.unit), as_of=as_of)]
    if markdown:
        lines[0] = "## " + lines[0]

    def section(title: str, entries: list[str]) -> None:
        if entries:
            lines.extend(["", f"### {title}" if markdown else title])
            lines.extend(f"- {entry}" for entry in entries)

    section(msg("remind_overdue"), [_overdue(a, value) for a in digest.overdue])
    section(msg("remind_soon", days=within), [_soon(a, value, is_workday) for a in digest.soon])
    section(msg("remind_returned"), [_returned(a, value, markdown) for a in digest.returned])
    code = "`{}`" if markdown else "{}"
    files = [
        msg("remind_file", path=code.format(f.path), command=code.format(f.command))
        if f.command is not None
        else msg("remind_file", path=code.format(f.path), command=f.note)
        for f in digest.files
    ]
    section(msg("remind_files"), files)
    closing = (
        msg("remind_progress")
        if digest.reports
        else msg("remind_progress_record", unit=digest.unit_id)
    )
    lines.extend(["", closing])
    return "\n".join(lines) + "\n"


def _light(a: Assessed) -> str:
    return msg(f"light_{a.light.value}") if a.light is not None else msg("light_none")


def due_day(day: date, is_workday: WorkdayTest | None) -> str:
    """A due date with its weekday, and whether it is a working day when the official
    calendar is known: 2017-12-31（星期日，非工作日）."""
    weekday = msg(f"weekday_{day.weekday()}")
    if is_workday is None:
        return msg("remind_due", date=day, weekday=weekday)
    try:
        key = "remind_due_off" if off_day(day, is_workday) else "remind_due"
    except UnknownYear:
        key = "remind_due_unknown"
    return msg(key, date=day, weekday=weekday)


def _soon(a: Assessed, value: object, is_workday: WorkdayTest | None) -> str:
    title = value(a.obligation.title)  # type: ignore[operator]
    return msg("remind_item", light=_light(a), due=due_day(a.due, is_workday), title=title)


def _overdue(a: Assessed, value: object) -> str:
    title = value(a.obligation.title)  # type: ignore[operator]
    days = a.days_overdue
    return msg("remind_item_overdue", light=_light(a), due=a.due, title=title, days=days)


def _returned(a: Assessed, value: object, markdown: bool) -> str:
    title = value(a.obligation.title)  # type: ignore[operator]
    said = msg("remind_item_returned", light=_light(a), due=a.due, title=title)
    reason = a.review.reason if a.review is not None else None
    if reason:
        said += ("  \n  " if markdown else "\n  ") + msg("remind_reason", reason=value(reason))  # type: ignore[operator]
    return said
