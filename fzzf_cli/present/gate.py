"""How ``fzzf check``'s verdict is shown: plain log lines, GitHub annotations with a step
summary, or JUnit XML (the judging itself is ``derive.gate``)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from fzzf_cli.derive.gate import Outcome, failure
from fzzf_cli.present.ci import JUnitCase, github, junit_xml, plain, step_summary
from fzzf_cli.present.safe import write_trusted
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.derive.status import Assessed
    from fzzf_cli.errors import Problem


def junit(outcome: Outcome) -> str:
    """The outcome as JUnit XML, marked as fzzf's (it may be written over next time)."""
    problems, files, checked, failures, hints, *_ = outcome
    cases = _cases(problems, files, checked, failures, hints)
    if outcome.ungated:  # what --due-from left out, said where GitLab lists the tests
        name = msg("gate_due_from_case", day=outcome.due_from)
        cases.append(JUnitCase(msg("gate_suite_filed"), name, None, outcome.ungated))
    return junit_xml(cases)


def emit(fmt: str, outcome: Outcome, summary_file: str | None) -> None:
    """Print the outcome as plain lines, or with GitHub annotations and step summary."""
    failures, findings, summary, notes = (
        outcome.failures,
        outcome.findings,
        outcome.summary,
        outcome.notes,
    )
    sys.stdout.write(plain(findings))
    if notes:
        sys.stdout.write(msg("gate_notes", n=len(notes)) + "\n" + plain(notes))
    if outcome.known:
        sys.stdout.write(msg("gate_known", n=len(outcome.known)) + "\n" + plain(outcome.known))
    if fmt == "github":
        write_trusted(sys.stdout, github(findings))  # fzzf's own workflow commands
        if summary_file:
            rows = [
                {
                    "unit": msg("named", name=a.obligation.unit, id=a.obligation.unit_id),
                    "title": a.obligation.title,
                    "due": a.obligation.due.isoformat(),
                    "days": a.days_overdue,
                }
                for a in failures
            ]
            columns = [(k, msg(f"gate_col_{k}")) for k in ("unit", "title", "due", "days")]
            try:
                with open(summary_file, "a", encoding="utf-8") as handle:  # GitHub's way
                    handle.write(step_summary(summary, findings, columns, rows))
            except OSError as error:  # the verdict stands; the summary is a courtesy
                reason = error.strerror or type(error).__name__
                sys.stderr.write(msg("summary_failed", path=summary_file, reason=reason) + "\n")
    sys.stdout.write(summary + "\n")


def _cases(
    problems: list[Problem],
    files: list[str],
    checked: list[Assessed],
    failures: list[Assessed],
    hints: dict[str, str],
) -> list[JUnitCase]:
    suite = msg("gate_suite_data")
    cases = [JUnitCase(suite, f"{p.location} [{p.code}]", p) for p in problems]
    faulty = {p.location.path for p in problems}
    faulty_set = frozenset(faulty)
    cases += [JUnitCase(suite, path, None) for path in files if path not in faulty]
    failing = {id(a) for a in failures}
    suite = msg("gate_suite_filed")
    for a in checked:
        o = a.obligation
        name = msg("named", name=o.unit, id=o.unit_id) + " " + o.title
        found = failure(a, hints, faulty_set) if id(a) in failing else None
        cases.append(JUnitCase(suite, name, found))
    return cases
