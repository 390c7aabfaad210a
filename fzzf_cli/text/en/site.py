"""The English catalogue, the published dashboard (fzzf site)."""

from __future__ import annotations

EN_SITE: dict[str, str] = {
    "cmd_site": "Build the published dashboard: a static site (overview, units, counties, half-yearly reports, pilots, measures, overdue list, search, and each unit's calendar feed and fill-in workbook) to open as files or publish on GitHub/GitLab Pages.",
    "help_output_site": "The folder the site is written to (public/ by default).",
    "site_written": "Dashboard written: {n} files in {path}.",
    "site_draft": " (draft)",
    "site_foreign_folder": "{path} is not empty and holds no list of the files fzzf wrote there ({manifest}): nothing written, so that no one else's file is overwritten or deleted. Choose an empty folder, or add --force if you are sure.",
    "site_not_folder": "{path} is not a folder: name the folder to write the site to with -o.",
    "site_changed": "{path} was written by fzzf but has changed since (or fzzf did not write it): not overwritten. Move it away first, or add --force if you are sure.",
    "site_kept": "Kept {path}: it is no longer part of the site, but it has changed since fzzf wrote it, so it is not deleted.",
    "site_removed": "Removed {n} old files the site no longer has.",
}
