"""Wording found wanting in a walk through the commands as their users would run them."""

from __future__ import annotations

EN_UX: dict[str, str] = {
    "name_unknown_close": 'No unit is called "{name}". Did you mean {candidates}?',
    "name_unknown_none": 'No unit is called "{name}"; fzzf units lists every unit and its names',
    "remind_progress_record": "Record progress on everything else in your own progress record (fzzf new record {unit} PERIOD creates it).",
    "new_exists_draft": "{path} already exists (a draft) and is not overwritten; edit that file, and fill in its submitted (the filing date, YYYY-MM-DD) when you file it",
    "dates_reason_uncommitted": "data/measures.yaml is not committed to the git repository yet, so filing dates cannot be checked against it; once committed they are",
}
