"""A new data repository (``fzzf init``), reminders (``fzzf remind``), shell completion."""

from __future__ import annotations

EN_STARTER: dict[str, str] = {
    "cmd_init": "Set up a data repository: the built-in plan's data, .gitignore, the CI examples (GitHub, GitLab, pinned to this fzzf version, gating from the day it runs), CODEOWNERS, JSON Schemas with editor settings, a pre-commit config and a guide for the people who file reports; never overwrites a file.",
    "help_arg_init_dir": "The data repository's folder (created if missing).",
    "init_not_folder": "{path} exists and is not a folder",
    "init_skipped": "{path} exists, left as it is",
    "init_linked": "{path} is inside a folder that is a symbolic link, not written",
    "init_summary": "Wrote {written} files, skipped {skipped} that existed.",
    "init_next": (
        "Next (one command per line):\n  cd {path}\n  git init\n  fzzf validate\n"
        "  fzzf check --due-from {day}"
    ),
    "init_readme": (
        "# Implementation of the rule-of-law demonstration plan (肇府办函〔2016〕48号)\n"
        "\n"
        "This repository holds the plan's data and each unit's submissions, checked by fzzf {version}.\n"
        "\n"
        "## How a unit files\n"
        "\n"
        '0. Install fzzf (once): `python3 -m venv .venv && . .venv/bin/activate && pip install "fzzf=={version}"`,\n'
        '   or `pipx install "fzzf=={version}"`; where fzzf is kept elsewhere, install it from where 市法制局 says.\n'
        "1. See your unit's duties: `fzzf owes UNIT` (for example `fzzf owes 德庆县`).\n"
        "2. Create this period's report: `fzzf new report UNIT 2017-H1` and fill in the progress; when\n"
        "   you file it, put the date in the file: `submitted: YYYY-MM-DD` (left empty it is a draft,\n"
        "   not counted as filed). Units that do not use git can use the\n"
        "   Excel form: `fzzf new report UNIT 2017-H1 -f xlsx`, and send it to 市法制局 for import.\n"
        "3. Check before you commit: `fzzf validate`. Problems name the file, line and column. Then\n"
        '   `fzzf check --due-from {day}` gives the verdict CI will give (see "From which day CI gates" below).\n'
        "4. Open a pull request (merge request). CI runs `fzzf check`; the merge day is the filing date.\n"
        "\n"
        "## Editor help\n"
        "\n"
        "Open this repository in VS Code with Red Hat's YAML extension (redhat.vscode-yaml): `.vscode/settings.json`\n"
        "maps the JSON Schemas in `schemas/` to the files, so the editor completes keys, describes each one, and\n"
        "marks a wrong type, a misspelt key or a date that is not YYYY-MM-DD as you type. Other editors using\n"
        "yaml-language-server take the same mapping in their own settings.\n"
        "\n"
        "## From which day CI gates\n"
        "\n"
        "CI runs `fzzf check --due-from {day}` ({day} being the day this repository was set up): only\n"
        "documents due on or after {day} are gated. Those due earlier and not filed stay overdue in\n"
        "`fzzf overdue` and every report; they only do not fail CI, which would otherwise fail from the first day on\n"
        "hundreds of documents no one can file on time any more. To gate every deadline, change `--due-from {day}`\n"
        "in the CI file to `--due-from 2016-01-01` (or run `fzzf init FOLDER --due-from 2016-01-01`).\n"
        "\n"
        "## Files\n"
        "\n"
        "- `data/`: the plan (measures, units, pilots) and the filings (`data/submissions/`), reviews (`data/reviews/`).\n"
        "- `.github/workflows/fzzf.yml`, `.gitlab-ci.yml`: the CI gate; keep the one for your host.\n"
        "- `.github/CODEOWNERS`, `.gitlab/CODEOWNERS`: who reviews which files. After naming each unit's\n"
        "  reviewers in `data/units.yaml`, run `fzzf codeowners -o .github/CODEOWNERS --force`\n"
        "  (GitLab: `fzzf codeowners -f gitlab -o .gitlab/CODEOWNERS --force`) to regenerate.\n"
        "- `schemas/`: the JSON Schemas of the files (written by `fzzf schema`). After upgrading fzzf, run\n"
        "  `fzzf schema -o schemas --force` to update them.\n"
        "- `.pre-commit-config.yaml`: after `pip install pre-commit && pre-commit install`, every commit\n"
        "  runs `fzzf validate` first, and checks each file against its schema in `schemas/` (check-jsonschema).\n"
        '- Save every file as UTF-8 (in Notepad, choose UTF-8 under "Save as").\n'
    ),
    "cmd_remind": "Reminders for units: what is due soon, overdue or returned, and the files to create, one digest per unit, ready to paste into WeCom, DingTalk or mail.",
    "help_arg_remind_unit": "Only this unit (or each unit of this group).",
    "help_remind_within": "Remind of what is due within this many days.",
    "help_format_remind": "text (plain) or md (Markdown).",
    "help_output_remind": "Write to a folder (ending in / or existing): one file per unit; standard output by default.",
    "help_force_remind": "Overwrite existing files of the same name.",
    "remind_title": "{unit}: rule-of-law plan reminder (as of {as_of})",
    "remind_soon": "Due within {days}",
    "window_days": "{days} days",
    "window_workdays": "{days} working days",
    "remind_due": "{date} ({weekday})",
    "remind_due_off": "{date} ({weekday}, not a working day)",
    "remind_due_unknown": "{date} ({weekday}; that year's official holidays are not known yet)",
    "remind_overdue": "Overdue",
    "remind_returned": "Returned, to be filed again",
    "remind_files": "Files to create",
    "remind_item": "[{light}] {due} {title}",
    "remind_item_overdue": "[{light}] {due} {title} ({days} days overdue)",
    "remind_item_returned": "[{light}] {title}: new deadline {due}",
    "remind_reason": "Reason for return: {reason}",
    "remind_file": "{path}: {command}",
    "remind_progress": "Report progress on the other items in your unit's half-year report.",
    "remind_none": "As of {as_of}, nothing to remind of within {days}.",
    "remind_summary": "{n} units have something to be reminded of.",
    "remind_not_folder": "-o must be a folder (ending in /): one file is written per unit",
    "check_builtin": "No data repository found, only the plan built into fzzf: it has no submissions, so it cannot be used for the gate (a pull request deleting data/measures.yaml would pass). Run it in a data repository, name one with --data, or create one with fzzf init FOLDER.",
    "help_completion_install": "Install completion for the current shell (Tab completes commands and options).",
    "help_completion_show": "Show the completion script for the current shell, to copy it or install it yourself.",
}
