"""A valid data repository at a given scale, for ``benchmarks/scale.py``: deterministic and seeded.

    python benchmarks/scale_repo.py DEST [--scale 4] [--seed 1]

Scale 1 is the bundled plan's own units (47 of them report), each filing one report per
half-year: 282 submission files. Scale ``k`` adds ``(k - 1) * 50`` made-up units
(county governments and city departments, which join the plan's groups by kind and tag,
and one explicit group per 25 of them), so files and units grow with ``k``: about 1,200
files at 4, 4,800 at 16 and 7,500 at 25. Every report lists the items its unit owes by the
end of the half-year, with seeded statuses, so ``fzzf validate`` accepts the repository.
No git: filing dates are as declared. ALL OF IT IS MADE-UP DATA.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PLAN = Path(__file__).resolve().parent.parent / "data"
EXTRA_PER_SCALE = 50
GROUP_SIZE = 25
PLAIN = re.compile(r"[a-z][a-z0-9_]*-[a-z0-9_.-]*|[a-z][a-z_]*")  # ids, statuses: no quotes
STATUSES = ("not_started", "in_progress")


def _extra_units(count: int) -> tuple[str, str]:
    """YAML for ``count`` made-up units, and for the groups that list them."""
    units, groups = [], []
    for n in range(count):
        if n % 3 == 0:
            kind, tags = "county_government", ""
            name = f"样例{n}县"
        else:
            kind = "city_department"
            tags = "    tags: [government_department, law_enforcement]\n"
            name = f"市样例{n}局"
        units.append(f"  - id: sample-{n}\n    name: {name}\n    kind: {kind}\n{tags}")
    for start in range(0, count, GROUP_SIZE):
        members = ", ".join(f"sample-{n}" for n in range(start, min(start + GROUP_SIZE, count)))
        groups.append(
            f"  - id: sample-group-{start // GROUP_SIZE}\n"
            f"    name: 样例组{start // GROUP_SIZE}\n    members: [{members}]\n"
        )
    return "".join(units), "".join(groups)


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and PLAIN.fullmatch(value):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _block(data: dict[str, Any], indent: str) -> Iterator[str]:
    """Block-style YAML for the plain values of a report (fast: no dumper, no re-parse)."""
    for key, value in data.items():
        if isinstance(value, list):
            yield f"{indent}{key}:{' []' if not value else ''}\n"
            for entry in value:
                lines = list(_block(entry, indent + "    "))
                yield indent + "  - " + lines[0][len(indent) + 4 :]
                yield from lines[1:]
        else:
            yield f"{indent}{key}: {_scalar(value)}\n"


def write_plan(dest: Path, scale: int) -> None:
    shutil.copytree(PLAN, dest / "data")
    units_file = dest / "data" / "units.yaml"
    text = units_file.read_text(encoding="utf-8")
    units, groups = _extra_units((scale - 1) * EXTRA_PER_SCALE)
    head, marker, tail = text.partition("\ngroups:\n")
    units_file.write_text(head + "\n" + units + marker + groups + tail, encoding="utf-8")


def build(dest: Path, scale: int = 1, seed: int = 1, periods: int | None = None) -> int:
    """Write the repository under ``dest`` (which must not exist); the number of files.
    ``periods``: report on the first so many half-years only (a small repository for tests)."""
    from fzzf_cli.derive.obligations import Obligation, derive, reporters
    from fzzf_cli.derive.scaffold import report_data
    from fzzf_cli.validate.load import load_dataset
    from fzzf_cli.validate.subs_load import Submissions

    if dest.exists():
        raise SystemExit(f"{dest} already exists")
    write_plan(dest, scale)
    ds, problems = load_dataset(dest)
    if ds is None or problems:
        raise SystemExit("\n".join(str(p) for p in problems) or "the plan did not load")
    by_unit: dict[str, list[Obligation]] = {}
    for o in derive(ds):
        by_unit.setdefault(o.unit_id, []).append(o)
    empty = Submissions([], [], [], [])
    issued = ds.measures_file.plan.date
    rng = random.Random(seed)
    done: dict[tuple[str, str], str] = {}  # once done, an item stays done on the same day
    last: dict[str, date] = {}  # each unit's previous filing: a later "done" comes after it
    written = 0
    for period in ds.measures_file.reporting.periods[:periods]:
        folder = dest / "data" / "submissions" / period.id
        folder.mkdir(parents=True)
        for unit in reporters(ds):
            submitted = period.due - timedelta(days=rng.randrange(0, 20))
            since = last.get(unit, issued)
            last[unit] = submitted
            data = report_data(ds, by_unit.get(unit, []), empty, unit, period.id, submitted)
            for item in data["items"]:
                key = (unit, item["id"])
                if key not in done and rng.random() < 0.4:
                    span = max((submitted - since).days, 1)
                    done[key] = (since + timedelta(days=1 + rng.randrange(span))).isoformat()
                if key in done:
                    item["status"] = "done"
                    item["done"] = done[key]
                    item["evidence"] = [{"text": f"样例佐证 {rng.randrange(10**6)}"}]
                else:
                    item["status"] = rng.choice(STATUSES)
                    item["note"] = f"样例进展说明 {rng.randrange(10**6)}"
            text = "".join(_block(data, ""))
            (folder / f"{unit}.yaml").write_text(text, encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    print(build(options.dest, options.scale, options.seed), "submission files")


if __name__ == "__main__":
    main()
