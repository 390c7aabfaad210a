"""The English catalogue, the lights (三色预警) and the duties' states in owes and status."""

from __future__ import annotations

EN_LIGHTS: dict[str, str] = {
    "light_red": "red",
    "light_yellow": "yellow",
    "light_blue": "blue",
    "light_green": "green",
    "light_none": "—",
    "tcol_light": "Light",
    "tcol_lights": "Lights (R/Y/B/G)",
    "dcol_light": "Light",
    "dcol_status": "Status",
    "lights_counts": "{red}/{yellow}/{blue}/{green}",
    "lights_rule": (
        "Lights: green done (accepted, or the document filed); blue not yet due; yellow due "
        "within {window} and not done, or claimed and awaiting review, or returned to be "
        "redone; red overdue."
    ),
    "owes_no_filings": (
        "The built-in plan has no filings, so only deadlines are listed; run this in a data "
        "repository to see each item's status and light."
    ),
}
