"""Where each obligation stands on a given day, from what was filed and reviewed by then.

Only filings that count from the as-of day or earlier are used (filing.py: the day a filing
reached the main line where git can prove it, else its declared date; a draft never
counts), and only verdicts given by then, so asking about 2017-07-15 shows what the
coordinator could know that day.

- A report (三(二)) is ``on_time`` when filed by its due date, ``late`` when filed after,
  ``missing`` when not filed and past due.
- A pilot plan or completion report is done when its file is filed (``done_on_time`` or
  ``done_late``); a report saying "done" shows progress, never the document itself.
- A milestone, recurring task or the final review that the unit's latest filing says is
  done is ``claimed`` (自报完成) until 市法制局 reviews it (reviews.py): accepted (销号)
  it is ``done_on_time`` or ``done_late``; returned (退回) it is ``returned``, open again
  and due on the new deadline, ``overdue`` after it, until the unit claims it again.
- Anything else is ``not_yet_due``, ``due_soon`` (within ``soon`` days) or ``overdue``.
  An open group without members is ``unassigned``.

Each status has a light (三色预警, ``LIGHTS``): 绿 done (accepted, or the document filed);
蓝 not yet due; 黄 due within ``soon`` days and not done, or waiting on someone — a claim on
the coordinator's verdict, a returned item on the unit's redo before its new deadline; 红
overdue. An open group without members has none: nobody can be chased for it.
Nil returns (本期无进展, 不适用) are nil_returns.py's.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.derive.nil_returns import CLAIMS, NOT_APPLICABLE, nil_status
from fzzf_cli.model.filings import Item, PilotFile, Report
from fzzf_cli.validate.reviews import CLAIMABLE, Decision
from fzzf_cli.vocab import SOON, Filing, Kind, Light, PilotDoc, Role, Ruling, Status

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.validate.subs_load import Submissions

DONE = (
    Status.DONE_ON_TIME,
    Status.DONE_LATE,
    Status.ON_TIME,
    Status.LATE,
)  # accepted, or a document filed
CLAIMED = (Status.CLAIMED, Status.NA_CLAIMED)  # the unit says done, or 不适用; awaiting review
EXEMPT = (Status.NOT_APPLICABLE,)  # 不适用(已确认): no longer owed, counted on its own
SETTLED = (*DONE, *CLAIMED, *EXEMPT)  # nothing left for the unit to do
LATE = (Status.OVERDUE, Status.MISSING)
LIGHTS: dict[Status, Light | None] = {
    Status.DONE_ON_TIME: Light.GREEN,
    Status.DONE_LATE: Light.GREEN,
    Status.ON_TIME: Light.GREEN,
    Status.LATE: Light.GREEN,
    Status.NOT_YET_DUE: Light.BLUE,
    Status.DUE_SOON: Light.YELLOW,
    Status.CLAIMED: Light.YELLOW,
    Status.RETURNED: Light.YELLOW,
    Status.OVERDUE: Light.RED,
    Status.MISSING: Light.RED,
    Status.UNASSIGNED: None,
    Status.NIL_RETURN: Light.BLUE,
    Status.NA_CLAIMED: Light.YELLOW,
    Status.NOT_APPLICABLE: None,
}
# The obligations whose missing document fails the CI gate: things units must file.
FILED_KINDS = (Kind.REPORT, Kind.PILOT_PLAN, Kind.PILOT_DONE, Kind.ROUND)
# Reports: on time, late or missing (a half-year's, or an extra round's 另行通知报送).
REPORT_KINDS = (Kind.REPORT, Kind.ROUND)


class Assessed(NamedTuple):
    obligation: Obligation
    status: Status
    done: date | None  # when it was done or filed
    progress: str | None  # the latest reported status: not_started / in_progress / done
    source: str | None  # the file that says so
    days_overdue: int
    deadline: date | None = None  # the new deadline of a returned item
    review: Decision | None = None  # the latest verdict by the as-of day
    since: date | None = None  # a claim: the day the filing that first made it counts from
    reason: str | None = None  # the unit's reason for a nil return or 不适用

    @property
    def light(self) -> Light | None:
        """Its light (三色预警)."""
        return LIGHTS[self.status]

    @property
    def due(self) -> date:
        """The date it is judged against: the plan's as extended (derive/extensions.py),
        or the deadline a return set."""
        return self.deadline or self.obligation.due


class _Claim(NamedTuple):
    filed: date
    source: str
    item: Item


class _Index(NamedTuple):
    reports: dict[tuple[str, str], tuple[str, date]]
    pilot_files: dict[tuple[str, int, str], tuple[str, date]]
    items: dict[tuple[str, str], list[_Claim]]
    decisions: dict[tuple[str, str], list[Decision]]
    rounds: dict[tuple[str, str], tuple[str, date]] = {}


def _index(subs: Submissions, decisions: Iterable[Decision], as_of: date) -> _Index:
    reports: dict[tuple[str, str], tuple[str, date]] = {}
    items: dict[tuple[str, str], list[_Claim]] = {}
    for filed in subs.progress():
        report = filed.record
        assert isinstance(report, Report)
        if filed.filed is None or filed.filed > as_of:
            continue
        if filed.kind == Filing.REPORT:
            reports[(report.unit, report.period)] = (filed.path, filed.filed)
        for item in report.items:
            thing = item.id.removesuffix(f".{report.unit}")
            items.setdefault((report.unit, thing), []).append(_Claim(filed.filed, filed.path, item))
    pilots: dict[tuple[str, int, str], tuple[str, date]] = {}
    for filed in subs.pilot_files:
        record = filed.record
        assert isinstance(record, PilotFile)
        if filed.filed is not None and filed.filed <= as_of:
            pilots[(record.unit, record.pilot, record.kind)] = (filed.path, filed.filed)
    for entries in items.values():
        entries.sort(key=lambda entry: (entry.filed, entry.source))
    decided: dict[tuple[str, str], list[Decision]] = {}
    for d in decisions:
        if d.day <= as_of:
            decided.setdefault((d.unit, d.thing), []).append(d)
    rounds = {
        (f.record.unit, getattr(f.record, "round", "")): (f.path, f.filed)
        for f in subs.rounds
        if f.filed is not None and f.filed <= as_of
    }
    return _Index(reports, pilots, items, decided, rounds)


def _pending(
    o: Obligation, as_of: date, soon: int, claim: _Claim | None, due: date | None = None
) -> Assessed:
    progress, source = (claim.item.status, claim.source) if claim else (None, None)
    day = due or o.due
    if day >= as_of:
        status = Status.DUE_SOON if (day - as_of).days <= soon else Status.NOT_YET_DUE
        return Assessed(o, status, None, progress, source, 0, due)
    late = Status.MISSING if o.kind in REPORT_KINDS else Status.OVERDUE
    return Assessed(o, late, None, progress, source, (as_of - day).days, due)


def _filed(o: Obligation, found: tuple[str, date] | None, as_of: date, soon: int) -> Assessed:
    """A document: a report or pilot file, judged by the day its filing counts from."""
    if found is None:
        return _pending(o, as_of, soon, None)
    source, day = found
    if o.kind in REPORT_KINDS:
        return Assessed(o, Status.ON_TIME if day <= o.due else Status.LATE, day, "done", source, 0)
    return Assessed(
        o, Status.DONE_ON_TIME if day <= o.due else Status.DONE_LATE, day, "done", source, 0
    )


def _claimed(claim: _Claim | None, as_of: date) -> bool:
    item = claim.item if claim else None
    return (
        item is not None and item.status == "done" and item.done is not None and item.done <= as_of
    )


def _not_before_own_word(done: date, history: list[_Claim], claim: _Claim) -> date:
    """A claim cannot be dated back past an earlier filing of the unit's own that still
    had the item open (filing.contradicted flags it): it counts from the day after."""
    said = [c.filed for c in history if c.filed <= claim.filed and c.item.status != "done"]
    return max(done, max(said) + timedelta(days=1)) if said else done


def _reviewed(o: Obligation, index: _Index, as_of: date, soon: int) -> Assessed:
    """A claimable item: claimed, accepted, returned, or still open."""
    history = index.items.get((o.unit_id, o.thing), [])
    verdicts = index.decisions.get((o.unit_id, o.thing), [])
    last = verdicts[-1] if verdicts else None
    returns = [d for d in verdicts if d.verdict == Ruling.RETURNED]
    deadline = returns[-1].deadline if returns else None
    if last is not None and last.verdict == Ruling.ACCEPTED:
        made = [c for c in history if c.filed <= last.day and c.item.status in CLAIMS]
        if made and made[-1].item.status == NOT_APPLICABLE:
            c = made[-1]
            return Assessed(o, Status.NOT_APPLICABLE, None, NOT_APPLICABLE, c.source, 0,
                            deadline, last, reason=c.item.reason)  # fmt: skip
        made = [c for c in made if c.item.status == "done"]
        done = made[-1].item.done if made else None
        if made and done is not None:
            done = _not_before_own_word(done, history, made[-1])
        due = deadline or o.due
        status = Status.DONE_ON_TIME if done is not None and done <= due else Status.DONE_LATE
        source = made[-1].source if made else last.path
        return Assessed(o, status, done, "done", source, 0, deadline, last)
    if last is not None:  # returned: only a filing after the return counts again
        history = [c for c in history if c.filed > last.day]
    claim = history[-1] if history else None
    if claim is not None and claim.item.status == NOT_APPLICABLE:
        since = _run_since(history, NOT_APPLICABLE)
        reason = claim.item.reason
        return Assessed(o, Status.NA_CLAIMED, None, NOT_APPLICABLE, claim.source, 0, deadline,
                        last, since, reason)  # fmt: skip
    if _claimed(claim, as_of):
        assert claim is not None and claim.item.done is not None
        since = _run_since(history, "done")
        done = _not_before_own_word(claim.item.done, history, claim)
        return Assessed(o, Status.CLAIMED, done, "done", claim.source, 0, deadline, last, since)
    found = _pending(o, as_of, soon, claim, deadline)
    if last is not None and found.status in (Status.DUE_SOON, Status.NOT_YET_DUE):
        found = found._replace(status=Status.RETURNED)
    item = claim.item if claim else None
    found = found._replace(review=last, reason=item.reason if item else None)
    return found._replace(status=nil_status(found.status, item))


def _run_since(history: list[_Claim], status: str) -> date:
    """Reports carry a claim forward: it is as old as the run of filings that make it."""
    since = history[-1].filed
    for earlier in reversed(history):
        if earlier.item.status != status:
            break
        since = earlier.filed
    return since


def assess(
    obligations: list[Obligation],
    subs: Submissions,
    as_of: date,
    soon: int = SOON,
    decisions: Iterable[Decision] = (),
) -> list[Assessed]:
    """Every obligation with its status on ``as_of``."""
    index = _index(subs, decisions, as_of)
    result = []
    for o in obligations:
        if o.role == Role.OPEN_GROUP:
            result.append(Assessed(o, Status.UNASSIGNED, None, None, None, 0))
        elif o.kind == Kind.REPORT and o.period is not None:
            result.append(_filed(o, index.reports.get((o.unit_id, o.period)), as_of, soon))
        elif o.kind == Kind.ROUND and o.round is not None:
            result.append(_filed(o, index.rounds.get((o.unit_id, o.round)), as_of, soon))
        elif o.kind in (Kind.PILOT_PLAN, Kind.PILOT_DONE) and o.pilot is not None:
            kind = PilotDoc.of(o.kind)
            found = index.pilot_files.get((o.unit_id, o.pilot, kind))
            if found is not None:
                result.append(_filed(o, found, as_of, soon))
            else:  # a report may say how the pilot goes; only the file fulfils it
                history = index.items.get((o.unit_id, o.thing), [])
                result.append(_pending(o, as_of, soon, history[-1] if history else None))
        elif o.kind in CLAIMABLE:
            result.append(_reviewed(o, index, as_of, soon))
        else:
            result.append(_pending(o, as_of, soon, None))
    return result


def gate_failures(assessed: list[Assessed], grace: int = 0) -> list[Assessed]:
    """Required documents not filed more than ``grace`` days after their due date."""
    return [
        a
        for a in assessed
        if a.obligation.kind in FILED_KINDS and a.status in LATE and a.days_overdue > grace
    ]
