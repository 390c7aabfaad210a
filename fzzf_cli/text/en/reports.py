"""The English catalogue, the coordinator's reports: periods in words, the rules the
report states (measures, ranking, commendation) and the ``report`` command's help."""

from __future__ import annotations

EN_REPORTS: dict[str, str] = {
    "cmd_report_scope": (
        "The overall progress report (or a unit's, with --unit). Without --period it stands on "
        "the --as-of day and is written to reports/<date>.html; with --period it stands on the "
        "period's deadline plus --grace days, filings after that do not count, and it is written "
        "to reports/<period>.html."
    ),
    "help_report_period": "Reporting period, e.g. 2016-H1: the report stands on its deadline plus the grace days.",
    "help_report_grace": "Days of grace after the deadline for a --period report (at least 1; by default the plan's filing.grace_days).",
    "report_scope_day": "As of {as_of}",
    "report_scope_period": (
        "As of {as_of}: the deadline for the {period} was {due}, with {grace} day(s) of grace; "
        "filings after that do not count for this period"
    ),
    "report_scope_early": "As of {as_of}: the deadline for the {period}, {due} plus {grace} day(s) of grace, has not yet passed, so this is the state on that day",
    "rule_measures": (
        "A measure's state follows from all its unit duties: it is complete when every one is "
        "done (accepted by {coordinator}, or the document filed); overdue when any one is "
        "overdue or a required document is missing; in progress otherwise (duties not yet due, "
        "claims awaiting review or returned for rework, but nothing overdue)."
    ),
    "rule_items": (
        "A unit duty is one piece of work one unit owes (one deadline of a measure, one "
        "half-year report, one pilot document); a measure several units carry counts once per unit."
    ),
    "rule_ranking": (
        "Ranking: the share of half-year reports filed on time (higher first), then documents "
        "missing and duties overdue (fewer first), then the share done (accepted duties and filed "
        "documents only; higher first). Units equal on all of these share a rank and the next "
        "rank is skipped (1, 2, 2, 4)."
    ),
    "rule_commend": (
        "Commendation: units that filed on time every required document (half-year report, pilot "
        "plan, pilot completion report) due in the {period} ({start} to {due}). Overdue work is "
        "listed under each unit separately and does not prevent commendation."
    ),
    "rule_commend_none": "Commendation: no reporting period has closed yet, so this report commends no unit.",
    "rule_criticise": "Criticism: units with a required document (half-year report, pilot document) not filed by the report's day, most missing first.",
    "measure_done": "complete",
    "measure_in_progress": "in progress",
    "measure_overdue": "overdue",
    "evidence_item": "{ref} (due {due})",
    "evidence_other": "another item",
    "docx_measures": "Of the plan's {total} measures, {done} are complete, {in_progress} in progress and {overdue} overdue. {rule}",
}
