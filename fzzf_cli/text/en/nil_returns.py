"""The English catalogue, nil returns: nothing this period, and not applicable."""

from __future__ import annotations

EN_NIL: dict[str, str] = {
    "nil_reason_needed_nil": (
        "an item with status: nil (nothing to report this period) needs a reason: write it "
        "under reason"
    ),
    "nil_reason_needed_not_applicable": (
        "an item with status: not_applicable (does not concern us) needs a reason: write it "
        "under reason"
    ),
    "nil_reason_only": (
        "reason is only for status: nil (nothing this period) or not_applicable; "
        "put other remarks under note"
    ),
    "status_nil_return": "Nothing this period",
    "status_na_claimed": "Not applicable (awaiting review)",
    "status_not_applicable": "Not applicable (confirmed)",
    "status_nil_aside": " (unit reports nothing this period)",
    "status_na_count": " ({n} not applicable)",
    "claim_not_applicable": "Not applicable",
    "nil_rule": (
        "Nothing this period does not move a deadline: an item not yet due shows it (blue), "
        "an item past due is overdue all the same (red). Not applicable, once the City Legal "
        "Affairs Bureau confirms it, is no longer counted among the items owed and is counted "
        "on its own."
    ),
    "docx_headline_not_applicable": "{n} confirmed not applicable (not counted above)",
    "new_review_na_help": "An item with not_applicable is the unit's claim that it does not apply, with its reason: accepting it confirms that the unit no longer owes the item; returning it means the item is owed as before.",
    "scol_not_applicable": "Not applicable (confirmed)",
    "lcol_reason": "Reason (nothing this period, not applicable)",
    "new_report_nil_help": (
        "If nothing happened this period, write status: nil; if the item truly does not "
        "concern your unit, write status: not_applicable; either needs its reason under reason.\n"
        "Nothing this period does not move a deadline: an item past due stays overdue. Not "
        "applicable counts once the City Legal Affairs Bureau confirms it in a review."
    ),
    "fillin_status_nil": "nothing this period",
    "fillin_status_not_applicable": "not applicable",
    "fillin_col_reason": "Reason (nothing this period, not applicable)",
    "fillin_prompt_choices": "Choose from the list: {choices}",
    "fillin_help_nil": (
        "7. Choose “nothing this period” if nothing happened, or “not applicable” if the item "
        "truly does not concern your unit, and give the reason in the Reason column; nothing "
        "this period does not move a deadline, and not applicable counts once reviewed."
    ),
}
