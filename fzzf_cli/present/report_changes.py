"""The report's sections on the plan as the coordinator changed it: the extensions
granted (延期, with their documents) and the extra rounds called (另行通知报送), each
unit's filing with its status. Plain data for the templates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fzzf_cli.present.report_pilots import iso_day, long_day
from fzzf_cli.present.revisions import due_text, original
from fzzf_cli.present.tracked import label

if TYPE_CHECKING:
    from fzzf_cli.derive.status import Assessed
    from fzzf_cli.model.dataset import Dataset


def extensions_view(assessed: list[Assessed]) -> list[dict[str, Any]]:
    """Every extended obligation: whose, what, the plan's date, the revisions, done when."""
    rows = []
    for a in assessed:
        o = a.obligation
        if not o.revisions:
            continue
        rows.append(
            {
                "id": o.id,
                "unit": o.unit,
                "title": o.title,
                "due_original": iso_day(original(o)),
                "due": iso_day(o.due),
                "documents": [r.document for r in o.revisions],
                "dates": due_text(o, a.done),
                "done": iso_day(a.done),
                "status": a.status,
                "status_label": label(a),
            }
        )
    return rows


def rounds_view(ds: Dataset, assessed: list[Assessed]) -> list[dict[str, Any]]:
    """Each round called, in the file's order, with every unit's filing status."""
    by_round: dict[str, list[Assessed]] = {}
    for a in assessed:
        if a.obligation.round is not None:
            by_round.setdefault(a.obligation.round, []).append(a)
    return [
        {
            "id": rnd.id,
            "subject": rnd.subject,
            "notice": rnd.notice,
            "date": iso_day(rnd.date),
            "due": iso_day(rnd.due),
            "date_text": long_day(rnd.date),
            "due_text": long_day(rnd.due),
            "units": [
                {
                    "unit": a.obligation.unit,
                    "dates": due_text(a.obligation, a.done),
                    "done": iso_day(a.done),
                    "status": a.status,
                    "status_label": label(a),
                }
                for a in by_round.get(rnd.id, [])
            ],
        }
        for rnd in ds.rounds_file.rounds
    ]
