"""How long proving filing dates from git history takes, against git's own log of the same
history, in the same run.

    python benchmarks/history_speed.py [--files 5000] [--per-merge 10] [--runs 7]

Builds a data repository's history with ``git fast-import`` (fixed dates): the submission
files arrive through pull requests of ``--per-merge`` files each, merged into ``main`` with
merge commits; one in ten files is amended later and one in twenty is merged as a draft
and filled in later (those need their versions read). Then times ``history.proofs`` (the
whole pass fzzf makes: one ``git log`` over the tree, hashing the work tree's files, reading
the blobs it needs) and, as the baseline, the bare ``git log --raw`` it starts from. The
target is under 2 s for 5,000 files on a 2-core machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fzzf_cli.model.filings import Report
from fzzf_cli.read.gitrepo import open_repo
from fzzf_cli.read.history import proofs
from fzzf_cli.read.yamlio import parse_yaml

TARGET_SECONDS = 2.0
START = 1467331200  # 2016-07-01 00:00 UTC


def _report(unit: str, submitted: str | None, note: str = "") -> bytes:
    day = submitted or "null"
    text = f"unit: {unit}\nperiod: 2017-H1\nsubmitted: {day}\nitems: []\n{note}"
    return text.encode()


def _blob(stream: list[bytes], content: bytes) -> None:
    stream.append(b"data %d\n" % len(content) + content + b"\n")


def _commit(stream: list[bytes], ref: str, mark: int, when: int, message: str,
            parents: list[str], files: dict[str, bytes]) -> None:  # fmt: skip
    stream.append(f"commit {ref}\nmark :{mark}\n".encode())
    stream.append(f"committer bench <bench@example.invalid> {when} +0800\n".encode())
    _blob(stream, message.encode())
    if parents:
        stream.append(f"from {parents[0]}\n".encode())
        for other in parents[1:]:
            stream.append(f"merge {other}\n".encode())
    for path, content in files.items():
        stream.append(f"M 100644 inline {path}\n".encode())
        _blob(stream, content)


def build(repo: Path, files: int, per_merge: int) -> list[tuple[str, date | None]]:
    """The repository, and (path, submitted now) of every file in its work tree."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    stream: list[bytes] = []
    mark, when = 1, START
    _commit(stream, "refs/heads/main", mark, when, "plan", [], {"data/measures.yaml": b"x: 1\n"})
    main = f":{mark}"
    current: dict[str, date | None] = {}
    for start in range(0, files, per_merge):
        batch = {}
        for n in range(start, min(start + per_merge, files)):
            path = f"data/submissions/2017-H1/u{n:05d}.yaml"
            draft = n % 20 == 0
            batch[path] = _report(f"u{n:05d}", None if draft else "2016-06-28")
            current[path] = None if draft else date(2016, 6, 28)
        mark += 1
        when += 3600
        _commit(stream, "refs/heads/pr", mark, when - 1800, "pr", [main], batch)
        mark += 1
        _commit(stream, "refs/heads/main", mark, when, "merge", [main, f":{mark - 1}"], batch)
        main = f":{mark}"
    later = {}
    for n in range(0, files, 10):  # amendments, and drafts filled in
        path = f"data/submissions/2017-H1/u{n:05d}.yaml"
        later[path] = _report(f"u{n:05d}", "2016-06-29", "note: 补充说明\n")
        current[path] = date(2016, 6, 29)
    for start in range(0, len(later), per_merge):
        mark += 1
        when += 3600
        chunk = dict(list(later.items())[start : start + per_merge])
        _commit(stream, "refs/heads/main", mark, when, "amend", [main], chunk)
        main = f":{mark}"
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True)
    return sorted(current.items())


def accept(path: str, content: bytes, reached: date) -> date | None:
    """What fzzf asks of a version in history, but for the plan's cross-checks (the made-up
    units are not in the plan): it reads as YAML, is a valid report, and is filed."""
    doc, _ = parse_yaml(content, path)
    if doc is None:
        return None
    try:
        return Report.model_validate(doc.data).submitted
    except ValueError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--per-merge", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        repo_path = Path(folder) / "repo"
        current = build(repo_path, options.files, options.per_merge)
        repo = open_repo(repo_path)
        if repo is None:
            sys.exit("could not build the repository")
        log = ["git", "log", "-m", "--first-parent", "--no-renames", "--raw", "-z",
               "--no-abbrev", "HEAD", "--", "data/submissions"]  # fmt: skip
        baseline, ours = [], []
        found: dict = {}
        for _ in range(options.runs):
            start = time.perf_counter()
            subprocess.run(log, cwd=repo_path, check=True, capture_output=True)
            baseline.append(time.perf_counter() - start)
            start = time.perf_counter()
            found = proofs(
                repo, repo.head, "data/submissions", current, timedelta(hours=8), repo_path, accept
            )
            ours.append(time.perf_counter() - start)
    filed = sum(1 for _, day in current if day is not None)
    assert len(found) == filed, (len(found), filed)
    commits = options.files // options.per_merge * 2 + options.files // 10 // options.per_merge + 1
    print(f"{options.files} submission files, about {commits} commits; {options.runs} runs")
    print(f"git log --raw (baseline): median {statistics.median(baseline):.3f} s")
    print(
        f"history.proofs:           median {statistics.median(ours):.3f} s, best {min(ours):.3f} s"
    )
    ratio = statistics.median(ours) / statistics.median(baseline)
    verdict = "under" if statistics.median(ours) < TARGET_SECONDS else "OVER"
    print(f"ratio {ratio:.2f}; {verdict} the {TARGET_SECONDS:.0f} s target")


if __name__ == "__main__":
    main()
