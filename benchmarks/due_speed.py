"""Start-up: wall time of fzzf's quickest answers on the bundled plan, against importing
fzzf's dependencies alone (``python -c "import typer, pydantic, yaml, rich"``), in the same run.

    python benchmarks/due_speed.py [--runs 20]

Times ``fzzf due --year 2017``, ``fzzf --help`` and ``fzzf owes 德庆县`` with a warm plan
cache, and ``due`` once more with the cache turned off (every run reads and validates the
YAML). The runs alternate (baseline, each command, baseline, …) so that a machine busy for a
while slows all of them alike; it prints the median and best of each and the ratio of
medians to the baseline's. The target is a ratio at or below 1.0 for the three cached
commands. Run it from any folder; fzzf runs on the embedded plan from a temporary folder,
so no data repository is picked up.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_RATIO = 1.0


def run_once(command: list[str], cwd: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def environment(cwd: str, cache: bool) -> dict[str, str]:
    # Bytecode is cached as in any installation (an editable install run with
    # PYTHONDONTWRITEBYTECODE would compile fzzf's modules on every run).
    env = {k: v for k, v in os.environ.items() if not k.startswith("FZZF_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["FZZF_AS_OF"] = "2017-01-01"
    env["FZZF_CACHE_DIR"] = os.path.join(cwd, "cache")
    if not cache:
        env["FZZF_NO_CACHE"] = "1"
    return env


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    # the fzzf of the Python running this script (its venv), then the one on PATH
    fzzf = shutil.which("fzzf", path=os.path.dirname(sys.executable)) or shutil.which("fzzf")
    if fzzf is None:
        sys.exit("fzzf is not installed (pip install .)")
    commands = {
        "baseline: import typer, pydantic, yaml, rich": (
            [sys.executable, "-c", "import typer, pydantic, yaml, rich"],
            True,
        ),
        "fzzf due --year 2017": ([fzzf, "due", "--year", "2017"], True),
        "fzzf --help": ([fzzf, "--help"], True),
        "fzzf owes 德庆县": ([fzzf, "owes", "德庆县"], True),
        "fzzf due --year 2017, no plan cache": ([fzzf, "due", "--year", "2017"], False),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as away:
        for command, cache in commands.values():  # warm the plan cache and the file cache
            for _ in range(2):
                run_once(command, away, environment(away, cache))
        for _ in range(options.runs):
            for name, (command, cache) in commands.items():
                times[name].append(run_once(command, away, environment(away, cache)))
    base = statistics.median(next(iter(times.values())))
    print(f"{os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}")
    print(f"medians of {options.runs} alternating runs")
    worst = 0.0
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / base
        print(f"{name:45} median {median:.3f} s  best {min(values):.3f} s  ratio {ratio:.2f}")
        if name.startswith("fzzf") and "no plan cache" not in name:
            worst = max(worst, ratio)
    verdict = "met" if worst <= TARGET_RATIO else "NOT met"
    print(f"target: every cached command at most {TARGET_RATIO:.1f}× the baseline: {verdict}")


if __name__ == "__main__":
    main()
