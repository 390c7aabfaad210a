"""The building blocks of every record fzzf reads: strict dates, clean text, ids that are
safe file names, and the frozen, strict base model (used by model.py and subs_model.py).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
)

from fzzf_cli.text import msg

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Controls, and what shows nothing or reorders what is shown — zero-width characters,
# direction overrides and isolates, line and paragraph separators, lone surrogates: refused
# in text whether written raw (the reader's scan) or as a YAML escape ("\u202e").
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    r"\u2066-\u2069\ufeff\ud800-\udfff]"
)


def parse_iso_date(value: object) -> date:
    """Accept only ``YYYY-MM-DD`` text that names a real day (no epochs, no times)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(msg("date_format", value=value))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(msg("date_impossible", value=value)) from None


def clean_text(value: str) -> str:
    found = _CONTROL.search(value)
    if found:
        raise ValueError(msg("text_control_char", cp=f"U+{ord(found.group()):04X}"))
    return value


IsoDate = Annotated[date, BeforeValidator(parse_iso_date)]
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(clean_text)]
# Ids are file names on Linux, macOS and Windows alike: lower-case ASCII, digits, hyphens,
# and none of the names Windows reserves for devices (con, nul, com1 …).
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def _not_reserved(value: str) -> str:
    if _WINDOWS_RESERVED.match(value):
        raise ValueError(msg("id_reserved", value=value))
    return value


Id = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{0,39}$"), AfterValidator(_not_reserved)
]
# A reference to a unit or group: any text here, so that the cross-check can say which id
# a name like 市法制局 should have been (``references`` in checks.py).
Ref = Text
Tag = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
PeriodId = Annotated[str, StringConstraints(pattern=r"^\d{4}-H[12]$")]


class Record(BaseModel):
    """Base of every record: frozen, strict, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)

    def model_post_init(self, context: Any, /) -> None:
        """Records are frozen, so the names of the fields a file set never change: records
        that set the same fields share one set of names. A set of five names is 728 bytes,
        more than the record itself; thousands of reports hold hundreds of thousands."""
        names = self.__pydantic_fields_set__
        key = frozenset(names)
        shared = _FIELDS_SETS.get(key)
        if shared is None:
            shared = _FIELDS_SETS[key] = names
        object.__setattr__(self, "__pydantic_fields_set__", shared)


# The sets of field names records share (model_copy copies a record's set before changing it).
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
