"""Writing the coordinator's documents: rendered from Jinja templates (HTML, Markdown) or
built as Word 公文 over a template .docx; a numbered notice takes its 发文字号 from the
register, which records it only when the document is written (undone when it is not)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fzzf_cli.cli.results import working_dir, write_result
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_USAGE, FzzfError
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.model.documents import SETTINGS_FILE, DocumentSettings, document_number
from fzzf_cli.present.tables import print_problems
from fzzf_cli.text import msg
from fzzf_cli.validate.load import DataRoot, embedded_root

if TYPE_CHECKING:
    from fzzf_cli.cli.state import State
    from fzzf_cli.present.documents import Document


def template_folders(root: DataRoot, option: Path | None) -> list[Path]:
    """--templates, then the repository's templates/, then fzzf's own. The repository's
    folder arrives by pull request, so it must not be a symlink (--templates may be: the
    coordinator chose it on the command line)."""
    from fzzf_cli.present.render_files import is_link

    if option is not None and not option.is_dir():
        raise FzzfError(msg("templates_missing", path=option), EXIT_USAGE)
    folders = [option] if option is not None else []
    own = root.path / "templates"
    if root.origin != "embedded":
        try:
            if is_link(os.lstat(own)):
                raise FzzfError(msg("templates_folder_symlink"), EXIT_USAGE)
        except FileNotFoundError:
            pass
        if own.is_dir():
            folders.append(own)
    folders.append(embedded_root() / "templates")
    return folders


def settings_of(root: DataRoot) -> DocumentSettings:
    """``data/documents.yaml``; a broken one stops the document (exit 1, located)."""
    from fzzf_cli.validate.register import load_settings

    if root.origin == "embedded":
        return DocumentSettings()
    settings, problems = load_settings(root.path)
    if problems:
        print_problems(problems, sys.stderr)
        raise FzzfError(msg("subs_invalid_note", n=len(problems)), EXIT_FINDINGS)
    return settings


def publish(
    state: State, doc: Document, templates: Path | None, output: str | None, force: bool
) -> None:
    """Render ``doc`` and write it to ``-o`` (``-`` for standard output), or to
    ``reports/<name>`` in the data repository; what fzzf writes carries its marker, so
    that it can be written again."""
    folders = template_folders(state.root, templates)
    content: str | bytes
    if doc.template == "report.docx":
        from fzzf_cli.present.docx_report import report_docx
        from fzzf_cli.present.report_unit import sender_view

        sender = sender_view(state.ws.ds, settings_of(state.root))
        content = report_docx(folders, doc.context, sender, state.as_of)
    elif doc.template == "notice.docx":
        from fzzf_cli.present.docx_notice import notice_docx

        content = notice_docx(folders, doc.context, state.as_of)
    else:
        from fzzf_cli.present.render import render

        content = render(folders, doc.template, doc.context)
    _write(state.root, content, output, doc.name, force)


def _write(
    root: DataRoot, content: str | bytes, output: str | None, name: str, force: bool
) -> None:
    """A .docx carries fzzf's marker in its properties (docx_doc.finish); text gets it as
    a comment on its first line."""
    from fzzf_cli.read.writefile import MARKER

    base = working_dir() if root.origin == "embedded" else root.path
    write_result(output, content, default=base / "reports" / name, name=name, root=root,
                 force=force, mark=f"<!-- {MARKER} -->\n")  # fmt: skip


def notice_targets(ds: Dataset, unit: str | None, every: bool) -> list[str] | None:
    """The unit a notice is for (None: every unit, by ``--all``); never the coordinator,
    who sends it, nor the leading group above it."""
    from fzzf_cli.select.names import resolve

    if (unit is None) == (not every):
        raise FzzfError(msg("notice_unit_or_all"), EXIT_USAGE)
    if unit is None:
        return None
    uid = resolve(ds, unit)
    role = _not_addressable(ds).get(uid)
    if role is not None:
        raise FzzfError(msg("notice_not_to", unit=ds.name_of(uid), role=msg(role)), EXIT_USAGE)
    return [uid]


def _not_addressable(ds: Dataset) -> dict[str, str]:
    plan = ds.measures_file.plan
    found = {u.id: "notice_role_leading_group" for u in ds.units.values()
             if u.kind == "leading_group"}  # fmt: skip
    found[plan.leading_group] = "notice_role_leading_group"
    found[plan.coordinator] = "notice_role_coordinator"
    return found


def issue_notices(state: State, targets: list[str] | None, options: dict[str, Any]) -> None:
    """Write the notice to each target (or to every unit with ``min_overdue`` overdue
    items), numbering Word notices unless ``no_number``."""
    from fzzf_cli.present.documents import notice_document, overdue_counts

    ds, fmt = state.ws.ds, options["fmt"]
    if options["no_number"] and fmt != "docx":
        raise FzzfError(msg("notice_number_docx_only"), EXIT_USAGE)
    numbered = fmt == "docx" and not options["no_number"]
    every = targets is None
    if every:
        output = options["output"]
        if output is not None and output != "-" and not (output.endswith(("/", os.sep))
                                                         or Path(output).is_dir()):  # fmt: skip
            raise FzzfError(msg("notice_all_folder"), EXIT_USAGE)
        counts = overdue_counts(state.assessed)
        skip = _not_addressable(ds)
        targets = [u for u in ds.units if counts.get(u, 0) >= options["min_overdue"]
                   and u not in skip]  # fmt: skip
        if not targets:
            n = options["min_overdue"]
            sys.stderr.write(msg("notice_all_none", as_of=state.as_of, n=n) + "\n")
            return
    settings = settings_of(state.root)  # sender, 抄送 …: every format
    if numbered:
        _can_number(state.root, settings)
    written = 0
    for uid in targets or []:
        doc = notice_document(state.ws, state.as_of, uid, options["deadline"], fmt, settings)
        if doc is None:  # nothing overdue: nothing to send
            name = ds.name_of(uid)
            sys.stderr.write(msg("notice_none", unit=name, as_of=state.as_of) + "\n")
            continue
        if numbered:
            _numbered(state, doc, settings, options)
        else:
            publish(state, doc, options["templates"], options["output"], options["force"])
        written += 1
    if every:
        sys.stderr.write(msg("notice_all_count", n=written) + "\n")


def _can_number(root: DataRoot, settings: DocumentSettings) -> None:
    if root.origin == "embedded":
        raise FzzfError(msg("notice_embedded_register"), EXIT_USAGE)
    if not settings.number_prefix:
        raise FzzfError(msg("notice_needs_prefix", path=SETTINGS_FILE), EXIT_USAGE)


def _numbered(
    state: State, doc: Document, settings: DocumentSettings, options: dict[str, Any]
) -> None:
    """Take the next number under the register's lock, build the document with it, record
    the number, write the document; if the document cannot be written, the register is
    put back, so a number is recorded exactly when a document carries it."""
    from fzzf_cli.present.docx_notice import notice_docx
    from fzzf_cli.validate.register import (
        load_register,
        next_issue,
        record,
        register_lock,
        undo,
    )

    root, prefix = state.root.path, settings.number_prefix or ""
    with register_lock(root):
        register, problems = load_register(root, state.ws.ds)
        if problems:
            print_problems(problems, sys.stderr)
            raise FzzfError(msg("register_invalid", n=len(problems)), EXIT_FINDINGS)
        uid = doc.context["unit"]["id"]
        entry = next_issue(register, prefix, state.as_of, uid, doc.context["title"])
        number = document_number(entry.prefix, entry.year, entry.number)
        context = {**doc.context, "number": number}
        folders = template_folders(state.root, options["templates"])
        content = notice_docx(folders, context, state.as_of)
        previous = record(root, register, entry)
        try:
            _write(state.root, content, options["output"], doc.name, options["force"])
        except BaseException:
            undo(root, previous)
            raise
    sys.stderr.write(msg("notice_issued", number=number, unit=doc.context["unit"]["name"]) + "\n")
