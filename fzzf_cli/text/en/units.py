"""Units that change: the successors' checks, the handover's words."""

from __future__ import annotations

EN_UNITS: dict[str, str] = {
    "succ_needs_until": "{name} lists successors but no until (the day it ended).",
    "hint_succ_until": "add until: YYYY-MM-DD to the unit (the day it ended)",
    "succ_unknown": "{name}'s successor {ref} is not a unit of units.yaml.",
    "succ_repeated": "successor {ref} is listed twice.",
    "succ_from_not_after": "the handover date {day} is not after {name}'s end date {until}.",
    "succ_ended": "successor {name} ended on {until}; it cannot take over from {day}.",
    "hint_succ_ended": "name its own successor instead, or correct the dates",
    "succ_cycle": "the successors form a cycle: {chain}.",
    "act_numbered": "{title} ({number}, {date})",
    "act_dated": "{title} ({date})",
    "since_month": "{year}-{month:0>2}",
    "since_day": "{year}-{month:0>2}-{day:0>2}",
    "handover_sentence": "duties of the former {olds} pass to {heirs} from {since} (by {acts})",
    "unit_ended_note": "{name} ended on {until}: {then}.",
    "unit_ended_mark": "{name} (ended {until})",
    "why_inherited": "{why}; taken over from the former {units}",
    "unit_changes_title": "Units that changed",
    "unit_changes_col": "where the duties went",
    "unit_change_sentence": "{text}.",
    "xcol_from_units": "taken over from",
    "xcol_acts": "by the act",
    "xcol_handed": "handed over on",
}
