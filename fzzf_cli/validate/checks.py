"""Cross-checks over the whole plan, each a function yielding Problems.

The models check one value at a time; these check how values fit together: that every
unit a measure names exists, that numbers are unique, that a milestone's units are
among its measure's, that recurrences and periods make sense. ``CHECKS`` is the
registry, in the order they run.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from fzzf_cli.errors import Problem
from fzzf_cli.model.dataset import MEASURES, PILOTS, UNITS, Dataset
from fzzf_cli.model.names import fold
from fzzf_cli.text import join, msg
from fzzf_cli.validate.succession import succession

if TYPE_CHECKING:
    from fzzf_cli.model.plan import Group, Unit

Check = Callable[[Dataset], Iterator[Problem]]


def unique_ids(ds: Dataset) -> Iterator[Problem]:
    """Unit and group ids, and every name and alias, name one thing only."""
    seen: dict[str, str] = {}
    sections: tuple[tuple[str, Sequence[Unit | Group]], ...] = (
        ("units", ds.units_file.units),
        ("groups", ds.units_file.groups),
    )
    for section, records in sections:
        for i, rec in enumerate(records):
            if rec.id in seen:
                yield Problem(ds.where(UNITS, (section, i, "id")), msg("dup_id", id=rec.id))
            seen[rec.id] = rec.id
    # Names are matched as people type them, width and case folded (ＦＡＺＨＩＪＵ is
    # fazhiju): a label may not fold onto another record's id or label.
    names: dict[str, str] = {fold(rec.id): rec.id for _, records in sections for rec in records}
    for section, records in sections:
        for i, rec in enumerate(records):
            labels: list[tuple[tuple[str | int, ...], str]] = [(("name",), rec.name)]
            labels += [(("aliases", j), alias) for j, alias in enumerate(rec.aliases)]
            full = getattr(rec, "full_name", None)
            if full and full != rec.name:
                labels.append((("full_name",), full))
            for field, label in labels:
                owner = names.get(fold(label))
                if owner is not None and owner != rec.id:
                    where = ds.where(UNITS, (section, i, *field))
                    yield Problem(where, msg("dup_name", name=label, other=owner))
                names.setdefault(fold(label), rec.id)


def references(ds: Dataset) -> Iterator[Problem]:
    """Every unit or group a measure, milestone, pilot, group or the plan names exists."""
    plan = ds.measures_file.plan
    for field in ("issued_by", "coordinator", "leading_group"):
        yield from _ref(ds, MEASURES, ("plan", field), getattr(plan, field), units_only=True)
    yield from _ref(ds, MEASURES, ("reporting", "to"), ds.measures_file.reporting.to, True)
    for i, ref in enumerate(ds.measures_file.review.units):
        yield from _ref(ds, MEASURES, ("review", "units", i), ref, True)
    for gi, group in enumerate(ds.units_file.groups):
        for i, ref in enumerate(group.members):
            yield from _ref(ds, UNITS, ("groups", gi, "members", i), ref, True)
        for i, ref in enumerate(group.within):
            yield from _ref(ds, UNITS, ("groups", gi, "within", i), ref)
    for mi, measure in enumerate(ds.measures_file.measures):
        for i, ref in enumerate(measure.units):
            yield from _ref(ds, MEASURES, ("measures", mi, "units", i), ref)
        for si, stone in enumerate(measure.milestones):
            for i, ref in enumerate(stone.units or ()):
                loc = ("measures", mi, "milestones", si, "units", i)
                yield from _ref(ds, MEASURES, loc, ref)
    rules = ds.pilots_file.rules
    yield from _ref(ds, PILOTS, ("rules", "plan_to"), rules.plan_to, True)
    for pi, pilot in enumerate(ds.pilots_file.pilots):
        for i, ref in enumerate(pilot.units):
            yield from _ref(ds, PILOTS, ("pilots", pi, "units", i), ref, True)
        for i, ref in enumerate(pilot.areas):
            yield from _ref(ds, PILOTS, ("pilots", pi, "areas", i), ref, True)
            unit = ds.units.get(ref)
            if unit is not None and unit.kind != "county_government":
                at = ds.where(PILOTS, ("pilots", pi, "areas", i))
                yield Problem(at, msg("pilot_area_not_county", name=unit.name))


def _ref(
    ds: Dataset, doc: str, loc: tuple[str | int, ...], ref: str, units_only: bool = False
) -> Iterator[Problem]:
    if ref in ds.units or (not units_only and ref in ds.groups):
        return
    where = ds.where(doc, loc)
    if units_only and ref in ds.groups:
        yield Problem(where, msg("ref_group_not_allowed", ref=ref))
        return
    yield Problem(where, msg("ref_unknown", ref=ref), suggest_unit(ds, ref, units_only))


def suggest_unit(ds: Dataset, ref: str, units_only: bool = False) -> str:
    """A hint naming the id the author probably meant (by id, name or alias)."""
    records: list[Unit | Group] = [*ds.units_file.units]
    if not units_only:
        records += ds.units_file.groups
    by_label: dict[str, str] = {}
    for rec in records:
        for label in (rec.id, rec.name, *rec.aliases, getattr(rec, "full_name", None) or ""):
            if label:
                by_label.setdefault(label, rec.id)
    if ref in by_label:
        return msg("use_id", id=by_label[ref], name=ds.name_of(by_label[ref]))
    close = difflib.get_close_matches(ref, list(by_label), n=3, cutoff=0.5)
    if not close:
        return ""
    ids = [by_label[c] for c in dict.fromkeys(close)]
    shown = join([msg("id_named", id=i, name=ds.name_of(i)) for i in ids])
    return msg("did_you_mean", candidates=shown)


def measure_numbers(ds: Dataset) -> Iterator[Problem]:
    """Every measure number the plan declares (``conventions.measures``: 1–69) is used,
    each once; areas are numbered each once; a measure's area exists. (That numbers fall in
    the declared ranges is checked as the files are read: ``model.conventions``.)"""
    seen: set[int] = set()
    for mi, measure in enumerate(ds.measures_file.measures):
        if measure.id in seen:
            yield Problem(
                ds.where(MEASURES, ("measures", mi, "id")), msg("dup_measure", n=measure.id)
            )
        seen.add(measure.id)
        if measure.area not in ds.areas:
            loc = ds.where(MEASURES, ("measures", mi, "area"))
            yield Problem(loc, msg("unknown_area", n=measure.area))
    missing = sorted(set(ds.measure_numbers()) - seen)
    if missing:
        loc = ds.where(MEASURES, ("measures",), at_key=True)
        yield Problem(loc, msg("missing_measures", numbers=join(missing)))
    area_ids = [a.id for a in ds.measures_file.areas]
    for ai, area in enumerate(ds.measures_file.areas):
        if area_ids.count(area.id) > 1 and area_ids.index(area.id) != ai:
            yield Problem(ds.where(MEASURES, ("areas", ai, "id")), msg("dup_area", n=area.id))


def milestone_scope(ds: Dataset) -> Iterator[Problem]:
    """A milestone for a subset names only units its measure is responsible for. An open
    group with ``within`` (units still to be designated) is inside when everything its
    members may come from is."""
    for mi, measure in enumerate(ds.measures_file.measures):
        allowed = set(measure.units) | set(ds.expand(measure.units))
        for si, stone in enumerate(measure.milestones):
            for i, ref in enumerate(stone.units or ()):
                group = ds.groups.get(ref)
                if group is not None and group.open and group.within:
                    inside = all(_inside(ds, r, allowed) for r in group.within)
                else:
                    inside = _inside(ds, ref, allowed)
                if (ref in ds.units or group is not None) and not inside:
                    loc = ds.where(MEASURES, ("measures", mi, "milestones", si, "units", i))
                    yield Problem(loc, msg("milestone_outside", ref=ref, n=measure.id))


def _inside(ds: Dataset, ref: str, allowed: set[str]) -> bool:
    """``ref`` is one of ``allowed``, or a group whose (known) members all are."""
    if ref in allowed:
        return True
    members = ds.expand([ref]) if ref in ds.groups else []
    return bool(members) and set(members) <= allowed


def dates(ds: Dataset) -> Iterator[Problem]:
    """Deadlines fall in the plan's time; implied ones sit at its horizon; rules are sound."""
    plan = ds.measures_file.plan
    for mi, measure in enumerate(ds.measures_file.measures):
        for si, stone in enumerate(measure.milestones):
            base = ("measures", mi, "milestones", si)
            if stone.due is not None and stone.due < plan.date:
                yield Problem(
                    ds.where(MEASURES, (*base, "due")), msg("due_before_plan", due=stone.due)
                )
            if stone.implied and stone.due != plan.horizon:
                loc = ds.where(MEASURES, (*base, "due"))
                yield Problem(loc, msg("implied_not_horizon", horizon=plan.horizon))
            if stone.start and stone.due and stone.start > stone.due:
                yield Problem(ds.where(MEASURES, (*base, "start")), msg("start_after_due"))
            rule = stone.recurrence
            if rule is not None:
                if rule.first_due + timedelta(days=1) != _next_month_start(rule.first_due):
                    loc = ds.where(MEASURES, (*base, "recurrence", "first_due"))
                    yield Problem(loc, msg("recurrence_month_end", day=rule.first_due))
                if rule.last_due is not None and rule.last_due < rule.first_due:
                    loc = ds.where(MEASURES, (*base, "recurrence", "last_due"))
                    yield Problem(loc, msg("recurrence_order"))
    yield from _periods(ds)
    review = ds.measures_file.review
    if review.start > review.due:
        yield Problem(ds.where(MEASURES, ("review", "start")), msg("start_after_due"))


def _next_month_start(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _periods(ds: Dataset) -> Iterator[Problem]:
    previous_due: date | None = None
    ids: set[str] = set()
    for pi, period in enumerate(ds.measures_file.reporting.periods):
        year, half = int(period.id[:4]), period.id[-1]
        expected = (
            (date(year, 1, 1), date(year, 6, 30))
            if half == "1"
            else (
                date(year, 7, 1),
                date(year, 12, 31),
            )
        )
        if (period.start, period.due) != expected or period.id in ids:
            yield Problem(
                ds.where(MEASURES, ("reporting", "periods", pi)),
                msg("period_mismatch", id=period.id, start=expected[0], due=expected[1]),
            )
        if previous_due is not None and period.start != previous_due + timedelta(days=1):
            loc = ds.where(MEASURES, ("reporting", "periods", pi, "start"))
            yield Problem(loc, msg("period_gap", id=period.id))
        ids.add(period.id)
        previous_due = period.due


def pilot_links(ds: Dataset) -> Iterator[Problem]:
    """Pilot measures (八: 62–69) and the pilots name each other, one pilot per pilot
    measure."""
    for pi, pilot in enumerate(ds.pilots_file.pilots):
        measure = ds.measures.get(pilot.measure)
        if measure is None or measure.pilot != pilot.id:
            loc = ds.where(PILOTS, ("pilots", pi, "measure"))
            yield Problem(loc, msg("pilot_link", pilot=pilot.id, n=pilot.measure))
    for mi, measure in enumerate(ds.measures_file.measures):
        if measure.pilot is not None and measure.pilot not in ds.pilots:
            loc = ds.where(MEASURES, ("measures", mi, "pilot"))
            yield Problem(loc, msg("pilot_missing", pilot=measure.pilot))


def groups(ds: Dataset) -> Iterator[Problem]:
    """An enumerable group has members; a tag used to select one is worn by some unit."""
    for gi, group in enumerate(ds.units_file.groups):
        if not group.open and not ds.members(group):
            yield Problem(ds.where(UNITS, ("groups", gi)), msg("group_empty", name=group.name))


def group_within(ds: Dataset) -> Iterator[Problem]:
    """A designated member of an open group with ``within`` comes from those units."""
    for gi, group in enumerate(ds.units_file.groups):
        if not group.within:
            continue
        allowed = set(ds.expand(r for r in group.within if r != group.id))
        shown = join([ds.name_of(ref) for ref in group.within])
        for i, ref in enumerate(group.members):
            if ref in ds.units and ref not in allowed:
                text = msg(
                    "group_member_outside_within",
                    member=ds.name_of(ref),
                    name=group.name,
                    within=shown,
                )
                at = ds.where(UNITS, ("groups", gi, "members", i))
                yield Problem(at, text, msg("hint_group_within"))


CHECKS: dict[str, Check] = {
    "unique-ids": unique_ids,
    "references": references,
    "measure-numbers": measure_numbers,
    "milestone-scope": milestone_scope,
    "dates": dates,
    "pilot-links": pilot_links,
    "groups": groups,
    "group-within": group_within,
    "succession": succession,
}


def run_all(ds: Dataset) -> list[Problem]:
    """Every check's problems, in registry order."""
    return [problem for check in CHECKS.values() for problem in check(ds)]
