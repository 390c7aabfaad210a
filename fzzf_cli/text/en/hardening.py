"""Refusals that keep hostile data and tampered output folders from doing harm."""

from __future__ import annotations

EN_HARDENING: dict[str, str] = {
    "site_holds_data": (
        "{path} holds the data folder {data}: write the dashboard to a folder of its own "
        "(such as public/), so that a rebuild cannot delete or change plan or submission "
        "files by its manifest (.fzzf-site.json)"
    ),
}
