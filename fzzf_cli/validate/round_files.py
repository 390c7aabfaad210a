"""A unit's filing for an extra round (另行通知报送), ``data/submissions/rounds/<round>/
<unit>.yaml``: it says the unit and round its path says, comes from a unit the round
names, is dated no earlier than the notice that called the round, and, once filed, says
something of its own (not the scaffold's prompt)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import ValidationError

from fzzf_cli.errors import Location, Problem
from fzzf_cli.model.changes import RoundFile
from fzzf_cli.read.yamlio import YamlDoc, locate
from fzzf_cli.text import every, msg
from fzzf_cli.validate.load import pydantic_problems
from fzzf_cli.validate.subs_find import Expected
from fzzf_cli.validate.subs_load import Checker, Filed


def check_round_file(
    plan: Checker, display: str, doc: YamlDoc, expect: Expected
) -> tuple[Filed | None, list[Problem]]:
    """The filing, or its problems (a file with any counts for nobody until fixed)."""
    try:
        record = RoundFile.model_validate(doc.data, context=plan.ds.conventions.bounds())
    except ValidationError as error:
        return None, list(pydantic_problems(error, doc, RoundFile))
    filed = Filed(display, doc, record, expect.kind)
    found = list(_problems(plan, filed, record, expect))
    return (None if found else filed), found


def _problems(
    plan: Checker, filed: Filed, record: RoundFile, expect: Expected
) -> Iterator[Problem]:
    ds, unit, round_id = plan.ds, expect.unit, expect.round or ""

    def at(*loc: str | int) -> Location:
        return locate(filed.doc, tuple(loc))

    if record.unit != unit:
        yield Problem(at("unit"), msg("sub_wrong_unit", found=record.unit, unit=unit))
    if record.round != round_id:
        yield Problem(at("round"), msg("sub_wrong_round", found=record.round, round=round_id))
    if f"round-{round_id}" not in plan.owed.get(unit, set()):
        yield Problem(
            Location(filed.path), msg("sub_not_in_round", unit=ds.name_of(unit), round=round_id)
        )
    called = ds.rounds[round_id].date if round_id in ds.rounds else None
    if record.submitted is not None and called is not None and record.submitted < called:
        yield Problem(at("submitted"), msg("sub_before_round", date=called))
    if record.submitted is not None and record.submitted > plan.latest:
        text = msg(
            "sub_date_past_horizon", day=record.submitted, horizon=ds.measures_file.plan.horizon
        )
        yield Problem(at("submitted"), text, msg("sub_hint_date_typo"))
    if record.submitted is not None:
        if record.summary is None:
            yield Problem(at("submitted"), msg("sub_round_summary_missing"))
        elif record.summary in every("new_round_summary"):
            yield Problem(at("summary"), msg("sub_placeholder", field="summary"))
