"""The CI gate's logic and output: which required documents fail, in which format.

``fzzf check`` (commands/gate.py) calls this; it is kept apart so that other commands do
not import the CI formats, git and the submission reader at start-up.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from fzzf_cli.derive.baseline import Known, split_failures, split_problems
from fzzf_cli.derive.status import FILED_KINDS, Assessed, gate_failures
from fzzf_cli.errors import Location, Problem
from fzzf_cli.text import msg
from fzzf_cli.validate.subs_find import pilot_path, round_path, submission_path
from fzzf_cli.vocab import Kind, PilotDoc

if TYPE_CHECKING:
    from fzzf_cli.pipeline import Workspace
    from fzzf_cli.validate.amend import Change


def expected_path(a: Assessed) -> str:
    o = a.obligation
    if o.kind == Kind.REPORT and o.period:
        return submission_path(o.unit_id, o.period)
    if o.kind == Kind.ROUND and o.round:
        return round_path(o.unit_id, o.round)
    return pilot_path(o.unit_id, o.pilot or 0, PilotDoc.of(o.kind))


def failure(
    a: Assessed, hints: dict[str, str] | None = None, invalid: frozenset[str] = frozenset()
) -> Problem:
    o = a.obligation
    text = msg("gate_missing", unit=o.unit, title=o.title, due=o.due, days=a.days_overdue)
    if expected_path(a) in invalid:
        return Problem(Location(expected_path(a)), text, msg("gate_hint_invalid"))
    if hints and expected_path(a) in hints:
        return Problem(Location(expected_path(a)), text, hints[expected_path(a)])
    return Problem(Location(expected_path(a)), text, msg("gate_hint", command=new_command(a)))


def new_command(a: Assessed) -> str:
    """The ``fzzf new`` command that creates the file a required document is filed in."""
    o = a.obligation
    if o.kind == Kind.REPORT:
        return f"fzzf new report {o.unit_id} {o.period} --date YYYY-MM-DD"
    if o.kind == Kind.ROUND:
        return f"fzzf new round {o.round} {o.unit_id} --date YYYY-MM-DD"
    return f"fzzf new {PilotDoc.of(o.kind).command} {o.pilot} {o.unit_id} --date YYYY-MM-DD"


class Outcome(NamedTuple):
    """What the gate found: data problems, required documents missing, and the verdict."""

    problems: list[Problem]  # invalid data, plan and submissions; dating and rewriting
    files: list[str]  # every data file read
    checked: list[Assessed]  # required documents due by the as-of day (in scope)
    failures: list[Assessed]  # of those, missing past the grace days
    hints: dict[str, str]  # files there but not filed (drafts, dated later): what to do
    findings: list[Problem]  # problems + one per failure: what makes CI red
    summary: str  # the closing line
    notes: list[Problem]  # what dating found in records filed before: said, not failed
    known: list[Problem] = []  # with --baseline: there before the change, not failing
    ungated: str = ""  # with --due-from: what was due before that day and not gated, said
    due_from: date | None = None  # --due-from: the first due day the gate judges


def judge(
    ws: Workspace | None,
    problems: list[Problem],
    today: date,
    grace: int,
    change: Change | None,
    known: Known | None = None,
    due_from: date | None = None,
) -> Outcome:
    """Validity of everything (``ws`` built for ``today``: its statuses are that day's);
    the submission gate for the units a pull request changes
    (``change``; all units if None). What dating finds fails a pull request that brings the
    file in question; of files already on the main line it is said as a note: the verdict
    already counts the proven date, and a record filed long ago cannot be mended now. With
    ``known`` (the gate's findings at a baseline, derive.baseline) every unit is in scope,
    and what the baseline had already is set apart unless the change touches its unit.
    With ``due_from`` only documents due on or after that day are gated: the earlier ones
    are counted in the summary, and stay overdue everywhere else."""
    scope = change.units if change is not None and known is None else None
    notes: list[Problem] = []
    checked: list[Assessed] = []
    failures: list[Assessed] = []
    hints: dict[str, str] = {}
    files = [f"data/{name}.yaml" for name in ("units", "measures", "pilots")]
    dates = ""
    early: list[Assessed] = []
    if ws is not None:
        problems = problems + ws.problems
        brought = change.paths if change is not None else frozenset()
        problems += [f for f in ws.flags if f.location.path in brought]
        notes = [f for f in ws.flags if f.location.path not in brought]
        if change is not None:  # said where everyone reviewing the pull request reads
            notes += [Problem(Location(p), msg("gate_plan_changed")) for p in sorted(change.plan)]
        problems.sort(key=Problem.sort_key)
        files += [f.path for f in ws.subs.all()]
        checked = [
            a
            for a in ws.assessed
            if a.obligation.kind in FILED_KINDS
            and a.obligation.due < today
            and (scope is None or a.obligation.unit_id in scope)
        ]
        checked, early = _from_day(checked, due_from)
        failures = gate_failures(checked, grace)
        for f in ws.subs.all():
            if f.filed is None:
                hints[f.path] = msg("gate_hint_draft")
            elif f.filed > today:
                hints[f.path] = msg("gate_hint_later", day=f.filed, as_of=today)
        dates = ws.dating.note
    invalid = frozenset(p.location.path for p in problems)
    already: list[Problem] = []
    if known is not None and change is not None:
        problems, already = split_problems(problems, known, change)
        failures, old = split_failures(failures, known, change)
        checked = [a for a in checked if a not in old]
        already += [failure(a, hints, invalid) for a in old]
    findings = problems + [failure(a, hints, invalid) for a in failures]
    verdict = msg("gate_fail") if findings else msg("gate_pass")
    if already:
        verdict = msg("gate_known_count", n=len(already)) + verdict
    summary = msg(
        "gate_summary",
        as_of=today,
        grace=grace,
        problems=len(problems),
        missing=len(failures),
        units=len({a.obligation.unit_id for a in failures}),
        verdict=(msg("gate_notes_count", n=len(notes)) if notes else "") + verdict,
    )
    if scope is not None:
        summary += msg("gate_scope", n=len(scope))
    ungated = ""
    if due_from is not None:
        missing = len(gate_failures(early))  # not filed, whatever the grace
        ungated = msg("gate_due_from", day=due_from, n=len(early), missing=missing)
        summary += msg("gate_due_from_note", text=ungated)
    if dates:
        summary = f"{dates}\n{summary}"
    return Outcome(
        problems,
        files,
        checked,
        failures,
        hints,
        findings,
        summary,
        notes,
        already,
        ungated,
        due_from,
    )


def _from_day(
    checked: list[Assessed], due_from: date | None
) -> tuple[list[Assessed], list[Assessed]]:
    """(the documents the gate judges, those due before ``due_from`` that it does not)."""
    if due_from is None:
        return checked, []
    return [a for a in checked if a.obligation.due >= due_from], [
        a for a in checked if a.obligation.due < due_from
    ]
