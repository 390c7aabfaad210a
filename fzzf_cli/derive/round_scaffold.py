"""The ready-to-edit filing for an extra round: what ``fzzf new round`` writes to
``data/submissions/rounds/<round>/<unit>.yaml``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from fzzf_cli.read.yamlio import dump_yaml
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset


def round_data(unit: str, round_id: str, submitted: date | None) -> dict[str, Any]:
    return {
        "unit": unit,
        "round": round_id,
        "submitted": submitted.isoformat() if submitted else None,
        "summary": msg("new_round_summary"),
        "evidence": [],
    }


def round_text(ds: Dataset, data: dict[str, Any]) -> str:
    """A header saying what the round asks, by which notice and when, then the values."""
    rnd = ds.rounds[data["round"]]
    header = msg(
        "new_round_header",
        unit=ds.name_of(data["unit"]),
        subject=rnd.subject,
        notice=rnd.notice,
        due=rnd.due,
    )
    if data["submitted"] is None:
        header += "\n" + msg("new_report_draft")
    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return lines + "\n" + dump_yaml(data)
