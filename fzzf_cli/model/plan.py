"""The plan as typed records: one pydantic model per thing the YAML files hold.

Every model is frozen, forbids unknown keys and is strict: YAML values must already have
the right type (``true`` is not an integer, ``"12"`` is not a number). Dates arrive as
text from the loader and are parsed (fields.py), ISO ``YYYY-MM-DD`` only, so a bad date
is reported with its line like any other field.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from fzzf_cli.model.conventions import AreaNo, Conventions, MeasureNo, Naming, PilotNo
from fzzf_cli.model.fields import Id, IsoDate, PeriodId, Record, Ref, Tag, Text
from fzzf_cli.model.handles import Handle
from fzzf_cli.model.succession import Successor
from fzzf_cli.text import msg

UnitKind = Literal[
    "city_department", "county_government", "zone_committee", "external_body", "leading_group"
]
Stage = Literal["pilot", "rollout", "consolidate"]


# --- units.yaml -----------------------------------------------------------------------


class Unit(Record):
    id: Id
    name: Text
    full_name: Text | None = None
    aliases: list[Text] = []
    kind: UnitKind
    tags: list[Tag] = []
    reviewers: list[Handle] = []  # who approves the unit's own files (fzzf codeowners)
    note: Text | None = None
    until: IsoDate | None = None  # the unit ended that day (model/succession.py)
    successors: list[Successor] = []


class GroupSelect(Record):
    """Members chosen by kind or by tag: all units that have it."""

    kind: UnitKind | None = None
    tag: Tag | None = None

    @model_validator(mode="after")
    def _one_rule(self) -> GroupSelect:
        if (self.kind is None) == (self.tag is None):
            raise ValueError(msg("select_one_rule"))
        return self


class Group(Record):
    """A group the plan names: enumerable (``select`` or ``members``) or open (有关…).

    ``within`` (open groups only): the units and groups its designated members must come
    from, e.g. the responsible units a "在有条件的市、县政府部门" pilot may be chosen among.
    """

    id: Id
    name: Text
    aliases: list[Text] = []
    select: GroupSelect | None = None
    members: list[Ref] = []
    open: bool = False
    within: list[Ref] = []
    note: Text | None = None

    @model_validator(mode="after")
    def _membership(self) -> Group:
        if self.open and self.select is not None:
            raise ValueError(msg("group_open_select"))
        if self.within and not self.open:
            raise ValueError(msg("group_within_not_open"))
        if not self.open and self.select is None and not self.members:
            raise ValueError(msg("group_no_members"))
        return self


class UnitsFile(Record):
    units: list[Unit]
    groups: list[Group] = []
    naming: Naming = Field(default_factory=Naming)


# --- measures.yaml --------------------------------------------------------------------


class PlanInfo(Record):
    title: Text
    notice_title: Text
    document_number: Text
    index_number: Text | None = None
    issued_by: Ref
    date: IsoDate
    published: IsoDate | None = None
    coordinator: Ref
    leading_group: Ref
    horizon: IsoDate
    horizon_quote: Text
    target: Text


class Period(Record):
    id: PeriodId
    start: IsoDate
    due: IsoDate


class FilingRules(Record):
    """How filing dates are judged (filing.py): a declared date may precede the day the
    filing reached the repository's main line by ``grace_days``; days are counted in the
    plan's time zone."""

    grace_days: Annotated[int, Field(ge=0, le=60)] = 3
    utc_offset: Annotated[str, StringConstraints(pattern=r"^[+-](0\d|1[0-4]):[0-5]\d$")] = "+08:00"


class Reporting(Record):
    to: Ref
    quote: Text
    extra_quote: Text | None = None
    periods: list[Period] = Field(min_length=1)


class Review(Record):
    start: IsoDate
    due: IsoDate
    units: list[Ref] = Field(min_length=1)
    quote: Text


class Area(Record):
    id: AreaNo
    title: Text
    goal: Text | None = None
    intro: Text | None = None


class Recurrence(Record):
    """Due every ``every_months`` months from ``first_due`` (a month's last day) on."""

    every_months: Annotated[int, Field(ge=1, le=120)]
    first_due: IsoDate
    last_due: IsoDate | None = None


class Milestone(Record):
    title: Text
    due: IsoDate | None = None
    start: IsoDate | None = None
    recurrence: Recurrence | None = None
    implied: bool = False
    ongoing: bool = False
    stage: Stage | None = None
    units: list[Ref] | None = None
    quote: Text
    note: Text | None = None

    @model_validator(mode="after")
    def _due_or_rule(self) -> Milestone:
        if (self.due is None) == (self.recurrence is None):
            raise ValueError(msg("milestone_due_or_recurrence"))
        return self


class Target(Record):
    metric: Tag
    name: Text
    comparison: Literal["at_least", "above_baseline"]
    value: Annotated[float, Field(allow_inf_nan=False)] | None = None
    baseline_year: int | None = None
    unit: Literal["percent"] | None = None
    by: IsoDate
    quote: Text

    @model_validator(mode="after")
    def _complete(self) -> Target:
        if self.comparison == "at_least" and self.value is None:
            raise ValueError(msg("target_needs_value"))
        if self.comparison == "above_baseline" and self.baseline_year is None:
            raise ValueError(msg("target_needs_baseline"))
        return self


class YearNote(Record):
    year: int
    reason: Text


class Measure(Record):
    id: MeasureNo
    area: AreaNo
    text: Text
    units_text: Text | None = None
    units: list[Ref] = []
    open_ended: bool = False
    note: Text | None = None
    targets: list[Target] = []
    years_explained: list[YearNote] = []
    milestones: list[Milestone] = []
    pilot: PilotNo | None = None

    @model_validator(mode="after")
    def _shape(self) -> Measure:
        if self.pilot is None and not (self.units and self.milestones):
            raise ValueError(msg("measure_needs_units"))
        if self.pilot is not None and (self.units or self.milestones):
            raise ValueError(msg("pilot_measure_no_units"))
        return self


class MeasuresFile(Record):
    plan: PlanInfo
    reporting: Reporting
    review: Review
    areas: list[Area]
    measures: list[Measure]
    filing: FilingRules = Field(default_factory=FilingRules)
    conventions: Conventions = Field(default_factory=Conventions)


# --- pilots.yaml ----------------------------------------------------------------------


class PilotRules(Record):
    plan_title: Text
    plan_due: IsoDate
    plan_to: Ref
    plan_quote: Text
    completion_title: Text
    completion_months: Annotated[int, Field(ge=1, le=60)]
    completion_quote: Text
    default_start: IsoDate


class Pilot(Record):
    id: PilotNo
    measure: PilotNo
    title: Text
    units_text: Text | None = None
    areas: list[Ref] = []
    units: list[Ref] = []
    start: IsoDate | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _someone(self) -> Pilot:
        if not (self.areas or self.units):
            raise ValueError(msg("pilot_needs_units"))
        return self


class PilotsFile(Record):
    rules: PilotRules
    pilots: list[Pilot]
