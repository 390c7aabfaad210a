"""How fzzf's reading commands grow with the data, against the YAML parser's floor, in one run.

    python benchmarks/scale.py [--scales 1,4,16,25] [--runs 5] [--commands validate,check,...]

For each scale, builds a valid data repository (``scale_repo.py``: about 280 submission
files at 1, 1,200 at 4, 4,800 at 16, 7,500 at 25) in a temporary folder, then times, each
as a separate process on the same files:

- the floor: Python reading every submission file with ``yaml.CSafeLoader`` alone;
- each command cold (an empty cache folder, as a CI run starts with: the plan and every file
  are read and validated, and the cache written), warm (that folder, now filled) and with
  one file changed since the warm run ("1 new": what CI sees on a pull request).

It prints per scale and command the median wall time, the ratio to the floor, the time per
file, and the peak memory of the process (``ru_maxrss`` of that child, from ``os.wait4``).
Growth is linear when the time per file beyond start-up (the median minus the same command
on the same plan with no submissions, one run) stays within ±30 % of the smallest scale's; rows that
do not are flagged ``NONLINEAR``. Targets at about 4,800 files, cold: ``validate`` and
``check`` within 3x the floor and under 200 MB. Not a test: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_repo import build, write_plan

AS_OF = "2019-01-01"
COMMANDS = {
    "validate": ["validate"],
    "check": ["check"],
    "status": ["status", "-f", "json"],
    "overdue": ["overdue", "-f", "json"],
    "report": ["report", "-f", "md", "-o", "-"],
}
FLOOR = """
import sys, yaml
for name in open(sys.argv[1], encoding="utf-8").read().split("\\n"):
    with open(name, "rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
"""
TARGET_RATIO = 3.0
TARGET_MB = 200
LINEAR = 0.30


def run_once(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed in {cwd} (exit {child.returncode})")
    return elapsed, usage.ru_maxrss / 1024


def timed(command: list[str], cwd: Path, env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median seconds and the largest peak memory over ``runs`` runs."""
    results = [run_once(command, cwd, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def environment(cache: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FZZF_")}
    env.update({"FZZF_AS_OF": AS_OF, "NO_COLOR": "1", "TZ": "Asia/Shanghai"})
    if cache is None:
        env["FZZF_NO_CACHE"] = "1"
    else:
        env["FZZF_CACHE_DIR"] = str(cache)
    return env


def measure(scale: int, options: argparse.Namespace, fzzf: str, work: Path) -> list[dict]:
    repo, empty = work / f"repo-{scale}", work / f"plan-{scale}"
    files = build(repo, scale, options.seed)
    write_plan(empty, scale)
    listing = work / f"files-{scale}.txt"
    names = sorted(str(p) for p in (repo / "data" / "submissions").rglob("*.yaml"))
    listing.write_text("\n".join(names), encoding="utf-8")
    cold = environment(None)
    floor, floor_mb = timed([sys.executable, "-c", FLOOR, str(listing)], repo, cold, options.runs)
    rows = [{"scale": scale, "files": files, "command": "floor", "mode": "cold",
             "median": floor, "mb": floor_mb, "base": 0.0}]  # fmt: skip
    for name in options.commands:
        command = [fzzf, *COMMANDS[name]]
        base, _ = run_once(command, empty, cold)
        results = []
        for run in range(options.runs):  # cold: an empty cache folder, as CI starts with
            cache = work / f"cache-{scale}-{name}-{run}"
            results.append(run_once(command, repo, environment(cache)))
        warm = [run_once(command, repo, environment(cache)) for _ in range(options.runs)]
        changed = []
        for run in range(options.runs):  # a pull request that touches one file
            with open(names[0], "a", encoding="utf-8") as handle:
                handle.write(f"# {name} {run}\n")
            changed.append(run_once(command, repo, environment(cache)))
        for mode, found in (("cold", results), ("warm", warm), ("1 new", changed)):
            median, mb = statistics.median(r[0] for r in found), max(r[1] for r in found)
            rows.append({"scale": scale, "files": files, "command": name, "mode": mode,
                         "median": median, "mb": mb, "base": base})  # fmt: skip
    return rows


def report(rows: list[dict]) -> None:
    floors = {r["scale"]: r["median"] for r in rows if r["command"] == "floor"}
    first: dict[tuple[str, str], float] = {}
    header = f"{'scale':>5} {'files':>6} {'command':<9} {'mode':<6} {'median s':>9} "
    header += f"{'x floor':>8} {'ms/file':>8} {'ms/file*':>9} {'peak MB':>8}  flags"
    print(header)
    for r in rows:
        ratio = r["median"] / floors[r["scale"]]
        per_file = 1000 * r["median"] / r["files"]
        marginal = 1000 * max(r["median"] - r["base"], 0.0) / r["files"]
        key = (r["command"], r["mode"])
        first.setdefault(key, marginal)
        flags = []
        if r["command"] != "floor" and abs(marginal - first[key]) > LINEAR * max(first[key], 0.05):
            flags.append("NONLINEAR")
        big = r["files"] >= 4000 and r["mode"] == "cold" and r["command"] in ("validate", "check")
        if big and ratio > TARGET_RATIO:
            flags.append(f">{TARGET_RATIO:g}x")
        if big and r["mb"] > TARGET_MB:
            flags.append(f">{TARGET_MB}MB")
        print(f"{r['scale']:>5} {r['files']:>6} {r['command']:<9} {r['mode']:<6} "
              f"{r['median']:>9.3f} {ratio:>8.2f} {per_file:>8.3f} {marginal:>9.3f} "
              f"{r['mb']:>8.0f}  {' '.join(flags)}")  # fmt: skip
    print("ms/file* = (median - the same command on the plan alone) / files; "
          f"NONLINEAR: off the smallest scale's by more than {LINEAR:.0%}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,4,16,25")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--commands", default=",".join(COMMANDS))
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    options.commands = [c for c in options.commands.split(",") if c]
    unknown = set(options.commands) - set(COMMANDS)
    if unknown:
        parser.error(f"unknown commands: {', '.join(sorted(unknown))}")
    # the fzzf of the Python running this script (its venv), then the one on PATH
    fzzf = shutil.which("fzzf", path=os.path.dirname(sys.executable)) or shutil.which("fzzf")
    if fzzf is None:
        sys.exit("fzzf is not installed (pip install .)")
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        for scale in (int(s) for s in options.scales.split(",")):
            found = measure(scale, options, fzzf, Path(folder))
            rows += found
            print(json.dumps(found), file=sys.stderr)  # nothing measured is lost to a crash
    report(rows)


if __name__ == "__main__":
    main()
