"""Where the duties of units that changed went, as a table a view can lead with
(select/succession.py words it): in a table, every format escapes the names as it must."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fzzf_cli.present.view import Table
from fzzf_cli.select.succession import ended_mark, notes
from fzzf_cli.text import msg

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset


def changes_table(lines: list[str]) -> list[Table]:
    """One table of handover sentences, or none when no unit shown changed."""
    if not lines:
        return []
    title = msg("unit_changes_title")
    return [
        Table(title, [("change", msg("unit_changes_col"))], [{"change": line} for line in lines])
    ]


def marked(
    ds: Dataset, units: list[dict[str, Any]], rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Table rows of units (``status``) with the ones that ended marked as ended."""
    for unit, row in zip(units, rows, strict=True):
        row["unit"] = ended_mark(ds, unit["unit_id"], row["unit"])
    return rows


def changes_of(ds: Dataset, units: list[dict[str, Any]]) -> list[str]:
    """The handovers that concern the units listed."""
    return notes(ds, {u["unit_id"] for u in units})
