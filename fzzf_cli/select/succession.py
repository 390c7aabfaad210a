"""What became of units that changed, in words: "原市国家税务局、市地方税务局事项，2018年7月起
由国家税务总局肇庆市税务局承担". Units ended on the same day and passed to the same
successors from the same day are told in one sentence (model/succession.py holds the data,
derive/handover.py moves the duties)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.derive.handover import act_label
from fzzf_cli.text import join, msg

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset


class Handover(NamedTuple):
    """Units whose duties passed to the same successors from the same day."""

    olds: tuple[str, ...]
    heirs: tuple[str, ...]
    since: date
    acts: tuple[str, ...]


def handovers(ds: Dataset) -> list[Handover]:
    """Every handover in units.yaml, in the order of the units that ended."""
    found: dict[tuple[tuple[str, ...], date], Handover] = {}
    for unit in ds.units_file.units:
        days = dict.fromkeys(s.from_ for s in unit.successors if unit.until is not None)
        for day in days:
            chosen = [s for s in unit.successors if s.from_ == day]
            heirs = tuple(s.unit for s in chosen)
            acts = tuple(act_label(s.act) for s in chosen)
            was = found.get((heirs, day))
            if was is not None:
                olds, acts = (*was.olds, unit.id), tuple(dict.fromkeys([*was.acts, *acts]))
                found[(heirs, day)] = was._replace(olds=olds, acts=acts)
            else:
                found[(heirs, day)] = Handover((unit.id,), heirs, day, tuple(dict.fromkeys(acts)))
    return list(found.values())


def since_label(day: date) -> str:
    """2018年7月 for the first of a month, else 2018年7月5日."""
    if day.day == 1:
        return msg("since_month", year=day.year, month=day.month)
    return msg("since_day", year=day.year, month=day.month, day=day.day)


def sentence(ds: Dataset, h: Handover) -> str:
    return msg(
        "handover_sentence",
        olds=join([ds.name_of(u) for u in h.olds]),
        since=since_label(h.since),
        heirs=join([ds.name_of(u) for u in h.heirs]),
        acts=join(h.acts),
    )


def notes(ds: Dataset, uids: set[str] | None = None) -> list[str]:
    """The handovers that concern ``uids`` (ended or succeeding; all when None)."""
    return [sentence(ds, h) for h in handovers(ds) if uids is None or uids & {*h.olds, *h.heirs}]


def ended_note(ds: Dataset, uid: str) -> str | None:
    """For a unit that ended: that it did, and who carries its duties."""
    unit = ds.units.get(uid)
    if unit is None or unit.until is None:
        return None
    told = notes(ds, {uid})
    return msg("unit_ended_note", name=unit.name, until=unit.until, then=join(told) or "—")


def ended_mark(ds: Dataset, uid: str, name: str) -> str:
    """The unit's name, marked when it has ended: 市国家税务局（2018-06-30撤销）."""
    unit = ds.units.get(uid)
    if unit is None or unit.until is None:
        return name
    return msg("unit_ended_mark", name=name, until=unit.until)
