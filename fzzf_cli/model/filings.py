"""What units file: half-year reports and pilot files, as typed records.

A report lives at ``data/submissions/<period>/<unit-id>.yaml``; a pilot's plan at
``data/submissions/pilot-plans/p<N>/<unit-id>.yaml`` and its completion report at
``data/submissions/pilot-completions/p<N>/<unit-id>.yaml``. A file whose
``submitted`` date is empty is a draft: it is validated, but does not count as filed.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from fzzf_cli.model.conventions import PilotNo
from fzzf_cli.model.fields import Id, IsoDate, PeriodId, Record, Tag, Text, clean_text
from fzzf_cli.text import msg
from fzzf_cli.vocab import PilotDoc, Ruling

Status = Literal["not_started", "in_progress", "done"]
STATUSES: tuple[str, ...] = ("not_started", "in_progress", "done")
# An item may also be a nil return (nil_returns.py): nothing this period, or not applicable.
ItemStatus = Literal["not_started", "in_progress", "done", "nil", "not_applicable"]
NIL_STATUSES: tuple[str, ...] = ("nil", "not_applicable")
CLAIM_STATUSES: tuple[str, ...] = ("done", "not_applicable")  # for the coordinator to review

_LINK = re.compile(r"^https?://[^\s<>\"']+$")


def _web_link(value: str) -> str:
    clean_text(value)  # no control, zero-width or direction characters in a link either
    if not _LINK.match(value):
        raise ValueError(msg("link_scheme", value=value))
    return value


Link = Annotated[str, AfterValidator(_web_link)]
# An obligation's thing id as fzzf prints it: m16-2017-12-31, p63-plan, m40-every-2017-03-31.
ThingId = Annotated[
    str, StringConstraints(pattern=r"^[a-zA-Z0-9][a-zA-Z0-9-]{1,60}(\.[a-z0-9-]+)?$")
]


class Evidence(Record):
    text: Text | None = None
    link: Link | None = None

    @model_validator(mode="after")
    def _something(self) -> Evidence:
        if self.text is None and self.link is None:
            raise ValueError(msg("evidence_empty"))
        return self


class Item(Record):
    """Progress on one obligation the unit owes."""

    id: ThingId
    title: Text | None = None  # written by ``fzzf new report`` for the reader; not checked
    status: ItemStatus
    done: IsoDate | None = None
    evidence: list[Evidence] = []
    note: Text | None = None
    reason: Text | None = None  # why nothing this period (nil), why not applicable

    @model_validator(mode="after")
    def _done_has_date(self) -> Item:
        if self.status == "done" and self.done is None:
            raise ValueError(msg("done_needs_date"))
        if self.status != "done" and self.done is not None:
            raise ValueError(msg("date_needs_done"))
        if self.status in NIL_STATUSES and self.reason is None:
            raise ValueError(msg(f"nil_reason_needed_{self.status}"))
        if self.status not in NIL_STATUSES and self.reason is not None:
            raise ValueError(msg("nil_reason_only"))
        return self


class Figure(Record):
    """A reported value of a quantitative target (measures 7 and 48)."""

    metric: Tag
    value: Annotated[float, Field(allow_inf_nan=False)]
    note: Text | None = None


class PilotProgress(Record):
    pilot: PilotNo
    status: Status
    progress: Text | None = None


class Report(Record):
    """A unit's half-year report (三(二): 每年的6月底和12月底前 … 报送)."""

    unit: Id
    period: PeriodId
    submitted: IsoDate | None = None
    items: list[Item] = []
    figures: list[Figure] = []
    pilots: list[PilotProgress] = []
    note: Text | None = None


class PilotFile(Record):
    """A pilot's plan (报送试点方案, due 2016-04-20) or its completion report."""

    unit: Id
    pilot: PilotNo
    kind: Literal[PilotDoc.PLAN, PilotDoc.COMPLETION]
    submitted: IsoDate | None = None
    goals: Text | None = None  # 目标
    tasks: Text | None = None  # 任务
    schedule: Text | None = None  # 进度安排
    responsible: Text | None = None  # 责任主体
    safeguards: Text | None = None  # 保障机制
    summary: Text | None = None  # completion: what was achieved
    evidence: list[Evidence] = []


# --- the coordinator's review (复核): data/reviews/<period>.yaml ----------------------------

VerdictKind = Literal[Ruling.PENDING, Ruling.ACCEPTED, Ruling.RETURNED]


class Verdict(Record):
    """市法制局's word on one claim: accepted (销号), or returned (退回) with a reason and a
    new deadline; ``pending`` is a claim listed by ``fzzf new review`` and not yet decided."""

    unit: Id
    item: ThingId
    verdict: VerdictKind
    date: IsoDate | None = None  # when decided; defaults to the file's ``reviewed``
    reason: Text | None = None  # why returned
    deadline: IsoDate | None = None  # the new deadline of a returned item
    note: Text | None = None
    # Written by ``fzzf new review`` for the reader; not checked.
    title: Text | None = None
    claimed: IsoDate | None = None
    source: Text | None = None
    evidence: list[Evidence] = []
    not_applicable: Text | None = None  # the unit's reason, when the claim is 不适用

    @model_validator(mode="after")
    def _complete(self) -> Verdict:
        if self.verdict == Ruling.RETURNED and (self.reason is None or self.deadline is None):
            raise ValueError(msg("review_returned_needs"))
        if self.verdict != Ruling.RETURNED and self.deadline is not None:
            raise ValueError(msg("review_deadline_only_returned"))
        return self


class ReviewFile(Record):
    """One review round: the verdicts given on the units' claims."""

    period: PeriodId
    reviewed: IsoDate  # the day of the review; each verdict may give its own ``date``
    by: Id | None = None  # who reviewed; the plan's coordinator when left out
    verdicts: list[Verdict] = []
    note: Text | None = None
