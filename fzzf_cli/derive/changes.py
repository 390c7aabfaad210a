"""What a change to the data does, in obligations rather than lines (``fzzf diff``).

Two sides, each built by the one pipeline, are compared as of the same day. An obligation
is known on both sides by what is owed, not by its id: a milestone's id carries its due
date (``m16-2016-12-31``), so moving measure 16's first milestone to 2017 must be seen as
a new date for the same duty, not as one duty removed and another added. What is owed is
the kind, measure or pilot, period, stage and title; duties alike in all of these are told
apart by their order of due dates (the occurrences of a recurring milestone).

Of a duty on both sides, a unit that owes it on both is *re-dated* when its due date
differs; units that leave it while others join it make it *re-assigned*; units that only
leave or only join make obligations removed or added. Anything that moves a due date (an
edit of measures.yaml, an extension, a new round) shows here through the obligations the
pipeline derives, whatever file did it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.derive.status import Assessed
    from fzzf_cli.validate.reviews import Decision
    from fzzf_cli.validate.subs_load import Filed
    from fzzf_cli.vocab import Status

Duty = tuple[str, int | None, int | None, str | None, str | None, str, int]


class Moved(NamedTuple):
    """One unit's obligation whose due date the change moved."""

    before: Obligation
    after: Obligation


class Reassigned(NamedTuple):
    """A duty owed by other units after the change: those that left it, those that joined."""

    after: Obligation  # the duty as it is after the change (one of its obligations)
    left: list[Obligation]
    joined: list[Obligation]


class StatusChange(NamedTuple):
    """One unit's obligation whose status on the as-of day the change alters."""

    after: Obligation
    was: Status
    now: Status


class FileChange(NamedTuple):
    """A filing or review file that the change adds, changes or removes."""

    path: str
    change: str  # added, changed, removed, invalid (still there, no longer counts)
    unit: str  # the unit the filing is by ("" for a review file)


class ReviewChange(NamedTuple):
    """A verdict of the coordinator that the change adds or takes away."""

    decision: Decision
    change: str  # added, removed, invalid (still there, no longer counts)


class Side(NamedTuple):
    """What one side of a change holds, from ``pipeline.build``."""

    assessed: list[Assessed]
    filings: list[Filed]
    decisions: list[Decision]
    invalid: frozenset[str] = frozenset()  # files that are there but count for nobody


class Changes(NamedTuple):
    added: list[Obligation]
    removed: list[Obligation]
    redated: list[Moved]
    reassigned: list[Reassigned]
    statuses: list[StatusChange]
    filings: list[FileChange]
    reviews: list[ReviewChange]
    plan_files: list[str]  # other data files that differ (the plan, extensions, rounds …)

    @property
    def empty(self) -> bool:
        return not any(self)


def compare(before: Side, after: Side, plan_files: Iterable[str] = ()) -> Changes:
    """The change from ``before`` to ``after`` (both assessed on the same day)."""
    old, new = _duties(before.assessed), _duties(after.assessed)
    added: list[Obligation] = []
    removed: list[Obligation] = []
    redated: list[Moved] = []
    reassigned: list[Reassigned] = []
    statuses: list[StatusChange] = []
    for duty in [*old, *(d for d in new if d not in old)]:
        was, now = old.get(duty, {}), new.get(duty, {})
        left = [a.obligation for unit, a in was.items() if unit not in now]
        joined = [a.obligation for unit, a in now.items() if unit not in was]
        for unit in (u for u in now if u in was):
            a, b = was[unit], now[unit]
            if a.obligation.due != b.obligation.due:
                redated.append(Moved(a.obligation, b.obligation))
            if a.status != b.status:
                statuses.append(StatusChange(b.obligation, a.status, b.status))
        if was and now and left and joined:
            first = next(iter(now.values())).obligation
            reassigned.append(Reassigned(first, left, joined))
        else:
            removed += left
            added += joined
    order = _by_due
    return Changes(
        sorted(added, key=order),
        sorted(removed, key=order),
        sorted(redated, key=lambda m: order(m.after)),
        sorted(reassigned, key=lambda r: order(r.after)),
        sorted(statuses, key=lambda s: (s.after.unit_id, order(s.after))),
        _files(before.filings, after.filings, after.invalid),
        _reviews(before.decisions, after.decisions, after.invalid),
        sorted(plan_files),
    )


def _by_due(o: Obligation) -> tuple[date, str, str]:
    return (o.due, o.thing, o.unit_id)


def _duties(assessed: list[Assessed]) -> dict[Duty, dict[str, Assessed]]:
    """Each duty with the units that owe it (their assessed obligations)."""
    things: dict[tuple[object, ...], dict[str, date]] = defaultdict(dict)
    for a in assessed:
        o = a.obligation
        things[_what(o)].setdefault(o.thing, o.due)
    rank = {
        (what, thing): i
        for what, found in things.items()
        for i, thing in enumerate(sorted(found, key=lambda t: (found[t], t)))
    }
    duties: dict[Duty, dict[str, Assessed]] = defaultdict(dict)
    for a in assessed:
        o = a.obligation
        what = _what(o)
        duties[(*what, rank[(what, o.thing)])][o.unit_id] = a
    return dict(duties)


def _what(o: Obligation) -> tuple[str, int | None, int | None, str | None, str | None, str]:
    return (o.kind.value, o.measure, o.pilot, o.period, o.stage, o.title)


def _gone(path: str, invalid: frozenset[str]) -> str:
    """Why something of ``before`` is not in ``after``: its file is gone, or is there and no
    longer valid (an item id that a re-dated milestone no longer has, …)."""
    return "invalid" if path in invalid else "removed"


def _files(before: list[Filed], after: list[Filed], invalid: frozenset[str]) -> list[FileChange]:
    old = {f.path: f for f in before}
    new = {f.path: f for f in after}
    found = [FileChange(p, _gone(p, invalid), old[p].record.unit) for p in old if p not in new]
    found += [FileChange(p, "added", new[p].record.unit) for p in new if p not in old]
    found += [
        FileChange(p, "changed", new[p].record.unit)
        for p in new
        if p in old and (old[p].record != new[p].record or old[p].filed != new[p].filed)
    ]
    return sorted(found)


def _reviews(
    before: list[Decision], after: list[Decision], invalid: frozenset[str]
) -> list[ReviewChange]:
    def key(d: Decision) -> tuple[object, ...]:
        return (d.path, d.unit, d.thing, d.verdict, d.day, d.reason, d.deadline)

    old = {key(d): d for d in before}
    new = {key(d): d for d in after}
    found = [ReviewChange(d, _gone(d.path, invalid)) for k, d in old.items() if k not in new]
    found += [ReviewChange(d, "added") for k, d in new.items() if k not in old]
    return sorted(found, key=lambda r: (r.decision.path, r.decision.line, r.change))
