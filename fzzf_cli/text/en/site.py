"""The English catalogue, the published dashboard (fzzf site)."""

from __future__ import annotations

EN_SITE: dict[str, str] = {
    "cmd_site": "Build the published dashboard: a static site (overview, units, overdue list, search) to open as files or publish on GitHub/GitLab Pages.",
    "help_output_site": "The folder the site is written to (public/ by default).",
    "site_written": "Dashboard written: {n} files in {path}.",
}
