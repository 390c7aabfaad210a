"""Wall time of ``fzzf due --year 2017`` on the bundled plan, against importing fzzf's
dependencies alone (``python -c "import typer, pydantic, yaml, rich"``), in the same run.

    python benchmarks/due_speed.py [--runs 20] [-- fzzf args…]

Prints the median and best of each command and the ratio of medians, and the same
command with the plan cache turned off (every run reads and validates the YAML). The target is a
median under 0.4 s on a 2-core machine. Run it from any folder; it runs fzzf on the
embedded plan from a temporary folder so no data repository is picked up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_SECONDS = 0.4


def timed(command: list[str], runs: int, cwd: str, cache: bool = True) -> list[float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FZZF_")}
    env["FZZF_AS_OF"] = "2017-01-01"
    env["FZZF_CACHE_DIR"] = os.path.join(cwd, "cache")
    if not cache:
        env["FZZF_NO_CACHE"] = "1"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("args", nargs="*", default=["due", "--year", "2017"])
    options = parser.parse_args()
    fzzf = shutil.which("fzzf")
    if fzzf is None:
        sys.exit("fzzf is not installed (pip install .)")
    baseline = [sys.executable, "-c", "import typer, pydantic, yaml, rich"]
    with tempfile.TemporaryDirectory() as away:
        timed([fzzf, *options.args], 2, away)  # warm the file cache
        base = timed(baseline, options.runs, away)
        ours = timed([fzzf, *options.args], options.runs, away)
        cold = timed([fzzf, *options.args], options.runs, away, cache=False)
    b, o = statistics.median(base), statistics.median(ours)
    print(f"baseline  import typer, pydantic, yaml, rich: median {b:.3f} s  best {min(base):.3f} s")
    print(f"fzzf {' '.join(options.args)}: median {o:.3f} s  best {min(ours):.3f} s")
    print(f"ratio (median fzzf / median baseline): {o / b:.2f}")
    c = statistics.median(cold)
    print(f"without the plan cache (FZZF_NO_CACHE=1): median {c:.3f} s  ratio {c / b:.2f}")
    verdict = "under" if o < TARGET_SECONDS else "OVER"
    print(f"target {TARGET_SECONDS:.1f} s: {verdict} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
