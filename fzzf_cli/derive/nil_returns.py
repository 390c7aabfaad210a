"""Nil returns (零报告): an item a unit reports as 本期无进展 or 不适用, each with a reason.

A half-year report (三(二)) or an own record may say, for an item the unit owes:

- ``status: nil`` (本期无进展): nothing to report this period. It is the unit's word for
  the period, not progress and not a claim: an item not yet due shows it (``nil_return``,
  蓝, "本期无进展"), which tells the coordinator the unit has been heard from (unlike
  ``not_started`` or a report never filed); an item due within ``--soon`` days stays
  ``due_soon`` (黄) and one past its due date stays ``overdue`` (红) — a nil return never
  excuses a deadline, whether the item is a one-off milestone or one occurrence of a
  recurring task. A nil return is not carried into the next period's report.
- ``status: not_applicable`` (不适用): the unit says the item does not concern it. Like
  "done" it is a claim (reviews.py): until 市法制局 accepts it, it waits on the
  coordinator (``na_claimed``, 黄, like ``claimed``); accepted, the unit no longer owes the
  item (``not_applicable``, 不适用(已确认), no light: there is nothing to chase); returned,
  it is open again and due on the new deadline. An accepted 不适用 is counted on its own
  (``not_applicable`` in ``status``, JSON and reports), never as done, and is left out of
  the items due that rates are taken of.
"""

from __future__ import annotations

from fzzf_cli.model.filings import CLAIM_STATUSES, Item
from fzzf_cli.vocab import Status

NIL = "nil"
NOT_APPLICABLE = "not_applicable"
CLAIMS = CLAIM_STATUSES  # what an item may claim, for the coordinator to accept or return


def nil_status(status: Status, item: Item | None) -> Status:
    """The status of an open item whose latest filing is ``item``: a nil return shows only
    while the item is not yet due; due soon or overdue win (they are what to act on)."""
    if item is not None and item.status == NIL and status == Status.NOT_YET_DUE:
        return Status.NIL_RETURN
    return status


def carried_forward(before: Item | None, returned: bool) -> Item | None:
    """What a new report starts from: a nil return is the last period's word, so the item
    starts again as not started; a 不适用 the coordinator returned starts again too."""
    if before is None:
        return None
    if before.status == NIL or (returned and before.status == NOT_APPLICABLE):
        return before.model_copy(update={"status": "not_started", "reason": None})
    return before
