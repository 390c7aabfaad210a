"""The rules an overall report states and applies: what it covers (``Scope``), how a
measure stands, how units are ranked, who is commended (三(三) 通报表扬) and criticised
(通报批评). Each rule is printed in the report in the words of the catalogue
(``rule_*``), so that what the report says and what it does cannot drift apart.

- A measure is 完成 when every unit duty it gives is done (accepted by the coordinator,
  or the document filed); 逾期 when any is overdue or missing; 推进中 otherwise.
- Units are ranked by their half-year reports' on-time share, then documents missing,
  duties overdue, share done; equal units share a rank (competition ranking: 1, 2, 2, 4).
- Commended are units that filed on time every required document (report, pilot plan,
  pilot completion report) due in the period; overdue milestones are listed beside them
  but do not block it, since hardly any unit has none in a real half-year.
- Criticised are units with a required document missing, most missing first.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from fzzf_cli.derive.status import DONE, EXEMPT, FILED_KINDS, LATE, Assessed
from fzzf_cli.derive.tracking import unit_lines
from fzzf_cli.text import long_date, msg
from fzzf_cli.text.periods import period_label
from fzzf_cli.vocab import Light, Role, Status

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.model.plan import Period

LIST_LIMIT = 5
MEASURE_STATES = ("done", "in_progress", "overdue")


class Scope(NamedTuple):
    """What an overall report covers: the day its figures stand on, the period named with
    ``--period`` (None: a report as of the day) and its grace, and the period whose
    documents decide the commendation (the named one, else the last one closed)."""

    as_of: date
    period: Period | None
    window: Period | None
    grace: int = 0


def scope_text(scope: Scope) -> str:
    """The report's day in words, and for a period report the cutoff it applies."""
    as_of = long_date(scope.as_of)
    if scope.period is None:
        return msg("report_scope_day", as_of=as_of)
    fields = {"as_of": as_of, "period": period_label(scope.period.id),
              "due": long_date(scope.period.due), "grace": scope.grace}  # fmt: skip
    closed = (scope.as_of - scope.period.due).days >= scope.grace
    return msg("report_scope_period" if closed else "report_scope_early", **fields)


def measure_states(ds: Dataset, assessed: list[Assessed]) -> dict[int, str]:
    """Each measure's state from all its unit duties (those of unnamed groups aside)."""
    duties: dict[int, list[Assessed]] = {}
    for a in assessed:
        if a.obligation.measure is not None and a.obligation.role != Role.OPEN_GROUP:
            if a.status in EXEMPT:  # 不适用(已确认): not owed by that unit
                continue
            duties.setdefault(a.obligation.measure, []).append(a)
    states = {}
    for measure in ds.measures_file.measures:
        owed = duties.get(measure.id, [])
        if any(a.status in LATE for a in owed):
            states[measure.id] = "overdue"
        elif owed and all(a.status in DONE for a in owed):
            states[measure.id] = "done"
        else:
            states[measure.id] = "in_progress"
    return states


def measure_headline(ds: Dataset, states: dict[int, str]) -> dict[str, Any]:
    """How many of the plan's measures are done, in progress, overdue, with the rule."""
    counts = {state: sum(s == state for s in states.values()) for state in MEASURE_STATES}
    coordinator = ds.name_of(ds.measures_file.plan.coordinator)
    return {"total": len(states), **counts, "rule": msg("rule_measures", coordinator=coordinator)}


def light_counts(assessed: list[Assessed]) -> dict[str, int]:
    """How many unit duties have each light (三色预警)."""
    return {str(light): sum(a.light == light for a in assessed) for light in Light}


def _rank_key(line: dict[str, Any]) -> tuple[float, int, int, float]:
    return (
        -(line["on_time_rate"] or 0),
        line["missing_documents"],
        line["overdue"],
        -(line["done_share"] or 0),
    )


def competition_ranks(lines: list[dict[str, Any]]) -> None:
    """Sort ``lines`` best first and give each its rank; equal lines share one, and the
    ranks after them are skipped (1, 2, 2, 4)."""
    lines.sort(key=lambda u: (_rank_key(u), u["unit_id"]))
    for i, line in enumerate(lines):
        tied = i > 0 and _rank_key(lines[i - 1]) == _rank_key(line)
        line["rank"] = lines[i - 1]["rank"] if tied else i + 1


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _commended(
    assessed: list[Assessed], window: Period | None, lines: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Units whose every required document due in ``window`` was filed on time, each
    with its overdue work listed separately."""
    if window is None:
        return []
    documents: dict[str, list[Assessed]] = {}
    overdue: dict[str, list[str]] = {}
    for a in assessed:
        o = a.obligation
        if o.kind in FILED_KINDS and window.start <= o.due <= window.due:
            documents.setdefault(o.unit_id, []).append(a)
        if a.status in LATE and o.kind not in FILED_KINDS:
            overdue.setdefault(o.unit_id, []).append(_short_ref(a))
    on_time = (Status.ON_TIME, Status.DONE_ON_TIME)
    found = []
    for line in lines:
        mine = documents.get(line["unit_id"], [])
        if mine and all(a.status in on_time for a in mine):
            refs = list(dict.fromkeys(overdue.get(line["unit_id"], [])))
            found.append({**line, "documents_on_time": len(mine),
                          "overdue_refs": refs})  # fmt: skip
    return found


def _short_ref(a: Assessed) -> str:
    o = a.obligation
    if o.pilot is not None:
        return msg("ref_pilot", n=o.pilot)
    if o.measure is not None:
        return msg("ref_measure", n=o.measure)
    return msg(f"okind_{o.kind}")


def ranking(
    ds: Dataset, assessed: list[Assessed], as_of: date, window: Period | None = None
) -> dict[str, Any]:
    """Every unit that owes reports, best first with competition ranks; the commended
    (documents of ``window`` all on time) and the criticised (documents missing)."""
    lines = [u for u in unit_lines(ds, assessed, as_of) if u["reports_due"]]
    missing: dict[str, int] = {}
    for a in assessed:
        if a.obligation.kind in FILED_KINDS and a.status in LATE:
            missing[a.obligation.unit_id] = missing.get(a.obligation.unit_id, 0) + 1
    for line in lines:
        line["missing_documents"] = missing.get(line["unit_id"], 0)
        line["done_share"] = _share(line["done"], line["due"])
    competition_ranks(lines)
    criticised = sorted(
        (u for u in lines if u["missing_documents"]),
        key=lambda u: (-u["missing_documents"], u["on_time_rate"] or 0, u["unit_id"]),
    )
    if window is None:
        commend_rule = msg("rule_commend_none")
    else:
        commend_rule = msg("rule_commend", period=period_label(window.id),
                           start=long_date(window.start), due=long_date(window.due))  # fmt: skip
    return {
        "units": lines,
        "commended": _commended(assessed, window, lines),
        "criticised": criticised[:LIST_LIMIT],
        "criticised_total": len(criticised),
        "rule": msg("rule_ranking"),
        "commend_rule": commend_rule,
        "criticise_rule": msg("rule_criticise"),
    }
