"""The tracker's words, each spelled once: what an obligation is (its kind), why a unit
owes it (its role), where it stands (its status), which pilot document a file is, and
what kind of file a unit files. StrEnums, so that JSON and CSV carry the same strings as
before and a misspelling is a NameError, not a silent mismatch."""

from __future__ import annotations

from enum import StrEnum
from typing import NewType

# An obligation's stable id: ``<thing>.<unit>``, e.g. ``m16-2017-12-31.deqing``.
ObligationId = NewType("ObligationId", str)


class Kind(StrEnum):
    """What is owed (README: ``--kind``)."""

    MILESTONE = "milestone"  # 时间节点
    RECURRING = "recurring"  # 周期任务
    REPORT = "report"  # 半年报送
    PILOT_PLAN = "pilot_plan"  # 试点方案
    PILOT_DONE = "pilot_done"  # 试点完成
    REVIEW = "review"  # 总结验收
    ROUND = "round"  # 另行通知报送


class Role(StrEnum):
    """Why a unit owes it."""

    LEAD = "lead"
    CO_UNIT = "co_unit"
    GROUP = "group"
    OPEN_GROUP = "open_group"
    PILOT_AREA = "pilot_area"
    PILOT_UNIT = "pilot_unit"
    REPORTER = "reporter"
    REVIEW = "review"
    ROUND = "round"


class Status(StrEnum):
    """Where an obligation stands on a day (derive/status.py)."""

    NOT_YET_DUE = "not_yet_due"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MISSING = "missing"
    ON_TIME = "on_time"
    LATE = "late"
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    CLAIMED = "claimed"
    RETURNED = "returned"
    UNASSIGNED = "unassigned"
    NIL_RETURN = "nil_return"  # 本期无进展, and not yet due (nil_returns.py)
    NA_CLAIMED = "na_claimed"  # 不适用, awaiting review
    NOT_APPLICABLE = "not_applicable"  # 不适用(已确认): accepted; the unit no longer owes it


# 黄: due within this many days (the supervision platforms' 临近 warning), unless --soon.
SOON = 15


class Light(StrEnum):
    """三色预警, as supervision platforms mark items: what needs whom, at a glance
    (derive/status.py ``LIGHTS`` says which status has which light)."""

    RED = "red"  # 红: overdue
    YELLOW = "yellow"  # 黄: due within --soon days, or waiting on a verdict or a redo
    BLUE = "blue"  # 蓝: not yet due
    GREEN = "green"  # 绿: done: accepted, or the document filed


class PilotDoc(StrEnum):
    """A pilot's two documents (八): its plan, and its completion report."""

    PLAN = "plan"
    COMPLETION = "completion"

    @property
    def obligation(self) -> Kind:
        """The kind of obligation the document fulfils."""
        return Kind.PILOT_PLAN if self is PilotDoc.PLAN else Kind.PILOT_DONE

    @property
    def folder(self) -> str:
        """Where units file it: ``data/submissions/<folder>/p63/<unit>.yaml``."""
        return "pilot-plans" if self is PilotDoc.PLAN else "pilot-completions"

    @property
    def command(self) -> str:
        """The ``fzzf new`` command that scaffolds it."""
        return "pilot-plan" if self is PilotDoc.PLAN else "pilot-report"

    @property
    def step(self) -> str:
        """Its part of the obligation id: ``p63-plan``, ``p63-done``."""
        return "plan" if self is PilotDoc.PLAN else "done"

    @staticmethod
    def of(kind: str) -> PilotDoc:
        """The document that fulfils an obligation of ``kind``."""
        return PilotDoc.PLAN if kind == Kind.PILOT_PLAN else PilotDoc.COMPLETION


class Filing(StrEnum):
    """What a progress file under ``data/submissions/`` is; a pilot's file is a PilotDoc."""

    REPORT = "report"  # a half-year report (三(二))
    RECORD = "record"  # an own record of a unit that reports to no one
    ROUND = "round"  # a filing for an extra round (另行通知报送)


class Ruling(StrEnum):
    """市法制局's verdict on a claim (data/reviews/)."""

    PENDING = "pending"  # listed by ``fzzf new review``, not yet decided
    ACCEPTED = "accepted"  # 销号
    RETURNED = "returned"  # 退回
