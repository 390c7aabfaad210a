"""The plan as the coordinator changes it: extensions (延期) and extra reporting rounds
(另行通知报送, 三(二): 可根据工作实际需要另行通知报送工作情况), each in an optional file.

``data/extensions.yaml`` moves the due date of an item for all or some of the units owing
it, on the authority of a document (文号, date); entries are never overwritten: several for
one item apply in the order of their documents' dates. ``data/rounds.yaml`` declares rounds
of reports the coordinator calls for by notice; each unit it names files
``data/submissions/rounds/<round>/<unit>.yaml`` (``RoundFile``).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from fzzf_cli.model.fields import Id, IsoDate, Record, Ref, Text
from fzzf_cli.model.filings import Evidence
from fzzf_cli.model.light import Revision as Revision  # a plain value: kept here for old imports
from fzzf_cli.text import msg

_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def _not_reserved(value: str) -> str:
    if _WINDOWS_RESERVED.match(value):
        raise ValueError(msg("id_reserved", value=value))
    return value


# A round's id is a folder name: 2017-r1, 2018-flood-control.
RoundId = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,29}$"), AfterValidator(_not_reserved)
]
# An item as fzzf prints its thing: m16-2016-12-31, report-2017-H1, round-2017-r1.
ItemId = Annotated[str, StringConstraints(pattern=r"^[a-zA-Z0-9][a-zA-Z0-9-]{1,60}$")]


class Extension(Record):
    """延期: ``item`` is due on ``due`` instead, for ``units`` (default: every unit owing
    it), granted by ``document`` dated ``date``."""

    item: ItemId
    units: list[Ref] = []
    due: IsoDate
    document: Text
    date: IsoDate
    reason: Text | None = None
    note: Text | None = None


class ExtensionsFile(Record):
    extensions: list[Extension] = []


class Round(Record):
    """An extra reporting round called by a notice (另行通知报送)."""

    id: RoundId
    subject: Text
    units: list[Ref] = Field(min_length=1)
    due: IsoDate
    notice: Text
    date: IsoDate
    quote: Text | None = None
    note: Text | None = None


class RoundsFile(Record):
    rounds: list[Round] = []


class RoundFile(Record):
    """A unit's filing for a round: ``data/submissions/rounds/<round>/<unit>.yaml``; a
    file without ``submitted`` is a draft."""

    unit: Id
    round: RoundId
    submitted: IsoDate | None = None
    summary: Text | None = None
    evidence: list[Evidence] = []
    note: Text | None = None
