"""The optional files of the plan as the coordinator changes it (model/changes.py):
``data/extensions.yaml`` and ``data/rounds.yaml``; absent, nothing changes.

The cross-checks of ``data/rounds.yaml`` (另行通知报送): each round is unique, names units
and groups that exist, and is due after the notice that called it, which is dated within
the plan. What a round asks of units is derived in ``derive/rounds.py``; the checks of
extensions need the obligations, and are made there (``derive/extensions.py``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from fzzf_cli.errors import Problem
from fzzf_cli.model.changes import ExtensionsFile, RoundsFile
from fzzf_cli.model.dataset import EXTENSIONS, ROUNDS, Dataset
from fzzf_cli.model.fields import Record
from fzzf_cli.text import msg
from fzzf_cli.validate.checks import suggest_unit

OPTIONAL_FILES: dict[str, type[Record]] = {EXTENSIONS: ExtensionsFile, ROUNDS: RoundsFile}


def with_changes(dataset: Dataset, records: dict[str, Any]) -> Dataset:
    """The plan with the optional files that passed their models (a broken one is
    reported and left out: the plan as issued still answers)."""
    extensions = records.get(EXTENSIONS, dataset.extensions_file)
    rounds = records.get(ROUNDS, dataset.rounds_file)
    return dataclasses.replace(dataset, extensions_file=extensions, rounds_file=rounds)


def check_rounds(ds: Dataset) -> Iterator[Problem]:
    """Every problem of the declared rounds, at its line."""
    seen: set[str] = set()
    plan = ds.measures_file.plan
    for i, rnd in enumerate(ds.rounds_file.rounds):
        if rnd.id in seen:
            yield Problem(ds.where(ROUNDS, ("rounds", i, "id")), msg("round_dup", id=rnd.id))
        seen.add(rnd.id)
        for j, ref in enumerate(rnd.units):
            if ref not in ds.units and ref not in ds.groups:
                where = ds.where(ROUNDS, ("rounds", i, "units", j))
                yield Problem(where, msg("ref_unknown", ref=ref), suggest_unit(ds, ref))
        if rnd.date < plan.date:
            where = ds.where(ROUNDS, ("rounds", i, "date"))
            yield Problem(where, msg("change_before_plan", day=rnd.date, plan=plan.date))
        if rnd.due <= rnd.date:
            where = ds.where(ROUNDS, ("rounds", i, "due"))
            yield Problem(where, msg("round_due_not_after", due=rnd.due, day=rnd.date))
