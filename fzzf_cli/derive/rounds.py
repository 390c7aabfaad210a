"""Extra reporting rounds (另行通知报送, 三(二): 可根据工作实际需要另行通知报送工作情况):
each unit a round names, directly or through a group, owes one filing by the round's due
date. The thing is ``round-<id>``; an obligation ``round-2017-r1.deqing``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fzzf_cli.derive.obligations import Obligation, debtors
from fzzf_cli.text import msg
from fzzf_cli.vocab import Kind, Role

if TYPE_CHECKING:
    from fzzf_cli.model.dataset import Dataset


def round_thing(round_id: str) -> str:
    return f"round-{round_id}"


def round_obligations(ds: Dataset) -> Iterator[Obligation]:
    """One obligation per unit a round names; an open group without members owes as
    itself, as for milestones."""
    quote = ds.measures_file.reporting.extra_quote
    for rnd in ds.rounds_file.rounds:
        thing = round_thing(rnd.id)
        for debtor in debtors(ds, list(rnd.units)):
            yield Obligation(
                id=f"{thing}.{debtor.unit_id}",
                thing=thing,
                due=rnd.due,
                kind=Kind.ROUND,
                unit_id=debtor.unit_id,
                unit=ds.name_of(debtor.unit_id),
                role=Role.OPEN_GROUP if debtor.unit_id in ds.groups else Role.ROUND,
                title=msg("round_title", subject=rnd.subject, notice=rnd.notice),
                quote=rnd.quote or quote or rnd.notice,
                via=debtor.via,
                round=rnd.id,
            )
