"""``fzzf check --due-from``, and what ``fzzf init`` writes for it and for editors."""

from __future__ import annotations

EN_DUE_FROM: dict[str, str] = {
    "help_due_from": "Gate only documents due on or after this day (YYYY-MM-DD); those due earlier are counted in the summary as not gated. They stay overdue in every other command and report: this only decides the gate's exit code.",
    "gate_due_from": "{n} document(s) due before {day} not gated, {missing} of them not filed: still overdue, see fzzf overdue",
    "gate_due_from_note": " ({text})",
    "gate_due_from_case": "Documents due before {day} (--due-from)",
    "help_init_due_from": "The day from which the CI examples gate (written as fzzf check --due-from DAY); by default the day fzzf init runs. 2016-01-01 gates every deadline of the plan.",
    "init_due_all": "The CI examples gate every deadline of the plan (--due-from {day}).",
    "init_due_from": "The CI examples gate only documents due on or after {day} (--due-from {day}); to gate every deadline of the plan, change it to --due-from 2016-01-01.",
    "init_ci_due_from": (
        "# Written by fzzf init on {day}: the gate (fzzf check) judges only documents due on or\n"
        "# after {day} (--due-from). Those due earlier and not filed stay overdue in fzzf overdue\n"
        "# and every report; they only do not fail CI. To gate every deadline of the plan,\n"
        "# change each --due-from {day} to --due-from 2016-01-01.\n"
    ),
    "init_precommit_head": (
        "# Checks before each commit: pip install pre-commit && pre-commit install\n"
        "# fzzf validate checks every file under data/; check-jsonschema checks each file against\n"
        "# the JSON Schemas in this repository's schemas/ (no schema is fetched from the network).\n"
        "# After upgrading fzzf, run fzzf schema -o schemas --force to update them.\n"
    ),
}
