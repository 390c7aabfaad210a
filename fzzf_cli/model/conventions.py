"""The plan's own conventions, read from its files rather than written into fzzf: how its
measures, pilots and areas are numbered and headed (``conventions:`` in measures.yaml) and
the short forms of unit names people type (``naming:`` in units.yaml).

A number is checked against the declared range while its file is read: the range comes in
as pydantic's validation context (``bounds``), so a measure 70 of a plan numbered 1–69 is a
problem at its own line, worded as any other out-of-range value, and the file counts for
nothing until it is fixed — exactly as a range written into the model would.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from fzzf_cli.model.fields import Record, Text
from fzzf_cli.model.light import Bounds, conventions_bounds

# Any Chinese document numbers its parts so: the default for a plan that does not say.
GENERIC_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


class NumberRange(Record):
    """Numbers ``first`` to ``last``, both included."""

    first: Annotated[int, Field(ge=1)]
    last: int

    @field_validator("last")
    @classmethod
    def _not_before_first(cls, last: int, info: ValidationInfo) -> int:
        first = info.data.get("first")
        if isinstance(first, int) and last < first:
            raise _out_of_range("greater_than_equal", first)
        return last


class Conventions(Record):
    """How the source numbers and heads what the data holds (二、主要任务 1.–61.,
    八、试点 62.–69., areas （一）–（八）). Left out, a generic plan: measures numbered from
    1 without gaps, no range for pilots, areas numbered 一 to 十, no heading to look under."""

    measures: NumberRange | None = None
    pilots: NumberRange | None = None  # the measures that are pilots (八、试点)
    area_numerals: list[Text] = Field(default=list(GENERIC_NUMERALS), min_length=1)
    source_heading: Text | None = None  # the source's measures follow this heading

    def bounds(self) -> Bounds:
        """The validation context the plan's numbers are checked in."""
        return conventions_bounds(self)


class Naming(Record):
    """The short forms of a unit's names: ``prefixes`` are taken off in order (肇庆市法制局 →
    法制局), then any one of ``suffixes`` (德庆县 → 德庆, 法制局 → 法制). None by default."""

    prefixes: list[Text] = []
    suffixes: list[Text] = []


def _out_of_range(kind: str, bound: int) -> PydanticCustomError:
    # Pydantic's own error types, so that the message is the one any bound gets (load.py).
    if kind == "greater_than_equal":
        text = "Input should be greater than or equal to {ge}"
        return PydanticCustomError(kind, text, {"ge": bound})
    return PydanticCustomError(kind, "Input should be less than or equal to {le}", {"le": bound})


def _within(kind: str) -> AfterValidator:
    """A number inside the range the plan declares for ``kind`` (from the context), or at
    least 1 where nothing is declared (no context: the plan's conventions are not known)."""

    def check(value: int, info: ValidationInfo) -> int:
        context: Any = info.context or {}
        first, last = context.get(kind, (1, None))
        if value < first:
            raise _out_of_range("greater_than_equal", first)
        if last is not None and value > last:
            raise _out_of_range("less_than_equal", last)
        return value

    return AfterValidator(check)


MeasureNo = Annotated[int, _within("measures")]
PilotNo = Annotated[int, _within("pilots")]
AreaNo = Annotated[int, _within("areas")]


def declared_bounds(measures: object) -> Bounds | None:
    """The ranges the measures file (its parsed YAML) declares, to check the plan's numbers
    against while they are read; None while the conventions themselves are wrong (their
    own problems are reported when the file is validated)."""
    raw = measures.get("conventions", {}) if isinstance(measures, dict) else {}
    try:
        return Conventions.model_validate(raw).bounds()
    except ValidationError:
        return None
