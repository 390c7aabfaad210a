"""How an extended obligation's dates read: 原定 2016-12-31，延至 2017-06-30
（肇法函〔2017〕5号），2017-05-20 完成 — the plan's date, each extension with its document,
and the day it was done; and the same as JSON (``due_original``, ``revisions``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.derive.obligations import Obligation


def original(o: Obligation) -> date:
    """The plan's due date, before any extension."""
    return o.due_original or o.due


def due_text(o: Obligation, done: date | None = None) -> str:
    """The due date as a row shows it: the date alone, or its history of extensions."""
    if not o.revisions:
        return o.due.isoformat()
    parts = [msg("rev_original", due=original(o))]
    for i, rev in enumerate(o.revisions):
        parts.append(msg("rev_to" if i == 0 else "rev_again", due=rev.due, document=rev.document))
    if done is not None:
        parts.append(msg("rev_done", done=done))
    return msg("rev_sep").join(parts)


def revision_fields(o: Obligation) -> dict[str, Any]:
    """The JSON fields: ``due_original`` (the plan's date) and ``revisions``, in force in
    this order, each ``{due, document, date}``."""
    return {
        "due_original": original(o).isoformat(),
        "revisions": [
            {"due": r.due.isoformat(), "document": r.document, "date": r.date.isoformat()}
            for r in o.revisions
        ],
    }
