"""Report forms for units that do not use git: ``fzzf new report UNIT PERIOD -f xlsx``
writes one (``write_form``); ``fzzf import report FILE.xlsx`` turns a filled one into the
YAML report the unit would have filed, for the coordinator to commit.

An import reads the workbook (read/workbook.py: size and zip bounds first), reads the form
(validate/xlsx_import.py), writes the values as ``new report`` writes a file, and checks
that text with the loader's own checks, every problem at its cell
(``FILE.xlsx:落实情况!G7: …``). Nothing is written unless the form is clean, and an
existing report is never overwritten.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from fzzf_cli.cli.app import DataOpt, FzzfCommand, FzzfGroup, app, data_root, handled, plan_dataset
from fzzf_cli.cli.results import working_dir, write_result
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_USAGE, FzzfError, Problem
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation
    from fzzf_cli.model.dataset import Dataset
    from fzzf_cli.validate.xlsx_import import Form

import_app = typer.Typer(cls=FzzfGroup, help=msg("cmd_import"), no_args_is_help=True)
app.add_typer(import_app, name="import")

WorkbookArg = Annotated[Path, typer.Argument(help=msg("help_arg_workbook"))]


def write_form(
    ds: Dataset, obligations: list[Obligation], content: dict[str, Any], output: str | None
) -> None:
    """The workbook of ``content``, to ``-o`` or ``UNIT-PERIOD.xlsx`` here; never over a
    file that exists (it may be a form someone has filled in)."""
    from fzzf_cli.cli.results import shown_path
    from fzzf_cli.present.fillin import fillin_workbook
    from fzzf_cli.read.writefile import Refused, place

    name = f"{content['unit']}-{content['period']}.xlsx"
    try:
        target = place(output, name) if output not in (None, "-") else working_dir() / name
    except Refused as refused:
        raise FzzfError(msg(refused.key, path=output), EXIT_USAGE) from None
    if output != "-" and (target.exists() or target.is_symlink()):
        raise FzzfError(msg("fillin_exists", path=shown_path(target)), EXIT_FINDINGS)
    raw = fillin_workbook(ds, obligations, content)
    write_result(output, raw, default=target, name=name, ours=False)


def _read(file: Path) -> bytes:
    """The file's bytes, at most one more than the workbook bound (a larger file is said
    to be too large, unread); a missing file or a folder is a usage error."""
    from fzzf_cli.read.workbook import MAX_BYTES

    try:
        info = os.stat(file)
    except OSError:
        raise FzzfError(msg("xlsx_missing", path=file), EXIT_USAGE) from None
    if not stat.S_ISREG(info.st_mode):
        raise FzzfError(msg("xlsx_not_file", path=file), EXIT_USAGE)
    try:
        with open(file, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        from fzzf_cli.cli.results import os_reason

        raise FzzfError(msg("new_write_failed", path=file, reason=os_reason(error))) from None


def imported(raw: bytes, display: str, ds: Dataset) -> tuple[Form | None, str, list[Problem]]:
    """The form in ``raw`` and its YAML text, or the problems that keep it out."""
    from fzzf_cli.derive.obligations import derive
    from fzzf_cli.derive.scaffold import report_text
    from fzzf_cli.read.workbook import read_workbook
    from fzzf_cli.read.yamlio import parse_yaml
    from fzzf_cli.validate.subs_find import Expected, submission_path
    from fzzf_cli.validate.subs_load import check_file, checker
    from fzzf_cli.validate.xlsx_import import read_form
    from fzzf_cli.validate.xlsx_place import placed
    from fzzf_cli.vocab import Filing

    sheets, problems = read_workbook(raw, display)
    if sheets is None:
        return None, "", problems
    obligations = derive(ds)
    form, problems = read_form(sheets, display, ds, obligations)
    if form is None:
        return None, "", problems
    text = report_text(ds, form.data, Filing.REPORT)
    path = submission_path(form.unit, form.period)
    doc, _ = parse_yaml(text.encode("utf-8"), path)
    assert doc is not None  # report_text's YAML always loads back (dump_yaml checks it)
    expect = Expected(Filing.REPORT, form.unit, form.period)
    _, found = check_file(checker(ds, obligations), path, doc, expect)
    return form, text, [*problems, *placed(found, doc, form)]


def _import_report(file: Path, data: Path | None) -> None:
    from fzzf_cli.cli.new import write_filing
    from fzzf_cli.present.tables import print_problems
    from fzzf_cli.validate.subs_find import submission_path

    if data_root(data).origin == "embedded":
        raise FzzfError(msg("new_needs_repo"), EXIT_USAGE)
    raw = _read(file)
    root, ds = plan_dataset(data)
    display = str(file)
    form, text, problems = imported(raw, display, ds)
    if problems or form is None:
        print_problems(problems, sys.stderr)
        raise FzzfError(msg("import_failed", path=display, n=len(problems)), EXIT_FINDINGS)
    write_filing(root, submission_path(form.unit, form.period), text)


@import_app.command("report", cls=FzzfCommand, help=msg("cmd_import_report"))
def import_report(file: WorkbookArg, data: DataOpt = None) -> None:
    with handled():
        _import_report(file, data)
