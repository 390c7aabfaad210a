"""Obligations: one per owing unit, due date and thing owed, derived from the plan.

Pure functions of the dataset and a horizon. The rules, each from the plan:

- milestones of measures 1–61 (二、主要任务): owed by the measure's units, or by the
  milestone's own subset (measures 16, 17, 42 …); groups expand to their members, and
  a unit named directly or through an earlier group is bound once;
- an open group (有关…) with no designated members owes as a group, never dropped;
- recurring milestones (measure 40's quarterly 红黑榜, measure 15's five-yearly 规章清理)
  give one obligation per occurrence up to the horizon;
- pilots (八、62–69): each pilot area and unit owes its plan by 2016-04-20 and its
  completion one year after the pilot's start (三(二) 试点工作原则上要在启动之日起1年内完成);
- half-year reports (三(二)): every unit responsible for anything (各地各部门) reports
  to 市法制局 before 30 June and 31 December, 2016–2018; the recipient does not report
  to itself;
- the final review (三(四)): the leading group and 市法制局, Q4 2018.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.derive.handover import hand_over
from fzzf_cli.model.dataset import Dataset, add_months, month_end
from fzzf_cli.text import msg
from fzzf_cli.vocab import Kind, PilotDoc, Role

if TYPE_CHECKING:
    from fzzf_cli.model.changes import Revision
    from fzzf_cli.model.plan import Measure, Milestone

KINDS = tuple(Kind)


class Obligation(NamedTuple):
    """Something one unit owes by a date. ``thing`` is shared by all units owing it."""

    id: str
    thing: str
    due: date
    kind: Kind
    unit_id: str
    unit: str
    role: Role
    title: str
    quote: str
    measure: int | None = None
    pilot: int | None = None
    via: str | None = None
    lead: bool = False
    implied: bool = False
    period: str | None = None
    stage: str | None = None
    round: str | None = None  # an extra reporting round's id (derive/rounds.py)
    due_original: date | None = None  # the plan's date, when extensions moved ``due``
    revisions: tuple[Revision, ...] = ()  # the extensions, in force in this order
    from_units: tuple[str, ...] = ()  # the ended units whose duty this is (handover.py)
    acts: tuple[str, ...] = ()  # the acts that handed it over
    handed: date | None = None  # from when it is this unit's


def derive(ds: Dataset, until: date | None = None, known: date | None = None) -> list[Obligation]:
    """Every obligation of the plan, by due date and thing, units in the source's order;
    with the rounds called and the extensions granted (by ``known``, if given)."""
    # Imported here: both build on this module's Obligation (data/rounds.yaml, extensions.yaml).
    from fzzf_cli.derive.extensions import revise
    from fzzf_cli.derive.rounds import round_obligations
    from fzzf_cli.derive.stored import remembered

    horizon = until or ds.measures_file.plan.horizon

    def make() -> list[Obligation]:
        found = [
            *_milestones(ds, horizon),
            *_pilots(ds),
            *_reports(ds),
            *_review(ds),
            *round_obligations(ds),
        ]
        found.sort(key=_order)
        return found

    # A cached plan keeps them, for its own horizon (one entry per language, not per --until).
    planned = remembered(ds, horizon, make) if until is None else make()
    found = revise(planned, ds, known)
    if found is not planned:  # extensions moved dates
        found.sort(key=_order)
    return hand_over(ds, found)


def _order(o: Obligation) -> tuple[date, int, int, str]:
    # Stable sort: within one thing, units stay in the source's order (lead first).
    return (o.due, *_thing_order(o))


_RANK = {Kind.PILOT_PLAN: 0, Kind.PILOT_DONE: 1, Kind.MILESTONE: 2, Kind.RECURRING: 2,
         Kind.REPORT: 3, Kind.ROUND: 4}  # fmt: skip


def _thing_order(o: Obligation) -> tuple[int, int, str]:
    return (_RANK.get(o.kind, 5), o.measure or o.pilot or 0, o.thing)


# --- who owes --------------------------------------------------------------------------


class Debtor(NamedTuple):
    unit_id: str
    via: str | None  # the group that brought the unit in


def debtors(ds: Dataset, refs: list[str]) -> list[Debtor]:
    """Owing units of a list of units and groups: direct mention wins over a group, an
    earlier group over a later one; an open group without members owes as itself."""
    direct = {ref for ref in refs if ref in ds.units}
    chosen: dict[str, Debtor] = {}
    for ref in refs:
        if ref in ds.units:
            chosen.setdefault(ref, Debtor(ref, None))
        elif ref in ds.groups:
            group = ds.groups[ref]
            members = ds.members(group)
            if not members and group.open:
                chosen.setdefault(ref, Debtor(ref, ref))
            for uid in members:
                if uid not in direct:
                    chosen.setdefault(uid, Debtor(uid, ref))
    return list(chosen.values())


def _role(ds: Dataset, measure: Measure, debtor: Debtor) -> Role:
    if debtor.unit_id in ds.groups:
        return Role.OPEN_GROUP
    if debtor.unit_id == ds.lead(measure):
        return Role.LEAD
    return Role.GROUP if debtor.via else Role.CO_UNIT


# --- the rules -------------------------------------------------------------------------


def _milestone_things(ds: Dataset, measure: Measure) -> Iterator[tuple[str, Milestone]]:
    """Stable ids ``m16-2016-12-31``; a second milestone of the same measure and date
    gets ``-2`` (stable while milestones of one measure and date keep their order).
    A recurring milestone is ``m40-every``, its occurrences ``m40-every-2017-03-31``."""
    seen: dict[str, int] = {}
    for stone in measure.milestones:
        day = stone.due or (stone.recurrence.first_due if stone.recurrence else None)
        base = f"m{measure.id}-{day}" if stone.recurrence is None else f"m{measure.id}-every"
        seen[base] = seen.get(base, 0) + 1
        yield (base if seen[base] == 1 else f"{base}-{seen[base]}"), stone


def _occurrences(stone: Milestone, horizon: date) -> list[date]:
    if stone.recurrence is None:
        return [stone.due] if stone.due else []
    rule = stone.recurrence
    last = min(horizon, rule.last_due) if rule.last_due else horizon
    days, step = [], 0
    while (day := month_end(add_months(rule.first_due, rule.every_months * step))) <= last:
        days.append(day)
        step += 1
    return days


def _milestones(ds: Dataset, horizon: date) -> Iterator[Obligation]:
    # Milestones share unit lists: who owes, their names and roles are worked out once each.
    owing: dict[tuple[str | None, tuple[str, ...]], list[tuple[Debtor, str, Role]]] = {}
    for measure in ds.measures_file.measures:
        lead = ds.lead(measure)
        for thing, stone in _milestone_things(ds, measure):
            kind = Kind.RECURRING if stone.recurrence else Kind.MILESTONE
            refs = (lead, tuple(stone.units or measure.units))
            roles = owing.get(refs)
            if roles is None:
                roles = owing[refs] = [
                    (d, ds.name_of(d.unit_id), _role(ds, measure, d))
                    for d in debtors(ds, list(refs[1]))
                ]
            for day in _occurrences(stone, horizon):
                thing_id = thing if stone.recurrence is None else f"{thing}-{day}"
                for debtor, name, role in roles:
                    yield _new(
                        (f"{thing_id}.{debtor.unit_id}", thing_id, day, kind, debtor.unit_id,
                         name, role, stone.title, stone.quote, measure.id, None, debtor.via,
                         debtor.unit_id == lead, stone.implied, None, stone.stage, *REST)
                    )  # fmt: skip


# An Obligation from all its fields in order (the NamedTuple's keyword ``__new__`` costs a
# query with thousands of them several milliseconds); ``REST``: from ``round`` on, unset.
REST = tuple(Obligation._field_defaults[f] for f in Obligation._fields[16:])


def _new(fields: tuple[object, ...]) -> Obligation:
    return tuple.__new__(Obligation, fields)


def _pilots(ds: Dataset) -> Iterator[Obligation]:
    rules = ds.pilots_file.rules
    for pilot in ds.pilots_file.pilots:
        done = add_months(ds.pilot_start(pilot), rules.completion_months)
        steps = (
            (PilotDoc.PLAN, rules.plan_due, rules.plan_title, rules.plan_quote),
            (PilotDoc.COMPLETION, done, rules.completion_title, rules.completion_quote),
        )
        for doc, day, title, quote in steps:
            thing = f"p{pilot.id}-{doc.step}"
            for uid in [*pilot.areas, *pilot.units]:
                yield Obligation(
                    id=f"{thing}.{uid}",
                    thing=thing,
                    due=day,
                    kind=doc.obligation,
                    measure=pilot.measure,
                    pilot=pilot.id,
                    unit_id=uid,
                    unit=ds.name_of(uid),
                    role=Role.PILOT_AREA if uid in pilot.areas else Role.PILOT_UNIT,
                    title=msg("labelled", label=title, text=pilot.title),
                    quote=quote,
                )


def reporters(ds: Dataset) -> list[str]:
    """各地各部门: every unit some measure or pilot makes responsible, but the recipient."""
    refs: list[str] = []
    for measure in ds.measures_file.measures:
        refs += ds.measure_units(measure)
    bound = [d.unit_id for d in debtors(ds, refs) if d.unit_id in ds.units]
    recipient = ds.measures_file.reporting.to
    return [uid for uid in ds.units if uid in bound and uid != recipient]


def _reports(ds: Dataset) -> Iterator[Obligation]:
    reporting = ds.measures_file.reporting
    units = reporters(ds)
    for period in reporting.periods:
        thing = f"report-{period.id}"
        for uid in units:
            yield Obligation(
                id=f"{thing}.{uid}",
                thing=thing,
                due=period.due,
                kind=Kind.REPORT,
                unit_id=uid,
                unit=ds.name_of(uid),
                role=Role.REPORTER,
                title=msg("report_title", period=period.id, to=ds.name_of(reporting.to)),
                quote=reporting.quote,
                period=period.id,
            )


def _review(ds: Dataset) -> Iterator[Obligation]:
    review = ds.measures_file.review
    thing = f"review-{review.due}"
    for i, uid in enumerate(review.units):
        yield Obligation(
            id=f"{thing}.{uid}",
            thing=thing,
            due=review.due,
            kind=Kind.REVIEW,
            unit_id=uid,
            unit=ds.name_of(uid),
            lead=i == 0,
            role=Role.REVIEW,
            title=msg("review_title"),
            quote=review.quote,
        )
