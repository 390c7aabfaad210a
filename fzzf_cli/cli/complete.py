"""Tab completion of unit names for the commands that take one (``fzzf owes 德<Tab>``).

Runs at every Tab press, in a shell, not in a command: it prints nothing and raises nothing;
a plan that cannot be loaded gives no offers. The plan comes from ``--data`` when it was
typed before the unit, then as for any query (FZZF_DATA, the folders up, the built-in plan).
"""

from __future__ import annotations

import os
from typing import Any


def _offers(ctx: Any, incomplete: str, units_only: bool) -> list[tuple[str, str]]:
    try:
        from fzzf_cli.cli.app import data_root
        from fzzf_cli.select.complete import unit_choices
        from fzzf_cli.validate import cache
        from fzzf_cli.validate.load import load_dataset

        root = data_root(ctx.params.get("data") if ctx is not None else None)
        ds, _ = load_dataset(root.path, cache.default_dir(os.environ))
        return [] if ds is None else unit_choices(ds, incomplete, units_only=units_only)
    except Exception:  # a Tab press never fails: nothing to offer
        return []


def complete_unit(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """A unit's name or id."""
    return _offers(ctx, incomplete, units_only=True)


def complete_unit_or_group(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """A unit's or a group's name or id."""
    return _offers(ctx, incomplete, units_only=False)
