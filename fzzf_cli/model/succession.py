"""A unit that changes: it ends (``until``) and hands its duties to one or more successors
from a date, by an act (a 文号 or a name, and its date). units.yaml, optional per unit::

    - id: guoshuiju
      until: 2018-06-30
      successors:
        - unit: shuiwuju
          from: 2018-07-01
          act: {title: 深化党和国家机构改革方案, date: 2018-03-21}

The cross-checks (validate/succession.py) make sure successors exist, had not ended by
then, form no cycle, and take over only after the unit ended.
"""

from __future__ import annotations

from pydantic import Field

from fzzf_cli.model.fields import IsoDate, Record, Ref, Text


class Act(Record):
    """The document that changed the unit: its name, its 文号 when it has one, its date."""

    title: Text
    number: Text | None = None
    date: IsoDate


class Successor(Record):
    """Who carries the unit's duties due after it ended, from which day, by which act."""

    unit: Ref
    from_: IsoDate = Field(alias="from")
    act: Act
